/**
 * Puts a debit's notices in the outbox: one message on the first channel the customer allows (text if they
 * consented, else e-mail) plus a portal notice. The outbox gates them again when they leave, like all mail.
 */
import type { Account } from '../accounts/account';
import type { OutboundChannel, Outbox, OutboxMessage } from '../outreach/outreach';
import { outreachQueued } from '../outreach/outreach-events';
import type { EventPublisher } from '../ports';
import { type DebitNoticeFigures, type DebitNoticeKind, debitNotice } from './debit-notices';

export interface NoticeDeps {
  readonly outbox: Outbox;
  readonly events: EventPublisher;
}

/** The direct channel a payment notice takes, if the customer allows any; the portal notice goes anyway. */
export function directChannelFor(account: Account): Extract<OutboundChannel, 'sms' | 'email'> | undefined {
  const { smsConsent, refusedChannels } = account.customer.contactPreferences;
  if (smsConsent && !refusedChannels.includes('sms') && account.customer.phone.trim()) return 'sms';
  if (!refusedChannels.includes('email') && account.customer.email.trim()) return 'email';
  return undefined;
}

/**
 * Queues the notice of `kind` for the debit `ref` (an attempt id); idempotent per ref, kind and channel.
 * Returns the ids of the messages queued or already there; a text the gate rejects is not queued.
 */
export async function queueDebitNotices(
  deps: NoticeDeps,
  account: Account,
  notice: { kind: DebitNoticeKind; ref: string; figures: DebitNoticeFigures; now: Date; expiresAt: string },
): Promise<string[]> {
  const direct = directChannelFor(account);
  const channels: OutboundChannel[] = direct ? [direct, 'portal'] : ['portal'];
  const draftId = `payment#${notice.ref}#${notice.kind}`;
  const queuedAt = notice.now.toISOString();
  const messages: OutboxMessage[] = [];
  for (const channel of channels) {
    const written = debitNotice(notice.kind, account, channel, notice.figures);
    if (!written.verdict.allowed) continue;
    messages.push({
      accountId: account.accountId,
      messageId: `${draftId}#${channel}`,
      purpose: 'payment_notice',
      draftId,
      channel,
      tier: account.treatment?.tier ?? 'reminder',
      jurisdiction: account.jurisdiction,
      language: account.customer.language,
      ...(written.subject ? { subject: written.subject } : {}),
      text: written.text,
      gateOffer: written.gateOffer,
      status: 'queued',
      queuedAt,
      notBefore: queuedAt,
      expiresAt: notice.expiresAt,
      sendAttempts: 0,
    });
  }
  await Promise.all(messages.map((message) => deps.outbox.enqueue(message)));
  if (messages.length > 0) {
    await deps.events.publish(messages.map((message) => outreachQueued(message)));
  }
  return messages.map((message) => message.messageId);
}
