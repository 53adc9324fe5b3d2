import { DynamoAccountRepository } from '../../adapters/dynamodb/account-repository';
import { documentClient } from '../../adapters/dynamodb/client';
import { systemClock } from '../../adapters/system-clock';
import { suggestedScript } from '../../domain/drafting/agent-script';
import { accountIdPath } from '../../shared/account-path';
import { loadConfig, tableNames } from '../../shared/config';
import { httpHandler } from '../../shared/http';

const config = loadConfig(tableNames('accounts'));
const accounts = new DynamoAccountRepository(documentClient(), config.ACCOUNTS_TABLE);

/**
 * Answers at once with the offline drafter: the agent is on the phone. LLM-written scripts come from the
 * asynchronous drafting function (issue #4), which keeps the openai SDK out of this bundle.
 */
export const handler = httpHandler({ path: accountIdPath }, async ({ path }) => ({
  body: await suggestedScript({ accounts, llm: undefined, clock: systemClock }, path.accountId),
}));
