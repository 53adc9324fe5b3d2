import * as z from 'zod';
import { DynamoAccountRepository } from '../../adapters/dynamodb/account-repository';
import { documentClient } from '../../adapters/dynamodb/client';
import { DynamoDraftStore } from '../../adapters/dynamodb/draft-store';
import { EventBridgePublisher, eventBridgeClient } from '../../adapters/eventbridge/event-publisher';
import { systemClock } from '../../adapters/system-clock';
import { draftOnRequest } from '../../domain/outreach/draft-on-request';
import { accountIdPath } from '../../http/account-path';
import { httpHandler } from '../../http/http-handler';
import { loadConfig, tableNames } from '../../runtime/config';
import { configuredModel } from '../../wiring/model';

const config = loadConfig({ ...tableNames('accounts', 'offers'), EVENT_BUS_NAME: z.string().min(1) });
const db = documentClient();
const deps = configuredModel('drafting').then((llm) => ({
  accounts: new DynamoAccountRepository(db, config.ACCOUNTS_TABLE),
  drafts: new DynamoDraftStore(db, config.OFFERS_TABLE),
  events: new EventBridgePublisher(eventBridgeClient(), config.EVENT_BUS_NAME),
  llm,
  clock: systemClock,
}));

export const handler = httpHandler(
  { route: 'POST /accounts/{accountId}/drafts', path: accountIdPath },
  async ({ path, principal }) => ({
    statusCode: 201,
    body: await draftOnRequest(await deps, { accountId: path.accountId, agentId: principal!.sub }),
  }),
);
