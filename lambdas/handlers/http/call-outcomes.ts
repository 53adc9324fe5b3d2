import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { DynamoAccountRepository } from '../../adapters/dynamodb/account-repository';
import { documentClient } from '../../adapters/dynamodb/client';
import { DynamoContactStore } from '../../adapters/dynamodb/contact-store';
import { EventBridgePublisher, eventBridgeClient } from '../../adapters/eventbridge/event-publisher';
import { systemClock } from '../../adapters/system-clock';
import { callOutcomeBody, logCallOutcome } from '../../domain/console/call-outcomes';
import { accountIdPath } from '../../http/account-path';
import { httpHandler } from '../../http/http-handler';
import { loadConfig, tableNames } from '../../runtime/config';

const config = loadConfig({ ...tableNames('accounts', 'contacts'), EVENT_BUS_NAME: z.string().min(1) });
const db = documentClient();
const deps = {
  accounts: new DynamoAccountRepository(db, config.ACCOUNTS_TABLE),
  contactLog: new DynamoContactStore(db, config.CONTACTS_TABLE),
  events: new EventBridgePublisher(eventBridgeClient(), config.EVENT_BUS_NAME),
  clock: systemClock,
};

/** POST /accounts/{accountId}/calls: the signed-in agent logs a call's outcome (201 with what was logged). */
export const handler = httpHandler(
  { route: 'POST /accounts/{accountId}/calls', path: accountIdPath, body: callOutcomeBody },
  async ({ path, body, principal }) => ({
    statusCode: 201,
    body: await logCallOutcome(deps, {
      accountId: path.accountId,
      agentId: principal!.sub,
      callId: randomUUID(),
      body,
    }),
  }),
);
