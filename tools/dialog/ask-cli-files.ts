import { readFileSync, writeFileSync } from 'node:fs';
import type { Exchange } from './conversation';

/** ask-cli's replay file, the input of `ask dialog --replay`: one file runs here and against Amazon. */
export interface ReplayFile {
  skillId: string;
  locale: string;
  type: 'text';
  userInput: string[];
}

/** The `.quit` that ends a replay; without it `ask dialog` goes on interactively after the last input. */
export const QUIT_COMMAND = '.quit';

/** Reads a replay file with ask-cli's own checks and messages; inputs come back trimmed, as ask-cli sends them. */
export function readReplayFile(path: string): ReplayFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Failed to parse file: ${path}.\n${reason}`, { cause: error });
  }
  return parseReplayFile(text, path);
}

/** A replay file's text, checked as ask-cli checks it; `name` is for messages: its path, or what it was called. */
export function parseReplayFile(text: string, name: string): ReplayFile {
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Failed to parse file: ${name}.\n${reason}`, { cause: error });
  }
  if (typeof content !== 'object' || content === null || Array.isArray(content))
    throw new Error(`Failed to parse file: ${name}.\nIt is not a JSON object.`);
  const { skillId, locale, userInput } = content as Partial<Record<keyof ReplayFile, unknown>>;
  if (typeof skillId !== 'string' || !skillId.trim()) throw new Error('Replay file must contain skillId');
  if (typeof locale !== 'string' || !locale.trim()) throw new Error('Replay file must contain locale');
  if (!Array.isArray(userInput) || userInput.some((input) => typeof input !== 'string')) {
    throw new Error("Replay file's userInput must be a list of strings.");
  }
  const inputs = (userInput as string[]).map((input) => input.trim());
  if (inputs.some((input) => input === ''))
    throw new Error("Replay file's userInput cannot contain empty string.");
  return { skillId, locale, type: 'text', userInput: inputs };
}

export function writeReplayFile(path: string, replay: ReplayFile): void {
  writeText(path, replayFileText(replay));
}

/** A replay file as written to disk, by `.record` and by the console's "Save as replay file". */
export function replayFileText(replay: ReplayFile): string {
  return jsonText(replay);
}

/** ask-cli's `--save-skill-io` shape, here with the full request envelopes and the skill's responses. */
export function writeSkillIoFile(path: string, exchanges: Exchange[]): void {
  writeText(
    path,
    jsonText({
      invocations: exchanges.map(({ request, response, error }) => ({
        request,
        response: error === undefined ? { body: response } : { error },
      })),
    }),
  );
}

function jsonText(content: unknown): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}

/** Writes into an existing folder only: a mistyped path makes no folders, it says what went wrong. */
function writeText(path: string, text: string): void {
  try {
    writeFileSync(path, text, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = WRITE_ERRORS[code] ?? (error as Error).message;
    throw new Error(`Cannot write ${path}: ${reason}.`, { cause: error });
  }
}

const WRITE_ERRORS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'part of its path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};
