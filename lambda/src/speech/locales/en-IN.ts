import { english } from '../shared/en';
import { Speech } from '../speech';

export const enIN: Speech = english;
