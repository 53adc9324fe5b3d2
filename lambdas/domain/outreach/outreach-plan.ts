/**
 * Which messages of a draft go out, and when: pure decisions on the account, its contact log and the clock.
 * Used twice: when a draft is queued, and again at send time, because hours pass, flags change and caps fill
 * between the two.
 *
 * Fewer, kinder contacts: a draft leaves as at most one outbound message (the first of the tier's channels
 * the contact policy allows, in the tier's order of preference) plus a portal notice, and never within the
 * tier's cadence of the previous message.
 */
import type { Account } from '../accounts/account';
import { specialistHold } from '../accounts/holds';
import {
  type ContactChannel,
  type ContactFlags,
  type ContactRequest,
  checkContact,
  TIMING_REASONS,
} from '../compliance';
import { wallClockIn } from '../compliance/local-time';
import type { OfferSet } from '../offers/plan-calculator';
import type { TreatmentPolicy } from '../treatment/treatment-policy';
import type {
  ContactLogEntry,
  DraftRecord,
  OutboundChannel,
  OutboxMessage,
  OutreachBlockReason,
} from './outreach';

const MS_PER_DAY = 86_400_000;
/** A queued message older than this is stale: the customer's situation has moved on. */
export const MESSAGE_VALIDITY_DAYS = 7;
/** The contact log an outreach decision reads: the longest cadence (30 days) and the call windows (8 days). */
export const CONTACT_HISTORY_DAYS = 31;

export interface PlannedMessage {
  readonly channel: OutboundChannel;
  readonly notBefore: string;
}

export interface BlockedChannel {
  readonly channel: OutboundChannel;
  readonly reasons: readonly OutreachBlockReason[];
}

export interface OutreachPlan {
  readonly messages: readonly PlannedMessage[];
  /**
   * Channels that will carry nothing, with why: every wanted channel when no message goes; otherwise only
   * what matters (a blocked portal notice; not an SMS passed over because the e-mail goes).
   */
  readonly blocked: readonly BlockedChannel[];
  readonly expiresAt: string;
}

export interface OutreachContext {
  readonly account: Account;
  readonly history: readonly ContactLogEntry[];
  readonly now: Date;
  readonly policy: TreatmentPolicy;
}

export const isOutbound = (channel: string): channel is OutboundChannel =>
  channel === 'sms' || channel === 'email' || channel === 'portal';

/** The account's state as the contact policy reads it. */
export function contactFlagsOf(account: Account): ContactFlags {
  return {
    cease: account.flags.ceaseRequested,
    // A reported fraud holds contact like a dispute: the debt may not be the customer's at all.
    dispute: account.flags.dispute || account.flags.fraudReported === true,
    hardshipPlan: account.flags.hardshipPlan,
    refusedChannels: account.customer.contactPreferences.refusedChannels,
    smsConsent: account.customer.contactPreferences.smsConsent,
  };
}

export function historyStart(now: Date): string {
  return new Date(now.getTime() - CONTACT_HISTORY_DAYS * MS_PER_DAY).toISOString();
}

export function planOutreach(context: OutreachContext, record: DraftRecord): OutreachPlan {
  const { now, policy } = context;
  const strategy = policy.tiers[record.tier];
  const wanted = strategy.channels.filter(isOutbound);
  const expiresAt = expiryOf(record.offers, now);
  const blockAll = (reasons: OutreachBlockReason[]): OutreachPlan => ({
    messages: [],
    blocked: wanted.map((channel) => ({ channel, reasons })),
    expiresAt,
  });
  if (wanted.length === 0) return { messages: [], blocked: [], expiresAt };
  if (record.status !== 'ready') return blockAll(['DRAFT_BLOCKED']);
  if (strategy.humanReview) return blockAll(['HUMAN_REVIEW_REQUIRED']);

  const messages: PlannedMessage[] = [];
  const blocked: BlockedChannel[] = [];
  for (const channel of wanted) {
    if (channel !== 'portal' && messages.some((message) => message.channel !== 'portal')) continue;
    const window = sendWindow(context, channel, record.tier, now, Date.parse(expiresAt));
    if ('notBefore' in window) messages.push({ channel, notBefore: window.notBefore });
    else blocked.push({ channel, reasons: window.reasons });
  }
  const outboundChosen = messages.some((message) => message.channel !== 'portal');
  const outboundWanted = wanted.some((channel) => channel !== 'portal');
  // A refused SMS does not matter once an e-mail goes; it is reported only when no outbound message does.
  const reported =
    outboundChosen || !outboundWanted ? blocked.filter((b) => b.channel === 'portal') : blocked;
  return { messages, blocked: messages.length === 0 ? blocked : reported, expiresAt };
}

export type SendDecision =
  | { readonly action: 'send' }
  | { readonly action: 'defer'; readonly notBefore: string }
  | { readonly action: 'block'; readonly reasons: readonly OutreachBlockReason[] };

/** At send time: is the queued message still right for the account, and may it go now? */
export function decideSend(context: OutreachContext, message: OutboxMessage): SendDecision {
  const { account, now } = context;
  // Payment and security notices belong to an event (a debit, failed sign-ins), not to the tier's cadence.
  const eventNotice = message.purpose === 'payment_notice' || message.purpose === 'security_notice';
  if (!eventNotice && account.treatment?.tier !== message.tier) {
    return { action: 'block', reasons: ['SUPERSEDED'] };
  }
  // Arrears paid since the message was queued (a debit, a payment): no reminder after the customer paid.
  // Early warnings go to accounts that were never overdue, so they stand.
  if (!eventNotice && message.tier !== 'early_warning' && account.amountOverdueMinor <= 0) {
    return { action: 'block', reasons: ['NOTHING_DUE'] };
  }
  const expiresMs = Date.parse(message.expiresAt);
  if (now.getTime() >= expiresMs) return { action: 'block', reasons: ['EXPIRED'] };
  // A hardship plan holds collection contact, not servicing: the notice of a debit the customer chose, or the
  // receipt of a payment they made, still reaches them (every other hold still stops it).
  const servicing = message.purpose === 'payment_notice';
  const gated = servicing ? { ...context, account: withoutHardshipHold(account) } : context;
  const window = sendWindow(gated, message.channel, eventNotice ? null : message.tier, now, expiresMs);
  if ('reasons' in window) return { action: 'block', reasons: window.reasons };
  return window.notBefore <= now.toISOString()
    ? { action: 'send' }
    : { action: 'defer', notBefore: window.notBefore };
}

const withoutHardshipHold = (account: Account): Account => ({
  ...account,
  flags: { ...account.flags, hardshipPlan: false },
});

/** The first instant the channel may carry this tier's message before `untilMs`, or why it never may. */
function sendWindow(
  context: OutreachContext,
  channel: OutboundChannel,
  /** The tier whose cadence applies; none for a payment notice. */
  tier: DraftRecord['tier'] | null,
  from: Date,
  untilMs: number,
): { notBefore: string } | { reasons: OutreachBlockReason[] } {
  const { account, history, policy } = context;
  const hold = specialistHold(account);
  if (hold) return { reasons: [hold] };
  if (channel === 'portal') {
    // A portal notice waits for the customer to sign in: no hours or caps, but every hold applies. The e-mail
    // check stands in for the holds only: a refused e-mail says nothing about the portal.
    const holds = holdReasons(checkContact(contactRequest(account, 'email', from, history)).reasons).filter(
      (reason) => reason !== 'CHANNEL_REFUSED',
    );
    return holds.length > 0 ? { reasons: holds } : { notBefore: from.toISOString() };
  }
  const cadenceEnd = tier ? cadenceEndOf(history, policy.tiers[tier].cadenceDays) : 0;
  const start = new Date(Math.max(from.getTime(), cadenceEnd));
  const request = contactRequest(account, channel, start, history);
  const verdict = checkContact(request);
  const holds = holdReasons(verdict.reasons);
  if (holds.length > 0) return { reasons: holds };
  // The cadence may end only after the message has gone stale.
  if (start.getTime() >= untilMs) return { reasons: ['NO_CONTACT_WINDOW'] };
  const notBefore =
    verdict.allowed && withinCustomerHours(account, start.getTime())
      ? start.toISOString()
      : nextAllowedInstant(account, request, untilMs);
  return notBefore ? { notBefore } : { reasons: ['NO_CONTACT_WINDOW'] };
}

const SEARCH_STEP_MS = 15 * 60_000;

/** Inside the hours the customer asked for on their own clock (always, when they named none). */
export function withinCustomerHours(account: Account, epochMs: number): boolean {
  const hours = account.customer.contactPreferences.contactHours;
  if (!hours?.from && !hours?.to) return true;
  const clock = wallClockIn(account.customer.timezone, epochMs);
  if (!clock) return false;
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return (
    (!hours.from || clock.minuteOfDay >= minutes(hours.from)) &&
    (!hours.to || clock.minuteOfDay < minutes(hours.to))
  );
}

/**
 * The first quarter hour before `untilMs` that the gate allows and the customer's own hours include; the
 * gate is asked at every step, so the answer never disagrees with it.
 */
function nextAllowedInstant(account: Account, request: ContactRequest, untilMs: number): string | undefined {
  const fromMs = Date.parse(request.at);
  for (let ms = fromMs; ms < untilMs; ms = (Math.floor(ms / SEARCH_STEP_MS) + 1) * SEARCH_STEP_MS) {
    const at = new Date(ms).toISOString();
    const verdict = checkContact({ ...request, at });
    if (verdict.reasons.some((reason) => !TIMING_REASONS.has(reason))) return undefined;
    if (verdict.allowed && withinCustomerHours(account, ms)) return at;
  }
  return undefined;
}

function contactRequest(
  account: Account,
  channel: ContactChannel,
  at: Date,
  history: readonly ContactLogEntry[],
): ContactRequest {
  return {
    jurisdiction: account.jurisdiction,
    timezone: account.customer.timezone,
    channel,
    at: at.toISOString(),
    history: history.map(({ at, channel, kind }) => ({ at, channel, kind })),
    flags: contactFlagsOf(account),
  };
}

const holdReasons = (reasons: readonly OutreachBlockReason[]) =>
  reasons.filter((reason) => !TIMING_REASONS.has(reason as never));

/** Messages only: the tier's cadence is between messages; calls have their own caps in the gate. */
function cadenceEndOf(history: readonly ContactLogEntry[], cadenceDays: number | undefined): number {
  if (!cadenceDays) return 0;
  const lastMessageMs = Math.max(
    0,
    ...history.filter((entry) => entry.kind === 'message').map((entry) => Date.parse(entry.at)),
  );
  return lastMessageMs === 0 ? 0 : lastMessageMs + cadenceDays * MS_PER_DAY;
}

/** Messages state the offer's dates: none may leave on or after the first of them, nor once stale. */
function expiryOf(offers: OfferSet, now: Date): string {
  const stale = now.getTime() + MESSAGE_VALIDITY_DAYS * MS_PER_DAY;
  const firstDue = offers.options.map((option) => Date.parse(`${option.firstDueDate}T00:00:00Z`));
  return new Date(Math.min(stale, ...firstDue)).toISOString();
}
