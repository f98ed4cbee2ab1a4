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
  let content: Partial<ReplayFile>;
  try {
    content = JSON.parse(readFileSync(path, 'utf8')) as Partial<ReplayFile>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Failed to parse file: ${path}.\n${reason}`, { cause: error });
  }
  if (!content.skillId?.trim()) throw new Error('Replay file must contain skillId');
  if (!content.locale?.trim()) throw new Error('Replay file must contain locale');
  if (!Array.isArray(content.userInput) || content.userInput.some((input) => typeof input !== 'string')) {
    throw new Error("Replay file's userInput must be a list of strings.");
  }
  const userInput = content.userInput.map((input) => input.trim());
  if (userInput.some((input) => input === ''))
    throw new Error("Replay file's userInput cannot contain empty string.");
  return { skillId: content.skillId, locale: content.locale, type: 'text', userInput };
}

export function writeReplayFile(path: string, replay: ReplayFile): void {
  writeJson(path, replay);
}

/** ask-cli's `--save-skill-io` shape, here with the full request envelopes and the skill's responses. */
export function writeSkillIoFile(path: string, exchanges: Exchange[]): void {
  writeJson(path, {
    invocations: exchanges.map(({ request, response, error }) => ({
      request,
      response: error === undefined ? { body: response } : { error },
    })),
  });
}

/** Writes into an existing folder only: a mistyped path makes no folders, it says what went wrong. */
function writeJson(path: string, content: unknown): void {
  try {
    writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`, 'utf8');
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
