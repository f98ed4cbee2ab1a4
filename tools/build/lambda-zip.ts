import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { bundleForLambda } from './bundle';

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

/** Called by hooks/build.sh as ask-cli's custom build flow: `<zip path> <lambda dir>`. */
if (require.main === module) {
  const [zipPath, lambdaDir] = process.argv.slice(2);
  if (!zipPath) {
    console.error('Usage: lambda-zip.ts <zip path> [lambda dir]');
    process.exit(2);
  }
  writeLambdaZip(zipPath, lambdaDir).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
