import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A digest of every file under `folder`: names and contents. Two calls give the same digest exactly when
 * nothing was added, removed, renamed or edited in between, however fast the edits came and whatever the
 * editor did to timestamps (contents are read, not modification times). The skill's sources and its
 * skill package are a few hundred kilobytes: reading and hashing them takes a few milliseconds.
 */
export function fingerprintOf(folder: string): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(folder)) {
    hash.update(`${file}\0`);
    hash.update(readFileOrNothing(path.join(folder, file)));
    hash.update('\0');
  }
  return hash.digest('base64url');
}

/** Relative paths, sorted, so that the digest does not depend on the order the file system lists them in. */
function filesUnder(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** A file deleted between listing and reading counts as empty: the next look sees it gone. */
function readFileOrNothing(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  }
}
