import { expect } from 'chai';
import type { IntentRequest } from 'ask-sdk-model';
import { startLocalDialog, type LocalDialog, type ProjectChange } from '../../../tools/dialog/local-dialog';
import { editableProjectCopy, type ProjectCopy } from '../../support/project-copy';
import { INVOCATION } from '../../support/skill-names';

const EN_US_MODEL = 'skill-package/interactionModels/custom/en-US.json';

describe('a local dialog, while the project is edited', function () {
  this.timeout(30_000);
  let project: ProjectCopy;
  let dialog: LocalDialog;
  let changes: ProjectChange[];

  beforeEach(async () => {
    project = editableProjectCopy();
    changes = [];
    dialog = await startLocalDialog({
      store: { engine: 'dynalite', dataDir: undefined },
      strict: false,
      onChange: (change) => changes.push(change),
      root: project.root,
    });
  });
  afterEach(async () => {
    await dialog.stop();
    project.remove();
  });

  const converse = () =>
    dialog.converse(
      {
        skillId: dialog.skillId,
        locale: 'en-US',
        userId: 'amzn1.ask.account.a',
        deviceId: 'amzn1.ask.device.b',
      },
      () => undefined,
    );
  const intentOf = (turn: Awaited<ReturnType<ReturnType<typeof converse>['say']>>) =>
    (turn.exchanges[0]?.request.request as IntentRequest | undefined)?.intent?.name;

  it('takes in a new sample of the model from the next utterance on, in the same session', async () => {
    const conversation = converse();
    await conversation.say(`open ${INVOCATION}`);
    expect(intentOf(await conversation.say('bump it by five'))).to.equal('AMAZON.FallbackIntent');

    project.edit(EN_US_MODEL, (text) =>
      text.replace('"add {amount}",', '"add {amount}", "bump it by {amount}",'),
    );
    const turn = await conversation.say('bump it by five');

    expect(intentOf(turn)).to.equal('IncrementIntent');
    expect(turn.captions).to.deep.equal(['Added 5. Your saved counter is 5.']);
    expect(changes).to.deep.equal([{ source: 'skill-package', reload: { kind: 'reloaded' } }]);
  });

  it('keeps understanding with the last model that read when the file is no longer JSON, and says why', async () => {
    const conversation = converse();
    project.edit(EN_US_MODEL, (text) => text.replace('"add {amount}",', '"add {amount}" oops'));

    const turn = await conversation.say(`ask ${INVOCATION} to add five`);

    expect(turn.captions).to.deep.equal(['Added 5. Your saved counter is 5.']);
    expect(changes).to.have.length(1);
    expect(changes[0]).to.deep.include({ source: 'skill-package' });
    expect(JSON.stringify(changes[0])).to.include('en-US.json is not JSON');
  });

  it('takes in an edited handler and a model change in the same turn, and reports both', async () => {
    const conversation = converse();
    project.edit('lambda/src/speech/shared/en.ts', (text) =>
      text.replace('Added ${amount}.', 'Plus ${amount}.'),
    );
    project.edit(EN_US_MODEL, (text) =>
      text.replace('"add {amount}",', '"add {amount}", "bump it by {amount}",'),
    );

    const turn = await conversation.say(`ask ${INVOCATION} to bump it by five`);

    expect(turn.captions).to.deep.equal(['Plus 5. Your saved counter is 5.']);
    expect(changes.map((change) => change.source)).to.deep.equal(['lambda/src', 'skill-package']);
  });
});
