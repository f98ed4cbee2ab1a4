import { Speech } from '../speech';

/** Every English locale says the same: no sentence here differs between the US, the UK, Canada, Australia and India. */
export const english: Speech = {
  welcome: (count) =>
    count === 0
      ? 'Welcome to Hello Counter. Your saved counter is 0. You can say hello, add a number, or ask for your count.'
      : `Welcome back. Your saved counter is ${count}. You can say hello, add a number, or ask for your count.`,
  reprompt: 'Say hello, add a number, or ask for your count.',
  hello: (count) => `Hi there, Hello World! Your saved counter is ${count}.`,
  added: (amount, count) => `Added ${amount}. Your saved counter is ${count}.`,
  amountNotAllowed: (min, max) =>
    `I can add whole numbers from ${min} to ${max}. Your counter is unchanged. Try saying add 5.`,
  currentCount: (count) => `Your counter is ${count}.`,
  reset: 'Your counter is back to 0.',
  help:
    'I keep a counter for you. Say hello or add 1 to count up, add a number up to 1000, ' +
    'ask what is my count, or say reset to start over. What would you like to do?',
  goodbye: (count) => `Goodbye. Your counter is ${count}.`,
  goodbyeHome: 'Goodbye.',
  fallback: "Sorry, I can't help with that. Say help to hear what I can do.",
  storageUnavailable: "Sorry, I can't reach your saved counter right now. Please try again in a moment.",
  tooManyUpdates:
    "Sorry, many updates to your counter are arriving at once, and I couldn't confirm this one. Ask for your count to check.",
  savedDataTooLarge:
    "Sorry, your saved data has grown too large for me to store, so your counter can't change. It stays as it was.",
  somethingWentWrong: 'Sorry, I had trouble doing what you asked. Please try again.',
};
