import type { ContactChannel, Currency, Language } from '../kernel/types';

export type { ContactChannel };

/**
 * One rule of a policy pack. `code` is the stable string a verdict carries when the rule blocks (a contact
 * reason or a message violation's `rule`); `id` and `version` say which text of the rule decided, `source`
 * where the rule comes from. A rule's version changes whenever its behaviour or its data (hours, caps,
 * phrase lists) change, so a recorded verdict can be traced to the exact rule that produced it.
 */
export interface ComplianceRule {
  readonly id: string;
  readonly version: string;
  readonly source: string;
  readonly code: string;
  readonly summary: string;
}

/**
 * Who collects: `first_party`, a bank collecting its own debt (a creditor, not a "debt collector" under the
 * FDCPA and Regulation F), or `third_party`, an agency. Packs decide which disclosures and call caps bind each.
 */
export type CollectorRole = 'first_party' | 'third_party';
export const COLLECTOR_ROLES: readonly CollectorRole[] = ['first_party', 'third_party'];

export type ContactEventKind = 'call_attempt' | 'conversation' | 'message';

/** A past contact. A `call_attempt` is a dial that did not reach the person, a `conversation` one that did. */
export interface ContactEvent {
  readonly at: string;
  readonly channel: ContactChannel;
  readonly kind: ContactEventKind;
}

export interface ContactFlags {
  readonly cease?: boolean;
  readonly dispute?: boolean;
  readonly hardshipPlan?: boolean;
  readonly refusedChannels?: readonly ContactChannel[];
  readonly smsConsent?: boolean;
}

/** May we contact this customer on `channel` at `at`? `jurisdiction` and `timezone` may be unknown: then no. */
export interface ContactRequest {
  readonly jurisdiction: string;
  /** IANA time zone of the customer: contact hours and call days are local to it. */
  readonly timezone: string;
  readonly channel: ContactChannel;
  /** ISO-8601 instant with an offset, e.g. `2026-11-23T14:00:00Z`. */
  readonly at: string;
  readonly history: readonly ContactEvent[];
  readonly flags: ContactFlags;
  /** Default `third_party`: the stricter rules. */
  readonly collectorRole?: CollectorRole;
}

export type ContactReason =
  | 'UNKNOWN_JURISDICTION'
  | 'UNKNOWN_TIMEZONE'
  | 'INVALID_TIMESTAMP'
  | 'CEASE_REQUESTED'
  | 'DISPUTE_HOLD'
  | 'HARDSHIP_PLAN_HOLD'
  | 'CHANNEL_REFUSED'
  | 'NO_SMS_CONSENT'
  | 'OUTSIDE_CONTACT_HOURS'
  | 'CALL_CAP_7_IN_7_DAYS'
  | 'CALL_WITHIN_7_DAYS_OF_CONVERSATION'
  | 'CN_UNANSWERED_DIAL_CAP'
  | 'CN_EFFECTIVE_CALL_CAP';

export interface ContactVerdict {
  readonly allowed: boolean;
  readonly reasons: ContactReason[];
}

export type MessageChannel = 'sms' | 'email' | 'portal' | 'call_script';

/** The numbers code computed for an offer: the only amounts, dates and rates a message may state. */
export interface Offer {
  readonly currency: Currency;
  /** Integer minor units of `currency`. */
  readonly amountsMinor: readonly number[];
  /** `YYYY-MM-DD`. */
  readonly dates: readonly string[];
  readonly percentages: readonly number[];
}

export interface MessageRequest {
  readonly jurisdiction: string;
  readonly channel: MessageChannel;
  readonly language: Language;
  readonly text: string;
  readonly offer?: Offer;
  /** Default `third_party`: the stricter rules. */
  readonly collectorRole?: CollectorRole;
}

/** Where in the original text (UTF-16 offsets, end exclusive). */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * One reason a message is blocked. `rule` and `detail` are the stable pair every consumer reads; the rest
 * explains it to people: the category, the offending span, plain words for agents in English and Chinese, the
 * rule's `id@version` and its source.
 */
export interface MessageViolation {
  readonly rule: string;
  readonly detail: string;
  readonly category?: string;
  readonly span?: TextSpan;
  readonly explanation?: { readonly en: string; readonly zh: string };
  readonly ruleId?: string;
  readonly source?: string;
}

/** The optional model review's opinion: recorded, never able to allow what the rules block. */
export interface MessageReview {
  readonly model: string;
  readonly promptVersion: string;
  readonly verdict: 'ok' | 'concern' | 'unavailable';
  readonly findings: readonly {
    readonly category: string;
    readonly quote: string;
    readonly reason: string;
  }[];
}

export interface MessageVerdict {
  readonly allowed: boolean;
  readonly violations: MessageViolation[];
  readonly review?: MessageReview;
}
