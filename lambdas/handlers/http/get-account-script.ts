import { DynamoAccountRepository } from '../../adapters/dynamodb/account-repository';
import { documentClient } from '../../adapters/dynamodb/client';
import { DynamoDraftStore } from '../../adapters/dynamodb/draft-store';
import { systemClock } from '../../adapters/system-clock';
import { suggestedScript } from '../../domain/drafting/agent-script';
import { accountIdPath } from '../../shared/account-path';
import { loadConfig, tableNames } from '../../shared/config';
import { httpHandler } from '../../shared/http';

const config = loadConfig(tableNames('accounts', 'offers'));
const db = documentClient();
const deps = {
  accounts: new DynamoAccountRepository(db, config.ACCOUNTS_TABLE),
  drafts: new DynamoDraftStore(db, config.OFFERS_TABLE),
  // The agent is on the phone: the stored draft (model-written when a model is configured) or, when it no
  // longer fits, the offline drafter at once. That also keeps the openai SDK out of this bundle.
  llm: undefined,
  clock: systemClock,
};

export const handler = httpHandler({ path: accountIdPath }, async ({ path }) => ({
  body: await suggestedScript(deps, path.accountId),
}));
