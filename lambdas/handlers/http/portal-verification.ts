import { randomInt } from 'node:crypto';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import * as z from 'zod';
import { DynamoAccountRepository } from '../../adapters/dynamodb/account-repository';
import { documentClient } from '../../adapters/dynamodb/client';
import { DynamoContactStore } from '../../adapters/dynamodb/contact-store';
import { DynamoVerificationStore } from '../../adapters/dynamodb/verification-store';
import { systemClock } from '../../adapters/system-clock';
import { OutboxCodeSender } from '../../domain/auth/code-delivery';
import { confirmCode, requestCode, type VerificationDeps } from '../../domain/auth/identity-verification';
import { accountIdPath } from '../../shared/account-path';
import { authSettingsFromEnvironment } from '../../shared/auth-settings';
import { loadConfig, tableNames } from '../../shared/config';
import { httpHandler } from '../../shared/http';
import { outreachSenders } from '../../shared/outreach-delivery';

const config = loadConfig(tableNames('accounts', 'contacts', 'verifications'));
const db = documentClient();
const accounts = new DynamoAccountRepository(db, config.ACCOUNTS_TABLE);
const auth = authSettingsFromEnvironment();
const verification = async (): Promise<VerificationDeps> => ({
  accounts,
  verifications: new DynamoVerificationStore(db, config.VERIFICATIONS_TABLE),
  codes: new OutboxCodeSender({
    accounts,
    outbox: new DynamoContactStore(db, config.CONTACTS_TABLE),
    senders: outreachSenders(),
    clock: systemClock,
  }),
  clock: systemClock,
  newCode: () => String(randomInt(0, 1_000_000)).padStart(6, '0'),
  signingKey: await auth.signingKey(),
});

const accountId = accountIdPath.shape.accountId;

const start = httpHandler(
  { route: 'POST /portal/verification', body: z.strictObject({ accountId, dateOfBirth: z.iso.date() }) },
  async ({ body }) => ({ statusCode: 202, body: await requestCode(await verification(), body) }),
);

const confirm = httpHandler(
  {
    route: 'POST /portal/verification/confirm',
    body: z.strictObject({ accountId, code: z.string().regex(/^\d{6}$/, 'must be the 6-digit code') }),
  },
  async ({ body }) => ({ body: await confirmCode(await verification(), body) }),
);

/** One function, two routes: ask for a code, then trade it for a session. */
export const handler = (event: APIGatewayProxyEventV2, context: Context) =>
  event.routeKey === 'POST /portal/verification' ? start(event, context) : confirm(event, context);
