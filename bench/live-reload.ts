/**
 * Live reload and the console: how long from saving an edit under lambda/src to hearing the edited skill, in
 * `npm start` and in `npm run console`, next to a turn without an edit in the same run; how long the type
 * check takes to report after it; and how long the console takes to start and to serve its page, next to
 * `npm start`. Works on a copy of the project, so that its edits never touch this one.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ConsoleEvent, ConsoleState } from '../tools/console/api';
import { readInvocationName } from '../tools/project/skill-package';
import { editableProjectCopy } from '../test/support/project-copy';
import { median } from './figures';

const EDITS = 6;
const STARTS = 5;
const SPEECH = path.join('lambda', 'src', 'speech', 'shared', 'en.ts');
const COUNTER = path.join('lambda', 'src', 'counter', 'counter.ts');

type Tool = 'npm start' | 'npm run console';

/** Anything slower than this is a failure, not a figure. */
const WAIT_LIMIT_MS = 60_000;

export async function measureLiveReload(): Promise<void> {
  const project = editableProjectCopy();
  try {
    console.log(`Edit to answer, ms: median / slowest of ${EDITS}, each from writing the file to the answer`);
    console.log(
      '                    turn, no edit    turn after an edit    type error reported after the edit',
    );
    for (const tool of ['npm start', 'npm run console'] as const) {
      const times = await editToAnswer(project.root, tool);
      console.log(
        `  ${tool.padEnd(16)} ${spread(times.plain).padStart(15)} ${spread(times.edited).padStart(21)} ` +
          `${spread(times.typeCheck).padStart(21)} (the first starts the checker)`,
      );
    }
    const starts = await startTimes(project.root);
    console.log(`Start-up, ms (median of ${STARTS})`);
    console.log(`  npm start, to its first prompt                ${starts.cli.toFixed(0).padStart(6)}`);
    console.log(`  npm run console, to printing its URL          ${starts.printed.toFixed(0).padStart(6)}`);
    console.log(`  npm run console, to its page and first state  ${starts.served.toFixed(0).padStart(6)}`);
  } finally {
    project.remove();
  }
}

interface Times {
  plain: number[];
  edited: number[];
  typeCheck: number[];
}

/**
 * Each round: a turn with no edit, then an edit of the sentence the next turn says and that turn, timed
 * from the moment the file was written. Every other edit also breaks a type in another file; the time until
 * its warning arrives is the type check's, which runs beside the skill.
 */
async function editToAnswer(root: string, tool: Tool): Promise<Times> {
  const times: Times = { plain: [], edited: [], typeCheck: [] };
  const [speech, counter] = [path.join(root, SPEECH), path.join(root, COUNTER)];
  const original = { speech: readFileSync(speech, 'utf8'), counter: readFileSync(counter, 'utf8') };
  const run = await startTool(root, tool);
  try {
    await run.say(`open ${readInvocationName('en-US', root)}`, /Welcome/);
    for (let edit = 1; edit <= EDITS; edit++) {
      let started = performance.now();
      // the sentence of the last edit, or the original one
      await run.say('add one', /[Aa]dded 1\./);
      times.plain.push(performance.now() - started);

      const breaksType = edit % 2 === 0;
      writeFileSync(speech, original.speech.replace('`Added ${amount}.', `\`Edit ${edit} added \${amount}.`));
      // a number literal of its own, so that each edit's warning reads differently
      if (breaksType) writeFileSync(counter, `${original.counter}\nexport const x: ${edit} = ${edit + 1};\n`);
      started = performance.now();
      await run.say('add one', new RegExp(`Edit ${edit} added 1\\.`));
      times.edited.push(performance.now() - started);
      if (breaksType) {
        await run.waitFor(new RegExp(`Type '${edit + 1}' is not assignable to type '${edit}'`));
        times.typeCheck.push(performance.now() - started);
        writeFileSync(counter, original.counter);
      }
    }
  } finally {
    await run.stop();
    writeFileSync(speech, original.speech);
    writeFileSync(counter, original.counter);
  }
  return times;
}

interface ToolRun {
  /** Says `utterance` and waits for an answer that matches. */
  say(utterance: string, answer: RegExp): Promise<void>;
  /** Waits for the tool to show something that matches (a type error). */
  waitFor(pattern: RegExp): Promise<void>;
  stop(): Promise<void>;
}

async function startTool(root: string, tool: Tool): Promise<ToolRun> {
  if (tool === 'npm start') {
    const child = spawnTool(root, 'tools/dialog/cli.ts');
    const output = watchOutput(child);
    await output.waitFor(/Welcome to ASK Dialog/);
    return {
      async say(utterance, answer) {
        const from = output.text().length;
        child.stdin.write(`${utterance}\n`);
        await output.waitFor(answer, from);
      },
      waitFor: async (pattern) => void (await output.waitFor(pattern, 0)),
      stop: () => end(child, '.quit\n'),
    };
  }
  const child = spawnTool(root, 'tools/console/cli.ts');
  const url = (await watchOutput(child).waitFor(/Console: (\S+)/))[1];
  return {
    async say(utterance, answer) {
      const response = await fetch(new URL('/api/say', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ utterance }),
      });
      // the console answers once the turn is done; the page then has it
      if (!response.ok) throw new Error(`The console answered ${response.status}`);
      const { entries } = await consoleState(url);
      if (!answer.test(JSON.stringify(entries.at(-1)))) throw new Error(`The console did not say ${answer}`);
    },
    async waitFor(pattern) {
      const deadline = performance.now() + WAIT_LIMIT_MS;
      while (!pattern.test(JSON.stringify((await consoleState(url)).status.typeProblems))) {
        if (performance.now() > deadline) throw new Error(`The console did not show ${pattern}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop: () => end(child),
  };
}

/** What a page that opens now gets first. */
async function consoleState(url: string): Promise<ConsoleState> {
  const stream = (await fetch(new URL('/api/events', url))).body!.getReader();
  let text = '';
  while (!/^data: .*\n\n/m.test(text)) text += new TextDecoder().decode((await stream.read()).value);
  await stream.cancel();
  const event = JSON.parse(/^data: (.*)$/m.exec(text)![1]) as ConsoleEvent;
  if (event.type !== 'state') throw new Error(`The console began with ${event.type}`);
  return event.state;
}

async function startTimes(root: string): Promise<{ cli: number; printed: number; served: number }> {
  const times = { cli: [] as number[], printed: [] as number[], served: [] as number[] };
  for (let start = 0; start < STARTS; start++) {
    let started = performance.now();
    const dialog = spawnTool(root, 'tools/dialog/cli.ts');
    await watchOutput(dialog).waitFor(/Welcome to ASK Dialog/);
    times.cli.push(performance.now() - started);
    await end(dialog, '.quit\n');

    started = performance.now();
    const consoleProcess = spawnTool(root, 'tools/console/cli.ts');
    const url = (await watchOutput(consoleProcess).waitFor(/Console: (\S+)/))[1];
    times.printed.push(performance.now() - started);
    for (const file of ['/', '/app.js', '/style.css']) await (await fetch(new URL(file, url))).arrayBuffer();
    await consoleState(url);
    times.served.push(performance.now() - started);
    await end(consoleProcess);
  }
  return { cli: median(times.cli), printed: median(times.printed), served: median(times.served) };
}

function spawnTool(root: string, entry: string): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['-r', 'ts-node/register', entry, '--memory'], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', PORT: '0' },
  });
}

function watchOutput(child: ChildProcessWithoutNullStreams) {
  let text = '';
  const waiting = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString();
    waiting.forEach((wake) => wake());
    waiting.clear();
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  return {
    text: () => text,
    async waitFor(pattern: RegExp, from = 0): Promise<RegExpExecArray> {
      const deadline = performance.now() + WAIT_LIMIT_MS;
      for (;;) {
        const found = pattern.exec(text.slice(from));
        if (found) return found;
        if (child.exitCode !== null || performance.now() > deadline)
          throw new Error(`The tool did not show ${pattern}:\n${text}`);
        await new Promise<void>((resolve) => {
          waiting.add(resolve);
          setTimeout(resolve, 1000);
        });
      }
    },
  };
}

function end(child: ChildProcessWithoutNullStreams, input?: string): Promise<void> {
  const ended = new Promise<void>((resolve) => child.once('close', () => resolve()));
  if (input) child.stdin.end(input);
  else child.kill('SIGTERM');
  return ended;
}

function spread(values: number[]): string {
  return `${median(values).toFixed(0)} / ${Math.max(...values).toFixed(0)}`;
}
