/**
 * Runs one of ask-cli's own commands (`new` or `init`) in this process with only its network calls and
 * terminal prompts stood in for: `clients/http-client.request` answers the S3 template list and refuses
 * anything else, and `inquirer.prompt` answers each question by its name. Everything else (git clone,
 * reading and rewriting the project, deployer bootstrap) is ask-cli's code as users run it.
 *
 *   node -r ts-node/register test/support/ask-cli-offline.ts '<json: {command, folder, options, answers}>'
 *
 * Run it from the project root (for ts-node's settings) with the HOME (holding ~/.ask/cli_config) the
 * command should see; it works in `folder`.
 */
import { createRequire } from 'node:module';
import optionModel from 'ask-cli/dist/lib/commands/option-model.json';
import * as httpClient from 'ask-cli/dist/lib/clients/http-client';
import InitCommand from 'ask-cli/dist/lib/commands/init';
import NewCommand from 'ask-cli/dist/lib/commands/new';

export interface OfflineRun {
  command: 'new' | 'init';
  /** The working folder ask-cli runs in. */
  folder: string;
  /** The command's options, as commander would parse them: `{templateUrl, templateBranch, profile}`. */
  options: Record<string, unknown>;
  /** Answers by the name of ask-cli's prompt (`deployDelegate`, `skillName`, `runtime`, ...). */
  answers: Record<string, unknown>;
}

/** Amazon's template list as ask-cli reads it: one sample per deployer, so that every choice is offered. */
const SAMPLE_TEMPLATES = ['hosted', 'lambda', 'cfn', 'self'].map((deploy) => ({
  name: `Hello world (${deploy})`,
  url: 'https://github.com/alexa/skill-sample-nodejs-hello-world.git',
  branch: 'ask-cli-x',
  stack: 'im',
  lang: 'node',
  deploy,
}));

function standInForNetwork(): void {
  (httpClient as { request: typeof httpClient.request }).request = (options, operation, _debug, callback) => {
    if (operation === 'TEMPLATE_S3_SOURCE_URL') {
      callback(null, { statusCode: 200, body: { templates: SAMPLE_TEMPLATES } });
    } else callback(new Error(`offline: ask-cli tried to reach ${options.url} (${operation})`));
  };
}

function standInForPrompts(answers: Record<string, unknown>): void {
  // ask-cli's own copy of inquirer, the one its prompts call.
  const inquirer = createRequire(require.resolve('ask-cli/package.json'))('inquirer') as { prompt: unknown };
  inquirer.prompt = async (questions: { name: string; message: string }[]) =>
    Object.fromEntries(
      questions.map(({ name, message }) => {
        if (!(name in answers)) throw new Error(`no answer for ask-cli's prompt "${name}" (${message})`);
        return [name, answers[name]];
      }),
    );
}

async function main(): Promise<void> {
  const run = JSON.parse(process.argv[2]) as OfflineRun;
  standInForNetwork();
  standInForPrompts(run.answers);
  process.chdir(run.folder);
  const Command = run.command === 'new' ? NewCommand : InitCommand;
  await new Command(optionModel).handle(run.options);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(
      `ask ${JSON.parse(process.argv[2]).command} failed: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  },
);
