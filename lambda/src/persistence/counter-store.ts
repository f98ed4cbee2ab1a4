import { AttributesManager } from 'ask-sdk-core';
import { ConcurrentUpdateError } from './errors';
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
 * short random pause so that racing requests spread out. A write is only refused because another request's
 * write succeeded, so N requests racing for one user all finish within N attempts: the bound covers 20
 * devices at once and keeps the worst case near 2 seconds, well inside Alexa's 8.
 */
const MAX_ATTEMPTS = 20;
const BACKOFF_BASE_MS = 5;
const BACKOFF_CAP_MS = 100;

export async function updateCounter(
  attributesManager: AttributesManager,
  change: (count: number) => number,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const stored = await readAttributes(attributesManager, attempt === 1);
    const counter = change(stored.counter);
    attributesManager.setPersistentAttributes({ ...stored, counter });
    try {
      await attributesManager.savePersistentAttributes();
      return counter;
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt === MAX_ATTEMPTS) throw error;
      await sleep(Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
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
