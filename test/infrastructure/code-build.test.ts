import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const projectRoot = path.resolve(__dirname, '../..');

/**
 * Runs ask-cli's own code builder the way `ask deploy` does (from the project root, so it finds
 * hooks/build.sh) into `buildFolder`, and returns the build flow it chose and ask-cli's hash of the zip.
 */
function buildWithAskCli(buildFolder: string): { flow: string; hash: string; zip: Buffer } {
  const script = `
    const CodeBuilder = require('ask-cli/dist/lib/controllers/skill-code-controller/code-builder');
    const { getHash } = require('ask-cli/dist/lib/utils/hash-utils');
    const [folder] = process.argv.slice(1);
    const file = require('path').join(folder, 'build.zip');
    const builder = new CodeBuilder({ src: './lambda', build: { folder, file }, doDebug: false });
    builder.execute((error) => {
      if (error) throw error;
      getHash(file, (hashError, hash) => {
        if (hashError) throw hashError;
        console.log(JSON.stringify({ flow: builder.BuildFlowClass.name, hash }));
      });
    });`;
  const run = spawnSync(process.execPath, ['-e', script, buildFolder], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).to.equal(0);
  return {
    ...JSON.parse(run.stdout.trim().split('\n').pop() ?? ''),
    zip: readFileSync(path.join(buildFolder, 'build.zip')),
  };
}

describe('the self-hosted code build (ask deploy)', function () {
  this.timeout(120_000);
  let workspace: string;
  before(() => {
    // ask-cli builds in <project>/.ask/lambda, where the bundler finds the project's node_modules.
    workspace = mkdtempSync(path.join(os.tmpdir(), 'ask-build-'));
    symlinkSync(path.join(projectRoot, 'node_modules'), path.join(workspace, 'node_modules'), 'junction');
    mkdirSync(path.join(workspace, '.ask'));
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  it("uses hooks/build.sh and makes the same zip bytes on two builds, so ask-cli's hash does not change", () => {
    const buildFolder = path.join(workspace, '.ask', 'lambda');
    const first = buildWithAskCli(buildFolder);
    const second = buildWithAskCli(buildFolder);
    expect(first.flow).to.equal('CustomBuildFlow');
    expect(second.zip.equals(first.zip), 'zip bytes').to.equal(true);
    expect(second.hash).to.equal(first.hash);
  });
});
