import { Speech } from '../speech';

export const nlNL: Speech = {
  welcome: (count) =>
    count === 0
      ? 'Welkom bij Hallo Teller. Je opgeslagen teller staat op 0. ' +
        'Je kunt hallo zeggen, een getal optellen of naar je stand vragen.'
      : `Welkom terug. Je opgeslagen teller staat op ${count}. ` +
        'Je kunt hallo zeggen, een getal optellen of naar je stand vragen.',
  reprompt: 'Zeg hallo, tel een getal op of vraag naar je stand.',
  hello: (count) => `Hallo, wereld! Je opgeslagen teller staat op ${count}.`,
  added: (amount, count) => `Ik heb er ${amount} bij opgeteld. Je opgeslagen teller staat op ${count}.`,
  amountNotAllowed: (min, max) =>
    `Ik kan hele getallen van ${min} tot en met ${max} optellen. Je teller is niet veranderd. ` +
    'Zeg bijvoorbeeld: tel er 5 bij.',
  currentCount: (count) => `Je teller staat op ${count}.`,
  reset: 'Je teller staat weer op 0.',
  help:
    "Ik houd een teller voor je bij. Zeg 'hallo' of 'tel er 1 bij' om verder te tellen. Je kunt ook een getal tot en met 1000 " +
    "optellen, vragen wat je stand is of 'reset' zeggen om opnieuw te beginnen. Wat wil je doen?",
  goodbye: (count) => `Tot ziens. Je teller staat op ${count}.`,
  goodbyeHome: 'Tot ziens.',
  fallback: 'Sorry, daar kan ik je niet mee helpen. Zeg help om te horen wat ik kan.',
  storageUnavailable: 'Sorry, ik kan je opgeslagen teller nu niet bereiken. Probeer het zo nog eens.',
  tooManyUpdates:
    'Sorry, er komen nu heel veel wijzigingen tegelijk binnen voor je teller, en deze kon ik niet bevestigen. Vraag naar je stand om het te controleren.',
  savedDataTooLarge:
    'Sorry, je opgeslagen gegevens zijn te groot geworden om op te slaan, dus je teller kan niet veranderen. Hij blijft zoals hij was.',
  somethingWentWrong: 'Sorry, het is me niet gelukt om te doen wat je vroeg. Probeer het nog eens.',
};
