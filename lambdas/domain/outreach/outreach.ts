/**
 * Outreach records and the ports that keep them: stored drafts (offer options, messages, script, verdicts),
 * the outbox of messages waiting to leave, the contact log the caps are counted from, and the channel
 * senders. Adapters implement the ports for DynamoDB, SES, SNS and the local store-only outbox.
 */
import type { Bucket, Jurisdiction, Language } from '../accounts/account';
import type { SpecialistHold } from '../accounts/holds';
import type { ContactChannel, ContactEventKind, ContactReason, MessageVerdict, Offer } from '../compliance';
import type { DraftingResult } from '../drafting/drafting-service';
import type { OfferSet } from '../offers/plan-calculator';
import type { Tier } from '../treatment/treatment-policy';

/** Channels the outbox carries. Calls are placed by agents from the suggested script, not sent. */
export type OutboundChannel = 'sms' | 'email' | 'portal';

/** One drafting of an account's outreach: what was offered, what was written, what the gate said. */
export interface DraftRecord extends DraftingResult {
  readonly accountId: string;
  /** Sorts by time: `<assessedAt>#<changeId>` for drafts caused by a treatment change. */
  readonly draftId: string;
  readonly changeId: string;
  readonly tier: Tier;
  readonly bucket: Bucket;
  readonly jurisdiction: Jurisdiction;
  readonly language: Language;
  readonly offers: OfferSet;
  readonly createdAt: string;
}

/**
 * queued → sending → sent, or → blocked / failed. A message whose send was never confirmed (the sender
 * crashed mid-send) becomes `unconfirmed`: it is never sent again, since a customer must not get it twice.
 */
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'blocked' | 'failed' | 'unconfirmed';

/**
 * Why a message exists when it is not collection outreach: a security code (sent at once, stored redacted), a
 * security notice (repeated failed sign-ins), a payment notice (belongs to a debit, not to a tier's cadence).
 */
export type MessagePurpose = 'security_code' | 'security_notice' | 'payment_notice';

export interface OutboxKey {
  readonly accountId: string;
  /** `<draftId>#<channel>`: one message per draft and channel, so re-queueing is idempotent. */
  readonly messageId: string;
}

export interface OutboxMessage extends OutboxKey {
  /**
   * Absent for collection outreach. A security code the customer asked for is sent at once, never queued,
   * and kept with the code redacted. A payment notice (pre-debit notice, receipt, failure) or a security
   * notice belongs to an event, not to a tier's cadence: a tier change does not make it stale and the cadence
   * does not hold it back; hours, holds and caps still apply.
   */
  readonly purpose?: MessagePurpose;
  readonly draftId: string;
  readonly channel: OutboundChannel;
  /** The tier the message was written for: a message is stale once the account's tier moves on. */
  readonly tier: Tier;
  readonly jurisdiction: Jurisdiction;
  readonly language: Language;
  readonly subject?: string;
  readonly text: string;
  /** The figures the text may state, checked again at send time. */
  readonly gateOffer: Offer;
  readonly status: OutboxStatus;
  readonly queuedAt: string;
  /** Not sent before this instant (contact hours, cadence). */
  readonly notBefore: string;
  /** Not sent after this instant: the offer's dates would be out of date. */
  readonly expiresAt: string;
  readonly sendAttempts: number;
  readonly sentAt?: string;
  readonly deliveredBy?: string;
  readonly providerMessageId?: string;
  readonly blockedReasons?: readonly string[];
  /** The message linter's verdict at send time. */
  readonly sendVerdict?: MessageVerdict;
  /** Set when an agent approved the message in the console (`approveDraft`): the agent's id. */
  readonly approvedBy?: string;
  /** With `approvedBy`: whether the agent changed the draft's text or subject. */
  readonly edited?: boolean;
}

/** A contact made: what the caps are counted from. */
export interface ContactLogEntry {
  readonly accountId: string;
  readonly at: string;
  readonly channel: ContactChannel;
  readonly kind: ContactEventKind;
  /** What made it: an outbox message id, or an agent's call record. */
  readonly ref: string;
}

export interface DraftStore {
  /** Stores a new draft; false when one with the same id exists (it is left as it was). */
  create(record: DraftRecord): Promise<boolean>;
  get(accountId: string, draftId: string): Promise<DraftRecord | undefined>;
  latest(accountId: string): Promise<DraftRecord | undefined>;
  /** The account's drafts, newest first. */
  recent(accountId: string, limit: number): Promise<DraftRecord[]>;
}

export interface Outbox {
  /** Adds a queued message; false when it is already there (in whatever status). */
  enqueue(message: OutboxMessage): Promise<boolean>;
  get(key: OutboxKey): Promise<OutboxMessage | undefined>;
  list(accountId: string): Promise<OutboxMessage[]>;
  /** Keys of messages due by `now`: queued ones, and sends whose claim expired. */
  due(now: string, limit: number): Promise<OutboxKey[]>;
  /** queued (and due) → sending, until `claimExpiresAt`; false when another sender got there first. */
  claim(key: OutboxKey, now: string, claimExpiresAt: string): Promise<boolean>;
  /** sending (claim expired) → unconfirmed; false when it is no longer an expired claim. */
  markUnconfirmed(key: OutboxKey, now: string): Promise<boolean>;
  /** sending → queued, not before `notBefore`. */
  requeue(key: OutboxKey, notBefore: string, sendAttempts: number): Promise<void>;
  /** sending → blocked or failed, with the reasons. */
  finish(
    key: OutboxKey,
    status: 'blocked' | 'failed',
    reasons: readonly string[],
    verdict?: MessageVerdict,
  ): Promise<void>;
  /** Stores a message that was sent without queueing (a security code, redacted), for the record. */
  recordSent(message: OutboxMessage): Promise<void>;
  /** sending → sent, and the contact logged with it, in one write. */
  markSent(
    key: OutboxKey,
    sent: Pick<OutboxMessage, 'sentAt' | 'deliveredBy' | 'providerMessageId' | 'sendVerdict'>,
    contact: ContactLogEntry | undefined,
  ): Promise<void>;
}

export interface ContactLog {
  append(entry: ContactLogEntry): Promise<void>;
  /**
   * Appends `entry` unless one was appended under `onceKey` before (a retried request): then appends nothing
   * and returns that earlier entry.
   */
  appendOnce(entry: ContactLogEntry, onceKey: string): Promise<ContactLogEntry | undefined>;
  /** Contacts at or after `since`, oldest first. */
  since(accountId: string, since: string): Promise<ContactLogEntry[]>;
}

export interface OutboundMessage {
  readonly channel: OutboundChannel;
  readonly messageId: string;
  readonly accountId: string;
  /** Phone number (E.164) for SMS, address for e-mail; none for portal notices. */
  readonly to?: string;
  readonly subject?: string;
  readonly text: string;
  readonly purpose?: MessagePurpose;
}

export interface SendReceipt {
  /** Which adapter delivered it: `ses`, `sns`, `portal`, `store-only`. */
  readonly deliveredBy: string;
  readonly providerMessageId?: string;
}

/** One channel's way out. */
export interface MessageSender {
  send(message: OutboundMessage): Promise<SendReceipt>;
}

/** Why a message or a draft will not be sent: contact-policy reasons plus the outreach's own. */
export type OutreachBlockReason =
  | ContactReason
  | SpecialistHold
  | 'NO_OUTREACH_FOR_TIER'
  | 'HUMAN_REVIEW_REQUIRED'
  | 'NOTHING_DUE'
  | 'DRAFT_BLOCKED'
  | 'NO_CONTACT_WINDOW'
  | 'ACCOUNT_NOT_FOUND'
  | 'SUPERSEDED'
  | 'EXPIRED'
  | 'MESSAGE_REJECTED'
  | 'MISSING_OFFER'
  | 'MISSING_RECIPIENT';
