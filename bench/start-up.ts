/**
 * How long `npm start` takes until it can take the first utterance, per locale of skill.json, next to the floor
 * every TypeScript tool pays (Node with ts-node running an empty file) in the same run; and what building each
 * language's number reader (the n2words spellings of 0–999, read backwards) adds to it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../tools/build/bundle';
import { readLocales } from '../tools/dialog/project';
import { SPOKEN_LANGUAGES } from '../tools/languages';
import { median } from './figures';

const RUNS = 5;
const READY = 'Welcome to ASK Dialog';

/** Milliseconds from spawning the tool until its output contains `ready`; then it is ended with ".quit". */
function timeToReady(args: string[], ready: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;
    const child = spawn(process.execPath, ['-r', 'ts-node/register', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let readyAt: number | undefined;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (readyAt === undefined && ready !== undefined && output.includes(ready)) {
        readyAt = elapsed();
        child.stdin.end('.quit\n');
      }
    });
    if (ready === undefined) child.stdin.end();
    child.on('error', reject);
    child.on('close', (status) => {
      const at = ready === undefined ? elapsed() : readyAt;
      if (at === undefined) reject(new Error(`${args.join(' ')} exited ${status} before "${ready}"`));
      else resolve(at);
    });
  });
}

async function medianOf(runs: number, measure: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(await measure());
  return median(times);
}

export async function measureStartUp(): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'bench-start-up-'));
  try {
    const empty = path.join(folder, 'empty.ts');
    writeFileSync(empty, 'export {};\n');
    const floor = await medianOf(RUNS, () => timeToReady([empty], undefined));
    console.log(`Start-up, ms (median of ${RUNS})                 to first prompt   over the floor`);
    console.log(`  floor: node -r ts-node/register, empty file  ${floor.toFixed(0).padStart(15)}`);
    for (const locale of readLocales()) {
      const cli = path.join(PROJECT_ROOT, 'tools', 'dialog', 'cli.ts');
      const ready = await medianOf(RUNS, () => timeToReady([cli, '--memory', '--locale', locale], READY));
      console.log(
        `  npm start -- --locale ${locale.padEnd(22)} ${ready.toFixed(0).padStart(15)}   ${(ready - floor).toFixed(0).padStart(14)}`,
      );
    }
    const times = numberReaderTimes(empty);
    console.log('Language files and one number reader (n2words, index of 0–999), ms, in npm start');
    console.log(
      `  ${Object.entries(times)
        .map(([code, ms]) => `${code} ${ms.toFixed(0)}`)
        .join('   ')}`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Milliseconds to load the language files (with their n2words modules) and index one language's spellings,
 * in a fresh process each, after ts-node has loaded TypeScript (which the floor already counts).
 */
function numberReaderTimes(emptyTsFile: string): Record<string, number> {
  const script = `
    require(${JSON.stringify(emptyTsFile)});
    const t = process.hrtime.bigint();
    const { languageOf } = require('./tools/languages');
    const { numberReaderFor } = require('./tools/dialog/number-words');
    numberReaderFor(languageOf(process.argv[1]).numbers);
    console.log(Number(process.hrtime.bigint() - t) / 1e6);`;
  return Object.fromEntries(
    SPOKEN_LANGUAGES.map((code) => {
      const output = execFileSync(process.execPath, ['-r', 'ts-node/register', '-e', script, code], {
        cwd: PROJECT_ROOT,
      });
      return [code, Number(output.toString())];
    }),
  );
}
