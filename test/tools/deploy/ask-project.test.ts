import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chosenAskProfile, deployerOf, skillIdFromAskStates } from '../../../tools/deploy/ask-project';

const projectRoot = path.resolve(__dirname, '../../..');

describe("ask-cli's project files", () => {
  it('chooses the profile as ask-cli does: --profile, then ASK_DEFAULT_PROFILE, then "default"', () => {
    expect(chosenAskProfile('self-hosted', { ASK_DEFAULT_PROFILE: 'work' })).to.equal('self-hosted');
    expect(chosenAskProfile(undefined, { ASK_DEFAULT_PROFILE: 'work' })).to.equal('work');
    expect(chosenAskProfile(undefined, {})).to.equal('default');
  });

  it("reads each profile's deployer from ask-resources.json", () => {
    expect(deployerOf(projectRoot, 'default')).to.equal('@ask-cli/hosted-skill-deployer');
    expect(deployerOf(projectRoot, 'self-hosted')).to.equal('@ask-cli/cfn-deployer');
  });

  it('names the profiles there are when asked for one that is not there', () => {
    expect(() => deployerOf(projectRoot, 'work')).to.throw(
      'ask-resources.json has no deployer for the profile "work" (it has: default, self-hosted)',
    );
  });

  describe('the skill id in .ask/ask-states.json', () => {
    let root: string;
    beforeEach(() => (root = mkdtempSync(path.join(os.tmpdir(), 'ask-states-'))));
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it("is the chosen profile's, and absent before the skill exists", () => {
      mkdirSync(path.join(root, '.ask'));
      const states = {
        profiles: { default: { skillId: '' }, 'self-hosted': { skillId: 'amzn1.ask.skill.abc' } },
      };
      writeFileSync(path.join(root, '.ask', 'ask-states.json'), JSON.stringify(states));
      expect(skillIdFromAskStates(root, 'self-hosted')).to.equal('amzn1.ask.skill.abc');
      expect(skillIdFromAskStates(root, 'default')).to.equal(undefined);
      expect(skillIdFromAskStates(root, 'work')).to.equal(undefined);
    });

    it('is absent when ask-cli has not written the file', () => {
      expect(skillIdFromAskStates(root, 'default')).to.equal(undefined);
    });
  });
});
