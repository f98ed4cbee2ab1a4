import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../../lambda/src/config';
import { readStackTemplate } from '../../tools/project/skill-stack';

const projectRoot = path.resolve(__dirname, '../..');
const templatePath = path.join(projectRoot, 'infrastructure', 'cfn-deployer', 'skill-stack.yaml');

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
}
interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}
interface Template {
  Parameters: Record<string, unknown>;
  Resources: Record<string, Resource>;
  Outputs: Record<string, { Value: unknown }>;
}

interface AskResources {
  profiles: Record<string, { skillInfrastructure: { type: string; userConfig: Record<string, string> } }>;
}
/** Found by its deployer: `ask new` renames it after the user's ASK CLI profile. */
const cloudFormationProfile = (resources: AskResources) =>
  Object.values(resources.profiles).find(
    (profile) => profile.skillInfrastructure.type === '@ask-cli/cfn-deployer',
  )!;

const loadTemplate = () => readStackTemplate(templatePath) as Template;

const resourcesOfType = (template: Template, type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

function onlyResourceOfType(template: Template, type: string): [name: string, resource: Resource] {
  const found = resourcesOfType(template, type);
  expect(found, `resources of type ${type}`).to.have.length(1);
  return found[0];
}

describe('infrastructure/cfn-deployer/skill-stack.yaml', () => {
  const template = loadTemplate();
  const [tableName, table] = onlyResourceOfType(template, 'AWS::DynamoDB::Table');
  const [functionName, skillFunction] = onlyResourceOfType(template, 'AWS::Lambda::Function');
  const [logGroupName] = onlyResourceOfType(template, 'AWS::Logs::LogGroup');
  const [, role] = onlyResourceOfType(template, 'AWS::IAM::Role');
  const statements = (
    role.Properties.Policies as { PolicyDocument: { Statement: PolicyStatement[] } }[]
  ).flatMap((policy) => policy.PolicyDocument.Statement);
  const actionsOf = (statement: PolicyStatement) => [statement.Action].flat();

  it("declares exactly the parameters ask-cli's cfn-deployer passes, so create and update both work", () => {
    // node_modules/ask-cli/dist/lib/builtins/deploy-delegates/cfn-deployer/index.js, _mapStackParameters
    expect(Object.keys(template.Parameters)).to.have.members([
      'SkillId',
      'LambdaRuntime',
      'LambdaHandler',
      'CodeBucket',
      'CodeKey',
      'CodeVersion',
    ]);
  });

  it('has an on-demand table keyed by the string attribute id, encrypted, with point-in-time recovery', () => {
    expect(table.Properties).to.deep.include({
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      SSESpecification: { SSEEnabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    expect(table.DeletionPolicy, "users' counts survive deleting the stack").to.equal('Retain');
  });

  it('runs the function on nodejs22.x from the code ask-cli uploaded, with index.handler', () => {
    expect(skillFunction.Properties).to.deep.include({
      Runtime: { Ref: 'LambdaRuntime' },
      Handler: { Ref: 'LambdaHandler' },
      Code: {
        S3Bucket: { Ref: 'CodeBucket' },
        S3Key: { Ref: 'CodeKey' },
        S3ObjectVersion: { Ref: 'CodeVersion' },
      },
    });
    const resources = JSON.parse(readFileSync(path.join(projectRoot, 'ask-resources.json'), 'utf8'));
    const userConfig = cloudFormationProfile(resources).skillInfrastructure.userConfig;
    expect(userConfig).to.include({ runtime: 'nodejs22.x', handler: 'index.handler' });
  });

  it('gives the function the environment lambda/src/config.ts reads, naming its own table and region', () => {
    const variables = (skillFunction.Properties.Environment as { Variables: Record<string, unknown> })
      .Variables;
    expect(variables).to.deep.equal({
      DYNAMODB_PERSISTENCE_TABLE_NAME: { Ref: tableName },
      DYNAMODB_PERSISTENCE_REGION: { Ref: 'AWS::Region' },
      SKILL_ID: { Ref: 'SkillId' },
    });
    // Every variable the stack sets is one the code reads (a renamed variable fails here).
    const sentinelEnv = Object.fromEntries(Object.keys(variables).map((name) => [name, `value of ${name}`]));
    expect(readConfig(sentinelEnv)).to.deep.equal({
      tableName: 'value of DYNAMODB_PERSISTENCE_TABLE_NAME',
      region: 'value of DYNAMODB_PERSISTENCE_REGION',
      skillId: 'value of SKILL_ID',
    });
  });

  it('lets the role do only the four item operations on its table and write its own log group', () => {
    expect(role.Properties).not.to.have.property('ManagedPolicyArns');
    expect(resourcesOfType(template, 'AWS::IAM::Policy')).to.deep.equal([]);
    expect(resourcesOfType(template, 'AWS::IAM::ManagedPolicy')).to.deep.equal([]);
    expect(statements.every((statement) => statement.Effect === 'Allow')).to.equal(true);

    const actions = statements.flatMap(actionsOf);
    expect(
      actions.filter((action) => action.includes('*')),
      'wildcard actions',
    ).to.deep.equal([]);
    expect(actions.filter((action) => action.startsWith('dynamodb:'))).to.have.members([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
    ]);

    for (const statement of statements) {
      const service = actionsOf(statement)[0].split(':')[0];
      const expectedResource = service === 'dynamodb' ? tableName : logGroupName;
      expect(actionsOf(statement).every((action) => action.startsWith(`${service}:`))).to.equal(true);
      expect(statement.Resource, `resource of the ${service} statement`).to.deep.equal({
        'Fn::GetAtt': [expectedResource, 'Arn'],
      });
    }
    expect(skillFunction.Properties.LoggingConfig).to.deep.equal({ LogGroup: { Ref: logGroupName } });
  });

  it('lets only this skill invoke the function', () => {
    const [, trigger] = onlyResourceOfType(template, 'AWS::Lambda::Permission');
    expect(trigger.Properties).to.deep.equal({
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [functionName, 'Arn'] },
      Principal: 'alexa-appkit.amazon.com',
      EventSourceToken: { Ref: 'SkillId' },
    });
  });

  it('outputs the function ARN as SkillEndpoint, which ask-cli sets as the skill endpoint', () => {
    expect(template.Outputs.SkillEndpoint.Value).to.deep.equal({ 'Fn::GetAtt': [functionName, 'Arn'] });
  });
});

describe('ask-resources.json', () => {
  const resources = JSON.parse(readFileSync(path.join(projectRoot, 'ask-resources.json'), 'utf8'));

  it('deploys this stack with its CloudFormation profile', () => {
    const selfHosted = cloudFormationProfile(resources);
    expect(selfHosted.skillInfrastructure.type).to.equal('@ask-cli/cfn-deployer');
    expect(path.resolve(projectRoot, selfHosted.skillInfrastructure.userConfig.templatePath)).to.equal(
      templatePath,
    );
    for (const profile of Object.values<{
      skillMetadata: { src: string };
      code: { default: { src: string } };
    }>(resources.profiles)) {
      expect(existsSync(path.join(projectRoot, profile.skillMetadata.src, 'skill.json'))).to.equal(true);
      expect(profile.code.default.src).to.equal('./lambda');
    }
  });
});
