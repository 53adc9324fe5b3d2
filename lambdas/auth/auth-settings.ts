/**
 * Where the session signing key comes from: `SESSION_SIGNING_KEY` (base64; local runtime and tests), or the
 * Secrets Manager secret `SESSION_KEY_SECRET_ARN` names (AWS), read once on first use, so public routes never
 * pay for it. `STAFF_AUTH=local` lets dev users' session tokens open staff routes (local runtime only).
 */

import { HttpError } from '../http/http-error';
import type { AuthSettings } from './auth';

export function authSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  let key: Promise<Buffer> | undefined;
  return {
    staffAuth: env.STAFF_AUTH === 'local' ? 'local' : 'cognito',
    nowSeconds: () => Math.floor(Date.now() / 1000),
    signingKey: () => {
      key ??= loadKey(env).catch((error: unknown) => {
        key = undefined;
        throw error;
      });
      return key;
    },
  };
}

async function loadKey(env: NodeJS.ProcessEnv): Promise<Buffer> {
  if (env.SESSION_SIGNING_KEY) return Buffer.from(env.SESSION_SIGNING_KEY, 'base64');
  if (!env.SESSION_KEY_SECRET_ARN) {
    throw new HttpError(503, 'AUTH_NOT_CONFIGURED', 'Sessions are not configured for this stage.');
  }
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const { SecretString } = await new SecretsManagerClient({}).send(
    new GetSecretValueCommand({ SecretId: env.SESSION_KEY_SECRET_ARN }),
  );
  return Buffer.from(SecretString ?? '', 'utf8');
}
