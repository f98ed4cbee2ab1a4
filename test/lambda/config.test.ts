import { expect } from 'chai';
import { readConfig } from '../../lambda/src/config';

describe('configuration', () => {
  it('reads the table and region the way Alexa-hosted provides them', () => {
    expect(
      readConfig({
        DYNAMODB_PERSISTENCE_TABLE_NAME: 'abc-123',
        DYNAMODB_PERSISTENCE_REGION: 'eu-west-1',
        AWS_REGION: 'us-east-1',
      }),
    ).to.deep.equal({ tableName: 'abc-123', region: 'eu-west-1', skillId: undefined });
  });

  it("falls back to the function's own region", () => {
    expect(readConfig({ AWS_REGION: 'us-west-2' }).region).to.equal('us-west-2');
  });

  it('treats blank values as unset', () => {
    expect(readConfig({ DYNAMODB_PERSISTENCE_TABLE_NAME: '  ', SKILL_ID: '' })).to.deep.equal({
      tableName: undefined,
      region: undefined,
      skillId: undefined,
    });
  });
});
