import { keysOf, phraseKey, type Word } from './words';

/** How a user addresses a skill by its invocation name, by language. */
interface InvocationPhrases {
  /** "open hello counter" → LaunchRequest */
  launch: string[];
  /** "ask hello counter to add one" → the intent for "add one" in a new session */
  oneShot: string[];
  /** Words between the name and the request that are not part of the request ("to" in "ask ... to add one"). */
  connectors: string[];
  wakeWord: string;
}

const PHRASES: Record<string, InvocationPhrases> = {
  en: {
    launch: ['open', 'launch', 'start', 'begin', 'load', 'run', 'play', 'use', 'talk to'],
    oneShot: ['ask', 'tell'],
    connectors: ['to', 'for', 'about', 'if', 'whether', 'that'],
    wakeWord: 'alexa',
  },
  es: {
    launch: ['abre', 'abrir', 'inicia', 'iniciar', 'empieza', 'lanza', 'juega a', 'jugar a', 'habla con'],
    oneShot: ['pide a', 'pídele a', 'pregunta a', 'dile a'],
    connectors: ['que', 'si', 'por'],
    wakeWord: 'alexa',
  },
};

export type Invocation =
  | { kind: 'launch' }
  /** The request that follows the name, with and without a leading connector word. */
  | { kind: 'one-shot'; readings: Word[][] };

/**
 * Reads an invocation anchored at the start of the utterance, as Alexa does: "tell me the count" names no skill
 * and is not an invocation, whereas "tell hello counter the count" is.
 */
export function parseInvocation(
  words: Word[],
  invocationName: string,
  locale: string,
): Invocation | undefined {
  const phrases = PHRASES[locale.split('-')[0]] ?? PHRASES.en;
  const spoken = words[0]?.key === phrases.wakeWord ? words.slice(1) : words;
  const name = phraseKey(invocationName);
  for (const [verbs, kind] of [
    [phrases.launch, 'launch'],
    [phrases.oneShot, 'one-shot'],
  ] as const) {
    for (const verb of verbs) {
      const lead = `${phraseKey(verb)} ${name}`;
      const length = lead.split(' ').length;
      if (keysOf(spoken.slice(0, length)) !== lead) continue;
      const rest = spoken.slice(length);
      if (rest.length === 0) return { kind: 'launch' };
      if (kind === 'launch') continue;
      const afterConnector =
        phrases.connectors.includes(rest[0].key) && rest.length > 1 ? [rest.slice(1)] : [];
      return { kind: 'one-shot', readings: [...afterConnector, rest] };
    }
  }
  return undefined;
}
