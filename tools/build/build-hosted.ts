import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseOptions, reportFailure, UsageError } from '../cli/command-line';
import { bundleForHosted, HOSTED_BUNDLE_PATH, PROJECT_ROOT } from './bundle';

/** `npm run build`: rewrites lambda/index.js from the TypeScript sources (after tsc type-checked them). */
async function main(): Promise<void> {
  parseOptions({ options: {}, usage: 'Usage: npm run build (it takes no options)' });
  await writeFile(HOSTED_BUNDLE_PATH, await bundleForHosted());
  console.log(`Wrote ${path.relative(PROJECT_ROOT, HOSTED_BUNDLE_PATH)}`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) return reportFailure(error);
  console.error(error);
  process.exit(1);
});
