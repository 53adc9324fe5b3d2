/**
 * The one taxonomy of customer asks in the repayment portal: read by the offline classifier, offered to the
 * model as its tool schema, printed by the assistant CLI and handled by the assistant. Add an intent here and
 * every reader sees it.
 */
import type { ContactChannel } from '../compliance';
import type { OfferKind } from '../offers/plan-calculator';

export const INTENTS = [
  'greeting',
  'show_options',
  'choose_option',
  'confirm',
  'decline',
  'promise_to_pay',
  'payment_arrangement',
  'hardship',
  'explain_balance',
  'already_paid',
  'dispute',
  'fraud',
  'request_person',
  'stop_contact',
  'contact_preferences',
  'discount_request',
  'legal_representation',
  'bankruptcy',
  'deceased',
  'vulnerability',
  'complaint',
  'unknown',
] as const;
export type IntentName = (typeof INTENTS)[number];

/**
 * Asks with legal weight: never missed quietly. When the reading is unsure between one of these and anything
 * else, the assistant asks once, then offers a person.
 */
export const PROTECTED_INTENTS: ReadonlySet<IntentName> = new Set([
  'dispute',
  'fraud',
  'stop_contact',
  'legal_representation',
  'bankruptcy',
  'deceased',
  'vulnerability',
]);

/** What a message states, read by rules. A slot is present only when the message states it. */
export interface Slots {
  /** A one-off amount paid, to be paid or offered, in minor units of the account's currency. */
  readonly amountMinor?: number;
  /** `YYYY-MM-DD` on the customer's calendar: when they will pay or did pay. */
  readonly date?: string;
  readonly monthlyIncomeMinor?: number;
  readonly monthlyExpensesMinor?: number;
  /** A recurring amount per month the customer says they can afford. */
  readonly affordableMinor?: number;
  readonly refusedChannels?: readonly ContactChannel[];
  /** No contact at or through the workplace. */
  readonly noWorkplace?: boolean;
  /** Nobody else (family, employer, neighbours…) is to be contacted or told. */
  readonly noThirdParties?: boolean;
  /** An option picked by its number in the list shown. */
  readonly optionNumber?: number;
  readonly termMonths?: number;
  /** An offer picked or asked for by its kind. */
  readonly kind?: OfferKind;
}

export const SLOT_NAMES = [
  'amountMinor',
  'date',
  'monthlyIncomeMinor',
  'monthlyExpensesMinor',
  'affordableMinor',
  'refusedChannels',
  'noWorkplace',
  'noThirdParties',
  'optionNumber',
  'termMonths',
  'kind',
] as const satisfies readonly (keyof Slots)[];

/** One message understood: the ask, how sure the reading is, and what it states. */
export interface Understanding {
  readonly intent: IntentName;
  /** 0..1: how sure the reading is of `intent`. */
  readonly confidence: number;
  /** The next most likely ask, when it is close enough to be worth a clarifying question. */
  readonly runnerUp?: IntentName;
  /** The message tries to manipulate the assistant; the ask is read as usual and nothing is unlocked. */
  readonly injection: boolean;
  readonly slots: Slots;
}
