import { spanish } from '../shared/es';
import { Speech } from '../speech';

/** Spain tells what just happened in the perfect tense ("he sumado", "no he podido"), and says "prueba a decir". */
export const esES: Speech = {
  ...spanish,
  added: (amount, count) => `He sumado ${amount}. Tu contador guardado marca ${count}.`,
  amountNotAllowed: (min, max) =>
    `Puedo sumar números enteros del ${min} al ${max}. Tu contador sigue igual. Prueba a decir: suma 5.`,
  reset: 'Tu contador ha vuelto a 0.',
  tooManyUpdates:
    'Lo siento, están llegando muchos cambios a tu contador a la vez y no he podido confirmar este. Pregunta por tu contador para comprobarlo.',
  somethingWentWrong: 'Lo siento, he tenido un problema con lo que has pedido. Inténtalo de nuevo.',
};
