import { AttributesManager, HandlerInput } from 'ask-sdk-core';
import { timeLeftMs } from '../time-budget';
import { ConcurrentUpdateError, NoAnswerError } from './errors';
import { parseUserAttributes, UserAttributes } from './user-attributes';

/**
 * The counter as the handlers see it, on top of the SDK's attributesManager (so any PersistenceAdapter
 * works). Reads go through the SDK's per-request cache: however often a request asks, it reads once.
 */

export async function readCounter(attributesManager: AttributesManager): Promise<number> {
  return (await readAttributes(attributesManager, true)).counter;
}

/**
 * Two devices of one user can change the count at the same moment. The adapter refuses a write that would
 * overwrite the other one (optimistic locking); the change is then applied again to a fresh read, after a
 * random pause that doubles with each lost race, up to a second: with hundreds of requests in one race,
 * shorter pauses only make them collide again. A write is only refused because another request's write
 * succeeded, so every round of a race lets one request through. Retries go on while the request's time budget
 * leaves room for another read and write; a request that runs out of it gives up with a ConcurrentUpdateError
 * and the user hears that many updates arrive at once. So does a request whose read DynamoDB answered but
 * whose later call it did not: DynamoDB is there but too busy, which is not what "can't reach" says.
 */
const BACKOFF_BASE_MS = 10;
const BACKOFF_CAP_MS = 1000;
/** What a read and a write need, at the least, to be worth another try. */
const MIN_ATTEMPT_MS = 100;

export async function updateCounter(
  { attributesManager, requestEnvelope }: HandlerInput,
  change: (count: number) => number,
): Promise<number> {
  let answered = false;
  for (let lostRaces = 0; ; lostRaces++) {
    try {
      const stored = await readAttributes(attributesManager, lostRaces === 0);
      answered = true;
      const counter = change(stored.counter);
      attributesManager.setPersistentAttributes({ ...stored, counter });
      await attributesManager.savePersistentAttributes();
      return counter;
    } catch (error) {
      if (answered && error instanceof NoAnswerError) {
        throw new ConcurrentUpdateError(`Gave up after ${lostRaces} lost races: ${error.message}`, {
          cause: error,
        });
      }
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      const pause = Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** lostRaces);
      if (timeLeftMs(requestEnvelope) < pause + MIN_ATTEMPT_MS) {
        throw new ConcurrentUpdateError(`Gave up after ${lostRaces + 1} lost races: out of time`, {
          cause: error,
        });
      }
      await sleep(pause);
    }
  }
}

export async function deleteCounter(attributesManager: AttributesManager): Promise<void> {
  if (!attributesManager.deletePersistentAttributes)
    throw new Error('This ask-sdk-core cannot delete attributes');
  await attributesManager.deletePersistentAttributes();
}

/** The stored map with a valid counter; other attributes the item holds are kept as they are. */
async function readAttributes(
  attributesManager: AttributesManager,
  useRequestCache: boolean,
): Promise<Record<string, unknown> & UserAttributes> {
  const stored = (await attributesManager.getPersistentAttributes(useRequestCache)) as Record<
    string,
    unknown
  >;
  const { attributes, repaired } = parseUserAttributes(stored);
  if (repaired) console.warn('Stored counter was not a usable number; starting again from 0');
  return { ...stored, ...attributes };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
