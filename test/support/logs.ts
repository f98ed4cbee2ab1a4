/** Collects what the code logs through console.info/warn/error while `run` runs, instead of printing it. */
export async function captureLogs<T>(run: () => Promise<T>): Promise<{ result: T; logs: string }> {
  const lines: string[] = [];
  const originals = { info: console.info, warn: console.warn, error: console.error };
  const record = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  Object.assign(console, { info: record, warn: record, error: record });
  try {
    const result = await run();
    return { result, logs: lines.join('\n') };
  } finally {
    Object.assign(console, originals);
  }
}
