import { DynamoAccountRepository } from '../../adapters/dynamodb/account-repository';
import { documentClient } from '../../adapters/dynamodb/client';
import { DynamoContactStore } from '../../adapters/dynamodb/contact-store';
import { DynamoDraftStore } from '../../adapters/dynamodb/draft-store';
import { systemClock } from '../../adapters/system-clock';
import { portalOverview } from '../../domain/portal/account-overview';
import { loadConfig, tableNames } from '../../shared/config';
import { httpHandler } from '../../shared/http';

const config = loadConfig(tableNames('accounts', 'offers', 'contacts'));
const db = documentClient();
const deps = {
  accounts: new DynamoAccountRepository(db, config.ACCOUNTS_TABLE),
  drafts: new DynamoDraftStore(db, config.OFFERS_TABLE),
  outbox: new DynamoContactStore(db, config.CONTACTS_TABLE),
  clock: systemClock,
};

/** The signed-in customer's own account: the session names it, so no id is taken from the request. */
export const handler = httpHandler({}, async ({ principal }) => ({
  body: await portalOverview(deps, principal!.accountId!),
}));
