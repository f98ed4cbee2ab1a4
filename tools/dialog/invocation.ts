import type { InvocationPhrases } from '../languages/language';
import { phraseKey, toWords, wordKeys, type Word } from './words';

export type Invocation =
  | { kind: 'launch' }
  /**
   * The request that came with the name, as each one-shot phrase that fits reads it (the most specific phrase
   * first), with and without a leading connector word.
   */
  | { kind: 'one-shot'; readings: Word[][] };

/** An invocation phrase as word keys: the words before `{request}` and after it (all of them for a launch). */
interface Phrase {
  before: string[];
  after: string[];
  takesRequest: boolean;
}

/**
 * Reads invocations anchored at the start and end of the utterance, as Alexa does: "tell me the count" names no
 * skill and is not an invocation, whereas "tell hello counter the count" is, and so is "ハローカウンターを開いて".
 */
export function createInvocationParser(
  phrases: InvocationPhrases,
  invocationName: string,
): (words: Word[]) => Invocation | undefined {
  const compile = (template: string): Phrase => {
    const [before, after] = template.replaceAll('{name}', ` ${invocationName} `).split('{request}');
    return {
      before: wordKeys(before),
      after: after === undefined ? [] : wordKeys(after),
      takesRequest: after !== undefined,
    };
  };
  const launches = phrases.launch.map(compile);
  // "ハローカウンターに今いくつって聞いて" fits "{name}に{request}" too, with "って聞いて" in the request
  const oneShots = phrases.oneShot
    .map(compile)
    .sort((a, b) => b.before.length + b.after.length - (a.before.length + a.after.length));
  const wakeWord = wordKeys(phrases.wakeWord);
  const connectors = phrases.connectors.map(phraseKey);
  // "d'" of "demande à … d'ajouter cinq" is written onto the request's first word
  const elided = phrases.connectors.filter((connector) => connector.endsWith("'"));

  const withoutConnector = (request: Word[]): Word[] | undefined => {
    if (request.length > 1 && connectors.includes(request[0].key)) return request.slice(1);
    const [first, ...rest] = request;
    const prefix = elided.find((connector) => first.spoken.startsWith(connector));
    if (!prefix || first.spoken.length === prefix.length) return undefined;
    return [...toWords(first.spoken.slice(prefix.length)), ...rest];
  };

  return (utterance) => {
    const words = startsWith(utterance, wakeWord) ? utterance.slice(wakeWord.length) : utterance;
    const said = (phrase: Phrase) =>
      words.length >= phrase.before.length + phrase.after.length &&
      startsWith(words, phrase.before) &&
      endsWith(words, phrase.after);
    if (launches.some((phrase) => said(phrase) && words.length === phrase.before.length)) {
      return { kind: 'launch' };
    }
    const requests = oneShots
      .filter(said)
      .map((phrase) => words.slice(phrase.before.length, words.length - phrase.after.length));
    if (requests.length === 0) return undefined;
    if (requests.some((request) => request.length === 0)) return { kind: 'launch' }; // "ask hello counter"
    const readings = requests.flatMap((request) => {
      const afterConnector = withoutConnector(request);
      return afterConnector ? [afterConnector, request] : [request];
    });
    return { kind: 'one-shot', readings };
  };
}

function startsWith(words: Word[], keys: string[]): boolean {
  return keys.every((key, index) => words[index]?.key === key);
}

function endsWith(words: Word[], keys: string[]): boolean {
  const start = words.length - keys.length;
  return keys.every((key, index) => words[start + index]?.key === key);
}
