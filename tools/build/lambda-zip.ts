import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import {
  askDeployedProfiles,
  checkAskDeployProfiles,
  DEPLOYED_PROFILE_VARIABLE,
} from '../deploy/deploy-checks';
import { bundleForLambda, PROJECT_ROOT } from './bundle';

/** A fixed date and mode so that the same sources always make the same bytes (ask-cli hashes the zip). */
// Local time, because zip entries store local date fields: the same fields in every time zone.
const ENTRY_DATE = new Date(2020, 0, 1);
const ENTRY_MODE = 0o100644;

/** Writes a zip holding only `index.js`, the minified handler with its dependencies inside. */
export async function writeLambdaZip(zipPath: string, lambdaDir?: string): Promise<void> {
  const code = await bundleForLambda(lambdaDir);
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(code), 'index.js', { mtime: ENTRY_DATE, mode: ENTRY_MODE, compressionLevel: 9 });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipPath));
}

/**
 * Called by hooks/build.sh as ask-cli's custom build flow: `<zip path> <lambda dir>`. This is the only
 * project code `ask deploy` runs, so it refuses to build for a profile that would deploy a skill without
 * its table. ask-cli does not say which profile it deploys: `npm run deploy` names it in
 * ASK_DEPLOY_PROFILE (DEPLOYED_PROFILE_VARIABLE); otherwise every profile `ask deploy` can deploy is checked.
 */
async function main(): Promise<number> {
  const [zipPath, lambdaDir] = process.argv.slice(2);
  if (!zipPath) {
    console.error('Usage: lambda-zip.ts <zip path> [lambda dir]');
    return 2;
  }
  const deploying = process.env[DEPLOYED_PROFILE_VARIABLE];
  const profiles = askDeployedProfiles(PROJECT_ROOT).filter(
    (profile) => !deploying || profile.name === deploying,
  );
  try {
    checkAskDeployProfiles(PROJECT_ROOT, profiles);
  } catch (error) {
    console.error(
      `hooks/build.sh: not building the code, so neither it nor the infrastructure is deployed.\n${(error as Error).message}`,
    );
    return 1;
  }
  await writeLambdaZip(zipPath, lambdaDir);
  return 0;
}

if (require.main === module) {
  main().then(
    (exitCode) => (process.exitCode = exitCode),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
