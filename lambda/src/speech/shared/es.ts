import { Speech } from '../speech';

/**
 * Spanish as Mexico and the United States say it (es-MX, es-US). Spain (es-ES) keeps these sentences and
 * replaces the few it says differently: what just happened in the perfect tense ("he sumado", not "sumé").
 */
export const spanish: Speech = {
  welcome: (count) =>
    count === 0
      ? 'Te doy la bienvenida a Hola Contador. Tu contador guardado marca 0. ' +
        'Puedes saludarme, sumar un número o preguntar cuánto llevas.'
      : `Hola de nuevo. Tu contador guardado marca ${count}. ` +
        'Puedes saludarme, sumar un número o preguntar cuánto llevas.',
  reprompt: 'Di hola, suma un número o pregunta cuánto llevas.',
  hello: (count) => `¡Hola, mundo! Tu contador guardado marca ${count}.`,
  added: (amount, count) => `Sumé ${amount}. Tu contador guardado marca ${count}.`,
  amountNotAllowed: (min, max) =>
    `Puedo sumar números enteros del ${min} al ${max}. Tu contador no cambió. Intenta decir: suma 5.`,
  currentCount: (count) => `Tu contador marca ${count}.`,
  reset: 'Tu contador volvió a 0.',
  help:
    'Llevo la cuenta por ti. Para contar, di «hola» o «suma 1». También puedes sumar un número hasta 1000, ' +
    'preguntar cuánto llevas o decir «reinicia» para empezar de cero. ¿Qué quieres hacer?',
  goodbye: (count) => `Hasta luego. Tu contador marca ${count}.`,
  goodbyeHome: 'Hasta luego.',
  fallback: 'Lo siento, no puedo ayudarte con eso. Di ayuda para saber qué puedo hacer.',
  storageUnavailable:
    'Lo siento, ahora mismo no puedo acceder a tu contador guardado. Inténtalo de nuevo en un momento.',
  tooManyUpdates:
    'Lo siento, están llegando muchos cambios a tu contador a la vez y no pude confirmar este. Pregunta por tu contador para comprobarlo.',
  savedDataTooLarge:
    'Lo siento, tus datos guardados ya son demasiado grandes para guardarlos, así que tu contador no puede cambiar. Se queda como estaba.',
  somethingWentWrong: 'Lo siento, tuve un problema con lo que pediste. Inténtalo de nuevo.',
};
