/**
 * `npm run serve [-- --no-verify] [-- --memory] [-- --engine dynamodb-local]`: the skill as an HTTP
 * endpoint, for a container or a machine behind an HTTPS proxy or tunnel. PORT (default 3000) and HOST
 * (default 127.0.0.1; 0.0.0.0 in a container) choose where it listens. DynamoDB is the table
 * DYNAMODB_PERSISTENCE_TABLE_NAME names, or the embedded one in .local/ (in memory with --memory). SIGTERM,
 * SIGINT or SIGHUP, to it or to the npm that runs it, stop it: it stops listening, lets the requests in hand
 * finish for a second and releases the data folder.
 */
// first, to know who started us before anything else takes time
import { exitOnStopRequest } from '../cli/stop-requests';
import path from 'node:path';
import { readConfig } from '../../lambda/src/config';
import { parseOptions, portFromEnvironment, reportFailure } from '../cli/command-line';
import { chosenAskProfile, skillIdOf } from '../project/ask-resources';
import { chooseStore, STORE_OPTIONS } from '../local/store-options';
import { startSkillServer } from './skill-server';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

const USAGE =
  'Usage: npm run serve -- [--no-verify] [--engine ENGINE] [--memory | --data-dir DIR], with PORT and HOST';

async function main(): Promise<void> {
  const { values } = parseOptions({
    options: { verify: { type: 'boolean', default: true }, ...STORE_OPTIONS },
    allowNegative: true,
    usage: USAGE,
  });
  const port = portFromEnvironment(3000);
  const store = chooseStore(values);
  const config = readConfig();
  const profile = chosenAskProfile();
  const skillIdSource = config.skillId ? 'SKILL_ID' : `.ask/ask-states.json (profile ${profile})`;
  const skillId = config.skillId ?? skillIdOf(PROJECT_ROOT, profile);

  const server = await startSkillServer({
    port,
    host: process.env.HOST || '127.0.0.1',
    verifyRequests: values.verify,
    config: { ...config, skillId },
    ...store,
  });
  exitOnStopRequest(() => server.close());
  console.log(`Storage: ${server.storage}`);
  console.log(
    skillId
      ? `Answering only skill ${skillId} (from ${skillIdSource})`
      : 'Answering any skill id: set SKILL_ID, or deploy once so .ask/ask-states.json has it',
  );
  if (!values.verify) {
    console.warn(
      'WARNING: --no-verify: request signatures and timestamps are NOT checked, so anyone who can reach this ' +
        'port can call the skill as any user. Use it only for local tools, never behind a public URL.',
    );
  }
  // Last, so that a script waiting for this line has seen the rest.
  console.log(`Skill endpoint: POST ${server.url}`);
}

main().catch(reportFailure);
