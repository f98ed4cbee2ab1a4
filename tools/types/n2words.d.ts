/**
 * n2words (ESM, one module per locale: `n2words/de-DE`): the part the language files use. Its own typings sit
 * behind package "exports", which this project's `node10` module resolution does not read.
 */
declare module 'n2words/*' {
  export function toCardinal(value: number | string | bigint): string;
}
