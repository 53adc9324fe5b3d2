/**
 * Reads one customer message into the taxonomy: `understand` is the only entry point the assistant, the model
 * fallback and the CLI use.
 *
 * Interim: wraps the rule-based intent layer (`intents.ts`) until the trained classifier replaces it.
 */
import type { Currency, Language } from '../accounts/account';
import { classifyIntent } from './intents';
import type { Slots, Understanding } from './taxonomy';

export interface MessageContext {
  /** The page's language. */
  readonly language: Language;
  /** The account's currency: amounts are read in it. */
  readonly currency: Currency;
  /** The customer's local date, `YYYY-MM-DD`, for relative dates. */
  readonly today: string;
}

export function understand(text: string, context: MessageContext): Understanding {
  const intent = classifyIntent(text, context.language, context.currency, context.today);
  const injection = intent.injectionSuspected;
  switch (intent.type) {
    case 'promise_to_pay':
      return understood(intent.type, injection, { amountMinor: intent.amountMinor, date: intent.dueDate });
    case 'hardship':
      return understood(intent.type, injection, {
        monthlyIncomeMinor: intent.monthlyIncomeMinor,
        monthlyExpensesMinor: intent.monthlyExpensesMinor,
      });
    case 'contact_preferences':
      return understood(intent.type, injection, { refusedChannels: intent.refusedChannels });
    case 'choose_option': {
      const { choice } = intent;
      const slots: Slots =
        choice.by === 'number'
          ? { optionNumber: choice.number }
          : choice.by === 'kind'
            ? { kind: choice.kind }
            : { termMonths: choice.termMonths };
      return understood(intent.type, injection, slots);
    }
    default:
      return understood(intent.type, injection, {});
  }
}

function understood(intent: Understanding['intent'], injection: boolean, slots: Slots): Understanding {
  const stated = Object.fromEntries(Object.entries(slots).filter(([, value]) => value !== undefined));
  return { intent, confidence: intent === 'unknown' ? 0 : 1, injection, slots: stated };
}
