import { Speech } from '../speech';

export const deDE: Speech = {
  welcome: (count) =>
    count === 0
      ? 'Willkommen bei Hallo Zähler. Dein gespeicherter Zählerstand ist 0. ' +
        'Du kannst hallo sagen, eine Zahl dazuzählen oder nach deinem Stand fragen.'
      : `Willkommen zurück. Dein gespeicherter Zählerstand ist ${count}. ` +
        'Du kannst hallo sagen, eine Zahl dazuzählen oder nach deinem Stand fragen.',
  reprompt: 'Sag hallo, zähl eine Zahl dazu oder frag nach deinem Stand.',
  hello: (count) => `Hallo, Welt! Dein gespeicherter Zählerstand ist ${count}.`,
  added: (amount, count) => `Ich habe ${amount} dazugezählt. Dein gespeicherter Zählerstand ist ${count}.`,
  amountNotAllowed: (min, max) =>
    `Ich kann ganze Zahlen von ${min} bis ${max} dazuzählen. Dein Zählerstand bleibt, wie er ist. ` +
    'Sag zum Beispiel: zähl 5 dazu.',
  currentCount: (count) => `Dein Zählerstand ist ${count}.`,
  reset: 'Dein Zähler steht wieder auf 0.',
  help:
    'Ich zähle für dich mit. Sag „hallo“ oder „zähl 1 dazu“, um hochzuzählen. Du kannst auch eine Zahl bis 1000 ' +
    'dazuzählen, nach deinem Stand fragen oder mit „zurücksetzen“ von vorne anfangen. Was möchtest du tun?',
  goodbye: (count) => `Bis bald. Dein Zählerstand ist ${count}.`,
  goodbyeHome: 'Bis bald.',
  fallback: 'Tut mir leid, dabei kann ich dir nicht helfen. Sag Hilfe, um zu hören, was ich kann.',
  storageUnavailable:
    'Tut mir leid, ich komme gerade nicht an deinen gespeicherten Zählerstand. Bitte versuch es gleich noch einmal.',
  tooManyUpdates:
    'Tut mir leid, gerade kommen sehr viele Änderungen an deinem Zähler gleichzeitig an, und diese konnte ich nicht bestätigen. Frag nach deinem Stand, um nachzusehen.',
  savedDataTooLarge:
    'Tut mir leid, deine gespeicherten Daten sind zu groß geworden, um sie zu speichern. Dein Zählerstand kann sich deshalb nicht ändern und bleibt, wie er ist.',
  somethingWentWrong: 'Tut mir leid, da ist etwas schiefgegangen. Bitte versuch es noch einmal.',
};
