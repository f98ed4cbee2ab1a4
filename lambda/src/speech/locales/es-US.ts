import { spanish } from '../shared/es';
import { Speech } from '../speech';

export const esUS: Speech = spanish;
