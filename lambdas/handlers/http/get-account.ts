import * as z from 'zod';
import { DynamoAccountRepository } from '../../adapters/dynamodb/account-repository';
import { documentClient } from '../../adapters/dynamodb/client';
import { systemClock } from '../../adapters/system-clock';
import { getAccountView } from '../../domain/accounts/account-view';
import { loadConfig, tableNames } from '../../shared/config';
import { httpHandler } from '../../shared/http';

const config = loadConfig(tableNames('accounts'));
const accounts = new DynamoAccountRepository(documentClient(), config.ACCOUNTS_TABLE);

const path = z.object({
  accountId: z.string().regex(/^[A-Z0-9-]{4,40}$/, 'must be an account reference like ACC-000123'),
});

export const handler = httpHandler({ path }, async ({ path }) => ({
  body: await getAccountView(accounts, path.accountId, systemClock.now().toISOString().slice(0, 10)),
}));
