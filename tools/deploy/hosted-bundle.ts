import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleForHosted, HOSTED_BUNDLE_PATH, isHostedBundleCurrent } from '../build/bundle';

/**
 * How the committed `lambda/index.js` differs from what `lambda/src` builds, as a unified diff whose `+`
 * lines are in the file but not in the sources (an edit made in the developer console shows up there);
 * undefined when the file is current.
 */
export async function hostedBundleDrift(): Promise<string | undefined> {
  if (await isHostedBundleCurrent()) return undefined;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hosted-bundle-'));
  try {
    const built = path.join(dir, 'index.js');
    await writeFile(built, await bundleForHosted());
    const diff = spawnSync('git', ['diff', '--no-index', '--no-color', '--', built, HOSTED_BUNDLE_PATH], {
      encoding: 'utf8',
    });
    if (diff.status !== 1) return `lambda/index.js is missing or unreadable. ${diff.stderr}`.trim();
    // git labels the sides with the temp path; name them after what they are instead.
    const hunks = diff.stdout.slice(diff.stdout.indexOf('\n@@') + 1);
    return `--- lambda/index.js as lambda/src builds it\n+++ lambda/index.js as committed\n${hunks}`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
