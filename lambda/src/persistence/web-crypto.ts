import { webcrypto } from 'node:crypto';

/**
 * The AWS SDK makes its request ids with Web Crypto (`globalThis.crypto`), which Node 16 lacks: every DynamoDB
 * call would fail there with "getRandomValues is not a function". Alexa-hosted skills that ask-cli created
 * still name Node 16, so Node's own implementation stands in. Imported before the SDK, which looks once, on load.
 */
if (!('crypto' in globalThis)) {
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true, writable: true });
}
