import { french } from '../shared/fr';
import { Speech } from '../speech';

/** Québec greets with "allô", and writes no space before an exclamation mark. */
export const frCA: Speech = {
  ...french,
  hello: (count) => `Allô le monde! Votre compteur enregistré est à ${count}.`,
};
