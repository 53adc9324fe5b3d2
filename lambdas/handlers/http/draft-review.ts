import * as z from '../../../contracts/schema';
import { approveDraft } from '../../domain/outreach/approve-draft';
import { accountIdPath } from '../../http/account-path';
import { httpHandler } from '../../http/http-handler';
import { clock } from '../../wiring/clock';
import { accountRepository, auditLog, contactStore, draftStore } from '../../wiring/dynamo';
import { eventPublisher } from '../../wiring/events';
import { businessMetrics } from '../../wiring/metrics';

const deps = {
  accounts: accountRepository(),
  drafts: draftStore(),
  outbox: contactStore(),
  contactLog: contactStore(),
  events: eventPublisher(),
  clock: clock(),
  metrics: businessMetrics(),
  audit: auditLog(),
};

const path = z.extend(accountIdPath, { draftId: z.string().check(z.minLength(1), z.maxLength(200)) });

const body = z
  .strictObject({
    channel: z.enum(['sms', 'email', 'portal']),
    text: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000))),
    subject: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  })
  .check(
    z.refine((value) => value.subject === undefined || value.channel === 'email', {
      path: ['subject'],
      message: 'only e-mails have a subject',
    }),
  );

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
