/**
 * The skill's settings, read from the environment in one place.
 * Alexa-hosted sets the two DYNAMODB_PERSISTENCE_* variables itself; the CloudFormation stack sets the same
 * ones, so the code is identical on both paths. The AWS SDK reads AWS_ENDPOINT_URL_DYNAMODB (a local engine)
 * and credentials on its own.
 */
export interface SkillConfig {
  /** DynamoDB table holding one item per user; unset means storage is not configured. */
  tableName: string | undefined;
  region: string | undefined;
  /** When set, requests for any other skill are rejected. */
  skillId: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): SkillConfig {
  return {
    tableName: nonBlank(env.DYNAMODB_PERSISTENCE_TABLE_NAME),
    region: nonBlank(env.DYNAMODB_PERSISTENCE_REGION) ?? nonBlank(env.AWS_REGION),
    skillId: nonBlank(env.SKILL_ID),
  };
}

function nonBlank(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}
