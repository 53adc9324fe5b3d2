import * as z from 'zod';
import { DynamoAccountRepository } from '../../adapters/dynamodb/account-repository';
import { documentClient } from '../../adapters/dynamodb/client';
import { DynamoContactStore } from '../../adapters/dynamodb/contact-store';
import { DynamoDraftStore } from '../../adapters/dynamodb/draft-store';
import { EventBridgePublisher, eventBridgeClient } from '../../adapters/eventbridge/event-publisher';
import { systemClock } from '../../adapters/system-clock';
import { approveDraft } from '../../domain/outreach/approve-draft';
import { accountIdPath } from '../../http/account-path';
import { httpHandler } from '../../http/http-handler';
import { loadConfig, tableNames } from '../../runtime/config';

const config = loadConfig({
  ...tableNames('accounts', 'offers', 'contacts'),
  EVENT_BUS_NAME: z.string().min(1),
});
const db = documentClient();
const contacts = new DynamoContactStore(db, config.CONTACTS_TABLE);
const deps = {
  accounts: new DynamoAccountRepository(db, config.ACCOUNTS_TABLE),
  drafts: new DynamoDraftStore(db, config.OFFERS_TABLE),
  outbox: contacts,
  contactLog: contacts,
  events: new EventBridgePublisher(eventBridgeClient(), config.EVENT_BUS_NAME),
  clock: systemClock,
};

const path = accountIdPath.extend({ draftId: z.string().min(1).max(200) });

const body = z
  .strictObject({
    channel: z.enum(['sms', 'email', 'portal']),
    text: z.string().trim().min(1).max(2000).optional(),
    subject: z.string().trim().min(1).max(200).optional(),
  })
  .refine((value) => value.subject === undefined || value.channel === 'email', {
    path: ['subject'],
    message: 'only e-mails have a subject',
  });

/**
 * POST /accounts/{accountId}/drafts/{draftId}/approve: the signed-in agent approves a draft's message for a
 * channel, edited or not; linted again, then queued (201), or the message already queued (200).
 */
export const handler = httpHandler(
  { route: 'POST /accounts/{accountId}/drafts/{draftId}/approve', path, body },
  async ({ path, body, principal }) => {
    const result = await approveDraft(deps, { ...path, ...body, agentId: principal!.sub });
    return { statusCode: result.queued ? 201 : 200, body: result };
  },
);
