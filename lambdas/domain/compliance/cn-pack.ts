import { OPT_OUT } from './phrase-lists';
import {
  forbiddenContentRules,
  NON_EMPTY_TEXT,
  OFFER_NUMBERS,
  type PolicyPack,
  TEXT_LENGTH,
} from './policy-pack';

// Citations name the documents DESIGN.md §4 lists; article numbers are left to compliance review.
const CREDIT_CARD_MEASURES = 'CBRC Measures on Credit Card Business (2011)';
const CREDIT_CARD_NOTICE = 'CBIRC/PBoC notice on credit card business (2022)';
const COLLECTION_GUIDELINE = 'National after-loan collection guideline (2025)';
const CBA_GUIDELINE = 'China Banking Association collection guideline (2026)';
const COLLECTION_CONDUCT = `${CREDIT_CARD_MEASURES}; ${CREDIT_CARD_NOTICE}; ${CBA_GUIDELINE}`;

/** China: banking regulators' credit-card and collection rules, and the MIIT rules on SMS and e-mail. */
export const CN_PACK: PolicyPack = {
  jurisdiction: 'CN',
  contact: {
    // Applied to calls, SMS and e-mail sends alike: each is a collection contact.
    hours: {
      id: 'CN-CONTACT-HOURS',
      version: '2026.11.1',
      source: `${COLLECTION_GUIDELINE}; ${CBA_GUIDELINE}`,
      code: 'OUTSIDE_CONTACT_HOURS',
      summary: 'No collection contact from 22:00 to 08:00 in the customer’s local time',
      opensAtMinute: 8 * 60,
      closesAtMinute: 22 * 60,
    },
    cease: {
      id: 'CN-CEASE',
      version: '2026.11.1',
      source: 'Bank policy: a request to stop contact is honoured in every jurisdiction',
      code: 'CEASE_REQUESTED',
      summary: 'A cease request stops all communication',
    },
    dispute: {
      id: 'CN-DISPUTE-HOLD',
      version: '2026.11.1',
      source: 'Bank policy: collection pauses until a disputed debt is verified',
      code: 'DISPUTE_HOLD',
      summary: 'A dispute pauses collection until the debt is verified',
    },
    hardshipPlan: {
      id: 'CN-HARDSHIP-HOLD',
      version: '2026.11.1',
      source: `${CREDIT_CARD_MEASURES} (individual instalment agreement, up to 5 years); ${CREDIT_CARD_NOTICE}`,
      code: 'HARDSHIP_PLAN_HOLD',
      summary: 'A signed hardship instalment agreement stops collection on the debt',
    },
    refusedChannel: {
      id: 'CN-CHANNEL-REFUSED',
      version: '2026.11.1',
      source: 'Bank policy: a medium the customer refused is not used',
      code: 'CHANNEL_REFUSED',
      summary: 'A medium the customer refused is not used',
    },
    smsConsent: {
      id: 'CN-SMS-CONSENT',
      version: '2026.11.1',
      source: 'Bank policy: SMS only with consent; MIIT Provisions on Short Message Services (2015)',
      code: 'NO_SMS_CONSENT',
      summary: 'Text messages only with recorded consent',
    },
    callLimits: {
      kind: 'daily',
      unansweredDials: {
        id: 'CN-UNANSWERED-DIAL-CAP',
        version: '2026.11.1',
        source: `${COLLECTION_GUIDELINE}; ${CBA_GUIDELINE}`,
        code: 'CN_UNANSWERED_DIAL_CAP',
        summary: 'At most 6 unanswered dial attempts per local day on the phone',
        max: 6,
      },
      effectiveCalls: {
        id: 'CN-EFFECTIVE-CALL-CAP',
        version: '2026.11.1',
        source: `${COLLECTION_GUIDELINE}; ${CBA_GUIDELINE}`,
        code: 'CN_EFFECTIVE_CALL_CAP',
        summary: 'At most 3 effective calls (conversations) per debtor per local day',
        max: 3,
      },
    },
  },
  message: {
    nonEmpty: NON_EMPTY_TEXT,
    textLength: TEXT_LENGTH,
    // No mini-Miranda in China. Opt-out on SMS and e-mail only: portal pages and call scripts are not
    // messages pushed to the customer.
    disclosures: [
      {
        id: 'CN-OPT-OUT',
        version: '2026.11.1',
        source:
          'MIIT Provisions on Short Message Services (2015); Measures on Internet E-mail Services (2006)',
        code: 'MISSING_OPT_OUT',
        summary: 'SMS and e-mail tell how to opt out (e.g. 回复TD退订)',
        channels: ['sms', 'email'],
        parts: [OPT_OUT],
      },
    ],
    forbidden: forbiddenContentRules('CN', {
      threat_violence: COLLECTION_CONDUCT,
      veiled_threat: `${COLLECTION_CONDUCT} (intimidation)`,
      arrest_criminal_threat: COLLECTION_CONDUCT,
      impersonation: `${COLLECTION_GUIDELINE}; ${CBA_GUIDELINE}`,
      third_party_disclosure: `${CREDIT_CARD_MEASURES}; ${CREDIT_CARD_NOTICE}`,
      harassment: `${COLLECTION_GUIDELINE}; ${CBA_GUIDELINE}`,
      public_shaming: COLLECTION_CONDUCT,
      false_urgency: `${CBA_GUIDELINE} (intimidation)`,
      lawsuit_threat: 'Bank policy: no threats of suit in outreach',
      new_borrowing: `${COLLECTION_GUIDELINE}; ${CBA_GUIDELINE}`,
      unauthorised_fee: `${COLLECTION_GUIDELINE}; ${CBA_GUIDELINE}`,
      false_promise: `${CREDIT_CARD_NOTICE}; ${CBA_GUIDELINE} (no false or misleading statements)`,
      insult: COLLECTION_CONDUCT,
      profanity: COLLECTION_CONDUCT,
      discrimination: `${COLLECTION_CONDUCT}; ${CBA_GUIDELINE} (no discrimination)`,
    }),
    offerNumbers: OFFER_NUMBERS,
  },
};
