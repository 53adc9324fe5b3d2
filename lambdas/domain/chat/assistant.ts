/**
 * The portal assistant: one customer message in, one checked reply out, with the conversation's memory
 * and the decisions for the caller to persist and publish. The message is read once (`understand`, or a
 * model choosing from the same taxonomy) and then the dialogue decides what it means here:
 *
 * - an answer to the assistant's own question ("1800" after "how much comes in each month?"), a yes or no to
 *   what it read back, or a correction ("no, the 20th");
 * - otherwise a new ask, done at once when the reading is sure, after one clarifying question when it is not
 *   ("do you mean …?", about the protected ask when one is in play), and with a person offered when it
 *   still is not: asks with legal weight are never missed quietly;
 * - a mention of self-harm is answered with the crisis line and a person at once, whatever else it says.
 *
 * Guarantees:
 * - Numbers come from code: a reply states only figures of the offer set, of the account's statements, or
 *   the customer's own validated figures, returned as `extraFigures` so the linter checks every one.
 * - Nothing the customer types changes policy: options come from the calculator under the offer policy; a
 *   discount request gets the policy answer; manipulation is flagged and unlocks nothing.
 * - Nothing binding comes from an ambiguous message: a plan or a promise is read back and recorded only on
 *   an explicit yes.
 * - Every reply passes the message linter with the session's disclosures before it is returned; one that
 *   does not is replaced by a fixed safe reply, with no actions and the state unchanged.
 *
 * Disclosures: the policy pack's portal disclosures (the US mini-Miranda) are shown once per conversation and
 * language, with the first reply in it (`disclosures` on the result), not under every bubble. Each reply is
 * linted as part of that session: the reply with the session's disclosures (`lintReply`).
 */
import type { Jurisdiction, Language } from '../accounts/account';
import { checkMessage, checkTemplate, type MessageVerdict, type Offer } from '../compliance';
import { requiredDisclosures } from '../compliance/disclosures';
import { gateOfferOf } from '../drafting/draft';
import type { OfferSet } from '../offers/plan-calculator';
import {
  alreadyPaid,
  arrangement,
  bankruptcy,
  chooseOption,
  complaint,
  confirmPlan,
  contactPreferences,
  deceased,
  discountRequest,
  dispute,
  explainBalance,
  fraud,
  hardship,
  holdOf,
  legalRepresentation,
  listOptions,
  offerPerson,
  onHold,
  promise,
  recordPromise,
  requestPerson,
  scheduleToShow,
  showFullSchedule,
  stopContact,
  usableBudget,
  vulnerability,
  withCrisis,
} from './asks';
import {
  asksFullSchedule,
  bareFigure,
  cleanText,
  contactHoursIn,
  mentionsSelfHarm,
  namesOtherAccount,
} from './dialogue-readers';
import { WORDING } from './replies';
import { type IntentName, PROTECTED_INTENTS, type Slots, type Understanding } from './taxonomy';
import {
  type ChatAction,
  type ChatState,
  type Context,
  type ExtraFigures,
  type Facts,
  keepWaiting,
  lasting,
  NO_EXTRA_FIGURES,
  type Outcome,
  type Pending,
  said,
  sentences,
  type TurnInput,
  withPending,
} from './turn';
import { type MessageContext, understand } from './understanding';

export {
  type Budget,
  type ChatAction,
  type ChatState,
  type ExtraFigures,
  INITIAL_CHAT_STATE,
  PROMISE_WINDOW_DAYS,
  readChatState,
  type TurnInput,
} from './turn';

/** Below this confidence a reading is not acted on without asking once (when there is a close second). */
export const CLARIFY_BELOW = 0.6;

export interface TurnResult {
  readonly reply: string;
  /** The session's disclosures, shown with this reply: only with the first reply in each language. */
  readonly disclosures: readonly string[];
  readonly state: ChatState;
  readonly actions: readonly ChatAction[];
  /** The message's reading the turn acted on. */
  readonly reading: Understanding;
  /** The offer set the reply speaks about (recomputed after a declared budget): lint with it. */
  readonly offers: OfferSet;
  readonly extraFigures: ExtraFigures;
  /** The linter's verdict on the reply within its session (see `lintReply`). */
  readonly verdict: MessageVerdict;
  /** The reply failed the linter (or the turn failed) and was replaced by the fixed safe reply. */
  readonly fellBack: boolean;
  /** The linter's verdict on the reply it stopped, when that is why the turn fell back. */
  readonly blocked?: MessageVerdict;
}

/** One customer message in, read by the offline classifier, one checked reply out. */
export function offlineTurn(input: TurnInput): TurnResult {
  return turnFor(input, readMessage(input.text, messageContextOf(input)));
}

/** The offline reading of a message as the assistant sees it (invisible characters removed). */
export function readMessage(text: string, context: MessageContext): Understanding {
  return understand(cleanText(text), context);
}

export const messageContextOf = (input: TurnInput): MessageContext => ({
  language: input.language,
  currency: input.account.currency,
  today: input.today,
});

/**
 * The turn for a message however it was read (the offline classifier, or a model choosing a tool): the same
 * dialogue and deterministic services decide, the same templates word the reply, the same linter checks it.
 */
export function turnFor(input: TurnInput, reading: Understanding): TurnResult {
  const text = cleanText(input.text);
  let outcome: Outcome;
  let notes: string[];
  try {
    const context = contextOf(input, reading, text);
    outcome = text === '' ? keepWaiting(context, context.wording.empty) : respond(context);
    notes = [
      reading.injection ? context.wording.injectionNote : '',
      context.facts.otherAccount ? context.wording.otherAccount : '',
    ].filter(Boolean);
  } catch {
    return fallback(input, reading);
  }
  const reply = notes.length > 0 ? `${sentences(input.language, ...notes)}\n${outcome.reply}` : outcome.reply;
  const extraFigures = outcome.extraFigures ?? NO_EXTRA_FIGURES;
  const verdict = lintReply({
    jurisdiction: input.account.jurisdiction,
    language: input.language,
    reply,
    offers: outcome.offers,
    extraFigures,
  });
  if (!verdict.allowed) return { ...fallback(input, reading), blocked: verdict };
  const disclosed = disclosure(input);
  return {
    reply,
    disclosures: disclosed.disclosures,
    state: { ...outcome.state, disclosed: disclosed.languages },
    actions: outcome.actions ?? [],
    reading,
    offers: outcome.offers,
    extraFigures,
    verdict,
    fellBack: false,
  };
}

/** The disclosures the portal needs in a jurisdiction and language (the US mini-Miranda; none in China). */
export function sessionDisclosures(jurisdiction: Jurisdiction, language: Language): string[] {
  return requiredDisclosures(jurisdiction, 'portal', language);
}

/** What to show with this reply: the session's disclosures, the first time in this language. */
function disclosure(input: TurnInput): { disclosures: string[]; languages: Language[] } {
  const shown = input.state.disclosed ?? [];
  if (shown.includes(input.language)) return { disclosures: [], languages: [...shown] };
  return {
    disclosures: sessionDisclosures(input.account.jurisdiction, input.language),
    languages: [...shown, input.language],
  };
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
  /** The assistant's reply as shown in its bubble. */
  readonly reply: string;
  readonly offers: OfferSet;
  readonly extraFigures?: ExtraFigures;
  /** An agent's own words are free text; the assistant's replies are its templates (see `checkTemplate`). */
  readonly authored?: 'template' | 'free_text';
}

/**
 * The message linter's verdict on a reply within its chat session: the reply together with the session's
 * disclosures, which the page shows once at the top of the conversation (and again after a language switch)
 * rather than under every bubble. The gate checks the disclosures are there, the reply's content and every
 * figure in it, exactly as it would a message carrying the disclosures itself.
 */
export function lintReply(input: LintReplyInput): MessageVerdict {
  const check = input.authored === 'free_text' ? checkMessage : checkTemplate;
  return check({
    jurisdiction: input.jurisdiction,
    channel: 'portal',
    language: input.language,
    text: [input.reply, ...sessionDisclosures(input.jurisdiction, input.language)].join('\n\n'),
    offer: replyGateOffer(input.offers, input.extraFigures),
  });
}

function fallback(input: TurnInput, reading: Understanding): TurnResult {
  const reply = WORDING[input.language].fallback;
  const disclosed = disclosure(input);
  return {
    reply,
    disclosures: disclosed.disclosures,
    state: { ...input.state, disclosed: disclosed.languages },
    actions: [],
    reading,
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
// The dialogue
// ---------------------------------------------------------------------------------------------------------

function contextOf(input: TurnInput, reading: Understanding, text: string): Context {
  const { budget } = input.state;
  return {
    input,
    account: input.account,
    state: input.state,
    offers: budget && usableBudget(budget) ? input.offersFor(budget) : input.offers,
    language: input.language,
    wording: WORDING[input.language],
    reading,
    facts: factsOf(text, input),
  };
}

function factsOf(text: string, input: TurnInput): Facts {
  const figure = bareFigure(text, input.account.currency);
  const contactHours = contactHoursIn(text);
  return {
    selfHarm: mentionsSelfHarm(text),
    otherAccount: namesOtherAccount(text, input.account.accountId),
    fullSchedule: asksFullSchedule(text),
    ...(figure === undefined ? {} : { figure }),
    ...(contactHours === undefined ? {} : { contactHours }),
  };
}

function respond(context: Context): Outcome {
  const { reading, facts, state } = context;
  if (facts.selfHarm) {
    return reading.intent === 'deceased'
      ? withCrisis(context, deceased(context))
      : vulnerability(context, true);
  }
  const answer = state.pending ? answerTo(context, state.pending) : undefined;
  if (answer) return answer;
  const schedule = facts.fullSchedule ? scheduleToShow(context) : undefined;
  if (
    schedule &&
    (reading.intent === 'unknown' || reading.intent === 'show_options' || reading.confidence < CLARIFY_BELOW)
  )
    return showFullSchedule(context, schedule);
  return decide(context);
}

/** A bare option number ("2", "#2", "2.", "２") while options are listed; else undefined. */
function pickedByNumber(context: Context): number | undefined {
  const listed = context.state.listedOptionIds;
  if (!listed || listed.length === 0) return undefined;
  const match = /^\s*(?:#|no\.?\s*)?(\d{1,2})\s*[.)。]?\s*$/i.exec(context.input.text.normalize('NFKC'));
  const number = match ? Number(match[1]) : Number.NaN;
  return number >= 1 && number <= listed.length ? number : undefined;
}

const yes = (context: Context) => context.reading.intent === 'confirm';
const no = (context: Context) => context.reading.intent === 'decline';

/** Asks that are confidently something other than an answer. */
function confidentlyOther(context: Context, ...related: IntentName[]): boolean {
  const { intent, confidence } = context.reading;
  return (
    !['unknown', 'confirm', 'decline', 'greeting', ...related].includes(intent) && confidence >= CLARIFY_BELOW
  );
}

/** The message as the answer to the assistant's open question, or undefined when it is something else. */
function answerTo(context: Context, pending: Pending): Outcome | undefined {
  const { reading, wording } = context;
  switch (pending.kind) {
    case 'plan':
      if (yes(context))
        return reading.injection
          ? keepWaiting(context, wording.confirmPlainly)
          : confirmPlan(context, pending);
      if (no(context)) return said(context, wording.declinedProposal);
      if (context.facts.fullSchedule && !confidentlyOther(context, 'show_options'))
        return keepWaiting(context, showFullSchedule(context, pending.instalments).reply);
      return undefined;
    case 'promise': {
      const { amountMinor, date } = reading.slots;
      const correction = amountMinor !== undefined || date !== undefined;
      if (correction && !confidentlyOther(context, 'promise_to_pay', 'payment_arrangement'))
        return promise(
          context,
          { amountMinor, date },
          {
            base: { amountMinor: pending.amountMinor, dueDate: pending.dueDate },
            preface: wording.promiseUpdated,
          },
        );
      if (yes(context))
        return reading.injection
          ? keepWaiting(context, wording.confirmPlainly)
          : recordPromise(context, pending);
      if (no(context))
        return withPending(context, wording.promiseNotNoted, { kind: 'figure', want: 'promise' });
      return undefined;
    }
    case 'figure':
      return answerFigure(context, pending);
    case 'clarify':
      if (yes(context))
        return handle(context, pending.intent, { ...(pending.slots as Slots), ...reading.slots });
      if (no(context))
        return pending.otherwise && pending.otherwise !== 'unknown'
          ? handle(context, pending.otherwise, { ...(pending.slots as Slots), ...reading.slots })
          : said(context, wording.tellMeMore, { ...lasting(context.state), clarified: true });
      return undefined;
    case 'person':
      if (yes(context)) return requestPerson(context);
      if (no(context)) return said(context, wording.declined);
      return undefined;
    case 'contact': {
      const { refusedChannels, noWorkplace, noThirdParties } = reading.slots;
      if ((refusedChannels?.length ?? 0) > 0 || noWorkplace || noThirdParties || context.facts.contactHours)
        return contactPreferences(context, reading.slots, context.facts.contactHours);
      return undefined;
    }
  }
}

/** "How much?", "which date?", "your monthly income?": the slot, or a bare figure, answers it. */
function answerFigure(context: Context, pending: Extract<Pending, { kind: 'figure' }>): Outcome | undefined {
  const { reading, facts, wording } = context;
  const { slots } = reading;
  const { want } = pending;
  if (want === 'income' || want === 'expenses') {
    const field = want === 'income' ? 'monthlyIncomeMinor' : 'monthlyExpensesMinor';
    if (facts.figure !== undefined) {
      // A figure on its own ("about 1,650 a month") answers the question asked, whatever else it could mean.
      const { affordableMinor: _readAsAffordable, ...rest } = slots;
      return hardship(context, { ...rest, [field]: facts.figure });
    }
    const stated =
      slots.monthlyIncomeMinor !== undefined ||
      slots.monthlyExpensesMinor !== undefined ||
      slots.affordableMinor !== undefined;
    if (stated) return hardship(context, slots);
    if (slots.amountMinor !== undefined) return hardship(context, { ...slots, [field]: slots.amountMinor });
  } else {
    const amountMinor = slots.amountMinor ?? (want === 'promise_date' ? undefined : facts.figure);
    if (
      (amountMinor !== undefined || slots.date !== undefined) &&
      !confidentlyOther(context, 'promise_to_pay')
    )
      return promise(context, { amountMinor, date: slots.date });
  }
  if (confidentlyOther(context, want === 'income' || want === 'expenses' ? 'hardship' : 'promise_to_pay'))
    return undefined;
  if (reading.intent !== 'unknown') return undefined;
  const tries = (pending.tries ?? 0) + 1;
  if (tries >= 2) return offerPerson(context, wording.stillUnsure);
  return keepWaiting(
    { ...context, state: { ...context.state, pending: { ...pending, tries } } },
    wording.askAgain(want),
  );
}

/** A new ask: acted on when the reading is sure, else one clarifying question, then a person. */
function decide(context: Context): Outcome {
  const { intent, confidence, runnerUp, slots } = context.reading;
  // "2" just after a list that ends "reply with an option number" is that option.
  const picked = pickedByNumber(context);
  if (picked !== undefined && (intent === 'unknown' || intent === 'choose_option'))
    return handle(context, 'choose_option', { ...slots, optionNumber: picked });
  if (intent === 'unknown') {
    if (runnerUp && PROTECTED_INTENTS.has(runnerUp)) return clarify(context, runnerUp, undefined);
    return notUnderstood(context);
  }
  const close = runnerUp !== undefined && runnerUp !== intent ? runnerUp : undefined;
  if (confidence < CLARIFY_BELOW && (close !== undefined || PROTECTED_INTENTS.has(intent))) {
    const target = PROTECTED_INTENTS.has(intent) || !close || !PROTECTED_INTENTS.has(close) ? intent : close;
    return clarify(context, target, target === intent ? close : intent);
  }
  return handle(context, intent, slots);
}

/** "Do you mean …?", once; asked again before it was resolved, a person is offered instead. */
function clarify(context: Context, intent: IntentName, otherwise: IntentName | undefined): Outcome {
  const { wording } = context;
  if (context.state.clarified) return offerPerson(context, wording.stillUnsure);
  const pending: Pending = {
    kind: 'clarify',
    intent,
    ...(otherwise ? { otherwise } : {}),
    slots: { ...context.reading.slots },
  };
  return {
    reply: wording.clarify(wording.meaning(intent)),
    state: { ...lasting(context.state), pending, clarified: true },
    offers: context.offers,
  };
}

/** Keeps a pending plan or promise, reminds of it, and after two misses in a row offers a person. */
function notUnderstood(context: Context): Outcome {
  const { wording, state, language } = context;
  const unknownStreak = (state.unknownStreak ?? 0) + 1;
  if (unknownStreak >= 2) {
    const outcome = offerPerson(context, wording.notUnderstood);
    return { ...outcome, state: { ...outcome.state, unknownStreak } };
  }
  const pending = state.pending;
  const reminder =
    pending?.kind === 'plan'
      ? wording.pendingReminder('plan', pending.number)
      : pending?.kind === 'promise'
        ? wording.pendingReminder('promise')
        : '';
  return said(context, sentences(language, wording.notUnderstood, reminder), { ...state, unknownStreak });
}

const COLLECTION_ASKS: ReadonlySet<IntentName> = new Set([
  'show_options',
  'choose_option',
  'promise_to_pay',
  'payment_arrangement',
  'hardship',
  'discount_request',
]);

/** The ask done: the deterministic service behind it, with what the message stated. */
function handle(context: Context, intent: IntentName, slots: Slots): Outcome {
  const { wording } = context;
  const hold = COLLECTION_ASKS.has(intent) ? holdOf(context) : undefined;
  if (hold) return onHold(context, hold);
  switch (intent) {
    case 'greeting':
      return said(context, wording.greeting);
    case 'show_options':
      return listOptions(context, context.offers.options, wording.optionsIntro);
    case 'choose_option':
      return chooseOption(context, slots);
    case 'confirm':
      return said(context, wording.nothingToConfirm);
    case 'decline':
      return said(context, wording.declined);
    case 'promise_to_pay':
      return promise(context, { amountMinor: slots.amountMinor, date: slots.date });
    case 'payment_arrangement':
      return arrangement(context, slots);
    case 'hardship':
      return hardship(context, slots);
    case 'explain_balance':
      return holdOf(context) === 'deceased' ? onHold(context, 'deceased') : explainBalance(context);
    case 'already_paid':
      return alreadyPaid(context, slots);
    case 'dispute':
      return dispute(context);
    case 'fraud':
      return fraud(context);
    case 'request_person':
      return requestPerson(context);
    case 'stop_contact':
      return stopContact(context);
    case 'contact_preferences':
      return contactPreferences(context, slots, context.facts.contactHours);
    case 'discount_request':
      return discountRequest(context);
    case 'legal_representation':
      return legalRepresentation(context);
    case 'bankruptcy':
      return bankruptcy(context);
    case 'deceased':
      return deceased(context);
    case 'vulnerability':
      return vulnerability(context, false);
    case 'complaint':
      return complaint(context);
    case 'unknown':
      return notUnderstood(context);
  }
}
