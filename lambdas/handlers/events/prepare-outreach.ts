import * as z from 'zod';
import { DynamoAccountRepository } from '../../adapters/dynamodb/account-repository';
import { documentClient } from '../../adapters/dynamodb/client';
import { DynamoContactStore } from '../../adapters/dynamodb/contact-store';
import { DynamoDraftStore } from '../../adapters/dynamodb/draft-store';
import { EventBridgePublisher, eventBridgeClient } from '../../adapters/eventbridge/event-publisher';
import { systemClock } from '../../adapters/system-clock';
import { type PrepareOutreachDeps, prepareOutreach } from '../../domain/outreach/prepare-outreach';
import { eventHandler } from '../../events/event-handler';
import { loadConfig, tableNames } from '../../runtime/config';
import { logger } from '../../runtime/logger';
import { configuredModel } from '../../wiring/model';

const config = loadConfig({
  ...tableNames('accounts', 'offers', 'contacts'),
  EVENT_BUS_NAME: z.string().min(1),
  // The stage's llm.gateReview: the model also reviews its own drafts for tone and implied threats.
  GATE_MODEL_REVIEW: z.enum(['on', 'off']).default('off'),
});
const db = documentClient();
const contacts = new DynamoContactStore(db, config.CONTACTS_TABLE);
const deps: Promise<PrepareOutreachDeps> = configuredModel('drafting').then((llm) => ({
  accounts: new DynamoAccountRepository(db, config.ACCOUNTS_TABLE),
  drafts: new DynamoDraftStore(db, config.OFFERS_TABLE),
  outbox: contacts,
  contactLog: contacts,
  events: new EventBridgePublisher(eventBridgeClient(), config.EVENT_BUS_NAME),
  llm,
  reviewer: config.GATE_MODEL_REVIEW === 'on' ? llm : undefined,
  clock: systemClock,
}));

export const handler = eventHandler(['TreatmentChanged'], async (event) => {
  const outcome = await prepareOutreach(await deps, event.detail);
  logger.info('Outreach prepared', { accountId: event.detail.accountId, ...outcome });
  return outcome;
});
