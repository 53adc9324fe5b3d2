/**
 * Sends queued messages, each gated again at the moment it leaves: the account may have disputed, asked us
 * to stop, moved tier, or it may now be 22:00 where the customer lives. At most once per message: a sender
 * claims it first, and a claim that was never confirmed is marked `unconfirmed`, not sent again.
 */
import { type BusinessMetrics, countBlocked } from '../business-metrics';
import { type CollectorRole, checkTemplate } from '../compliance';
import type { AccountRepository, Clock, EventPublisher } from '../ports';
import { TREATMENT_POLICY, type TreatmentPolicy } from '../treatment/treatment-policy';
import type {
  ContactLog,
  ContactLogEntry,
  MessageSender,
  OutboundChannel,
  Outbox,
  OutboxKey,
  OutboxMessage,
  OutreachBlockReason,
} from './outreach';
import { messageBlocked, outreachSent } from './outreach-events';
import { decideSend, historyStart } from './outreach-plan';

export interface DeliverOutreachDeps {
  readonly accounts: AccountRepository;
  readonly outbox: Outbox;
  readonly contactLog: ContactLog;
  readonly senders: Record<OutboundChannel, MessageSender>;
  readonly events: EventPublisher;
  readonly clock: Clock;
  readonly treatmentPolicy?: TreatmentPolicy;
  /** Whose rules the send-time gate applies (stage config); default the agency's, the stricter. */
  readonly collectorRole?: CollectorRole;
  /** Business figures counted here (catalog/metrics.ts); none: not counted. */
  readonly metrics?: BusinessMetrics;
}

/** A claim lasts longer than any send takes; past it, the send is presumed to have crashed. */
export const CLAIM_MS = 5 * 60_000;
/** Sends the channel refused (provider errors) are tried this many times, minutes apart. */
export const MAX_SEND_ATTEMPTS = 3;
const RETRY_DELAY_MS = 10 * 60_000;

export type DeliveryOutcome =
  | 'sent'
  | 'deferred'
  | 'blocked'
  | 'retrying'
  | 'failed'
  | 'unconfirmed'
  | 'not_due'
  | 'taken';

export async function deliverMessage(deps: DeliverOutreachDeps, key: OutboxKey): Promise<DeliveryOutcome> {
  const message = await deps.outbox.get(key);
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  if (!message) return 'taken';
  if (message.status === 'sending' && message.notBefore <= nowIso) {
    return (await deps.outbox.markUnconfirmed(key, nowIso)) ? 'unconfirmed' : 'taken';
  }
  if (message.status !== 'queued') return 'taken';
  if (message.notBefore > nowIso) return 'not_due';
  const claimExpiresAt = new Date(now.getTime() + CLAIM_MS).toISOString();
  if (!(await deps.outbox.claim(key, nowIso, claimExpiresAt))) return 'taken';

  const account = await deps.accounts.get(key.accountId);
  if (!account) return block(deps, message, ['ACCOUNT_NOT_FOUND']);
  const history = await deps.contactLog.since(key.accountId, historyStart(now));
  const policy = deps.treatmentPolicy ?? TREATMENT_POLICY;
  const decision = decideSend({ account, history, now, policy }, message);
  if (decision.action === 'block') return block(deps, message, decision.reasons);
  if (decision.action === 'defer') {
    await deps.outbox.requeue(key, decision.notBefore, message.sendAttempts);
    return 'deferred';
  }
  // Without the computed figures the text's amounts and dates cannot be checked: it does not leave.
  if (!message.gateOffer) return block(deps, message, ['MISSING_OFFER']);
  // The words were gated when they were written (the message classifier too, for a model's or an agent's);
  // what may have changed since is checked here: figures, rules, disclosures for the collector's role.
  const verdict = checkTemplate({
    jurisdiction: message.jurisdiction,
    channel: message.channel,
    language: message.language,
    text: message.subject ? `${message.subject}\n\n${message.text}` : message.text,
    offer: message.gateOffer,
    collectorRole: deps.collectorRole,
  });
  if (!verdict.allowed) {
    countBlocked(deps.metrics, [verdict]);
    return block(deps, message, ['MESSAGE_REJECTED'], verdict);
  }
  const to = recipientOf(message.channel, account.customer);
  if (message.channel !== 'portal' && !to) return block(deps, message, ['MISSING_RECIPIENT']);

  let receipt: Awaited<ReturnType<MessageSender['send']>>;
  try {
    receipt = await deps.senders[message.channel].send({
      channel: message.channel,
      messageId: message.messageId,
      accountId: message.accountId,
      to,
      subject: message.subject,
      text: message.text,
    });
  } catch (error) {
    return retryOrFail(deps, message, now, error);
  }
  const sentAt = deps.clock.now().toISOString();
  await deps.outbox.markSent(key, { sentAt, ...receipt, sendVerdict: verdict }, contactOf(message, sentAt));
  await deps.events.publish([outreachSent(message, { sentAt, deliveredBy: receipt.deliveredBy })]);
  return 'sent';
}

/** Every message due by now, a few at a time: the scheduled sweep behind deferred and retried sends. */
export async function dispatchDue(
  deps: DeliverOutreachDeps,
  options: { limit: number; concurrency: number },
): Promise<Record<DeliveryOutcome, number>> {
  const due = await deps.outbox.due(deps.clock.now().toISOString(), options.limit);
  const counts = {} as Record<DeliveryOutcome, number>;
  for (let start = 0; start < due.length; start += options.concurrency) {
    const outcomes = await Promise.all(
      due.slice(start, start + options.concurrency).map((key) => deliverMessage(deps, key)),
    );
    for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  return counts;
}

/** A portal notice is shown in the portal; it is not a contact the caps count. */
function contactOf(message: OutboxMessage, at: string): ContactLogEntry | undefined {
  if (message.channel === 'portal') return undefined;
  return {
    accountId: message.accountId,
    at,
    channel: message.channel,
    kind: 'message',
    ref: message.messageId,
  };
}

function recipientOf(
  channel: OutboundChannel,
  customer: { phone: string; email: string },
): string | undefined {
  if (channel === 'sms') return customer.phone.trim() || undefined;
  if (channel === 'email') return customer.email.trim() || undefined;
  return undefined;
}

async function block(
  deps: DeliverOutreachDeps,
  message: OutboxMessage,
  reasons: readonly OutreachBlockReason[],
  verdict?: Parameters<Outbox['finish']>[3],
): Promise<DeliveryOutcome> {
  const details = verdict ? verdict.violations.map(({ rule, detail }) => `${rule}: ${detail}`) : [];
  await deps.outbox.finish(message, 'blocked', [...reasons, ...details], verdict);
  await deps.events.publish([messageBlocked(message, 'send', [...reasons, ...details])]);
  return 'blocked';
}

async function retryOrFail(
  deps: DeliverOutreachDeps,
  message: OutboxMessage,
  now: Date,
  error: unknown,
): Promise<DeliveryOutcome> {
  const attempts = message.sendAttempts + 1;
  if (attempts < MAX_SEND_ATTEMPTS) {
    await deps.outbox.requeue(message, new Date(now.getTime() + RETRY_DELAY_MS).toISOString(), attempts);
    return 'retrying';
  }
  const reason = `SEND_FAILED: ${error instanceof Error ? error.message : String(error)}`;
  await deps.outbox.finish(message, 'failed', [reason]);
  await deps.events.publish([messageBlocked(message, 'send', [reason])]);
  return 'failed';
}
