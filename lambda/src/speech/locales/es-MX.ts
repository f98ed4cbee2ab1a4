import { spanish } from '../shared/es';
import { Speech } from '../speech';

export const esMX: Speech = spanish;
