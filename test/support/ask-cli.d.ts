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
