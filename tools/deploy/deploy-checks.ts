import { existsSync } from 'node:fs';
import path from 'node:path';
import { type AskProfile, DEPLOYERS, readAskProfiles, skillIdOf } from '../project/ask-resources';
import { git } from '../project/git';
import { readStackTemplate, resourcesOfType } from '../project/skill-stack';

/**
 * What must hold before anything is deployed, checked by `npm run deploy` and by hooks/build.sh (the only
 * part of the project `ask deploy` runs). ask-cli itself would deploy a skill that cannot keep a count:
 * `ask init` and `ask new` put its own stack without a table in place of ours and offer nodejs16.x, and its
 * lambda-deployer creates a function without a table or the right to use one.
 */

/** Undoes what `ask init` changed in a git checkout (it also deletes .ask/). */
export const RESTORE_COMMAND = 'git checkout -- infrastructure/ ask-resources.json .ask/ask-states.json';

/**
 * ask-cli does not tell build scripts which profile it deploys: `npm run deploy` names it in this environment
 * variable for hooks/build.sh, which checks only that profile.
 */
export const DEPLOYED_PROFILE_VARIABLE = 'ASK_DEPLOY_PROFILE';

/** The bundle is built for this Node version (tools/build/bundle.ts), and older Lambda runtimes are retired. */
const OLDEST_NODE_RUNTIME = 22;
const TABLE_VARIABLE = 'DYNAMODB_PERSISTENCE_TABLE_NAME';

/** Throws, listing every problem, when `ask deploy` of any of these profiles would give a skill without its table. */
export function checkAskDeployProfiles(
  projectRoot: string,
  profiles = askDeployedProfiles(projectRoot),
): void {
  const problems = profiles.flatMap((profile) => askDeployProblems(projectRoot, profile));
  if (problems.length === 0) return;
  const restorable = problems.some((problem) => problem.restorable);
  throw new Error(
    [
      ...problems.map((problem) => problem.message),
      ...(restorable
        ? [`If ask init changed these files, restore the project's own with: ${RESTORE_COMMAND}`]
        : []),
    ].join('\n'),
  );
}

/** The profiles `ask deploy` deploys (it refuses Alexa-hosted ones). */
export function askDeployedProfiles(projectRoot: string): AskProfile[] {
  return readAskProfiles(projectRoot).filter(
    (profile) => profile.deployer === DEPLOYERS.cloudFormation || profile.deployer === DEPLOYERS.lambda,
  );
}

interface Problem {
  message: string;
  /** Caused by ask-cli rewriting the project's files, which git can undo. */
  restorable: boolean;
}

function askDeployProblems(projectRoot: string, profile: AskProfile): Problem[] {
  const { userConfig } = profile;
  const named = `ask-resources.json profile "${profile.name}"`;
  const problems: Problem[] = [];
  const runtime = userConfig.runtime;
  const runtimeVersion = typeof runtime === 'string' ? /^nodejs(\d+)\.x$/.exec(runtime)?.[1] : undefined;
  if (!runtimeVersion || Number(runtimeVersion) < OLDEST_NODE_RUNTIME) {
    problems.push({
      message:
        `${named}: runtime ${runtime ? `"${runtime}"` : 'missing'}; the skill is built for ` +
        `nodejs${OLDEST_NODE_RUNTIME}.x (set skillInfrastructure.userConfig.runtime to "nodejs${OLDEST_NODE_RUNTIME}.x").`,
      restorable: true,
    });
  }
  if (typeof userConfig.handler !== 'string' || !userConfig.handler) {
    problems.push({
      message: `${named}: no handler (set skillInfrastructure.userConfig.handler to "index.handler").`,
      restorable: true,
    });
  }
  if (profile.deployer === DEPLOYERS.cloudFormation) {
    const stackProblem = cloudFormationStackProblem(projectRoot, userConfig.templatePath);
    if (stackProblem) problems.push({ message: `${named}: ${stackProblem}`, restorable: true });
  } else if (!hasTableForLambdaDeployer(userConfig)) {
    problems.push({
      message:
        `${named} deploys with ${DEPLOYERS.lambda}, which creates the function without a DynamoDB table and ` +
        'with a role that may not use one: every request would end in "Sorry, I can\'t reach your saved counter". ' +
        `To deploy the project's CloudFormation stack, which creates the table, set its skillInfrastructure.type to ` +
        `"${DEPLOYERS.cloudFormation}" and userConfig.templatePath to "./infrastructure/cfn-deployer/skill-stack.yaml". ` +
        `To keep ${DEPLOYERS.lambda}, create a table (key "id", a string), allow the function's role ` +
        `dynamodb:GetItem, PutItem, UpdateItem and DeleteItem on it, and name it in ` +
        `userConfig.lambda.environmentVariables.${TABLE_VARIABLE}.`,
      restorable: false,
    });
  }
  return problems;
}

/** Why the stack cannot keep counts, or undefined when it has the table and gives the function its name. */
function cloudFormationStackProblem(projectRoot: string, templatePath: unknown): string | undefined {
  if (typeof templatePath !== 'string' || !templatePath) return 'no userConfig.templatePath.';
  const file = path.resolve(projectRoot, templatePath);
  if (!existsSync(file)) return `the stack ${templatePath} does not exist.`;
  const template = readStackTemplate(file);
  const tables = resourcesOfType(template, 'AWS::DynamoDB::Table');
  const functions = resourcesOfType(template, 'AWS::Lambda::Function');
  const namesTable = functions.some(([, resource]) => {
    const environment = resource.Properties?.Environment as
      { Variables?: Record<string, unknown> } | undefined;
    return environment?.Variables?.[TABLE_VARIABLE] !== undefined;
  });
  if (tables.length > 0 && namesTable) return undefined;
  return (
    `the stack ${templatePath} has no DynamoDB table for the counts ` +
    `(ask init and ask new replace it with ask-cli's basic-lambda.yaml when they set up ${DEPLOYERS.cloudFormation}).`
  );
}

function hasTableForLambdaDeployer(userConfig: Record<string, unknown>): boolean {
  const lambda = userConfig.lambda as { environmentVariables?: Record<string, unknown> } | undefined;
  const tableName = lambda?.environmentVariables?.[TABLE_VARIABLE];
  // A function of the user's own ("sourceLambda") keeps the environment and role they gave it.
  const sourceLambda = userConfig.sourceLambda as { arn?: unknown } | undefined;
  return (typeof tableName === 'string' && tableName.trim() !== '') || typeof sourceLambda?.arn === 'string';
}

/**
 * Throws unless pushing to `origin` deploys the Alexa-hosted skill of `profile`: the profile has a skill id,
 * and `origin` is that skill's repository. ask-cli's clone (`ask new`, `ask init --hosted-skill-id`) links
 * the two with a git credential helper for origin's URL that names the profile and the skill id.
 */
export function checkHostedRepository(
  projectRoot: string,
  profile: string,
): { skillId: string; url: string } {
  const skillId = skillIdOf(projectRoot, profile);
  if (!skillId) {
    throw new Error(
      `The Alexa-hosted profile "${profile}" has no skill id in .ask/ask-states.json, so this folder is not ` +
        "an Alexa-hosted skill's repository: create the skill with npx ask new (Alexa-hosted), bring this " +
        'project into the folder it clones with npm run copy-to-hosted -- <folder>, and deploy from there.',
    );
  }
  // Where a push goes: a pushurl, if origin has one, else its url.
  const url = optionalGit(projectRoot, ['remote', 'get-url', '--push', 'origin'])[0];
  if (!url)
    throw new Error(`This folder has no git remote "origin", so nothing links it to skill ${skillId}.`);
  const linkedSkillIds = optionalGit(projectRoot, ['config', '--get-all', `credential.${url}.helper`]).map(
    (helper) => /git-credential-helper'?\s+\S+\s+(\S+)\s*$/.exec(helper)?.[1],
  );
  if (!linkedSkillIds.includes(skillId)) {
    throw new Error(
      `origin (${url}) is not the Alexa-hosted repository of skill ${skillId} (profile "${profile}"): ask-cli ` +
        'links the two when it clones the skill (npx ask new, or npx ask init --hosted-skill-id), and this ' +
        'folder has no such link. Deploy from the folder ask-cli cloned.',
    );
  }
  return { skillId, url };
}

/** git's output lines, or none when git says there is nothing (an unset config key, a missing remote). */
function optionalGit(projectRoot: string, args: string[]): string[] {
  try {
    return git(projectRoot, args).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}
