/** The parts of ask-cli's own code the tests drive (ask-cli ships no typings). */
declare module 'ask-cli/dist/lib/controllers/hosted-skill-controller/clone-flow' {
  /** `ask new` / `ask init --hosted-skill-id`: git init, credential helper, origin, fetch, master. */
  export function cloneProjectFromGit(
    projectPath: string,
    skillId: string,
    skillName: string,
    profile: string,
    repositoryUrl: string,
    doDebug: boolean,
  ): void;
}

declare module 'ask-cli/dist/lib/commands/new' {
  export default class NewCommand {
    constructor(optionModel: unknown);
    handle(cmd: Record<string, unknown>): Promise<void>;
  }
}

declare module 'ask-cli/dist/lib/commands/init' {
  export default class InitCommand {
    constructor(optionModel: unknown);
    handle(cmd: Record<string, unknown>): Promise<void>;
  }
}

declare module 'ask-cli/dist/lib/clients/http-client' {
  export let request: (
    options: { url: string },
    operation: string,
    doDebug: boolean,
    callback: (error: unknown, response?: { statusCode: number; body: unknown }) => void,
  ) => void;
}
