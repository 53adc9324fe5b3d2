/**
 * The assistant state machine's view of a reading (assistant.ts, model-turn.ts): the older, smaller set of
 * intent bodies it handles, derived from `understand` (understanding.ts), the one reader of customer text.
 *
 * Interim until the assistant handles every intent of the taxonomy itself: asks it has no handler for go to the
 * nearest protective one. Fraud opens a dispute (collection pauses); legal representation, bankruptcy, a death,
 * a vulnerable customer, a complaint and a payment we cannot see go to a person; a balance question and a
 * customer's own schedule get the options.
 */
import type { Currency, Language } from '../accounts/account';
import type { ContactChannel } from '../compliance';
import type { OfferKind } from '../offers/plan-calculator';
import type { Understanding } from './taxonomy';
import { understand } from './understanding';

/** Which option the customer picked: by its number in the list shown, by its kind, or by its term. */
export type OptionChoice =
  | { readonly by: 'number'; readonly number: number }
  | { readonly by: 'kind'; readonly kind: OfferKind }
  | { readonly by: 'term'; readonly termMonths: number };

export type IntentBody =
  | { readonly type: 'greeting' }
  | { readonly type: 'show_options' }
  | { readonly type: 'choose_option'; readonly choice: OptionChoice }
  | { readonly type: 'confirm' }
  | { readonly type: 'decline' }
  | {
      readonly type: 'promise_to_pay';
      /** Minor units of the account's currency; absent when none was stated or it was unreadable. */
      readonly amountMinor?: number;
      /** `YYYY-MM-DD`, resolved against today; absent when none was stated or it does not exist. */
      readonly dueDate?: string;
    }
  | {
      readonly type: 'hardship';
      readonly monthlyIncomeMinor?: number;
      readonly monthlyExpensesMinor?: number;
    }
  | { readonly type: 'dispute' }
  | { readonly type: 'request_person' }
  | { readonly type: 'stop_contact' }
  | { readonly type: 'contact_preferences'; readonly refusedChannels: readonly ContactChannel[] }
  | { readonly type: 'discount_request' }
  | { readonly type: 'unknown' };

export type IntentType = IntentBody['type'];
export type Intent = IntentBody & { readonly injectionSuspected: boolean };

/** Classifies one customer message through `understand`. */
export function classifyIntent(text: string, language: Language, currency: Currency, today: string): Intent {
  const reading = understand(text, { language, currency, today });
  return { ...bodyOf(reading), injectionSuspected: reading.injection };
}

function bodyOf({ intent, slots }: Understanding): IntentBody {
  // A bare figure answers the assistant's last question ("$500", "next Friday", "支出2100").
  if (intent === 'unknown' && (slots.amountMinor !== undefined || slots.date !== undefined))
    return bodyOf({ intent: 'promise_to_pay', confidence: 0, injection: false, slots });
  if (
    intent === 'unknown' &&
    (slots.monthlyIncomeMinor !== undefined || slots.monthlyExpensesMinor !== undefined)
  )
    return bodyOf({ intent: 'hardship', confidence: 0, injection: false, slots });
  switch (intent) {
    case 'greeting':
    case 'show_options':
    case 'confirm':
    case 'decline':
    case 'dispute':
    case 'request_person':
    case 'stop_contact':
    case 'discount_request':
    case 'unknown':
      return { type: intent };
    case 'choose_option':
      if (slots.optionNumber !== undefined)
        return { type: 'choose_option', choice: { by: 'number', number: slots.optionNumber } };
      if (slots.kind !== undefined)
        return { type: 'choose_option', choice: { by: 'kind', kind: slots.kind } };
      if (slots.termMonths !== undefined)
        return { type: 'choose_option', choice: { by: 'term', termMonths: slots.termMonths } };
      return { type: 'show_options' };
    case 'promise_to_pay':
      return {
        type: 'promise_to_pay',
        ...(slots.amountMinor === undefined ? {} : { amountMinor: slots.amountMinor }),
        ...(slots.date === undefined ? {} : { dueDate: slots.date }),
      };
    case 'hardship':
      return {
        type: 'hardship',
        ...(slots.monthlyIncomeMinor === undefined ? {} : { monthlyIncomeMinor: slots.monthlyIncomeMinor }),
        ...(slots.monthlyExpensesMinor === undefined
          ? {}
          : { monthlyExpensesMinor: slots.monthlyExpensesMinor }),
      };
    case 'contact_preferences':
      return { type: 'contact_preferences', refusedChannels: slots.refusedChannels ?? [] };
    case 'fraud':
      return { type: 'dispute' };
    case 'explain_balance':
    case 'payment_arrangement':
      return { type: 'show_options' };
    case 'already_paid':
    case 'legal_representation':
    case 'bankruptcy':
    case 'deceased':
    case 'vulnerability':
    case 'complaint':
      return { type: 'request_person' };
  }
}
