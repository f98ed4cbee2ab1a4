/**
 * The part of ask-cli's `dialog` command the tests call to read replay files exactly as `ask dialog --replay`
 * does (ask-cli ships no typings).
 */
declare module 'ask-cli/dist/lib/commands/dialog' {
  export class DialogCommand {
    constructor(smapiClient: unknown, optionModel: unknown);
    /** Reads `cmd.replay` with ask-cli's checks; throws its error message for a file it refuses. */
    _resolvedArguments(
      cmd: { replay: string },
      profile: string,
    ): { skillId: string; locale: string; userInputs: string[] };
  }
}
