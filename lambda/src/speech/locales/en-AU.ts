import { english } from '../shared/en';
import { Speech } from '../speech';

export const enAU: Speech = english;
