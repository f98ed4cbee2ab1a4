import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  askProfile,
  chosenAskProfile,
  DEPLOYERS,
  readAskProfiles,
  skillIdOf,
} from '../../../tools/project/ask-resources';
import { PROJECT_ROOT } from '../../support/project-copy';

describe("ask-cli's project files", () => {
  it('chooses the profile as ask-cli does: --profile, then ASK_DEFAULT_PROFILE, then "default"', () => {
    expect(chosenAskProfile('work', { ASK_DEFAULT_PROFILE: 'home' })).to.equal('work');
    expect(chosenAskProfile(undefined, { ASK_DEFAULT_PROFILE: 'home' })).to.equal('home');
    expect(chosenAskProfile(undefined, {})).to.equal('default');
  });

  it('has one CloudFormation profile with the stack, runtime and handler, and one Alexa-hosted profile', () => {
    // `ask new` renames the template's "default" profile after the user's ASK CLI profile.
    const profiles = readAskProfiles(PROJECT_ROOT);
    expect(profiles.map(({ deployer }) => deployer)).to.have.members([
      DEPLOYERS.cloudFormation,
      DEPLOYERS.hosted,
    ]);
    const cloudFormation = profiles.find(({ deployer }) => deployer === DEPLOYERS.cloudFormation);
    expect(askProfile(PROJECT_ROOT, cloudFormation!.name).userConfig).to.deep.include({
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      templatePath: './infrastructure/cfn-deployer/skill-stack.yaml',
    });
  });

  it('names the profiles there are when asked for one that is not there', () => {
    const names = readAskProfiles(PROJECT_ROOT).map(({ name }) => name);
    expect(() => askProfile(PROJECT_ROOT, 'nobody')).to.throw(
      `ask-resources.json has no deployer for the profile "nobody" (it has: ${names.join(', ')})`,
    );
  });

  describe('read from a folder', () => {
    let root: string;
    beforeEach(() => (root = mkdtempSync(path.join(os.tmpdir(), 'ask-states-'))));
    afterEach(() => rmSync(root, { recursive: true, force: true }));
    const write = (file: string, content: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), content);
    };

    it("gives the chosen profile's skill id, and none before the skill exists", () => {
      const states = { profiles: { default: { skillId: '' }, work: { skillId: 'amzn1.ask.skill.abc' } } };
      write('.ask/ask-states.json', JSON.stringify(states));
      expect(skillIdOf(root, 'work')).to.equal('amzn1.ask.skill.abc');
      expect(skillIdOf(root, 'default')).to.equal(undefined);
      expect(skillIdOf(root, 'home')).to.equal(undefined);
    });

    it('gives no skill id when ask-cli has not written the file', () => {
      expect(skillIdOf(root, 'default')).to.equal(undefined);
    });

    it('names the file and the place when a file is not what ask-cli writes', () => {
      write('ask-resources.json', '{"profiles": {"default": {"skillInfrastructure": []}}}');
      expect(() => readAskProfiles(root)).to.throw(
        'ask-resources.json: profiles.default.skillInfrastructure must be a JSON object.',
      );
      write('ask-resources.json', '{"profiles": ');
      expect(() => readAskProfiles(root)).to.throw(/^cannot read ask-resources.json: /);
      write('.ask/ask-states.json', '{"profiles": {"default": "amzn1"}}');
      expect(() => skillIdOf(root, 'default')).to.throw(
        'ask-states.json: profiles.default must be a JSON object.',
      );
    });
  });
});
