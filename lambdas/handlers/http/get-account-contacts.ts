import { DynamoAccountRepository } from '../../adapters/dynamodb/account-repository';
import { documentClient } from '../../adapters/dynamodb/client';
import { DynamoContactStore } from '../../adapters/dynamodb/contact-store';
import { contactHistory } from '../../domain/outreach/contact-history';
import { accountIdPath } from '../../http/account-path';
import { httpHandler } from '../../http/http-handler';
import { loadConfig, tableNames } from '../../runtime/config';

const config = loadConfig(tableNames('accounts', 'contacts'));
const db = documentClient();
const contacts = new DynamoContactStore(db, config.CONTACTS_TABLE);
const deps = {
  accounts: new DynamoAccountRepository(db, config.ACCOUNTS_TABLE),
  outbox: contacts,
  contactLog: contacts,
};

export const handler = httpHandler(
  { route: 'GET /accounts/{accountId}/contacts', path: accountIdPath },
  async ({ path }) => ({
    body: await contactHistory(deps, path.accountId),
  }),
);
