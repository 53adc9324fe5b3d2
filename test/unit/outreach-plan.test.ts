import { describe, expect, it } from 'vitest';
import type { Account, AccountFlags, Treatment } from '../../lambdas/domain/accounts/account';
import type { OfferOption, OfferSet } from '../../lambdas/domain/offers/plan-calculator';
import type {
  ContactLogEntry,
  DraftRecord,
  OutboundChannel,
  OutboxMessage,
} from '../../lambdas/domain/outreach/outreach';
import {
  contactFlagsOf,
  decideSend,
  type OutreachContext,
  planOutreach,
} from '../../lambdas/domain/outreach/outreach-plan';
import {
  type Tier,
  TREATMENT_POLICY,
  type TreatmentPolicy,
} from '../../lambdas/domain/treatment/treatment-policy';
import { anAccount, NO_FLAGS } from '../support/accounts';

const DAY = 86_400_000;
/** Monday 2026-11-23, 14:00 in New York (EST). */
const NOW = '2026-11-23T19:00:00.000Z';
/** The same Monday, 23:00 in New York: outside the US hours (08:00 to before 21:00). */
const LATE = '2026-11-24T04:00:00.000Z';
/** Tuesday 2026-11-24, 08:00 in New York: the next opening after LATE. */
const NEXT_OPENING = '2026-11-24T13:00:00.000Z';
const ACCOUNT_ID = 'acc-outreach-1';

const iso = (ms: number) => new Date(ms).toISOString();
const plus = (at: string, ms: number) => iso(Date.parse(at) + ms);

function treatment(tier: Tier): Treatment {
  return {
    bucket: 'dpd_1_30',
    tier,
    variant: 'champion',
    policyVersion: TREATMENT_POLICY.version,
    fingerprint: 'fingerprint-1',
    assessedAt: '2026-11-23T06:00:00.000Z',
    runId: 'run-1',
  };
}

interface AccountOptions {
  readonly tier?: Tier;
  readonly flags?: Partial<AccountFlags>;
  readonly smsConsent?: boolean;
  readonly refusedChannels?: Account['customer']['contactPreferences']['refusedChannels'];
  readonly cn?: boolean;
}

/** A US account in New York (or a CN one in Shanghai) on the given tier, with an instalment overdue. */
function account(options: AccountOptions = {}): Account {
  const base = anAccount({
    accountId: ACCOUNT_ID,
    amountOverdueMinor: 3_600,
    oldestUnpaidDueDate: '2026-11-10',
  });
  return {
    ...base,
    ...(options.cn ? { jurisdiction: 'CN' as const, currency: 'CNY' as const } : {}),
    customer: {
      ...base.customer,
      ...(options.cn
        ? { timezone: 'Asia/Shanghai', language: 'zh-CN' as const, phone: '+86 138 0013 8000' }
        : {}),
      contactPreferences: {
        smsConsent: options.smsConsent ?? true,
        refusedChannels: options.refusedChannels ?? [],
      },
    },
    flags: { ...NO_FLAGS, ...options.flags },
    treatment: treatment(options.tier ?? 'reminder'),
  };
}

function option(id: string, firstDueDate: string): OfferOption {
  return {
    id,
    kind: 'instalment',
    totalMinor: 120_000,
    discountMinor: 0,
    discountPercent: 0,
    termMonths: 1,
    instalments: [{ dueDate: firstDueDate, amountMinor: 120_000 }],
    firstDueDate,
    monthlyAmountMinor: 120_000,
  };
}

function offers(...firstDueDates: string[]): OfferSet {
  return {
    policyVersion: 'offers-test',
    currency: 'USD',
    totalDueMinor: 120_000,
    options: firstDueDates.map((date, index) => option(`option-${index}`, date)),
  };
}

function draft(overrides: Partial<DraftRecord> = {}): DraftRecord {
  return {
    accountId: ACCOUNT_ID,
    draftId: `2026-11-23T06:00:00.000Z#change-1`,
    changeId: 'change-1',
    tier: 'reminder',
    bucket: 'dpd_1_30',
    jurisdiction: 'US',
    language: 'en',
    offers: offers('2026-12-15', '2026-12-20'),
    status: 'ready',
    attempts: [],
    llmCalls: 0,
    createdAt: '2026-11-23T06:00:00.000Z',
    ...overrides,
  };
}

function context(overrides: {
  account?: Account;
  history?: readonly ContactLogEntry[];
  now?: string;
  policy?: TreatmentPolicy;
}): OutreachContext {
  return {
    account: overrides.account ?? account(),
    history: overrides.history ?? [],
    now: new Date(overrides.now ?? NOW),
    policy: overrides.policy ?? TREATMENT_POLICY,
  };
}

function logged(
  at: string,
  channel: ContactLogEntry['channel'] = 'sms',
  kind: ContactLogEntry['kind'] = 'message',
) {
  return { accountId: ACCOUNT_ID, at, channel, kind, ref: `ref-${at}` } satisfies ContactLogEntry;
}

const plan = (ctx: Parameters<typeof context>[0], record: DraftRecord = draft()) =>
  planOutreach(context(ctx), record);

describe('contactFlagsOf', () => {
  it('maps the account flags and contact preferences onto the contact policy flags', () => {
    const flags = contactFlagsOf(
      account({
        flags: { ceaseRequested: true, dispute: false, hardshipPlan: true, deceased: true },
        smsConsent: false,
        refusedChannels: ['call'],
      }),
    );
    expect(flags).toEqual({
      cease: true,
      dispute: false,
      hardshipPlan: true,
      refusedChannels: ['call'],
      smsConsent: false,
    });
    expect(contactFlagsOf(account({ flags: { dispute: true } }))).toMatchObject({
      cease: false,
      dispute: true,
      hardshipPlan: false,
      smsConsent: true,
    });
  });
});

describe('planOutreach: which channels', () => {
  it('sends one SMS now plus a portal notice for a reminder at 14:00 local with SMS consent', () => {
    expect(plan({})).toEqual({
      messages: [
        { channel: 'sms', notBefore: NOW },
        { channel: 'portal', notBefore: NOW },
      ],
      blocked: [],
      expiresAt: plus(NOW, 7 * DAY),
    });
  });

  it('falls back to e-mail without SMS consent, and does not report the SMS since an e-mail goes', () => {
    const result = plan({ account: account({ smsConsent: false }) });
    expect(result.messages).toEqual([
      { channel: 'email', notBefore: NOW },
      { channel: 'portal', notBefore: NOW },
    ]);
    expect(result.blocked).toEqual([]);
  });

  it('falls back to e-mail when the customer refused SMS', () => {
    const result = plan({ account: account({ refusedChannels: ['sms'] }) });
    expect(result.messages.map((message) => message.channel)).toEqual(['email', 'portal']);
    expect(result.blocked).toEqual([]);
  });

  it('with e-mail refused and no SMS consent, leaves only the portal notice and reports both outbound reasons', () => {
    const result = plan({ account: account({ smsConsent: false, refusedChannels: ['email'] }) });
    expect(result.messages).toEqual([{ channel: 'portal', notBefore: NOW }]);
    expect(result.blocked).toEqual([
      { channel: 'sms', reasons: ['NO_SMS_CONSENT'] },
      { channel: 'email', reasons: ['CHANNEL_REFUSED'] },
    ]);
  });

  it('a refused e-mail does not stop the portal notice when an SMS goes', () => {
    const result = plan({ account: account({ refusedChannels: ['email'] }) });
    expect(result.messages.map((message) => message.channel)).toEqual(['sms', 'portal']);
    expect(result.blocked).toEqual([]);
  });

  it('follows the tier order of preference: early_warning sends the portal notice and an e-mail', () => {
    const result = plan({ account: account({ tier: 'early_warning' }) }, draft({ tier: 'early_warning' }));
    expect(result.messages).toEqual([
      { channel: 'portal', notBefore: NOW },
      { channel: 'email', notBefore: NOW },
    ]);
  });

  it('reminder_and_call sends one text and skips the call (agents place calls)', () => {
    const result = plan(
      { account: account({ tier: 'reminder_and_call' }) },
      draft({ tier: 'reminder_and_call' }),
    );
    expect(result.messages).toEqual([{ channel: 'sms', notBefore: NOW }]);
    expect(result.blocked).toEqual([]);
  });
});

describe('planOutreach: contact hours', () => {
  it('at 23:00 local defers the SMS to 08:00 the next morning; the portal notice goes now', () => {
    const result = plan({ now: LATE });
    expect(result.messages).toEqual([
      { channel: 'sms', notBefore: NEXT_OPENING },
      { channel: 'portal', notBefore: LATE },
    ]);
    expect(result.blocked).toEqual([]);
  });

  it('at 20:59 local the SMS goes at once, at 21:00 it waits for the morning', () => {
    const at2059 = '2026-11-24T01:59:00.000Z';
    const at2100 = '2026-11-24T02:00:00.000Z';
    expect(plan({ now: at2059 }).messages[0]).toEqual({ channel: 'sms', notBefore: at2059 });
    expect(plan({ now: at2100 }).messages[0]).toEqual({ channel: 'sms', notBefore: NEXT_OPENING });
  });

  it('lands on 08:00 EST the morning the clocks fall back (2026-11-01)', () => {
    // Saturday 31 October, 23:00 EDT; the next 08:00 is in EST, 13:00Z (not 12:00Z).
    const result = plan({ now: '2026-11-01T03:00:00.000Z' });
    expect(result.messages[0]).toEqual({ channel: 'sms', notBefore: '2026-11-01T13:00:00.000Z' });
  });

  it('lands on 08:00 EDT the morning the clocks spring forward (2026-03-08)', () => {
    // Saturday 7 March, 23:00 EST; the next 08:00 is in EDT, 12:00Z (not 13:00Z).
    const result = plan({ now: '2026-03-08T04:00:00.000Z' }, draft({ offers: offers('2026-04-01') }));
    expect(result.messages[0]).toEqual({ channel: 'sms', notBefore: '2026-03-08T12:00:00.000Z' });
  });

  it('uses the CN hours for a Shanghai customer: 22:00 local waits for 08:00', () => {
    const cn = account({ cn: true });
    const at2200 = '2026-11-23T14:00:00.000Z';
    expect(plan({ account: cn, now: at2200 }).messages[0]).toEqual({
      channel: 'sms',
      notBefore: '2026-11-24T00:00:00.000Z',
    });
    // 21:00 in Shanghai is fine in CN even though it would be closed in New York.
    const at2100 = '2026-11-23T13:00:00.000Z';
    expect(plan({ account: cn, now: at2100 }).messages[0]).toEqual({ channel: 'sms', notBefore: at2100 });
  });
});

describe('planOutreach: cadence', () => {
  it('waits the tier cadence (5 days for reminders) after the last message', () => {
    const twoDaysAgo = plus(NOW, -2 * DAY);
    const result = plan({ history: [logged(twoDaysAgo)] });
    expect(result.messages).toEqual([
      { channel: 'sms', notBefore: plus(twoDaysAgo, 5 * DAY) },
      { channel: 'portal', notBefore: NOW },
    ]);
  });

  it('counts the latest message of any channel', () => {
    const history = [logged(plus(NOW, -4 * DAY), 'sms'), logged(plus(NOW, -1 * DAY), 'email')];
    expect(plan({ history }).messages[0]).toEqual({ channel: 'sms', notBefore: plus(NOW, 4 * DAY) });
  });

  it('shifts the end of the cadence into contact hours', () => {
    // Saturday 21 November, 21:30 New York; 5 days on is Thursday 26th 21:30, so Friday 27th 08:00 EST.
    const result = plan({ history: [logged('2026-11-22T02:30:00.000Z')] });
    expect(result.messages[0]).toEqual({ channel: 'sms', notBefore: '2026-11-27T13:00:00.000Z' });
  });

  it('sends now once the cadence has passed', () => {
    expect(plan({ history: [logged(plus(NOW, -6 * DAY))] }).messages[0]).toEqual({
      channel: 'sms',
      notBefore: NOW,
    });
  });

  it('ignores calls: the cadence is between messages', () => {
    const history = [logged(plus(NOW, -1 * DAY), 'call', 'conversation')];
    expect(plan({ history }).messages[0]).toEqual({ channel: 'sms', notBefore: NOW });
  });

  it('finds no window when the cadence ends outside hours after the offer expires', () => {
    // Cadence ends Thursday 26th 21:30 local (27th 02:30Z), after the offer expires at 27th 00:00Z.
    const record = draft({ offers: offers('2026-11-27') });
    const result = plan({ history: [logged('2026-11-22T02:30:00.000Z')] }, record);
    expect(result.messages).toEqual([{ channel: 'portal', notBefore: NOW }]);
    expect(result.blocked).toEqual([
      { channel: 'sms', reasons: ['NO_CONTACT_WINDOW'] },
      { channel: 'email', reasons: ['NO_CONTACT_WINDOW'] },
    ]);
  });

  it('finds no window when the cadence ends within hours but after the offer expires', () => {
    // Cadence ends Thursday 26th 14:00 local; the offer expires at 2026-11-25T00:00Z.
    const record = draft({ offers: offers('2026-11-25') });
    const result = plan({ history: [logged(plus(NOW, -2 * DAY))] }, record);
    expect(result.expiresAt).toBe('2026-11-25T00:00:00.000Z');
    expect(result.messages).toEqual([{ channel: 'portal', notBefore: NOW }]);
    expect(result.blocked).toEqual([
      { channel: 'sms', reasons: ['NO_CONTACT_WINDOW'] },
      { channel: 'email', reasons: ['NO_CONTACT_WINDOW'] },
    ]);
  });
});

describe('planOutreach: holds and exclusions', () => {
  const everyChannel = (reasons: string[]) =>
    (['sms', 'email', 'portal'] as OutboundChannel[]).map((channel) => ({ channel, reasons }));

  it.each([
    [{ dispute: true }, 'DISPUTE_HOLD'],
    [{ ceaseRequested: true }, 'CEASE_REQUESTED'],
    [{ hardshipPlan: true }, 'HARDSHIP_PLAN_HOLD'],
  ] as const)('%o blocks every channel, the portal too, with %s', (flags, reason) => {
    const result = plan({ account: account({ flags }) });
    expect(result.messages).toEqual([]);
    expect(result.blocked).toEqual(everyChannel([reason]));
  });

  it('reports holds, not hours: a dispute at 23:00 is a hold, not a deferral', () => {
    const result = plan({ account: account({ flags: { dispute: true } }), now: LATE });
    expect(result.messages).toEqual([]);
    expect(result.blocked).toEqual(everyChannel(['DISPUTE_HOLD']));
  });

  it.each([[{ deceased: true }], [{ bankrupt: true }]] as const)('%o excludes the account', (flags) => {
    const result = plan({ account: account({ flags }) });
    expect(result.messages).toEqual([]);
    expect(result.blocked).toEqual(everyChannel(['ACCOUNT_EXCLUDED']));
  });

  it.each([
    [{ fraudReported: true }, 'FRAUD_REPORTED', false],
    [{ legalRepresentation: true }, 'REPRESENTED_BY_LAWYER', false],
    [{ vulnerable: true }, 'SPECIALIST_CARE', false],
    [{ vulnerable: true }, 'SPECIALIST_CARE', true],
  ] as const)(
    'what the customer reported in the chat holds outreach: %o → %s (CN: %s)',
    (flags, reason, cn) => {
      const result = plan({ account: account({ flags, cn }) });
      expect(result.messages).toEqual([]);
      expect(result.blocked).toEqual(everyChannel([reason]));
    },
  );

  it('a lawyer stops direct contact in the US only: in China the debtor is still the one to contact', () => {
    const result = plan({ account: account({ flags: { legalRepresentation: true }, cn: true }) });
    expect(result.messages.length).toBeGreaterThan(0);
  });

  it('an exclusion outranks the other holds', () => {
    const result = plan({ account: account({ flags: { deceased: true, dispute: true } }) });
    expect(result.blocked).toEqual(everyChannel(['ACCOUNT_EXCLUDED']));
  });

  it('an unknown time zone blocks every channel rather than guessing the hours', () => {
    const base = account();
    const lost = { ...base, customer: { ...base.customer, timezone: 'Mars/Olympus_Mons' } };
    const result = plan({ account: lost });
    expect(result.messages).toEqual([]);
    expect(result.blocked).toEqual(everyChannel(['UNKNOWN_TIMEZONE']));
  });
});

describe('planOutreach: draft and tier', () => {
  it('a blocked draft blocks every channel the tier wants with DRAFT_BLOCKED', () => {
    const result = plan({}, draft({ status: 'blocked' }));
    expect(result.messages).toEqual([]);
    expect(result.blocked).toEqual([
      { channel: 'sms', reasons: ['DRAFT_BLOCKED'] },
      { channel: 'email', reasons: ['DRAFT_BLOCKED'] },
      { channel: 'portal', reasons: ['DRAFT_BLOCKED'] },
    ]);
  });

  it('referral_review (human review, calls only) sends nothing', () => {
    const result = plan(
      { account: account({ tier: 'referral_review' }) },
      draft({ tier: 'referral_review' }),
    );
    expect(result).toEqual({ messages: [], blocked: [], expiresAt: plus(NOW, 7 * DAY) });
  });

  it('a tier without outbound channels gives an empty plan, even for a blocked draft', () => {
    expect(plan({}, draft({ tier: 'monitor' })).messages).toEqual([]);
    expect(plan({}, draft({ tier: 'monitor', status: 'blocked' }))).toEqual({
      messages: [],
      blocked: [],
      expiresAt: plus(NOW, 7 * DAY),
    });
  });

  it('a tier needing human review blocks its outbound channels with HUMAN_REVIEW_REQUIRED', () => {
    const policy: TreatmentPolicy = {
      ...TREATMENT_POLICY,
      tiers: {
        ...TREATMENT_POLICY.tiers,
        reminder: { ...TREATMENT_POLICY.tiers.reminder, humanReview: true },
      },
    };
    const result = plan({ policy });
    expect(result.messages).toEqual([]);
    expect(result.blocked.map((b) => b.reasons)).toEqual([
      ['HUMAN_REVIEW_REQUIRED'],
      ['HUMAN_REVIEW_REQUIRED'],
      ['HUMAN_REVIEW_REQUIRED'],
    ]);
  });

  it('reads the strategy from the draft tier, not the account tier', () => {
    const result = plan({ account: account({ tier: 'reminder' }) }, draft({ tier: 'monitor' }));
    expect(result.messages).toEqual([]);
  });
});

describe('planOutreach: expiry', () => {
  it('is 7 days on when every offer date is later', () => {
    expect(plan({}).expiresAt).toBe('2026-11-30T19:00:00.000Z');
  });

  it('is the earliest first due date, at 00:00Z, when that comes sooner', () => {
    const record = draft({ offers: offers('2026-12-01', '2026-11-27', '2026-11-28') });
    expect(plan({}, record).expiresAt).toBe('2026-11-27T00:00:00.000Z');
  });

  it('takes a first due date exactly 7 days on (at midnight) over the 14:00 staleness limit', () => {
    expect(plan({}, draft({ offers: offers('2026-11-30') })).expiresAt).toBe('2026-11-30T00:00:00.000Z');
  });

  it('is 7 days on when there are no options', () => {
    expect(plan({}, draft({ offers: offers() })).expiresAt).toBe(plus(NOW, 7 * DAY));
  });
});

function queued(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  const draftId = '2026-11-23T06:00:00.000Z#change-1';
  const channel = overrides.channel ?? 'sms';
  return {
    accountId: ACCOUNT_ID,
    messageId: `${draftId}#${channel}`,
    draftId,
    channel,
    tier: 'reminder',
    jurisdiction: 'US',
    language: 'en',
    text: 'A reminder about your card payment.',
    gateOffer: { currency: 'USD', amountsMinor: [120_000], dates: ['2026-12-15'], percentages: [] },
    status: 'queued',
    queuedAt: '2026-11-23T06:00:00.000Z',
    notBefore: '2026-11-23T13:00:00.000Z',
    expiresAt: '2026-11-30T06:00:00.000Z',
    sendAttempts: 0,
    ...overrides,
  };
}

const decide = (ctx: Parameters<typeof context>[0], message: OutboxMessage = queued()) =>
  decideSend(context(ctx), message);

describe('decideSend', () => {
  it('sends within contact hours', () => {
    expect(decide({})).toEqual({ action: 'send' });
  });

  it('blocks a collection message once the arrears are paid, but not a payment notice', () => {
    const paid = { ...account(), amountOverdueMinor: 0 };
    expect(decide({ account: paid })).toEqual({ action: 'block', reasons: ['NOTHING_DUE'] });
    expect(decide({ account: paid }, { ...queued(), purpose: 'payment_notice' })).toEqual({ action: 'send' });
    const earlyWarning = { ...account({ tier: 'early_warning' }), amountOverdueMinor: 0 };
    expect(decide({ account: earlyWarning }, { ...queued(), tier: 'early_warning' })).toEqual({
      action: 'send',
    });
  });

  it('sends a payment notice whatever the tier has become, and without waiting for the cadence', () => {
    const notice = { ...queued(), purpose: 'payment_notice' as const };
    expect(decide({ account: account({ tier: 'agent_call' }) }, notice)).toEqual({ action: 'send' });
  });

  it('blocks as SUPERSEDED once the account tier has moved on, or has no treatment', () => {
    expect(decide({ account: account({ tier: 'agent_call' }) })).toEqual({
      action: 'block',
      reasons: ['SUPERSEDED'],
    });
    const untreated = { ...account(), treatment: undefined };
    expect(decide({ account: untreated })).toEqual({ action: 'block', reasons: ['SUPERSEDED'] });
  });

  it('blocks as EXPIRED at and after expiresAt, and sends just before it', () => {
    const expiresAt = queued().expiresAt; // 01:00 New York: outside hours, but expiry comes first
    expect(decide({ now: expiresAt })).toEqual({ action: 'block', reasons: ['EXPIRED'] });
    expect(decide({ now: plus(expiresAt, 1) })).toEqual({ action: 'block', reasons: ['EXPIRED'] });
    const message = queued({ expiresAt: '2026-11-23T19:00:00.001Z' });
    expect(decide({ now: NOW }, message)).toEqual({ action: 'send' });
    expect(decide({ now: plus(NOW, 1) }, message)).toEqual({ action: 'block', reasons: ['EXPIRED'] });
  });

  it('defers outside contact hours to the next opening', () => {
    expect(decide({ now: LATE })).toEqual({ action: 'defer', notBefore: NEXT_OPENING });
  });

  it('blocks with NO_CONTACT_WINDOW when the next opening is after expiry', () => {
    expect(decide({ now: LATE }, queued({ expiresAt: plus(NEXT_OPENING, -1) }))).toEqual({
      action: 'block',
      reasons: ['NO_CONTACT_WINDOW'],
    });
  });

  it('sends a portal notice at any hour', () => {
    expect(decide({ now: LATE }, queued({ channel: 'portal' }))).toEqual({ action: 'send' });
  });

  it('blocks when a dispute was raised after the message was queued', () => {
    expect(decide({ account: account({ flags: { dispute: true } }) })).toEqual({
      action: 'block',
      reasons: ['DISPUTE_HOLD'],
    });
    expect(decide({ account: account({ flags: { dispute: true } }) }, queued({ channel: 'portal' }))).toEqual(
      {
        action: 'block',
        reasons: ['DISPUTE_HOLD'],
      },
    );
  });

  it('blocks when SMS consent was withdrawn after the message was queued', () => {
    expect(decide({ account: account({ smsConsent: false }) })).toEqual({
      action: 'block',
      reasons: ['NO_SMS_CONSENT'],
    });
  });

  it('waits for the hours the customer asked for, on their own clock', () => {
    const base = account();
    const late = (contactHours: { from?: string; to?: string }) => ({
      ...base,
      customer: {
        ...base.customer,
        contactPreferences: { ...base.customer.contactPreferences, contactHours },
      },
    });
    // NOW is 14:00 in New York: "not before 10:00" lets it go, "only after 18:00" defers it to 18:00 that day.
    expect(decide({ account: late({ from: '10:00' }) })).toEqual({ action: 'send' });
    expect(decide({ account: late({ from: '18:00' }) })).toEqual({
      action: 'defer',
      notBefore: '2026-11-23T23:00:00.000Z',
    });
    // "not after 12:00": the next morning at 08:00, when the law's hours open again.
    expect(decide({ account: late({ to: '12:00' }) })).toEqual({ action: 'defer', notBefore: NEXT_OPENING });
  });

  it('blocks an excluded account', () => {
    expect(decide({ account: account({ flags: { bankrupt: true } }) })).toEqual({
      action: 'block',
      reasons: ['ACCOUNT_EXCLUDED'],
    });
  });

  it('defers within the cadence of a message sent since queueing', () => {
    const yesterday = plus(NOW, -1 * DAY);
    const message = queued({ expiresAt: plus(NOW, 6 * DAY) });
    expect(decide({ history: [logged(yesterday, 'email')] }, message)).toEqual({
      action: 'defer',
      notBefore: plus(yesterday, 5 * DAY),
    });
  });

  it('blocks with NO_CONTACT_WINDOW when the cadence of a message sent since queueing outlasts the expiry', () => {
    const yesterday = plus(NOW, -1 * DAY); // cadence ends 4 days on, 14:00 local: within hours
    const message = queued({ expiresAt: plus(NOW, 3 * DAY) });
    expect(decide({ history: [logged(yesterday, 'email')] }, message)).toEqual({
      action: 'block',
      reasons: ['NO_CONTACT_WINDOW'],
    });
  });

  it('sends a portal notice to a customer who refused e-mail', () => {
    const refused = account({ refusedChannels: ['email', 'sms'] });
    expect(decide({ account: refused }, queued({ channel: 'portal' }))).toEqual({ action: 'send' });
    expect(decide({ account: refused }, queued({ channel: 'email' }))).toEqual({
      action: 'block',
      reasons: ['CHANNEL_REFUSED'],
    });
  });

  it('defers a CN message at 22:00 Shanghai to 08:00, and sends it at 21:59', () => {
    const cn = account({ cn: true });
    const message = queued({ jurisdiction: 'CN', language: 'zh-CN' });
    expect(decide({ account: cn, now: '2026-11-23T14:00:00.000Z' }, message)).toEqual({
      action: 'defer',
      notBefore: '2026-11-24T00:00:00.000Z',
    });
    expect(decide({ account: cn, now: '2026-11-23T13:59:00.000Z' }, message)).toEqual({ action: 'send' });
  });
});
