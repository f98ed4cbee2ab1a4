import { Speech } from '../speech';

export const itIT: Speech = {
  welcome: (count) =>
    count === 0
      ? 'Ti do il benvenuto in Ciao Contatore. Il tuo contatore salvato è a 0. ' +
        'Puoi salutarmi, aggiungere un numero o chiedere a quanto sei.'
      : `Eccoti di nuovo. Il tuo contatore salvato è a ${count}. ` +
        'Puoi salutarmi, aggiungere un numero o chiedere a quanto sei.',
  reprompt: 'Salutami, aggiungi un numero o chiedi a quanto sei.',
  hello: (count) => `Ciao, mondo! Il tuo contatore salvato è a ${count}.`,
  added: (amount, count) => `Ho aggiunto ${amount}. Il tuo contatore salvato è a ${count}.`,
  amountNotAllowed: (min, max) =>
    `Posso aggiungere numeri interi da ${min} a ${max}. Il tuo contatore non è cambiato. Prova a dire: aggiungi 5.`,
  currentCount: (count) => `Il tuo contatore è a ${count}.`,
  reset: 'Il tuo contatore è tornato a 0.',
  help:
    "Tengo il conto per te. Per contare, di' «ciao» oppure «aggiungi 1». Puoi anche aggiungere un numero fino a 1000, " +
    'chiedere a quanto sei o dire «azzera» per ricominciare da zero. Cosa vuoi fare?',
  goodbye: (count) => `A presto. Il tuo contatore è a ${count}.`,
  goodbyeHome: 'A presto.',
  fallback: "Mi dispiace, con questo non posso aiutarti. Di' aiuto per sapere cosa posso fare.",
  storageUnavailable:
    'Mi dispiace, in questo momento non riesco a raggiungere il tuo contatore salvato. Riprova tra poco.',
  tooManyUpdates:
    'Mi dispiace, stanno arrivando molti aggiornamenti al tuo contatore nello stesso momento e non sono riuscita a confermare questo. Chiedi quanto hai per controllare.',
  savedDataTooLarge:
    'Mi dispiace, i tuoi dati salvati sono diventati troppo grandi per salvarli, quindi il tuo contatore non può cambiare. Resta com’era.',
  somethingWentWrong: 'Mi dispiace, non sono riuscita a fare quello che hai chiesto. Riprova.',
};
