import { DynamoAccountRepository } from '../../adapters/dynamodb/account-repository';
import { documentClient } from '../../adapters/dynamodb/client';
import { systemClock } from '../../adapters/system-clock';
import { getAccountView } from '../../domain/accounts/account-view';
import { accountIdPath } from '../../http/account-path';
import { httpHandler } from '../../http/http-handler';
import { loadConfig, tableNames } from '../../runtime/config';

const config = loadConfig(tableNames('accounts'));
const accounts = new DynamoAccountRepository(documentClient(), config.ACCOUNTS_TABLE);

export const handler = httpHandler(
  { route: 'GET /accounts/{accountId}', path: accountIdPath },
  async ({ path }) => ({
    body: await getAccountView(accounts, path.accountId, systemClock.now().toISOString().slice(0, 10)),
  }),
);
