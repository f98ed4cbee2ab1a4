import { french } from '../shared/fr';
import { Speech } from '../speech';

export const frFR: Speech = french;
