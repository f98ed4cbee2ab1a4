import { fromEnv, FromEnvInit } from '@aws-sdk/credential-provider-env';

/**
 * The AWS SDK's default credential chain as the Lambda bundle has it: the environment only. Lambda gives every
 * function its role's credentials in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, the first
 * place the full chain looks. The rest of that chain (profiles, SSO, STS, web identity, process, container and
 * instance metadata, and the XML parser STS needs) never runs on Lambda, yet it was a quarter of the bundle and
 * a good part of every cold start (README, "Cold start").
 *
 * Nothing imports this file: tools/build/bundle.ts puts it in place of `@aws-sdk/credential-provider-node`
 * in the Lambda zip only. The hosted copy (lambda/index.js), `npm start`, `npm run serve` and the tests keep the
 * SDK's full chain, so an AWS profile or SSO login still works there.
 */
export function defaultProvider(init?: FromEnvInit): ReturnType<typeof fromEnv> {
  return fromEnv(init);
}
