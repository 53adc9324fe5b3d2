/**
 * What one chat turn works with: the customer's account, the offers in force, the conversation's memory
 * (`ChatState`, plain JSON stored with the conversation) and the message's reading; and what it produces: a
 * reply, the next memory and the decisions (`ChatAction`) for the caller to persist and publish.
 */
import * as z from '../../../contracts/schema';
import type { Account, Language } from '../accounts/account';
import type { ContactChannel } from '../compliance';
import type { Affordability, OfferKind, OfferSet, ScheduledPayment } from '../offers/plan-calculator';
import type { ContactHours } from './dialogue-readers';
import type { Wording } from './replies';
import { INTENTS, type IntentName, type Slots, type Understanding } from './taxonomy';

/** A promise to pay may fall due from today up to this many days ahead. */
export const PROMISE_WINDOW_DAYS = 30;

/** What the customer declared about their money: a monthly budget, an amount they can manage, or both. */
export type Budget = Affordability;

/** The decisions of a turn, for the caller to persist and publish as events. */
export type ChatAction =
  | {
      readonly type: 'PlanAccepted';
      readonly optionId: string;
      readonly kind: OfferKind;
      readonly totalMinor: number;
      readonly instalments: readonly ScheduledPayment[];
    }
  | { readonly type: 'PromiseToPayRecorded'; readonly amountMinor: number; readonly dueDate: string }
  | ({ readonly type: 'HardshipRegistered' } & Budget)
  | { readonly type: 'DisputeOpened' }
  | { readonly type: 'FraudReported' }
  | { readonly type: 'LegalRepresentationReported' }
  | { readonly type: 'BankruptcyReported' }
  | { readonly type: 'DeceasedReported' }
  /** A person is asked to join at once when self-harm was mentioned. */
  | { readonly type: 'VulnerabilityReported'; readonly selfHarm: boolean }
  | { readonly type: 'ComplaintRecorded' }
  | { readonly type: 'PaymentTraceRequested'; readonly amountMinor?: number; readonly paidOn?: string }
  | { readonly type: 'EscalationRequested'; readonly reason: 'customer_request' | 'no_affordable_plan' }
  | { readonly type: 'CeaseRequested' }
  /** The full set of refused channels (the account's earlier refusals included) and the other limits named. */
  | {
      readonly type: 'ContactPreferencesChanged';
      readonly refusedChannels: readonly ContactChannel[];
      readonly noWorkplace?: boolean;
      readonly noThirdParties?: boolean;
      readonly contactHours?: ContactHours;
    };

/** What this conversation has recorded already: each is recorded once per conversation. */
export const RECORDED = [
  'dispute',
  'fraud',
  'legal_representation',
  'bankruptcy',
  'deceased',
  'vulnerability',
  'self_harm',
  'complaint',
  'stop_contact',
  'person',
  'payment_trace',
] as const;
export type Recorded = (typeof RECORDED)[number];

const minor = z.number().check(z.int(), z.nonnegative());
const isoDate = z.iso.date();
const instalments = z.array(z.object({ dueDate: isoDate, amountMinor: minor })).check(z.maxLength(120));
const budgetSchema = z.object({
  monthlyIncomeMinor: z.optional(minor),
  monthlyExpensesMinor: z.optional(minor),
  affordableMinor: z.optional(minor),
});
const hoursSchema = z.object({ from: z.optional(z.string()), to: z.optional(z.string()) });

/** The one question the assistant is waiting on: the next message is read as its answer first. */
const pendingSchema = z.discriminatedUnion('kind', [
  /** A plan shown with its payments, awaiting an explicit yes. */
  z.object({
    kind: z.literal('plan'),
    optionId: z.string(),
    number: z.number().check(z.int()),
    totalMinor: minor,
    instalments,
  }),
  /** A promise read back to the customer, awaiting an explicit yes (or a correction). */
  z.object({ kind: z.literal('promise'), amountMinor: minor, dueDate: isoDate }),
  /** A figure the assistant asked for; `tries` counts answers it could not read. */
  z.object({
    kind: z.literal('figure'),
    want: z.enum(['promise', 'promise_amount', 'promise_date', 'income', 'expenses']),
    tries: z.optional(z.number().check(z.int(), z.nonnegative())),
  }),
  /** "Do you mean …?" about `intent`; `otherwise` is what "no" means. */
  z.object({
    kind: z.literal('clarify'),
    intent: z.enum(INTENTS),
    otherwise: z.optional(z.enum(INTENTS)),
    slots: z.record(z.string(), z.unknown()),
  }),
  /** "Shall I ask a person to join?" */
  z.object({ kind: z.literal('person') }),
  /** "What would you like to change?" about contact preferences. */
  z.object({ kind: z.literal('contact') }),
]);
export type Pending = z.infer<typeof pendingSchema>;

const chatStateSchema = z.object({
  pending: z.optional(pendingSchema),
  /** Option ids in the order of the last list shown: "option 2" is the second of these. */
  listedOptionIds: z.optional(z.array(z.string()).check(z.maxLength(20))),
  /** The valid half of a promise given so far. */
  promiseDraft: z.optional(z.object({ amountMinor: z.optional(minor), dueDate: z.optional(isoDate) })),
  /** What the customer declared about their money in this conversation. */
  budget: z.optional(budgetSchema),
  /** The budget last registered (announced), so the same one is not announced twice. */
  registeredBudget: z.optional(budgetSchema),
  /** The last schedule summarised to the customer: shown in full on request. */
  schedule: z.optional(instalments),
  recorded: z.optional(z.array(z.enum(RECORDED))),
  /** Contact limits set in this conversation (merged with the account's). */
  contact: z.optional(
    z.object({
      refusedChannels: z.optional(z.array(z.enum(['call', 'sms', 'email']))),
      noWorkplace: z.optional(z.boolean()),
      noThirdParties: z.optional(z.boolean()),
      contactHours: z.optional(hoursSchema),
    }),
  ),
  /** Languages the session's disclosures were shown in. */
  disclosed: z.optional(z.array(z.enum(['en', 'zh-CN']))),
  /** Messages in a row not understood. */
  unknownStreak: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** A clarifying question was asked and not yet resolved: the next unsure reading offers a person. */
  clarified: z.optional(z.boolean()),
});
export type ChatState = z.infer<typeof chatStateSchema>;

export const INITIAL_CHAT_STATE: ChatState = {};

/** The stored memory, checked: anything unreadable (an older format, a damaged item) starts afresh. */
export function readChatState(raw: unknown): ChatState {
  const parsed = chatStateSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : INITIAL_CHAT_STATE;
}

export interface TurnInput {
  readonly account: Account;
  /** The account's current offer set (no options while it is on hold or not scored). */
  readonly offers: OfferSet;
  readonly state: ChatState;
  readonly text: string;
  /** The customer's local date, `YYYY-MM-DD`. */
  readonly today: string;
  /** The page's language at the time of the message: the reply is in it. */
  readonly language: Language;
  /** The account's offers recomputed with a declared budget (the same calculator and policy). */
  readonly offersFor: (budget: Budget) => OfferSet;
}

/** Figures a reply states beyond the offer set: the customer's own, validated, and the statements'. */
export interface ExtraFigures {
  readonly amountsMinor: readonly number[];
  readonly dates: readonly string[];
}

export const NO_EXTRA_FIGURES: ExtraFigures = { amountsMinor: [], dates: [] };

/** What the assistant reads in the message beyond the taxonomy (dialogue-readers.ts). */
export interface Facts {
  readonly selfHarm: boolean;
  readonly otherAccount: boolean;
  readonly fullSchedule: boolean;
  /** The whole message is an amount: an answer to "how much?". */
  readonly figure?: number;
  readonly contactHours?: ContactHours;
}

export interface Context {
  readonly input: TurnInput;
  readonly account: Account;
  readonly state: ChatState;
  /** The offers in force: the input's, or recomputed with the budget declared earlier. */
  readonly offers: OfferSet;
  readonly language: Language;
  readonly wording: Wording;
  readonly reading: Understanding;
  readonly facts: Facts;
}

export interface Outcome {
  readonly reply: string;
  readonly state: ChatState;
  readonly offers: OfferSet;
  readonly actions?: readonly ChatAction[];
  readonly extraFigures?: ExtraFigures;
}

/** What survives a turn that starts something new: pending questions and half-given figures are dropped. */
export function lasting(state: ChatState): ChatState {
  const {
    pending: _pending,
    promiseDraft: _promise,
    unknownStreak: _streak,
    clarified: _clarified,
    ...rest
  } = state;
  return rest;
}

export function said(context: Context, reply: string, state: ChatState = lasting(context.state)): Outcome {
  return { reply, state, offers: context.offers };
}

/** A reply that leaves the whole state as it was, a pending question included. */
export function keepWaiting(context: Context, reply: string): Outcome {
  return { reply, state: context.state, offers: context.offers };
}

export function withPending(
  context: Context,
  reply: string,
  pending: Pending,
  base = context.state,
): Outcome {
  return { reply, state: { ...lasting(base), pending }, offers: context.offers };
}

export function recorded(context: Context, what: Recorded): boolean {
  return context.state.recorded?.includes(what) ?? false;
}

export function withRecorded(state: ChatState, ...what: Recorded[]): ChatState {
  return { ...state, recorded: [...new Set([...(state.recorded ?? []), ...what])] };
}

/** Sentences run on with a space in English and with none in Chinese. */
export const sentences = (language: Language, ...parts: readonly string[]): string =>
  parts.filter(Boolean).join(language === 'en' ? ' ' : '');

export const figures = (
  amountsMinor: readonly (number | undefined)[],
  dates: readonly (string | undefined)[] = [],
) => ({
  amountsMinor: amountsMinor.filter((amount): amount is number => amount !== undefined),
  dates: dates.filter((date): date is string => date !== undefined),
});

export type { IntentName, Slots };
