import { MINI_MIRANDA_IDENTITY, MINI_MIRANDA_PURPOSE, OPT_OUT } from './phrase-lists';
import {
  forbiddenContentRules,
  NON_EMPTY_TEXT,
  OFFER_NUMBERS,
  type PolicyPack,
  TEXT_LENGTH,
} from './policy-pack';

/** United States: FDCPA, CFPB Regulation F (12 CFR part 1006) and the TCPA. */
export const US_PACK: PolicyPack = {
  jurisdiction: 'US',
  contact: {
    // Regulation F names "communications", so the hours apply to calls, SMS and e-mail sends alike.
    hours: {
      id: 'US-CONTACT-HOURS',
      version: '2026.11.1',
      source: '12 CFR 1006.6(b)(1)(i)',
      code: 'OUTSIDE_CONTACT_HOURS',
      summary: 'Contact only from 08:00 to before 21:00 in the consumer’s local time',
      opensAtMinute: 8 * 60,
      closesAtMinute: 21 * 60,
    },
    cease: {
      id: 'US-CEASE',
      version: '2026.11.1',
      source: '15 U.S.C. 1692c(c); 12 CFR 1006.6(c)(1)',
      code: 'CEASE_REQUESTED',
      summary: 'A cease request stops all communication',
    },
    dispute: {
      id: 'US-DISPUTE-HOLD',
      version: '2026.11.1',
      source: '15 U.S.C. 1692g(b) (FDCPA 809(b))',
      code: 'DISPUTE_HOLD',
      summary: 'A dispute pauses collection until the debt is verified',
    },
    hardshipPlan: {
      id: 'US-HARDSHIP-HOLD',
      version: '2026.11.1',
      source: 'Bank policy (DESIGN.md §4): no collection contact while a hardship plan is in force',
      code: 'HARDSHIP_PLAN_HOLD',
      summary: 'No collection contact on an account in a hardship plan',
    },
    refusedChannel: {
      id: 'US-CHANNEL-REFUSED',
      version: '2026.11.1',
      source: '12 CFR 1006.14(h)(1)',
      code: 'CHANNEL_REFUSED',
      summary: 'A medium the consumer refused is not used',
    },
    smsConsent: {
      id: 'US-SMS-CONSENT',
      version: '2026.11.1',
      source: '47 U.S.C. 227(b)(1)(A)(iii) (TCPA)',
      code: 'NO_SMS_CONSENT',
      summary: 'Text messages only with recorded consent',
    },
    callLimits: {
      kind: 'rolling-window',
      callCap: {
        id: 'US-CALL-CAP-7-IN-7',
        version: '2026.11.1',
        source: '12 CFR 1006.14(b)(2)(i)(A)',
        code: 'CALL_CAP_7_IN_7_DAYS',
        summary: 'At most 7 telephone calls (attempts and conversations) within 7 consecutive days',
        max: 7,
        windowHours: 7 * 24,
        roles: ['third_party'],
      },
      quietAfterConversation: {
        id: 'US-CALL-AFTER-CONVERSATION',
        version: '2026.11.1',
        source: '12 CFR 1006.14(b)(2)(i)(B)',
        code: 'CALL_WITHIN_7_DAYS_OF_CONVERSATION',
        summary: 'No call within 7 days after a telephone conversation',
        quietHours: 7 * 24,
        roles: ['third_party'],
      },
    },
  },
  message: {
    nonEmpty: NON_EMPTY_TEXT,
    textLength: TEXT_LENGTH,
    disclosures: [
      // Every communication: the gate cannot tell an initial communication from a later one, so it asks for
      // the full initial-communication wording everywhere, call scripts and portal messages included.
      {
        id: 'US-MINI-MIRANDA',
        version: '2026.11.1',
        source: '12 CFR 1006.18(e)(1)-(2); 15 U.S.C. 1692e(11)',
        code: 'MISSING_MINI_MIRANDA',
        summary:
          'States that the communication is from a debt collector and that information obtained will be used for that purpose',
        channels: ['sms', 'email', 'portal', 'call_script'],
        parts: [MINI_MIRANDA_IDENTITY, MINI_MIRANDA_PURPOSE],
        // A bank collecting its own debt is a creditor, not a debt collector: it may adopt the wording.
        roles: ['third_party'],
      },
      // Electronic communications sent to the consumer; a portal page the consumer opened and a spoken call
      // script are not, so they need no opt-out.
      {
        id: 'US-OPT-OUT',
        version: '2026.11.1',
        source: '12 CFR 1006.6(e)',
        code: 'MISSING_OPT_OUT',
        summary: 'E-mails and text messages tell how to opt out',
        channels: ['sms', 'email'],
        parts: [OPT_OUT],
      },
    ],
    // The FDCPA binds debt collectors; the bank holds itself to the same conduct rules as a creditor (UDAAP,
    // 12 U.S.C. 5531, and state laws that bind creditors), so content rules bind both roles.
    forbidden: forbiddenContentRules('US', {
      threat_violence: '15 U.S.C. 1692d(1); 1692e(5); 12 CFR 1006.14(b)',
      veiled_threat: '15 U.S.C. 1692d (conduct that harasses, oppresses or abuses); 1692e(5)',
      arrest_criminal_threat: '15 U.S.C. 1692e(4), 1692e(7)',
      impersonation: '15 U.S.C. 1692e(1), 1692e(3), 1692e(9), 1692e(14)',
      third_party_disclosure: '15 U.S.C. 1692c(b); 12 CFR 1006.6(d)(1)',
      harassment: '15 U.S.C. 1692d(5); 12 CFR 1006.14(b)(1); 1006.6(b)(1)(iii)',
      public_shaming: '15 U.S.C. 1692d(3), 1692f(7)-(8)',
      false_urgency: '15 U.S.C. 1692e(10); 12 CFR 1006.18(a)',
      lawsuit_threat: '12 CFR 1006.26(b); 15 U.S.C. 1692e(5)',
      new_borrowing: 'Bank policy (DESIGN.md §4); 15 U.S.C. 1692f',
      unauthorised_fee: '15 U.S.C. 1692f(1); 12 CFR 1006.22(b)',
      false_promise: '15 U.S.C. 1692e(2), 1692e(8), 1692e(10)',
      insult: '15 U.S.C. 1692d(2)',
      profanity: '15 U.S.C. 1692d(2) (obscene or profane language)',
      discrimination:
        '15 U.S.C. 1692d(2); Equal Credit Opportunity Act (15 U.S.C. 1691); bank conduct policy',
    }),
    offerNumbers: OFFER_NUMBERS,
  },
};
