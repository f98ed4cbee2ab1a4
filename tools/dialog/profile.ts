/**
 * The utterance profiler: `npm run profile -- "add twenty one"` prints what Alexa would send for an utterance
 * spoken inside a session (intent, slots, entity resolution), as JSON, like the developer console's profiler.
 */
import type { Intent } from 'ask-sdk-model';
import { asUsageError, parseOptions, reportFailure, UsageError } from '../cli/command-line';
import { localeInFileName, readInteractionModel } from './interaction-model';
import { interactionModelPath, readLocales, readSkillId } from './project';
import { createUtteranceResolver, type Understanding } from './utterance-resolver';

const USAGE = `Usage: npm run profile -- [--model PATH] [--locale LOCALE] [--strict] "utterance" ["utterance" ...]
  --model PATH     profile against any interaction-model file (default: the skill's model for the locale)
  --locale LOCALE  the locale to use (default: from a model file named <locale>.json or <name>.<locale>.json,
                   else the first locale of skill.json)
  --strict         match samples as written: no filler word ("please", "um") is ignored`;

const SYNOPSIS = 'Usage: npm run profile -- [--model PATH] [--locale LOCALE] [--strict] "utterance" ...';

function main(): void {
  const { values, positionals } = parseOptions({
    options: {
      model: { type: 'string' },
      locale: { type: 'string' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    usage: SYNOPSIS,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const fromFileName = values.model && !values.locale ? localeInFileName(values.model) : undefined;
  const locale = values.locale ?? fromFileName ?? readLocales()[0] ?? 'en-US';
  const model = asUsageError(() => readInteractionModel(values.model ?? interactionModelPath(locale)));
  if (positionals.length === 0) throw new UsageError(`Give an utterance to profile. ${SYNOPSIS}`);
  if (values.model && !values.locale) {
    console.error(
      fromFileName
        ? `Locale ${locale}, from the model's file name (--locale sets another).`
        : `Locale ${locale}, the skill's first: the model's file name names none (--locale sets one).`,
    );
  }
  const resolver = createUtteranceResolver(model, {
    locale,
    skillId: readSkillId(),
    strict: values.strict ?? false,
  });
  const profiles = positionals.map((utterance) =>
    profile(utterance, resolver.understand(utterance, { inSession: true })),
  );
  console.log(JSON.stringify(profiles.length === 1 ? profiles[0] : profiles, null, 2));
}

/** The request an understanding turns into, without the envelope. */
function profile(utterance: string, understanding: Understanding): object {
  switch (understanding.kind) {
    case 'launch':
      return { utterance, request: 'LaunchRequest', newSession: true };
    case 'end-session':
      return { utterance, request: 'SessionEndedRequest', reason: 'USER_INITIATED' };
    case 'not-for-skill':
      return { utterance, request: null };
    case 'intent':
      return {
        utterance,
        request: 'IntentRequest',
        newSession: understanding.invoked,
        intent: understanding.intent.name,
        slots: filledSlots(understanding.intent),
        matchedSample: understanding.sample ?? null,
        ...(understanding.ignored && {
          ignoredWords: understanding.ignored,
          hint: 'These words were left out to match the sample, as Alexa tolerates filler words; add a sample if that phrasing matters.',
        }),
      };
  }
}

/** The slots the utterance filled, without the `slotValue` copy Alexa also sends. */
function filledSlots(intent: Intent): object {
  const filled = Object.values(intent.slots ?? {}).filter((slot) => slot.value !== undefined);
  return Object.fromEntries(filled.map(({ name, value, resolutions }) => [name, { value, resolutions }]));
}

try {
  main();
} catch (error) {
  reportFailure(error);
}
