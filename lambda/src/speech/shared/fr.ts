import { Speech } from '../speech';

/** French as France says it (fr-FR); Canada (fr-CA) keeps these sentences and greets its own way. */
export const french: Speech = {
  welcome: (count) =>
    count === 0
      ? 'Bienvenue dans Bonjour Compteur. Votre compteur enregistré est à 0. ' +
        'Vous pouvez dire bonjour, ajouter un nombre ou demander le total.'
      : `Vous revoilà. Votre compteur enregistré est à ${count}. ` +
        'Vous pouvez dire bonjour, ajouter un nombre ou demander le total.',
  reprompt: 'Dites bonjour, ajoutez un nombre ou demandez le total.',
  hello: (count) => `Bonjour le monde ! Votre compteur enregistré est à ${count}.`,
  added: (amount, count) => `J'ai ajouté ${amount}. Votre compteur enregistré est à ${count}.`,
  amountNotAllowed: (min, max) =>
    `Je peux ajouter des nombres entiers de ${min} à ${max}. Votre compteur n'a pas changé. ` +
    'Essayez de dire : « ajoute 5 ».',
  currentCount: (count) => `Votre compteur est à ${count}.`,
  reset: 'Votre compteur est revenu à 0.',
  help:
    "Je tiens un compteur pour vous. Pour compter, dites « bonjour » ou « ajoute 1 ». Vous pouvez aussi ajouter un nombre jusqu'à 1000, " +
    'demander quel est le total ou dire « remets à zéro » pour recommencer. Dites-moi ce que vous voulez faire.',
  goodbye: (count) => `Au revoir. Votre compteur est à ${count}.`,
  goodbyeHome: 'Au revoir.',
  fallback: 'Désolée, je ne peux pas vous aider avec ça. Dites aide pour savoir ce que je sais faire.',
  storageUnavailable:
    "Désolée, je n'arrive pas à joindre votre compteur enregistré pour le moment. Réessayez dans un instant.",
  tooManyUpdates:
    "Désolée, beaucoup de mises à jour de votre compteur arrivent en même temps et je n'ai pas pu confirmer celle-ci. Demandez où vous en êtes pour vérifier.",
  savedDataTooLarge:
    'Désolée, vos données enregistrées sont devenues trop volumineuses pour que je les enregistre : votre compteur ne peut pas changer. Il reste tel quel.',
  somethingWentWrong: "Désolée, je n'ai pas réussi à faire ce que vous avez demandé. Veuillez réessayer.",
};
