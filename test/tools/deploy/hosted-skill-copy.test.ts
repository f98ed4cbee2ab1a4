import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyProjectToHostedSkill } from '../../../tools/deploy/hosted-skill-copy';
import { PROJECT_ROOT } from '../../support/project-copy';

describe('npm run copy-to-hosted', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'copy-to-hosted-'));
    execFileSync('git', ['init', '-q'], { cwd: folder });
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const writeResources = (type: string) =>
    writeFileSync(
      path.join(folder, 'ask-resources.json'),
      JSON.stringify({ profiles: { default: { skillInfrastructure: { type } } } }),
    );

  it('refuses a folder that is not an ask-cli project', async () => {
    const error = await copyProjectToHostedSkill(PROJECT_ROOT, folder).catch((reason: Error) => reason);
    expect(String(error)).to.include('has no ask-resources.json');
  });

  it('refuses a skill that is not Alexa-hosted', async () => {
    writeResources('@ask-cli/cfn-deployer');
    const error = await copyProjectToHostedSkill(PROJECT_ROOT, folder).catch((reason: Error) => reason);
    expect(String(error)).to.include('is not an Alexa-hosted skill');
  });

  it('refuses a folder that is not the top of a git checkout, in one line', async () => {
    rmSync(path.join(folder, '.git'), { recursive: true, force: true });
    writeResources('@ask-cli/hosted-skill-deployer');
    const error = await copyProjectToHostedSkill(PROJECT_ROOT, folder).catch((reason: Error) => reason);
    expect(String(error)).to.equal(`Error: ${folder} is not the top of a git repository.`);
  });

  it('refuses a repository with uncommitted changes, so the copy can be reviewed and undone with git', async () => {
    writeResources('@ask-cli/hosted-skill-deployer');
    const error = await copyProjectToHostedSkill(PROJECT_ROOT, folder).catch((reason: Error) => reason);
    expect(String(error)).to.include('has uncommitted changes: commit or stash them first');
  });
});
