import type { InvocationPhrases } from '../languages/language';
import { toWords, type Word } from './words';

export type Invocation =
  | { kind: 'launch' }
  /** The request that came with the name, with and without a leading connector word. */
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
      before: keysOf(before),
      after: after === undefined ? [] : keysOf(after),
      takesRequest: after !== undefined,
    };
  };
  const launches = phrases.launch.map(compile);
  const oneShots = phrases.oneShot.map(compile);
  const wakeWord = keysOf(phrases.wakeWord);

  return (utterance) => {
    const words = startsWith(utterance, wakeWord) ? utterance.slice(wakeWord.length) : utterance;
    const said = (phrase: Phrase) =>
      startsWith(words, phrase.before) && startsWith([...words].reverse(), [...phrase.after].reverse());
    if (launches.some((phrase) => said(phrase) && words.length === phrase.before.length)) {
      return { kind: 'launch' };
    }
    for (const phrase of oneShots.filter(said)) {
      const request = words.slice(phrase.before.length, words.length - phrase.after.length);
      if (words.length < phrase.before.length + phrase.after.length) continue;
      if (request.length === 0) return { kind: 'launch' }; // "ask hello counter"
      const afterConnector =
        request.length > 1 &&
        phrases.connectors.some((connector) => keysOf(connector).join(' ') === request[0].key)
          ? [request.slice(1)]
          : [];
      return { kind: 'one-shot', readings: [...afterConnector, request] };
    }
    return undefined;
  };
}

function keysOf(text: string): string[] {
  return toWords(text).map((word) => word.key);
}

function startsWith(words: Word[], keys: string[]): boolean {
  return keys.every((key, index) => words[index]?.key === key);
}
