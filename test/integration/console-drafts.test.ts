/**
 * Draft approval against DynamoDB Local: an agent's edit is linted again (a threat or a figure outside the
 * offer is rejected), a clean one is queued once with the disclosures appended and who approved it, a repeat
 * queues nothing more, holds refuse it, and the queued message is delivered through the send-time gate.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DetailOf } from '../../contracts/events';
import { DynamoAccountRepository } from '../../lambdas/adapters/dynamodb/account-repository';
import { DynamoContactStore } from '../../lambdas/adapters/dynamodb/contact-store';
import { DynamoDraftStore } from '../../lambdas/adapters/dynamodb/draft-store';
import type { Account } from '../../lambdas/domain/accounts/account';
import { requiredDisclosures } from '../../lambdas/domain/compliance/disclosures';
import {
  type ApprovalRequest,
  type ApproveDraftDeps,
  approveDraft,
  approvedMessageId,
  pitchStillStands,
} from '../../lambdas/domain/outreach/approve-draft';
import { deliverMessage } from '../../lambdas/domain/outreach/deliver-outreach';
import type { MessageSender, OutboundMessage } from '../../lambdas/domain/outreach/outreach';
import { prepareOutreach } from '../../lambdas/domain/outreach/prepare-outreach';
import type { DomainEvent } from '../../lambdas/domain/ports';
import { anAccount } from '../support/accounts';
import { freshTables } from '../support/dynamodb';

// 14:00 in New York (EST) on a Monday.
const AFTERNOON = new Date('2026-11-23T19:00:00.000Z');

let tables: Awaited<ReturnType<typeof freshTables>>;
let sequence = 0;

beforeAll(async () => {
  tables = await freshTables();
});

class RecordingSender implements MessageSender {
  readonly sent: OutboundMessage[] = [];
  async send(message: OutboundMessage) {
    this.sent.push(message);
    return { deliveredBy: 'recording' };
  }
}

/** A scored account in `reminder` with a stored offline draft (and the automatic outreach it queued). */
async function world() {
  sequence += 1;
  const accountId = `ACC-${String(700_000 + sequence)}`;
  let now = AFTERNOON;
  const clock = { now: () => now };
  const change: DetailOf<'TreatmentChanged'> = {
    changeId: `run-1:${accountId}`,
    accountId,
    runId: 'run-1',
    variant: 'champion',
    policyVersion: 'treatment-2026.11.1',
    modelVersion: 'pd-scorecard-2026.11.1',
    previous: { tier: 'monitor', bucket: 'current' },
    current: { tier: 'reminder', bucket: 'dpd_1_30', band: 'B', score: 520, probabilityOfDefault: 0.2 },
    assessedAt: '2026-11-23T02:00:00.000Z',
  };
  const account: Account = {
    ...anAccount({ accountId, amountOverdueMinor: 3_600, oldestUnpaidDueDate: '2026-11-10' }),
    risk: {
      modelVersion: change.modelVersion,
      probabilityOfDefault: 0.2,
      score: 520,
      band: 'B',
      reasons: [],
      fallback: false,
    },
    treatment: {
      bucket: 'dpd_1_30',
      tier: 'reminder',
      variant: 'champion',
      policyVersion: change.policyVersion,
      fingerprint: 'f',
      assessedAt: change.assessedAt,
      runId: 'run-1',
    },
  };
  const saveAccount = (changes: Partial<Account> = {}) =>
    tables.db.send(new PutCommand({ TableName: tables.names.accounts, Item: { ...account, ...changes } }));
  await saveAccount();
  const events: DomainEvent[] = [];
  const publisher = { publish: async (batch: readonly DomainEvent[]) => void events.push(...batch) };
  const accounts = new DynamoAccountRepository(tables.db, tables.names.accounts);
  const contacts = new DynamoContactStore(tables.db, tables.names.contacts);
  const drafts = new DynamoDraftStore(tables.db, tables.names.offers);
  await prepareOutreach(
    { accounts, drafts, outbox: contacts, contactLog: contacts, events: publisher, llm: undefined, clock },
    change,
  );
  const draft = (await drafts.latest(accountId))!;
  events.length = 0;
  const deps: ApproveDraftDeps = {
    accounts,
    drafts,
    outbox: contacts,
    contactLog: contacts,
    events: publisher,
    clock,
  };
  const sender = new RecordingSender();
  return {
    accountId,
    account,
    draft,
    events,
    deps,
    sender,
    saveAccount,
    setClock: (at: Date) => {
      now = at;
    },
    approve: (request: Partial<ApprovalRequest> & Pick<ApprovalRequest, 'channel'>) =>
      approveDraft(deps, { accountId, draftId: draft.draftId, agentId: 'alice', ...request }),
    approvedMessages: async () =>
      (await contacts.list(accountId)).filter((message) => message.messageId.endsWith('#approved')),
    deliver: (messageId: string) =>
      deliverMessage(
        {
          accounts,
          outbox: contacts,
          contactLog: contacts,
          senders: { sms: sender, email: sender, portal: sender },
          events: publisher,
          clock,
        },
        { accountId, messageId },
      ),
  };
}

const CLEAN_EDIT =
  'Hi Alex, a quick reminder that a payment on your card is overdue. Reply or visit the portal to pick a plan.';

describe('approving a draft', () => {
  it('rejects an edit with a threat or a figure outside the offer, naming the rules, and queues nothing', async () => {
    const w = await world();
    const rejected = w.approve({ channel: 'sms', text: 'Pay USD 5.00 today or we will have you arrested.' });
    await expect(rejected).rejects.toMatchObject({ kind: 'invalid', code: 'MESSAGE_REJECTED' });
    const error = (await rejected.catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/NUMBER_NOT_IN_OFFER/);
    expect(error.message).toMatch(/arrest/);
    expect(await w.approvedMessages()).toEqual([]);
    expect(w.events).toEqual([]);
  });

  it('queues a clean edit once, with the disclosures appended and the approver recorded; a repeat queues nothing', async () => {
    const w = await world();
    const first = await w.approve({ channel: 'sms', text: CLEAN_EDIT });
    const messageId = approvedMessageId(w.draft.draftId, 'sms');
    expect(first.queued).toBe(true);
    expect(first.verdict).toEqual({ allowed: true, violations: [] });
    expect(first.message).toMatchObject({
      accountId: w.accountId,
      messageId,
      draftId: w.draft.draftId,
      channel: 'sms',
      tier: 'reminder',
      status: 'queued',
      notBefore: AFTERNOON.toISOString(),
      approvedBy: 'alice',
      edited: true,
      text: [CLEAN_EDIT, ...requiredDisclosures('US', 'sms', 'en')].join(' '),
    });
    const automaticSms = `${w.draft.draftId}#sms`;
    expect(w.events).toEqual([
      {
        source: 'collections.outreach',
        detailType: 'OutreachQueued',
        detail: {
          accountId: w.accountId,
          draftId: w.draft.draftId,
          messageId,
          channel: 'sms',
          notBefore: AFTERNOON.toISOString(),
          approvedBy: 'alice',
          edited: true,
        },
      },
      {
        source: 'collections.outreach',
        detailType: 'OutreachBlocked',
        detail: {
          accountId: w.accountId,
          draftId: w.draft.draftId,
          messageId: automaticSms,
          channel: 'sms',
          stage: 'approval',
          reasons: [`REPLACED_BY_APPROVAL: ${messageId} approved by alice`],
        },
      },
    ]);
    // The approved SMS takes the place of the draft's automatic one; the portal notice stays queued.
    const outbox = await w.deps.outbox.list(w.accountId);
    expect(
      Object.fromEntries(outbox.map((m) => [m.messageId.slice(w.draft.draftId.length), m.status])),
    ).toEqual({
      '#portal': 'queued',
      '#sms': 'blocked',
      '#sms#approved': 'queued',
    });
    expect(await w.deliver(automaticSms)).toBe('taken');

    const again = await w.approve({ channel: 'sms', text: `${CLEAN_EDIT} Thanks!`, agentId: 'ben' });
    expect(again.queued).toBe(false);
    expect(again.message).toEqual(first.message);
    const approved = await w.approvedMessages();
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ approvedBy: 'alice', text: first.message.text });

    // deliverOutreach sends it through the send-time gate, once.
    expect(await w.deliver(messageId)).toBe('sent');
    expect(await w.deliver(messageId)).toBe('taken');
    expect(w.sender.sent.map((message) => message.text)).toEqual([first.message.text]);
    expect((await w.approvedMessages())[0]?.status).toBe('sent');
  });

  it('approves the stored text unedited, an e-mail with a new subject, and a night approval for the morning', async () => {
    const w = await world();
    const portal = await w.approve({ channel: 'portal' });
    expect(portal.message).toMatchObject({ text: w.draft.draft!.portal, edited: false, approvedBy: 'alice' });

    const email = await w.approve({ channel: 'email', subject: 'Your card payment' });
    expect(email.message).toMatchObject({
      subject: 'Your card payment',
      text: w.draft.draft!.email.body,
      edited: true,
    });

    const night = await world();
    night.setClock(new Date('2026-11-24T03:00:00.000Z')); // 22:00 in New York
    const queued = await night.approve({ channel: 'sms' });
    expect(queued.message.notBefore).toBe('2026-11-24T13:00:00.000Z'); // 08:00 in New York
  });

  it('refuses a channel a hold or a missing consent closes, with the reasons', async () => {
    const w = await world();
    await w.saveAccount({ flags: { ...w.account.flags, dispute: true } });
    await expect(
      w.approve({ channel: 'email', text: CLEAN_EDIT, subject: 'Reminder' }),
    ).rejects.toMatchObject({
      kind: 'conflict',
      code: 'OUTREACH_BLOCKED',
      message: expect.stringMatching(/DISPUTE_HOLD/),
    });

    const noConsent = await world();
    await noConsent.saveAccount({
      customer: {
        ...noConsent.account.customer,
        contactPreferences: { smsConsent: false, refusedChannels: [] },
      },
    });
    await expect(noConsent.approve({ channel: 'sms' })).rejects.toMatchObject({
      code: 'OUTREACH_BLOCKED',
      message: expect.stringMatching(/NO_SMS_CONSENT/),
    });
    expect(await w.approvedMessages()).toEqual([]);
    expect(await noConsent.approvedMessages()).toEqual([]);
  });

  it('refuses a draft that pitched the options a plan agreed since replaced; one written after the plan stands', async () => {
    const w = await world();
    const plan = {
      optionId: 'instalment-3',
      kind: 'instalment' as const,
      totalMinor: 3_600,
      instalments: [{ dueDate: '2026-12-10', amountMinor: 3_600 }],
      conversationId: 'conv-1',
    };
    const after = new Date(Date.parse(w.draft.createdAt) + 60_000).toISOString();
    await w.saveAccount({ repaymentPlan: { ...plan, acceptedAt: after } });
    await expect(w.approve({ channel: 'sms' })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'DRAFT_REPLACED_BY_PLAN',
    });
    expect(await w.approvedMessages()).toEqual([]);
    expect(pitchStillStands({ repaymentPlan: { ...plan, acceptedAt: after } }, w.draft)).toBe(false);
    const before = new Date(Date.parse(w.draft.createdAt) - 60_000).toISOString();
    expect(pitchStillStands({ repaymentPlan: { ...plan, acceptedAt: before } }, w.draft)).toBe(true);
    expect(pitchStillStands({}, w.draft)).toBe(true);
  });

  it('refuses a draft the account has moved past, and unknown drafts and accounts', async () => {
    const w = await world();
    await w.saveAccount({ treatment: { ...w.account.treatment!, tier: 'agent_call' } });
    await expect(w.approve({ channel: 'sms' })).rejects.toMatchObject({
      kind: 'conflict',
      code: 'DRAFT_SUPERSEDED',
    });
    await expect(w.approve({ channel: 'sms', draftId: 'nope' })).rejects.toMatchObject({
      kind: 'not_found',
      code: 'DRAFT_NOT_FOUND',
    });
    await expect(w.approve({ channel: 'sms', accountId: 'ACC-NOPE' })).rejects.toMatchObject({
      code: 'ACCOUNT_NOT_FOUND',
    });
  });
});
