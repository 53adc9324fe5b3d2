/**
 * The offline chat assistant of the repayment portal: a pure state machine that reads one customer message
 * (through the rule-based intent layer) and answers with a reply, the next conversation state and the tool
 * effects for the caller to persist and publish. With no LLM key this drives the same tools the model would.
 *
 * Guarantees:
 * - Numbers come from code: a reply states only figures of the offer set (written by formatMoney /
 *   formatDate / describeOption) plus, for a recorded promise to pay, the customer's own validated amount
 *   and date, returned as `extraFigures` so that the caller lints with them added.
 * - Nothing the customer types changes policy: options come from the offer set (or, after a declared
 *   budget, from `offersWithAffordability`, i.e. computeOffers under the same policy); a discount request
 *   gets the policy answer; injection phrasing is flagged and changes nothing.
 * - A plan is accepted only after the customer confirmed a proposal that showed every due date and amount,
 *   and only if that exact schedule is still the one on offer.
 * - Every reply passes the message linter before it is returned; one that does not is replaced by a fixed
 *   safe reply, with no actions and the state unchanged (the customer never sees an unannounced effect).
 *
 * Disclosures: in the US the linter requires the mini-Miranda on portal texts (`requiredDisclosures` in
 * drafting/draft.ts). `reply` is returned without it; show `portalText(reply, jurisdiction, language)`,
 * which appends what the jurisdiction requires. The assistant lints exactly that text.
 */
import type { Account, Jurisdiction, Language } from '../accounts/account';
import { type ContactChannel, checkMessage, type MessageVerdict, type Offer } from '../compliance';
import { describeOption, formatDate, formatMoney, gateOfferOf, requiredDisclosures } from '../drafting/draft';
import { addDays } from '../offers/business-days';
import type {
  Affordability,
  OfferKind,
  OfferOption,
  OfferSet,
  ScheduledPayment,
} from '../offers/plan-calculator';
import { classifyIntent, type Intent, type OptionChoice } from './intents';
import { type NumberedOption, optionList, paymentSchedule, WORDING, type Wording } from './replies';

/** A promise to pay may fall due from today up to this many days ahead. */
export const PROMISE_WINDOW_DAYS = 30;

/** The effects of a turn, for the caller to persist and publish. */
export type ChatAction =
  | {
      readonly type: 'PlanAccepted';
      readonly optionId: string;
      readonly kind: OfferKind;
      readonly totalMinor: number;
      readonly instalments: readonly ScheduledPayment[];
    }
  | { readonly type: 'PromiseToPayRecorded'; readonly amountMinor: number; readonly dueDate: string }
  | {
      readonly type: 'HardshipRegistered';
      readonly monthlyIncomeMinor: number;
      readonly monthlyExpensesMinor: number;
    }
  | { readonly type: 'DisputeOpened' }
  | { readonly type: 'EscalationRequested'; readonly reason: 'customer_request' }
  | { readonly type: 'CeaseRequested' }
  /** The full set of channels the customer now refuses (the account's earlier refusals included). */
  | { readonly type: 'ContactPreferencesChanged'; readonly refusedChannels: readonly ContactChannel[] };

/** The plan shown with its full schedule, awaiting an explicit yes. */
export interface Proposal {
  readonly optionId: string;
  readonly number: number;
  readonly totalMinor: number;
  readonly instalments: readonly ScheduledPayment[];
}

/** Everything the assistant remembers between turns; plain JSON, stored with the conversation. */
export interface ChatState {
  readonly proposal?: Proposal;
  /** Option ids in the order of the last list shown: "option 2" is the second of these. */
  readonly listedOptionIds?: readonly string[];
  readonly promiseDraft?: { readonly amountMinor?: number; readonly dueDate?: string };
  readonly budgetDraft?: Partial<Affordability>;
  /** Declared in this conversation: from then on offers are `offersWithAffordability(affordability)`. */
  readonly affordability?: Affordability;
  readonly disputeOpened?: boolean;
  readonly ceaseRequested?: boolean;
  readonly escalated?: boolean;
  readonly refusedChannels?: readonly ContactChannel[];
  /** Messages in a row not understood: after two, the reply offers a person. */
  readonly unknownStreak?: number;
}

export const INITIAL_CHAT_STATE: ChatState = {};

export interface OfflineTurnInput {
  readonly account: Account;
  readonly offers: OfferSet;
  readonly state: ChatState;
  readonly text: string;
  /** The customer's local date, `YYYY-MM-DD`. */
  readonly today: string;
  /** The conversation's language: replies are in it, whatever language the customer writes. */
  readonly language: Language;
  /** The account's offers recomputed with a declared budget (computeOffers with `affordability`). */
  readonly offersWithAffordability: (affordability: Affordability) => OfferSet;
}

/** Figures a reply states beyond the offer set: the customer's own promise, repeated back. */
export interface ExtraFigures {
  readonly amountsMinor: readonly number[];
  readonly dates: readonly string[];
}

export interface TurnResult {
  readonly reply: string;
  readonly state: ChatState;
  readonly actions: readonly ChatAction[];
  readonly intent: Intent;
  /** The offer set the reply speaks about (recomputed after a declared budget): lint with it. */
  readonly offers: OfferSet;
  readonly extraFigures: ExtraFigures;
  /** The linter's verdict on `portalText(reply, …)`. */
  readonly verdict: MessageVerdict;
  /** The reply failed the linter (or the turn failed) and was replaced by the fixed safe reply. */
  readonly fellBack: boolean;
}

const NO_EXTRA_FIGURES: ExtraFigures = { amountsMinor: [], dates: [] };

/** One customer message in, one checked reply out, the intent read by the rule-based layer. */
export function offlineTurn(input: OfflineTurnInput): TurnResult {
  return turnForIntent(
    input,
    classifyIntent(input.text, input.language, input.account.currency, input.today),
  );
}

/**
 * The turn for an intent however it was read (rules, or a model choosing a tool): the same deterministic
 * services decide, the same templates word the reply, the same linter checks it.
 */
export function turnForIntent(input: OfflineTurnInput, intent: Intent): TurnResult {
  const wording = WORDING[input.language];
  let outcome: Outcome;
  try {
    const context = contextOf(input, wording);
    outcome = handle(context, intent);
  } catch {
    return fallback(input, intent);
  }
  const reply = intent.injectionSuspected
    ? sentences(input.language, wording.injectionNote, outcome.reply)
    : outcome.reply;
  const extraFigures = outcome.extraFigures ?? NO_EXTRA_FIGURES;
  const verdict = lintReply({
    jurisdiction: input.account.jurisdiction,
    language: input.language,
    reply,
    offers: outcome.offers,
    extraFigures,
  });
  if (!verdict.allowed) return fallback(input, intent);
  return {
    reply,
    state: outcome.state,
    actions: outcome.actions ?? [],
    intent,
    offers: outcome.offers,
    extraFigures,
    verdict,
    fellBack: false,
  };
}

/** The text the portal shows: the reply with the disclosures the jurisdiction requires on the portal. */
export function portalText(reply: string, jurisdiction: Jurisdiction, language: Language): string {
  return [reply, ...requiredDisclosures(jurisdiction, 'portal', language)].join('\n\n');
}

/** Every figure a reply may state: the offer set's, plus the extra ones the reply repeats back. */
export function replyGateOffer(offers: OfferSet, extraFigures: ExtraFigures = NO_EXTRA_FIGURES): Offer {
  const offer = gateOfferOf(offers);
  return {
    ...offer,
    amountsMinor: [...new Set([...offer.amountsMinor, ...extraFigures.amountsMinor])],
    dates: [...new Set([...offer.dates, ...extraFigures.dates])],
  };
}

export interface LintReplyInput {
  readonly jurisdiction: Jurisdiction;
  readonly language: Language;
  /** The assistant's reply, without disclosures: they are appended here as the portal shows them. */
  readonly reply: string;
  readonly offers: OfferSet;
  readonly extraFigures?: ExtraFigures;
}

/** The message linter's verdict on a reply as the portal shows it. */
export function lintReply(input: LintReplyInput): MessageVerdict {
  return checkMessage({
    jurisdiction: input.jurisdiction,
    channel: 'portal',
    language: input.language,
    text: portalText(input.reply, input.jurisdiction, input.language),
    offer: replyGateOffer(input.offers, input.extraFigures),
  });
}

/** Sentences run on with a space in English and with none in Chinese. */
const sentences = (language: Language, ...parts: readonly string[]): string =>
  parts.join(language === 'en' ? ' ' : '');

function fallback(input: OfflineTurnInput, intent: Intent): TurnResult {
  const reply = WORDING[input.language].fallback;
  return {
    reply,
    state: input.state,
    actions: [],
    intent,
    offers: input.offers,
    extraFigures: NO_EXTRA_FIGURES,
    verdict: lintReply({
      jurisdiction: input.account.jurisdiction,
      language: input.language,
      reply,
      offers: input.offers,
    }),
    fellBack: true,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Turn handling
// ---------------------------------------------------------------------------------------------------------

interface Context {
  readonly input: OfflineTurnInput;
  readonly account: Account;
  readonly state: ChatState;
  /** The offers in force this turn: the input's, or recomputed with the budget declared earlier. */
  readonly offers: OfferSet;
  readonly language: Language;
  readonly wording: Wording;
}

interface Outcome {
  readonly reply: string;
  readonly state: ChatState;
  readonly offers: OfferSet;
  readonly actions?: readonly ChatAction[];
  readonly extraFigures?: ExtraFigures;
}

function contextOf(input: OfflineTurnInput, wording: Wording): Context {
  const { affordability } = input.state;
  return {
    input,
    account: input.account,
    state: input.state,
    offers: affordability ? input.offersWithAffordability(affordability) : input.offers,
    language: input.language,
    wording,
  };
}

function handle(context: Context, intent: Intent): Outcome {
  switch (intent.type) {
    case 'greeting':
      return said(context, context.wording.greeting);
    case 'show_options':
      return listOptions(context, context.offers.options, context.wording.optionsIntro);
    case 'choose_option':
      return chooseOption(context, intent.choice);
    case 'confirm':
      return intent.injectionSuspected
        ? keepWaiting(context, context.wording.confirmPlainly)
        : confirm(context);
    case 'decline':
      return said(
        context,
        context.state.proposal ? context.wording.declinedProposal : context.wording.declined,
      );
    case 'promise_to_pay':
      return promiseToPay(context, intent);
    case 'hardship':
      return hardship(context, intent);
    case 'dispute':
      return dispute(context);
    case 'request_person':
      return requestPerson(context);
    case 'stop_contact':
      return stopContact(context);
    case 'contact_preferences':
      return contactPreferences(context, intent.refusedChannels);
    case 'discount_request':
      return discountRequest(context);
    case 'unknown':
      return notUnderstood(context);
  }
}

/** What survives a turn that starts something new: proposals and half-given figures are dropped. */
function lasting(state: ChatState): ChatState {
  const {
    proposal: _proposal,
    promiseDraft: _promise,
    budgetDraft: _budget,
    unknownStreak: _streak,
    ...rest
  } = state;
  return rest;
}

function said(context: Context, reply: string, state: ChatState = lasting(context.state)): Outcome {
  return { reply, state, offers: context.offers };
}

/** A reply that leaves the whole state as it was, a pending proposal included. */
function keepWaiting(context: Context, reply: string): Outcome {
  return { reply, state: context.state, offers: context.offers };
}

// --- Options --------------------------------------------------------------------------------------------

function listOptions(context: Context, options: readonly OfferOption[], intro: string): Outcome {
  const { wording, language } = context;
  if (options.length === 0) return said(context, wording.noOptions);
  const numbered = options.map((option, index) => ({ number: index + 1, option }));
  const reply = [intro, optionList(numbered, context.offers.currency, language), wording.pickByNumber].join(
    '\n',
  );
  return said(context, reply, {
    ...lasting(context.state),
    listedOptionIds: options.map((option) => option.id),
  });
}

/** The options as last listed to the customer (the whole offer set when none was listed). */
function listedOptions(context: Context): OfferOption[] {
  const { listedOptionIds } = context.state;
  const all = context.offers.options;
  if (!listedOptionIds) return [...all];
  return listedOptionIds.flatMap((id) => all.filter((option) => option.id === id));
}

function chooseOption(context: Context, choice: OptionChoice): Outcome {
  if (choice.by === 'number') {
    const listed = listedOptions(context);
    const index = choice.number === -1 ? listed.length - 1 : choice.number - 1;
    const option = listed[index];
    if (!option) return said(context, context.wording.optionNotFound(listed.length), context.state);
    return propose(context, { number: index + 1, option }, listed);
  }
  const matches = context.offers.options.filter((option) =>
    choice.by === 'kind'
      ? option.kind === choice.kind
      : option.termMonths === choice.termMonths &&
        (option.kind === 'instalment' || option.kind === 'hardship'),
  );
  const [only] = matches;
  if (matches.length === 0)
    return listOptions(context, context.offers.options, context.wording.unavailableChoice);
  if (matches.length > 1 || !only) return listOptions(context, matches, context.wording.matchingOptions);
  const listed = listedOptions(context);
  const position = listed.findIndex((option) => option.id === only.id);
  // Keep the number the customer saw; an option not in the last list is numbered within the whole set.
  if (position >= 0) return propose(context, { number: position + 1, option: only }, listed);
  const all = context.offers.options;
  return propose(context, { number: all.indexOf(only) + 1, option: only }, all);
}

/** Shows the option with every due date and amount, and waits for an explicit confirmation. */
function propose(
  context: Context,
  { number, option }: NumberedOption,
  listed: readonly OfferOption[],
  preface?: string,
): Outcome {
  const { wording, language } = context;
  const currency = context.offers.currency;
  const text = wording.proposal(
    number,
    describeOption(option, currency, language),
    paymentSchedule(option, currency, language),
  );
  const proposal: Proposal = {
    optionId: option.id,
    number,
    totalMinor: option.totalMinor,
    instalments: option.instalments,
  };
  return said(context, preface ? `${preface}\n${text}` : text, {
    ...lasting(context.state),
    listedOptionIds: listed.map((listedOption) => listedOption.id),
    proposal,
  });
}

function sameSchedule(proposal: Proposal, option: OfferOption): boolean {
  return (
    proposal.totalMinor === option.totalMinor &&
    proposal.instalments.length === option.instalments.length &&
    proposal.instalments.every(
      (payment, index) =>
        payment.dueDate === option.instalments[index]?.dueDate &&
        payment.amountMinor === option.instalments[index]?.amountMinor,
    )
  );
}

/** Accepts the proposal only if the schedule shown is still exactly the one on offer. */
function confirm(context: Context): Outcome {
  const { proposal } = context.state;
  const { wording } = context;
  if (!proposal) return said(context, wording.nothingToConfirm);
  const option = context.offers.options.find((candidate) => candidate.id === proposal.optionId);
  if (!option) return listOptions(context, context.offers.options, wording.proposalGone);
  if (!sameSchedule(proposal, option)) {
    const listed = listedOptions(context);
    return propose(context, { number: proposal.number, option }, listed, wording.scheduleChanged);
  }
  const accepted: ChatAction = {
    type: 'PlanAccepted',
    optionId: option.id,
    kind: option.kind,
    totalMinor: option.totalMinor,
    instalments: option.instalments,
  };
  const line = describeOption(option, context.offers.currency, context.language);
  return { ...said(context, wording.planAccepted(line)), actions: [accepted] };
}

// --- Promise to pay -------------------------------------------------------------------------------------

type PromiseIntent = Extract<Intent, { type: 'promise_to_pay' }>;

function validPromiseAmount(amountMinor: number, account: Account): boolean {
  return Number.isSafeInteger(amountMinor) && amountMinor > 0 && amountMinor <= account.balanceMinor;
}

function validPromiseDate(dueDate: string, today: string): boolean {
  return dueDate >= today && dueDate <= addDays(today, PROMISE_WINDOW_DAYS);
}

/**
 * Merges what the customer said with what they said before, keeps only valid figures, and records the
 * promise once both are valid. The ceiling is the balance: paying more than the arrears is welcome, more
 * than what is owed is not a promise we can record.
 */
function promiseToPay(context: Context, intent: PromiseIntent): Outcome {
  const { account, wording, language, input } = context;
  const amountMinor = intent.amountMinor ?? context.state.promiseDraft?.amountMinor;
  const dueDate = intent.dueDate ?? context.state.promiseDraft?.dueDate;
  const amountOk = amountMinor !== undefined && validPromiseAmount(amountMinor, account);
  const dateOk = dueDate !== undefined && validPromiseDate(dueDate, input.today);
  if (amountOk && dateOk) {
    const amount = formatMoney(amountMinor, account.currency, language);
    const recorded: ChatAction = { type: 'PromiseToPayRecorded', amountMinor, dueDate };
    return {
      ...said(context, wording.promiseRecorded(amount, formatDate(dueDate, language))),
      actions: [recorded],
      extraFigures: { amountsMinor: [amountMinor], dates: [dueDate] },
    };
  }
  const problems = [
    ...(amountMinor !== undefined && !amountOk
      ? [wording.amountInvalid(formatMoney(account.balanceMinor, account.currency, language))]
      : []),
    ...(dueDate !== undefined && !dateOk ? [wording.dateInvalid] : []),
  ];
  const question = amountOk ? wording.askDate : dateOk ? wording.askAmount : wording.askAmountAndDate;
  const promiseDraft = { ...(amountOk ? { amountMinor } : {}), ...(dateOk ? { dueDate } : {}) };
  return said(context, sentences(language, ...problems, question), {
    ...lasting(context.state),
    promiseDraft,
  });
}

// --- Hardship -------------------------------------------------------------------------------------------

type HardshipIntent = Extract<Intent, { type: 'hardship' }>;

function hardship(context: Context, intent: HardshipIntent): Outcome {
  const { wording } = context;
  const budget: Partial<Affordability> = {
    ...context.state.budgetDraft,
    ...(intent.monthlyIncomeMinor === undefined ? {} : { monthlyIncomeMinor: intent.monthlyIncomeMinor }),
    ...(intent.monthlyExpensesMinor === undefined
      ? {}
      : { monthlyExpensesMinor: intent.monthlyExpensesMinor }),
  };
  const { monthlyIncomeMinor, monthlyExpensesMinor } = budget;
  if (monthlyIncomeMinor !== undefined && monthlyExpensesMinor !== undefined) {
    return registerHardship(context, { monthlyIncomeMinor, monthlyExpensesMinor });
  }
  const question =
    monthlyIncomeMinor !== undefined
      ? wording.askExpenses
      : monthlyExpensesMinor !== undefined
        ? wording.askIncome
        : wording.askBudget;
  return said(context, question, { ...lasting(context.state), budgetDraft: budget });
}

/** Records the budget and lists the options recomputed under it that fit it (or the lightest one). */
function registerHardship(context: Context, affordability: Affordability): Outcome {
  const offers = context.input.offersWithAffordability(affordability);
  const recomputed: Context = { ...context, offers, state: { ...lasting(context.state), affordability } };
  const registered: ChatAction = { type: 'HardshipRegistered', ...affordability };
  const affordable = offers.options.filter((option) => option.affordable !== false);
  const lightest = [...offers.options]
    .sort((a, b) => a.monthlyAmountMinor - b.monthlyAmountMinor)
    .slice(0, 1);
  const { wording } = context;
  const outcome =
    affordable.length > 0
      ? listOptions(recomputed, affordable, wording.affordableIntro)
      : lightest.length > 0
        ? listOptions(recomputed, lightest, wording.noneAffordableIntro)
        : said(recomputed, wording.hardshipNoOptions, recomputed.state);
  return { ...outcome, actions: [registered] };
}

// --- Protective requests: always honoured, never repeated -------------------------------------------------

function dispute(context: Context): Outcome {
  const { wording } = context;
  if (context.account.flags.dispute || context.state.disputeOpened)
    return said(context, wording.disputeAlreadyOpen);
  const state = { ...lasting(context.state), disputeOpened: true };
  return { ...said(context, wording.disputeOpened, state), actions: [{ type: 'DisputeOpened' }] };
}

function requestPerson(context: Context): Outcome {
  const { wording } = context;
  if (context.state.escalated) return said(context, wording.personAlreadyRequested);
  const state = { ...lasting(context.state), escalated: true };
  return {
    ...said(context, wording.personRequested, state),
    actions: [{ type: 'EscalationRequested', reason: 'customer_request' }],
  };
}

function stopContact(context: Context): Outcome {
  const { wording } = context;
  if (context.account.flags.ceaseRequested || context.state.ceaseRequested) {
    return said(context, wording.ceaseAlreadyRecorded);
  }
  const state = { ...lasting(context.state), ceaseRequested: true };
  return { ...said(context, wording.ceaseRecorded, state), actions: [{ type: 'CeaseRequested' }] };
}

const CHANNEL_ORDER: readonly ContactChannel[] = ['call', 'sms', 'email'];

function contactPreferences(context: Context, named: readonly ContactChannel[]): Outcome {
  const before = new Set([
    ...context.account.customer.contactPreferences.refusedChannels,
    ...(context.state.refusedChannels ?? []),
  ]);
  const refusedChannels = CHANNEL_ORDER.filter((channel) => before.has(channel) || named.includes(channel));
  const reply = context.wording.channelsRefused(named);
  if (refusedChannels.length === before.size) return said(context, reply);
  const state = { ...lasting(context.state), refusedChannels };
  return {
    ...said(context, reply, state),
    actions: [{ type: 'ContactPreferencesChanged', refusedChannels }],
  };
}

// --- Discounts: the policy answer -------------------------------------------------------------------------

function discountRequest(context: Context): Outcome {
  const { wording, language } = context;
  const options = context.offers.options;
  const settlementIndex = options.findIndex((option) => option.kind === 'settlement');
  const settlement = options[settlementIndex];
  const listedOptionIds = options.map((option) => option.id);
  if (options.length === 0) return said(context, sentences(language, wording.policyOnly, wording.noOptions));
  if (!settlement) {
    return listOptions(context, options, sentences(language, wording.policyOnly, wording.noSettlement));
  }
  const number = settlementIndex + 1;
  const line = optionList([{ number, option: settlement }], context.offers.currency, language);
  const intro = sentences(language, wording.policyOnly, wording.settlementAvailable(number));
  const reply = [intro, line, wording.pickByNumber].join('\n');
  return said(context, reply, { ...lasting(context.state), listedOptionIds });
}

// --- Not understood -------------------------------------------------------------------------------------

/** Keeps everything (a pending proposal stays pending) and says what the assistant can do. */
function notUnderstood(context: Context): Outcome {
  const { wording, state } = context;
  const unknownStreak = (state.unknownStreak ?? 0) + 1;
  const parts = [
    wording.notUnderstood,
    ...(state.proposal ? [wording.pendingReminder(state.proposal.number)] : []),
    ...(unknownStreak >= 2 ? [wording.offerPerson] : []),
  ];
  return said(context, sentences(context.language, ...parts), { ...state, unknownStreak });
}
