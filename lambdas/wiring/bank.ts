/** The bank's debit API, with its token read once per cold start (`BANK_API_TOKEN` or its secret). */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from '../../contracts/schema';
import { HttpPaymentGateway } from '../adapters/bank/http-payment-gateway';
import { loadConfig } from '../runtime/config';
import { once } from './once';

export const paymentGateway = /* @__PURE__ */ once(() => {
  const config = loadConfig({
    BANK_API_URL: z.url(),
    BANK_API_TIMEOUT_MS: z.coerce.number().check(z.int(), z.positive()),
    BANK_API_TOKEN: z.optional(z.string()),
    BANK_API_SECRET_ARN: z.optional(z.string()),
  });
  let token: Promise<string> | undefined;
  return new HttpPaymentGateway({
    baseUrl: config.BANK_API_URL,
    timeoutMs: config.BANK_API_TIMEOUT_MS,
    token: () => {
      token ??= config.BANK_API_TOKEN
        ? Promise.resolve(config.BANK_API_TOKEN)
        : tokenFromSecret(config.BANK_API_SECRET_ARN);
      return token;
    },
  });
});

/** The secret holds `{"token": "..."}`, set by operators with the token the bank issued. */
async function tokenFromSecret(secretArn: string | undefined): Promise<string> {
  if (!secretArn) throw new Error('Set BANK_API_TOKEN or BANK_API_SECRET_ARN: the bank API needs a token.');
  const { SecretString } = await new SecretsManagerClient({}).send(
    new GetSecretValueCommand({ SecretId: secretArn }),
  );
  const { token } = JSON.parse(SecretString ?? '{}') as { token?: unknown };
  if (typeof token !== 'string' || !token.trim()) {
    throw new Error(
      'The bank API token secret is empty: put the token the bank issued in it as {"token": "..."}.',
    );
  }
  return token.trim();
}
