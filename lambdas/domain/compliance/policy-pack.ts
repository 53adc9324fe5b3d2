import type { Jurisdiction, Language } from '../accounts/account';
import { CATEGORY_INFO, CONTENT_CATEGORIES, type ContentCategory } from './content/categories';
import { LEXICON_VERSION } from './content/lexicon';
import { PATTERNS_VERSION } from './content/patterns';
import type { PhraseList } from './phrase-lists';
import type { CollectorRole, ComplianceRule, ContactReason, MessageChannel } from './types';

export interface ContactRule extends ComplianceRule {
  readonly code: ContactReason;
}

/** Contact allowed from `opensAtMinute` (inclusive) to `closesAtMinute` (exclusive), customer's local time. */
export interface ContactHoursRule extends ContactRule {
  readonly opensAtMinute: number;
  readonly closesAtMinute: number;
}

/** Blocks once `max` matching events already happened: the next one would exceed the cap. */
export interface CapRule extends ContactRule {
  readonly max: number;
  /** Collector roles the cap binds (Regulation F's 7-in-7 presumption binds debt collectors only). */
  readonly roles?: readonly CollectorRole[];
}

/** A cap over the `windowHours` of customer's wall-clock time that end at the contact. */
export interface WindowCapRule extends CapRule {
  readonly windowHours: number;
}

/** No call for `quietHours` of customer's wall-clock time after a telephone conversation. */
export interface QuietPeriodRule extends ContactRule {
  readonly quietHours: number;
  readonly roles?: readonly CollectorRole[];
}

/** Regulation F: calls counted over a rolling window, and a quiet period after a telephone conversation. */
export interface RollingWindowCallLimits {
  readonly kind: 'rolling-window';
  readonly callCap: WindowCapRule;
  readonly quietAfterConversation: QuietPeriodRule;
}

/** China: caps per calendar day in the customer's time zone. */
export interface DailyCallLimits {
  readonly kind: 'daily';
  readonly unansweredDials: CapRule;
  readonly effectiveCalls: CapRule;
}

export interface ContactPolicy {
  readonly hours: ContactHoursRule;
  readonly cease: ContactRule;
  readonly dispute: ContactRule;
  readonly hardshipPlan: ContactRule;
  readonly refusedChannel: ContactRule;
  readonly smsConsent: ContactRule;
  readonly callLimits: RollingWindowCallLimits | DailyCallLimits;
}

/** A disclosure a message must carry on `channels`: every part must match, in the message's language. */
export interface DisclosureRule extends ComplianceRule {
  readonly channels: readonly MessageChannel[];
  readonly parts: readonly PhraseList[];
  /** Collector roles the disclosure binds; absent = every role. */
  readonly roles?: readonly CollectorRole[];
}

/** Content the pack forbids, one rule per category: found by the detectors and the abuse classifier. */
export interface ContentRule extends ComplianceRule {
  readonly category: ContentCategory;
}

export interface TextLengthRule extends ComplianceRule {
  readonly maxLength: { readonly sms: Readonly<Record<Language, number>> } & Readonly<
    Record<Exclude<MessageChannel, 'sms'>, number>
  >;
}

export interface MessagePolicy {
  readonly nonEmpty: ComplianceRule;
  readonly textLength: TextLengthRule;
  readonly disclosures: readonly DisclosureRule[];
  readonly forbidden: readonly ContentRule[];
  readonly offerNumbers: ComplianceRule;
}

export interface PolicyPack {
  readonly jurisdiction: Jurisdiction;
  readonly contact: ContactPolicy;
  readonly message: MessagePolicy;
}

/** Gate rules that hold in every jurisdiction. */
export const NON_EMPTY_TEXT: ComplianceRule = {
  id: 'GATE-NON-EMPTY',
  version: '2026.11.1',
  source: 'Gate policy: an empty message is never sent',
  code: 'EMPTY_TEXT',
  summary: 'The message has visible text',
};

/**
 * SMS budgets are two concatenated segments: 2 × 160 GSM-7 characters for English, 2 × 70 UCS-2 for
 * Chinese. The language decides the budget (not a scan of the characters), and length is counted in UTF-16
 * code units, which is what UCS-2 segments count.
 */
export const TEXT_LENGTH: TextLengthRule = {
  id: 'GATE-TEXT-LENGTH',
  version: '2026.11.1',
  source:
    '3GPP TS 23.038 (SMS 160 GSM-7 / 70 UCS-2 characters per segment, 2 segments); gate policy for other channels',
  code: 'TEXT_TOO_LONG',
  summary: 'SMS ≤ 320 (en) / 140 (zh-CN) characters; e-mail ≤ 5,000; portal ≤ 2,000; call script ≤ 8,000',
  maxLength: { sms: { en: 320, 'zh-CN': 140 }, email: 5000, portal: 2000, call_script: 8000 },
};

export const OFFER_NUMBERS: ComplianceRule = {
  id: 'GATE-OFFER-NUMBERS',
  version: '2026.11.1',
  source: 'DESIGN.md §3: any amount, date or rate in a message must equal the one computed',
  code: 'NUMBER_NOT_IN_OFFER',
  summary: 'Every amount, date and percentage in the text is one of the offer’s',
};

/** A rule's version follows the detectors' patterns and lexicon: a change to either is a new version. */
const CONTENT_VERSION = PATTERNS_VERSION > LEXICON_VERSION ? PATTERNS_VERSION : LEXICON_VERSION;

/** One forbidden-content rule per category, with the jurisdiction's citation for each. */
export function forbiddenContentRules(
  jurisdiction: Jurisdiction,
  sources: Readonly<Record<ContentCategory, string>>,
): ContentRule[] {
  return CONTENT_CATEGORIES.map((category) => ({
    id: `${jurisdiction}-${CATEGORY_INFO[category].slug}`,
    version: CONTENT_VERSION,
    source: sources[category],
    code: CATEGORY_INFO[category].code,
    summary: `No ${category.replaceAll('_', ' ')}: ${CATEGORY_INFO[category].en}`,
    category,
  }));
}
