/**
 * Outreach against DynamoDB Local: a treatment change drafted, stored and queued once however often it is
 * delivered; messages gated again at send time, sent at most once, deferred to contact hours, retried,
 * and never re-sent after a crash mid-send. The model is the real OpenAI SDK against the fake server.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DetailOf } from '../../contracts/events';
import { DynamoAccountRepository } from '../../lambdas/adapters/dynamodb/account-repository';
import { DynamoContactStore } from '../../lambdas/adapters/dynamodb/contact-store';
import { DynamoDraftStore } from '../../lambdas/adapters/dynamodb/draft-store';
import { OpenAiLlm } from '../../lambdas/adapters/llm/openai-llm';
import type { Account } from '../../lambdas/domain/accounts/account';
import { offlineDraft } from '../../lambdas/domain/drafting/offline-drafter';
import { OFFER_POLICY } from '../../lambdas/domain/offers/offer-policy';
import { computeOffers } from '../../lambdas/domain/offers/plan-calculator';
import {
  CLAIM_MS,
  type DeliverOutreachDeps,
  deliverMessage,
  dispatchDue,
  MAX_SEND_ATTEMPTS,
} from '../../lambdas/domain/outreach/deliver-outreach';
import type { MessageSender, OutboundChannel, OutboundMessage } from '../../lambdas/domain/outreach/outreach';
import { type PrepareOutreachDeps, prepareOutreach } from '../../lambdas/domain/outreach/prepare-outreach';
import type { AuditEntry, DomainEvent } from '../../lambdas/domain/ports';
import { anAccount } from '../support/accounts';
import { freshTables } from '../support/dynamodb';
import { type FakeOpenAi, reply, startFakeOpenAi } from '../support/fake-openai';

// 14:00 in New York (EST) on a Monday.
const AFTERNOON = new Date('2026-11-23T19:00:00.000Z');

let tables: Awaited<ReturnType<typeof freshTables>>;
let fake: FakeOpenAi;
let sequence = 0;

beforeAll(async () => {
  tables = await freshTables();
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.script();
});

class RecordingSender implements MessageSender {
  readonly sent: OutboundMessage[] = [];
  failuresLeft = 0;
  async send(message: OutboundMessage) {
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error('provider unavailable');
    }
    this.sent.push(message);
    return { deliveredBy: 'recording', providerMessageId: `p-${this.sent.length}` };
  }
}

interface World {
  readonly accountId: string;
  readonly change: DetailOf<'TreatmentChanged'>;
  readonly clock: { now: () => Date; set: (at: Date) => void };
  readonly events: DomainEvent[];
  readonly sender: RecordingSender;
  readonly prepareDeps: PrepareOutreachDeps;
  readonly deliverDeps: DeliverOutreachDeps;
  saveAccount(changes?: Partial<Account>): Promise<void>;
}

/** A scored account in `reminder` (SMS, e-mail, portal) with its TreatmentChanged event and every store. */
async function world(options: { llm?: OpenAiLlm; customer?: Partial<Account['customer']> } = {}) {
  sequence += 1;
  const accountId = `ACC-${String(500_000 + sequence)}`;
  let now = AFTERNOON;
  const clock = { now: () => now, set: (at: Date) => (now = at) };
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
  const base = anAccount({ accountId, amountOverdueMinor: 3_600, oldestUnpaidDueDate: '2026-11-10' });
  const account: Account = {
    ...base,
    customer: { ...base.customer, ...options.customer },
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
      tierChange: { changeId: change.changeId, previousTier: 'monitor', previousBucket: 'current' },
    },
  };
  const saveAccount = async (changes: Partial<Account> = {}) => {
    await tables.db.send(
      new PutCommand({ TableName: tables.names.accounts, Item: { ...account, ...changes } }),
    );
  };
  await saveAccount();
  const events: DomainEvent[] = [];
  const publisher = { publish: async (batch: readonly DomainEvent[]) => void events.push(...batch) };
  const accounts = new DynamoAccountRepository(tables.db, tables.names.accounts);
  const contacts = new DynamoContactStore(tables.db, tables.names.contacts);
  const sender = new RecordingSender();
  const senders: Record<OutboundChannel, MessageSender> = { sms: sender, email: sender, portal: sender };
  return {
    accountId,
    change,
    clock,
    events,
    sender,
    saveAccount,
    prepareDeps: {
      accounts,
      drafts: new DynamoDraftStore(tables.db, tables.names.offers),
      outbox: contacts,
      contactLog: contacts,
      events: publisher,
      llm: options.llm,
      clock,
    },
    deliverDeps: { accounts, outbox: contacts, contactLog: contacts, senders, events: publisher, clock },
  } satisfies World;
}

const detailTypes = (events: readonly DomainEvent[]) => events.map((event) => event.detailType);

describe('preparing outreach on a treatment change', () => {
  it('stores one offline draft, queues an SMS and a portal notice, and announces them', async () => {
    const w = await world();
    const outcome = await prepareOutreach(w.prepareDeps, w.change);
    expect(outcome).toMatchObject({ outcome: 'prepared', status: 'ready', blocked: [] });
    const draft = await w.prepareDeps.drafts.latest(w.accountId);
    expect(draft).toMatchObject({
      changeId: w.change.changeId,
      tier: 'reminder',
      status: 'ready',
      draft: { metadata: { source: 'offline', promptId: 'draft-outreach-offline' } },
      llmCalls: 0,
    });
    expect(Object.values(draft!.verdicts!).every((verdict) => verdict.allowed)).toBe(true);
    const queued = await w.deliverDeps.outbox.list(w.accountId);
    expect(queued.map((m) => [m.channel, m.status, m.notBefore]).sort()).toEqual([
      ['portal', 'queued', AFTERNOON.toISOString()],
      ['sms', 'queued', AFTERNOON.toISOString()],
    ]);
    expect(queued.find((m) => m.channel === 'sms')!.text).toBe(draft!.draft!.sms);
    expect(detailTypes(w.events)).toEqual(['OfferDrafted', 'OutreachQueued', 'OutreachQueued']);
  });

  it('drafts once however often the change is delivered: one model call, one draft, one outbox entry per channel', async () => {
    const llm = new OpenAiLlm({ apiKey: 'k', baseURL: fake.baseURL, model: 'gpt-test', maxRetries: 0 });
    const w = await world({ llm });
    const before = fake.requests.length;
    fake.script(reply.json(offlineDraft({ offerSet: await offersOf(w), tier: 'reminder', language: 'en' })));
    const first = await prepareOutreach(w.prepareDeps, w.change);
    const again = await prepareOutreach(w.prepareDeps, w.change);
    expect(fake.requests.length - before).toBe(1);
    expect(again).toEqual(first);
    expect((await w.prepareDeps.drafts.latest(w.accountId))?.draft?.metadata.source).toBe('llm');
    expect(await w.deliverDeps.outbox.list(w.accountId)).toHaveLength(2);
  });

  it('keeps the first draft when two deliveries of the change race', async () => {
    const w = await world();
    const [a, b] = await Promise.all([
      prepareOutreach(w.prepareDeps, w.change),
      prepareOutreach(w.prepareDeps, w.change),
    ]);
    expect(a).toMatchObject({ outcome: 'prepared' });
    expect(b).toMatchObject({ outcome: 'prepared' });
    expect(await w.deliverDeps.outbox.list(w.accountId)).toHaveLength(2);
  });

  it('skips a change a later run superseded, and an account that no longer exists', async () => {
    const w = await world();
    await w.saveAccount({ treatment: { ...(await accountOf(w)).treatment!, tier: 'agent_call' } });
    expect(await prepareOutreach(w.prepareDeps, w.change)).toEqual({
      outcome: 'skipped',
      reason: 'SUPERSEDED',
    });
    expect(await prepareOutreach(w.prepareDeps, { ...w.change, accountId: 'ACC-NOPE' })).toEqual({
      outcome: 'skipped',
      reason: 'ACCOUNT_NOT_FOUND',
    });
    expect(w.events).toEqual([]);
  });

  it('picks e-mail when there is no SMS consent, and blocks everything outbound for an unknown time zone', async () => {
    const noConsent = await world({
      customer: { contactPreferences: { smsConsent: false, refusedChannels: [] } },
    });
    await prepareOutreach(noConsent.prepareDeps, noConsent.change);
    const channels = (await noConsent.deliverDeps.outbox.list(noConsent.accountId)).map((m) => m.channel);
    expect(channels.sort()).toEqual(['email', 'portal']);

    const unknownZone = await world({ customer: { timezone: 'Mars/Olympus_Mons' } });
    // Each channel stopped at queue time is kept for the supervisor's dashboard, once however often it runs.
    const audit: AuditEntry[] = [];
    const auditLog = { append: async (entry: AuditEntry) => void audit.push(entry), list: async () => audit };
    const outcome = await prepareOutreach(
      { ...unknownZone.prepareDeps, audit: auditLog },
      unknownZone.change,
    );
    expect(outcome).toMatchObject({
      outcome: 'prepared',
      blocked: [
        { channel: 'sms', reasons: ['UNKNOWN_TIMEZONE'] },
        { channel: 'email', reasons: ['UNKNOWN_TIMEZONE'] },
        { channel: 'portal', reasons: ['UNKNOWN_TIMEZONE'] },
      ],
    });
    expect(await unknownZone.deliverDeps.outbox.list(unknownZone.accountId)).toEqual([]);
    expect(audit.map((entry) => [entry.kind, entry.data.source, entry.data.rules])).toEqual([
      ['MessageBlocked', 'send', ['UNKNOWN_TIMEZONE']],
      ['MessageBlocked', 'send', ['UNKNOWN_TIMEZONE']],
      ['MessageBlocked', 'send', ['UNKNOWN_TIMEZONE']],
    ]);
    expect(detailTypes(unknownZone.events)).toEqual([
      'OfferDrafted',
      'OutreachBlocked',
      'OutreachBlocked',
      'OutreachBlocked',
    ]);
    const keys = audit.map((entry) => `${entry.at}#${entry.entryId}`);
    audit.length = 0;
    await prepareOutreach({ ...unknownZone.prepareDeps, audit: auditLog }, unknownZone.change);
    expect(audit.map((entry) => `${entry.at}#${entry.entryId}`)).toEqual(keys);
  });
});

describe('sending from the outbox', () => {
  it('sends a due message once, logs the contact for the caps, and ignores repeats', async () => {
    const w = await world();
    await prepareOutreach(w.prepareDeps, w.change);
    const sms = await messageOn(w, 'sms');
    expect(await deliverMessage(w.deliverDeps, sms)).toBe('sent');
    expect(await deliverMessage(w.deliverDeps, sms)).toBe('taken');
    expect(w.sender.sent).toHaveLength(1);
    expect(w.sender.sent[0]).toMatchObject({ channel: 'sms', to: '+1-202-555-0100' });
    const stored = await w.deliverDeps.outbox.get(sms);
    expect(stored).toMatchObject({
      status: 'sent',
      deliveredBy: 'recording',
      providerMessageId: 'p-1',
      sendVerdict: { allowed: true },
    });
    expect(await w.deliverDeps.contactLog.since(w.accountId, '2026-01-01T00:00:00Z')).toEqual([
      {
        accountId: w.accountId,
        at: AFTERNOON.toISOString(),
        channel: 'sms',
        kind: 'message',
        ref: sms.messageId,
      },
    ]);
    expect(detailTypes(w.events).slice(-1)).toEqual(['OutreachSent']);
  });

  it('sends exactly once when 50 senders race for the same message', async () => {
    const w = await world();
    await prepareOutreach(w.prepareDeps, w.change);
    const sms = await messageOn(w, 'sms');
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => deliverMessage(w.deliverDeps, sms)));
    expect(outcomes.filter((outcome) => outcome === 'sent')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'taken')).toHaveLength(49);
    expect(w.sender.sent).toHaveLength(1);
    expect(await w.deliverDeps.contactLog.since(w.accountId, '2026-01-01T00:00:00Z')).toHaveLength(1);
  });

  it('blocks at send time a message whose account disputed the debt after it was queued', async () => {
    const w = await world();
    await prepareOutreach(w.prepareDeps, w.change);
    const account = await accountOf(w);
    await w.saveAccount({ flags: { ...account.flags, dispute: true } });
    const sms = await messageOn(w, 'sms');
    expect(await deliverMessage(w.deliverDeps, sms)).toBe('blocked');
    expect(w.sender.sent).toEqual([]);
    expect(await w.deliverDeps.outbox.get(sms)).toMatchObject({
      status: 'blocked',
      blockedReasons: ['DISPUTE_HOLD'],
    });
    expect(w.events.at(-1)).toMatchObject({
      detailType: 'OutreachBlocked',
      detail: { messageId: sms.messageId, stage: 'send', reasons: ['DISPUTE_HOLD'] },
    });
  });

  it('blocks a message whose text no longer passes the linter (a threat, a figure not in the offer)', async () => {
    const w = await world();
    await prepareOutreach(w.prepareDeps, w.change);
    const sms = await messageOn(w, 'sms');
    const stored = (await w.deliverDeps.outbox.get(sms))!;
    await tables.db.send(
      new PutCommand({
        TableName: tables.names.contacts,
        Item: {
          ...stored,
          contactKey: `outbox#${sms.messageId}`,
          text: `${stored.text} Pay USD 5.00 today or we will have you arrested.`,
        },
      }),
    );
    expect(await deliverMessage(w.deliverDeps, sms)).toBe('blocked');
    const blocked = await w.deliverDeps.outbox.get(sms);
    expect(blocked?.blockedReasons?.[0]).toBe('MESSAGE_REJECTED');
    expect(blocked?.sendVerdict?.allowed).toBe(false);
    expect(blocked?.sendVerdict?.violations.length).toBeGreaterThanOrEqual(2);
    expect(w.sender.sent).toEqual([]);
  });

  it('defers a message queued at night to 08:00 local, and the sweep sends it then', async () => {
    const w = await world();
    w.clock.set(new Date('2026-11-24T07:00:00.000Z')); // 02:00 in New York
    await prepareOutreach(w.prepareDeps, w.change);
    const sms = await messageOn(w, 'sms');
    expect((await w.deliverDeps.outbox.get(sms))?.notBefore).toBe('2026-11-24T13:00:00.000Z');
    expect(await deliverMessage(w.deliverDeps, sms)).toBe('not_due');

    w.clock.set(new Date('2026-11-24T13:05:00.000Z'));
    const swept = await dispatchDue(w.deliverDeps, { limit: 10_000, concurrency: 8 });
    expect(swept.sent).toBeGreaterThanOrEqual(1);
    expect((await w.deliverDeps.outbox.get(sms))?.status).toBe('sent');
    expect(w.sender.sent.map((m) => m.messageId)).toContain(sms.messageId);
  });

  it('never re-sends a message whose sender crashed mid-send: it is marked unconfirmed', async () => {
    const w = await world();
    await prepareOutreach(w.prepareDeps, w.change);
    const sms = await messageOn(w, 'sms');
    const claimEnd = new Date(AFTERNOON.getTime() + CLAIM_MS).toISOString();
    expect(await w.deliverDeps.outbox.claim(sms, AFTERNOON.toISOString(), claimEnd)).toBe(true);
    // The crashed sender's claim still holds: nobody may touch the message.
    expect(await deliverMessage(w.deliverDeps, sms)).toBe('taken');

    w.clock.set(new Date(AFTERNOON.getTime() + CLAIM_MS + 1_000));
    expect(await deliverMessage(w.deliverDeps, sms)).toBe('unconfirmed');
    expect(await deliverMessage(w.deliverDeps, sms)).toBe('taken');
    expect(w.sender.sent).toEqual([]);
    expect((await w.deliverDeps.outbox.get(sms))?.status).toBe('unconfirmed');
  });

  it('retries a channel failure a bounded number of times, then records the failure', async () => {
    const w = await world();
    await prepareOutreach(w.prepareDeps, w.change);
    const sms = await messageOn(w, 'sms');
    w.sender.failuresLeft = MAX_SEND_ATTEMPTS;
    const outcomes = [];
    for (let attempt = 0; attempt < MAX_SEND_ATTEMPTS; attempt++) {
      outcomes.push(await deliverMessage(w.deliverDeps, sms));
      const queued = await w.deliverDeps.outbox.get(sms);
      if (queued?.status === 'queued') w.clock.set(new Date(Date.parse(queued.notBefore)));
    }
    expect(outcomes).toEqual([...Array(MAX_SEND_ATTEMPTS - 1).fill('retrying'), 'failed']);
    expect(await w.deliverDeps.outbox.get(sms)).toMatchObject({
      status: 'failed',
      sendAttempts: MAX_SEND_ATTEMPTS - 1,
      blockedReasons: ['SEND_FAILED: provider unavailable'],
    });
    expect(await w.deliverDeps.contactLog.since(w.accountId, '2026-01-01T00:00:00Z')).toEqual([]);
  });

  it('holds the next reminder back for the tier cadence after a message was sent', async () => {
    const w = await world();
    await prepareOutreach(w.prepareDeps, w.change);
    await deliverMessage(w.deliverDeps, await messageOn(w, 'sms'));
    // The next run moves the account to another change of the same tier two days later.
    w.clock.set(new Date(AFTERNOON.getTime() + 2 * 86_400_000));
    const next = { ...w.change, changeId: 'run-2:x', assessedAt: '2026-11-25T02:00:00.000Z' };
    await prepareOutreach(w.prepareDeps, next);
    const later = (await w.deliverDeps.outbox.list(w.accountId)).find(
      (m) => m.draftId.includes('run-2') && m.channel === 'sms',
    );
    // reminder cadence: 5 days after the first SMS.
    expect(later?.notBefore).toBe(new Date(AFTERNOON.getTime() + 5 * 86_400_000).toISOString());
  });
});

async function accountOf(w: World): Promise<Account> {
  return (await w.prepareDeps.accounts.get(w.accountId))!;
}

async function offersOf(w: World) {
  return computeOffers({
    account: await accountOf(w),
    bucket: 'dpd_1_30',
    riskBand: 'B',
    eligible: ['pay_in_full', 'instalment'],
    today: '2026-11-23',
    policy: OFFER_POLICY,
  });
}

async function messageOn(w: World, channel: OutboundChannel) {
  const message = (await w.deliverDeps.outbox.list(w.accountId)).find((m) => m.channel === channel);
  if (!message) throw new Error(`no ${channel} message queued`);
  return { accountId: message.accountId, messageId: message.messageId };
}
