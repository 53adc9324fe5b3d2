/**
 * What the assistant does for each ask of the taxonomy, through the same deterministic services as the rest
 * of the product: the plan calculator's offers (never a figure of its own), the account's statements, and
 * decisions returned as actions for the caller to publish. Protective asks are recorded once per
 * conversation and say what happens next; nothing that commits the customer (a plan, a promise) is recorded
 * before the customer confirmed it as read back to them.
 */
import type { Account } from '../accounts/account';
import type { ContactChannel } from '../compliance';
import { addDays } from '../offers/business-days';
import type { OfferOption, ScheduledPayment } from '../offers/plan-calculator';
import type { ContactHours } from './dialogue-readers';
import { day, fullSchedule, money, month, optionLine, scheduleText } from './readable';
import type { HoldKind, PreferenceChange } from './replies';
import {
  type Budget,
  type ChatAction,
  type ChatState,
  type Context,
  figures,
  lasting,
  type Outcome,
  type Pending,
  PROMISE_WINDOW_DAYS,
  recorded,
  type Slots,
  said,
  sentences,
  withPending,
  withRecorded,
} from './turn';

// --- Holds ----------------------------------------------------------------------------------------------

/** The account (or this conversation) is with a team that must not be pre-empted by a payment ask. */
export function holdOf(context: Context): HoldKind | undefined {
  const { flags, jurisdiction } = context.account;
  const has = (what: Parameters<typeof recorded>[1]) => recorded(context, what);
  if (flags.deceased || has('deceased')) return 'deceased';
  if (flags.bankrupt || has('bankruptcy')) return 'bankruptcy';
  if (flags.fraudReported || has('fraud')) return 'fraud';
  if (flags.dispute || has('dispute')) return 'dispute';
  if (jurisdiction === 'US' && (flags.legalRepresentation || has('legal_representation')))
    return 'legal_representation';
  return undefined;
}

export function onHold(context: Context, hold: HoldKind): Outcome {
  return said(context, context.wording.onHold[hold]);
}

// --- Options and plans ------------------------------------------------------------------------------------

export function listOptions(context: Context, options: readonly OfferOption[], intro: string): Outcome {
  const { wording, language } = context;
  if (options.length === 0)
    return said(
      context,
      sentences(
        language,
        intro === wording.optionsIntro ? '' : intro,
        // An agreed plan replaced the options: say so, rather than "no options".
        context.account.repaymentPlan ? wording.planInPlace : wording.noOptions,
      ),
    );
  const lines = options.map(
    (option, index) => `${index + 1}) ${optionLine(option, context.offers.currency, language)}`,
  );
  return said(context, [intro, ...lines, wording.pickByNumber].join('\n'), {
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

export function chooseOption(context: Context, slots: Slots): Outcome {
  const { wording } = context;
  if (slots.optionNumber !== undefined) {
    const listed = listedOptions(context);
    const index = slots.optionNumber === -1 ? listed.length - 1 : slots.optionNumber - 1;
    const option = listed[index];
    if (!option) return said(context, wording.optionNotFound(listed.length), context.state);
    return propose(context, option, listed);
  }
  const matches = context.offers.options.filter((option) =>
    slots.kind !== undefined
      ? option.kind === slots.kind &&
        (slots.termMonths === undefined || option.termMonths === slots.termMonths)
      : option.termMonths === slots.termMonths &&
        (option.kind === 'instalment' || option.kind === 'hardship'),
  );
  const [only] = matches;
  if (slots.kind === undefined && slots.termMonths === undefined)
    return listOptions(context, context.offers.options, wording.optionsIntro);
  if (!only) return listOptions(context, context.offers.options, wording.unavailableChoice);
  if (matches.length > 1) return listOptions(context, matches, wording.matchingOptions);
  return propose(context, only, listedOptions(context));
}

/**
 * Shows the option with its payments (in full when short, else summarised with the full list on request)
 * and waits for an explicit confirmation. The option keeps the number the customer saw; one not in the
 * last list is numbered within the whole set.
 */
export function propose(
  context: Context,
  option: OfferOption,
  listed: readonly OfferOption[],
  preface?: string,
): Outcome {
  const { wording, language } = context;
  const currency = context.offers.currency;
  const inListed = listed.findIndex((candidate) => candidate.id === option.id);
  const shownIn = inListed >= 0 ? listed : context.offers.options;
  const number = shownIn.findIndex((candidate) => candidate.id === option.id) + 1;
  const schedule = scheduleText(option.instalments, currency, language);
  const text = wording.proposal(
    number,
    optionLine(option, currency, language),
    schedule.text,
    schedule.summarised,
  );
  const pending: Pending = {
    kind: 'plan',
    optionId: option.id,
    number,
    totalMinor: option.totalMinor,
    instalments: [...option.instalments],
  };
  return {
    reply: preface ? `${preface}\n${text}` : text,
    state: {
      ...lasting(context.state),
      listedOptionIds: shownIn.map((candidate) => candidate.id),
      pending,
      schedule: [...option.instalments],
    },
    offers: context.offers,
  };
}

function sameSchedule(pending: Extract<Pending, { kind: 'plan' }>, option: OfferOption): boolean {
  return (
    pending.totalMinor === option.totalMinor &&
    pending.instalments.length === option.instalments.length &&
    pending.instalments.every(
      (payment, index) =>
        payment.dueDate === option.instalments[index]?.dueDate &&
        payment.amountMinor === option.instalments[index]?.amountMinor,
    )
  );
}

/** Accepts the proposal only if the schedule shown is still exactly the one on offer. */
export function confirmPlan(context: Context, pending: Extract<Pending, { kind: 'plan' }>): Outcome {
  const { wording } = context;
  const option = context.offers.options.find((candidate) => candidate.id === pending.optionId);
  if (!option) return listOptions(context, context.offers.options, wording.proposalGone);
  if (!sameSchedule(pending, option))
    return propose(context, option, listedOptions(context), wording.scheduleChanged);
  const accepted: ChatAction = {
    type: 'PlanAccepted',
    optionId: option.id,
    kind: option.kind,
    totalMinor: option.totalMinor,
    instalments: option.instalments,
  };
  const line = optionLine(option, context.offers.currency, context.language);
  return { ...said(context, wording.planAccepted(line)), actions: [accepted] };
}

/** Every payment of the schedule shown last (or of the account's agreed plan). */
export function showFullSchedule(context: Context, payments: readonly ScheduledPayment[]): Outcome {
  const { wording, language } = context;
  const reply = `${wording.fullScheduleIntro}\n${fullSchedule(payments, context.offers.currency, language)}`;
  return {
    reply,
    state: context.state,
    offers: context.offers,
    extraFigures: figures(
      payments.map((p) => p.amountMinor),
      payments.map((p) => p.dueDate),
    ),
  };
}

/** The schedule "show the full schedule" refers to: the one waiting, the last shown, or the agreed plan. */
export function scheduleToShow(context: Context): readonly ScheduledPayment[] | undefined {
  const { pending, schedule } = context.state;
  if (pending?.kind === 'plan') return pending.instalments;
  return schedule ?? context.account.repaymentPlan?.instalments;
}

// --- The customer's own schedule ------------------------------------------------------------------------

const spreadKinds = (option: OfferOption) => option.kind === 'instalment' || option.kind === 'hardship';

/**
 * "Can I pay 100 a month?" / "split it in 3": the nearest plan the calculator allows, proposed with its
 * payments (so nothing is agreed until the customer confirms), or why there is none.
 */
export function arrangement(context: Context, slots: Slots): Outcome {
  const { wording, language } = context;
  const plans = context.offers.options.filter(spreadKinds);
  const currency = context.offers.currency;
  if (plans.length === 0) {
    return context.offers.options.length > 0
      ? listOptions(context, context.offers.options, wording.arrangementOnlyOthers)
      : offerPerson(context, wording.arrangementNone);
  }
  const asked = slots.termMonths;
  if (asked !== undefined) {
    const exact = plans.find((plan) => plan.termMonths === asked);
    if (exact) return propose(context, exact, listedOptions(context), wording.arrangementExact(asked));
    const nearest = [...plans].sort(
      (a, b) =>
        Math.abs(a.termMonths - asked) - Math.abs(b.termMonths - asked) || a.termMonths - b.termMonths,
    )[0]!;
    return propose(
      context,
      nearest,
      listedOptions(context),
      wording.arrangementNearest(asked, nearest.termMonths),
    );
  }
  const monthly = slots.affordableMinor;
  if (monthly !== undefined) {
    const fitting = plans.filter((plan) => plan.monthlyAmountMinor <= monthly);
    const amount = money(monthly, currency, language);
    if (fitting.length > 0) {
      const soonest = [...fitting].sort((a, b) => a.termMonths - b.termMonths)[0]!;
      const outcome = propose(context, soonest, listedOptions(context), wording.arrangementFits(amount));
      return { ...outcome, extraFigures: figures([monthly]) };
    }
    const lightest = [...plans].sort((a, b) => a.monthlyAmountMinor - b.monthlyAmountMinor)[0]!;
    const lowest = money(lightest.monthlyAmountMinor, currency, language);
    const outcome = propose(
      context,
      lightest,
      listedOptions(context),
      wording.arrangementTooLow(amount, lowest),
    );
    return { ...outcome, extraFigures: figures([monthly]) };
  }
  return listOptions(context, plans, wording.arrangementIntro);
}

// --- Promise to pay ---------------------------------------------------------------------------------------

function validAmount(amountMinor: number, account: Account): boolean {
  return Number.isSafeInteger(amountMinor) && amountMinor > 0 && amountMinor <= account.balanceMinor;
}

const lastPromiseDate = (today: string) => addDays(today, PROMISE_WINDOW_DAYS);

function validDate(dueDate: string, today: string): boolean {
  return dueDate >= today && dueDate <= lastPromiseDate(today);
}

/**
 * Merges what the customer said with what they said before (a correction replaces), keeps only valid
 * figures, and reads the promise back for a yes once both are valid. The ceiling is the balance.
 */
export function promise(
  context: Context,
  stated: { readonly amountMinor?: number; readonly date?: string },
  options: { readonly base?: { amountMinor?: number; dueDate?: string }; readonly preface?: string } = {},
): Outcome {
  const { account, wording, language, input } = context;
  const base = options.base ?? context.state.promiseDraft ?? {};
  const amountMinor = stated.amountMinor ?? base.amountMinor;
  const dueDate = stated.date ?? base.dueDate;
  const amountOk = amountMinor !== undefined && validAmount(amountMinor, account);
  const dateOk = dueDate !== undefined && validDate(dueDate, input.today);
  const amount = (minor: number) => money(minor, account.currency, language);
  if (amountOk && dateOk) {
    const reply = sentences(
      language,
      options.preface ?? '',
      wording.promiseCheck(amount(amountMinor), day(dueDate, language)),
    );
    return {
      ...withPending(context, reply, { kind: 'promise', amountMinor, dueDate }),
      extraFigures: figures([amountMinor], [dueDate]),
    };
  }
  const problems = [
    amountMinor !== undefined && !amountOk ? wording.amountInvalid(amount(account.balanceMinor)) : '',
    dueDate !== undefined && !dateOk ? wording.dateInvalid(day(lastPromiseDate(input.today), language)) : '',
  ];
  const want = amountOk ? 'promise_date' : dateOk ? 'promise_amount' : 'promise';
  const promiseDraft = { ...(amountOk ? { amountMinor } : {}), ...(dateOk ? { dueDate } : {}) };
  return {
    reply: sentences(language, options.preface ?? '', ...problems, wording.ask(want)),
    state: { ...lasting(context.state), promiseDraft, pending: { kind: 'figure', want } },
    offers: context.offers,
    extraFigures: figures(
      [amountMinor !== undefined && !amountOk ? account.balanceMinor : undefined],
      [dueDate !== undefined && !dateOk ? lastPromiseDate(input.today) : undefined],
    ),
  };
}

/** The yes to a promise read back: recorded if it is still valid today. */
export function recordPromise(context: Context, pending: Extract<Pending, { kind: 'promise' }>): Outcome {
  const { account, wording, language, input } = context;
  if (!validAmount(pending.amountMinor, account) || !validDate(pending.dueDate, input.today)) {
    return promise(context, {}, { base: {} });
  }
  const recordedPromise: ChatAction = {
    type: 'PromiseToPayRecorded',
    amountMinor: pending.amountMinor,
    dueDate: pending.dueDate,
  };
  const reply = wording.promiseRecorded(
    money(pending.amountMinor, account.currency, language),
    day(pending.dueDate, language),
  );
  return {
    ...said(context, reply),
    actions: [recordedPromise],
    extraFigures: figures([pending.amountMinor], [pending.dueDate]),
  };
}

// --- Hardship ---------------------------------------------------------------------------------------------

export function budgetOf(state: ChatState, slots: Slots): Budget {
  return {
    ...state.budget,
    ...(slots.monthlyIncomeMinor === undefined ? {} : { monthlyIncomeMinor: slots.monthlyIncomeMinor }),
    ...(slots.monthlyExpensesMinor === undefined ? {} : { monthlyExpensesMinor: slots.monthlyExpensesMinor }),
    ...(slots.affordableMinor === undefined ? {} : { affordableMinor: slots.affordableMinor }),
  };
}

/** Enough to look for a plan: income and expenses, or an amount the customer can manage each month. */
export function usableBudget(budget: Budget | undefined): boolean {
  return (
    budget !== undefined &&
    ((budget.monthlyIncomeMinor !== undefined && budget.monthlyExpensesMinor !== undefined) ||
      budget.affordableMinor !== undefined)
  );
}

/** The most a plan may ask each month: what is left after essentials, and what the customer said they can pay. */
export function monthlyCap(budget: Budget): number | undefined {
  const surplus =
    budget.monthlyIncomeMinor !== undefined && budget.monthlyExpensesMinor !== undefined
      ? budget.monthlyIncomeMinor - budget.monthlyExpensesMinor
      : undefined;
  const caps = [surplus, budget.affordableMinor].filter((cap): cap is number => cap !== undefined);
  return caps.length > 0 ? Math.min(...caps) : undefined;
}

export function hardship(context: Context, slots: Slots): Outcome {
  const { wording, language } = context;
  const budget = budgetOf(context.state, slots);
  if (usableBudget(budget)) return registerBudget(context, budget);
  // "I lost my job but I can pay 50 on Friday": the one-off payment is read back like any promise.
  if (slots.amountMinor !== undefined && slots.date !== undefined)
    return promise(
      context,
      { amountMinor: slots.amountMinor, date: slots.date },
      { preface: wording.hardshipSorry },
    );
  const want = budget.monthlyIncomeMinor === undefined ? 'income' : 'expenses';
  // The first time: a word of sympathy, and the easier way out (just the amount they can manage).
  const first = context.state.budget === undefined;
  const reply =
    first && Object.keys(budget).length === 0
      ? wording.hardshipAskIncome
      : first
        ? sentences(language, wording.hardshipSorry, wording.ask(want))
        : wording.ask(want);
  return {
    reply,
    state: { ...lasting(context.state), budget, pending: { kind: 'figure', want } },
    offers: context.offers,
  };
}

const sameBudget = (a: Budget | undefined, b: Budget) =>
  a !== undefined &&
  a.monthlyIncomeMinor === b.monthlyIncomeMinor &&
  a.monthlyExpensesMinor === b.monthlyExpensesMinor &&
  a.affordableMinor === b.affordableMinor;

/**
 * Records the budget and shows the plans, recomputed under it, whose monthly payment fits what is left after
 * essentials and what the customer said they can manage; never one above it. When none fits, says so with
 * the lowest payment there is, and offers a person.
 */
export function registerBudget(context: Context, budget: Budget): Outcome {
  const { wording, language } = context;
  const offers = context.input.offersFor(budget);
  const state: ChatState = { ...lasting(context.state), budget, registeredBudget: budget };
  const recomputed: Context = { ...context, offers, state };
  const actions: ChatAction[] = sameBudget(context.state.registeredBudget, budget)
    ? []
    : [{ type: 'HardshipRegistered', ...budget }];
  const cap = monthlyCap(budget) ?? 0;
  const currency = offers.currency;
  if (cap <= 0) {
    const outcome = noAffordablePlan(recomputed, wording.noSurplus);
    return { ...outcome, offers, actions: [...actions, ...(outcome.actions ?? [])] };
  }
  const capText = money(cap, currency, language);
  // The largest instalment of each schedule (the rounding included) is what must fit.
  const fitting = offers.options.filter((option) => option.monthlyAmountMinor <= cap);
  if (fitting.length > 0) {
    const outcome = listOptions(recomputed, fitting, wording.fitsIntro(capText));
    return { ...outcome, offers, actions, extraFigures: figures([cap]) };
  }
  const why = offers.noAffordablePlan;
  const lightest = [...offers.options].sort((a, b) => a.monthlyAmountMinor - b.monthlyAmountMinor)[0];
  const lowestMinor = why?.lowestMonthlyMinor ?? lightest?.monthlyAmountMinor;
  const lowest = lowestMinor === undefined ? undefined : money(lowestMinor, currency, language);
  const reason =
    why && lowest
      ? why.reason === 'TERM_LIMIT'
        ? wording.nothingFitsTermLimit(why.maxTermMonths, lowest)
        : why.reason === 'PAYMENT_FLOOR'
          ? wording.nothingFitsFloor(lowest)
          : ''
      : '';
  const outcome = noAffordablePlan(
    recomputed,
    sentences(language, wording.nothingFits(capText, reason ? undefined : lowest), reason),
  );
  return {
    ...outcome,
    offers,
    actions: [...actions, ...(outcome.actions ?? [])],
    extraFigures: figures(lowestMinor === undefined ? [cap] : [cap, lowestMinor]),
  };
}

/**
 * Nothing we may offer fits what the customer can afford: said plainly, and a person asked to find the way
 * forward with them (an escalation, not a question: the customer should not have to ask twice for help).
 */
function noAffordablePlan(context: Context, explanation: string): Outcome {
  const { wording, language } = context;
  if (recorded(context, 'person'))
    return said(context, sentences(language, explanation, wording.personAlreadyRequested));
  return {
    ...said(
      context,
      sentences(language, explanation, wording.noPlanEscalated),
      withRecorded(lasting(context.state), 'person'),
    ),
    actions: [{ type: 'EscalationRequested', reason: 'no_affordable_plan' }],
  };
}

// --- Discounts: the policy answer -----------------------------------------------------------------------

export function discountRequest(context: Context): Outcome {
  const { wording, language } = context;
  const options = context.offers.options;
  const settlementIndex = options.findIndex((option) => option.kind === 'settlement');
  const settlement = options[settlementIndex];
  if (options.length === 0)
    return said(
      context,
      sentences(
        language,
        wording.policyOnly,
        context.account.repaymentPlan ? wording.planInPlace : wording.noOptions,
      ),
    );
  if (!settlement) {
    return listOptions(context, options, sentences(language, wording.policyOnly, wording.noSettlement));
  }
  const number = settlementIndex + 1;
  const line = `${number}) ${optionLine(settlement, context.offers.currency, language)}`;
  const intro = sentences(language, wording.policyOnly, wording.settlementAvailable(number));
  return said(context, [intro, line, wording.pickByNumber].join('\n'), {
    ...lasting(context.state),
    listedOptionIds: options.map((option) => option.id),
  });
}

// --- The account's own figures --------------------------------------------------------------------------

/** The balance's make-up from the statements, in plain words. */
export function explainBalance(context: Context): Outcome {
  const { account, wording, language } = context;
  const amount = (minor: number) => money(minor, account.currency, language);
  const statements = account.statements.slice(0, 3);
  const overdue = account.amountOverdueMinor > 0 ? account.amountOverdueMinor : undefined;
  const reply = wording.balanceMadeUp({
    balance: amount(account.balanceMinor),
    overdue: overdue === undefined ? undefined : amount(overdue),
    overdueSince:
      overdue && account.oldestUnpaidDueDate ? day(account.oldestUnpaidDueDate, language) : undefined,
    minimumDue: account.minimumDueMinor > 0 ? amount(account.minimumDueMinor) : undefined,
    nextDue: account.minimumDueMinor > 0 ? day(account.nextDueDate, language) : undefined,
    statements: statements.map((statement) => ({
      month: month(statement.month, language),
      balance: amount(statement.statementBalanceMinor),
      paid: amount(statement.amountPaidMinor),
    })),
  });
  return {
    ...said(context, reply),
    extraFigures: figures(
      [
        account.balanceMinor,
        overdue,
        account.minimumDueMinor,
        ...statements.flatMap((s) => [s.statementBalanceMinor, s.amountPaidMinor]),
      ],
      [account.oldestUnpaidDueDate, account.nextDueDate],
    ),
  };
}

/** The payments on the statements, and a trace request for the one the customer says is missing. */
export function alreadyPaid(context: Context, slots: Slots): Outcome {
  const { account, wording, language } = context;
  const paid = account.statements
    .filter((statement) => statement.amountPaidMinor > 0)
    .map((statement) => ({
      month: month(statement.month, language),
      paid: money(statement.amountPaidMinor, account.currency, language),
      minor: statement.amountPaidMinor,
    }));
  const onRecord = wording.paymentsOnRecord(paid);
  const paidOn = slots.date !== undefined && slots.date <= context.input.today ? slots.date : undefined;
  const amountMinor =
    slots.amountMinor !== undefined && slots.amountMinor > 0 ? slots.amountMinor : undefined;
  const extra = figures([...paid.map((p) => p.minor), amountMinor], [paidOn]);
  if (recorded(context, 'payment_trace'))
    return { ...said(context, [onRecord, wording.traceAlreadyRequested].join('\n')), extraFigures: extra };
  const trace = wording.traceRequested(
    amountMinor === undefined ? undefined : money(amountMinor, account.currency, language),
    paidOn === undefined ? undefined : day(paidOn, language),
  );
  return {
    ...said(context, [onRecord, trace].join('\n'), withRecorded(lasting(context.state), 'payment_trace')),
    actions: [
      {
        type: 'PaymentTraceRequested',
        ...(amountMinor === undefined ? {} : { amountMinor }),
        ...(paidOn === undefined ? {} : { paidOn }),
      },
    ],
    extraFigures: extra,
  };
}

// --- Protective asks: recorded once, always honoured ------------------------------------------------------

/** Records `what` once per conversation (and not again when the account already has it). */
function protect(
  context: Context,
  what: Parameters<typeof recorded>[1],
  already: boolean,
  replies: { readonly first: string; readonly again: string },
  actions: readonly ChatAction[],
): Outcome {
  if (already || recorded(context, what)) return said(context, replies.again);
  return { ...said(context, replies.first, withRecorded(lasting(context.state), what)), actions };
}

export function dispute(context: Context): Outcome {
  const { wording, account } = context;
  return protect(
    context,
    'dispute',
    account.flags.dispute,
    { first: wording.disputeOpened, again: wording.disputeAlreadyOpen },
    [{ type: 'DisputeOpened' }],
  );
}

export function fraud(context: Context): Outcome {
  const { wording, account } = context;
  return protect(
    context,
    'fraud',
    account.flags.fraudReported === true,
    { first: wording.fraudReported(account.jurisdiction), again: wording.fraudAlreadyReported },
    [{ type: 'FraudReported' }],
  );
}

export function legalRepresentation(context: Context): Outcome {
  const { wording, account } = context;
  return protect(
    context,
    'legal_representation',
    account.flags.legalRepresentation === true,
    { first: wording.legalRecorded(account.jurisdiction), again: wording.legalAlreadyRecorded },
    [{ type: 'LegalRepresentationReported' }],
  );
}

export function bankruptcy(context: Context): Outcome {
  const { wording, account } = context;
  return protect(
    context,
    'bankruptcy',
    account.flags.bankrupt,
    { first: wording.bankruptcyRecorded, again: wording.bankruptcyAlreadyRecorded },
    [{ type: 'BankruptcyReported' }],
  );
}

export function deceased(context: Context): Outcome {
  const { wording, account } = context;
  return protect(
    context,
    'deceased',
    account.flags.deceased,
    { first: wording.deceasedRecorded, again: wording.deceasedAlreadyRecorded },
    [{ type: 'DeceasedReported' }],
  );
}

/**
 * A compassionate reply, the flag and the specialist queue; where self-harm is mentioned, the national
 * crisis line and a person at once (even when the account is already flagged: the person is what matters).
 */
export function vulnerability(context: Context, selfHarm: boolean): Outcome {
  const { wording, account, language } = context;
  if (selfHarm) {
    if (recorded(context, 'self_harm')) return said(context, wording.crisis(account.jurisdiction));
    const state = withRecorded(lasting(context.state), 'vulnerability', 'self_harm', 'person');
    return {
      ...said(context, wording.crisis(account.jurisdiction), state),
      actions: [{ type: 'VulnerabilityReported', selfHarm: true }],
    };
  }
  return protect(
    context,
    'vulnerability',
    account.flags.vulnerable === true,
    {
      first: wording.vulnerabilityRecorded,
      again: sentences(language, wording.vulnerabilityAlreadyRecorded),
    },
    [{ type: 'VulnerabilityReported', selfHarm: false }],
  );
}

/** The crisis line added to another reply (a bereaved writer who also mentions harming themselves). */
export function withCrisis(context: Context, outcome: Outcome): Outcome {
  const crisis = vulnerability({ ...context, state: outcome.state }, true);
  return {
    ...outcome,
    reply: `${outcome.reply}\n${crisis.reply}`,
    state: crisis.state,
    actions: [...(outcome.actions ?? []), ...(crisis.actions ?? [])],
  };
}

export function complaint(context: Context): Outcome {
  const { wording } = context;
  return protect(
    context,
    'complaint',
    false,
    { first: wording.complaintRecorded, again: wording.complaintAlreadyRecorded },
    [{ type: 'ComplaintRecorded' }],
  );
}

export function requestPerson(context: Context): Outcome {
  const { wording } = context;
  return protect(
    context,
    'person',
    false,
    { first: wording.personRequested, again: wording.personAlreadyRequested },
    [{ type: 'EscalationRequested', reason: 'customer_request' }],
  );
}

/** Offers a person and waits for the yes; says so when one was asked for already. */
export function offerPerson(context: Context, preface: string): Outcome {
  const { wording, language } = context;
  if (recorded(context, 'person'))
    return said(context, sentences(language, preface, wording.personAlreadyRequested));
  return withPending(context, sentences(language, preface, wording.offerPerson), { kind: 'person' });
}

export function stopContact(context: Context): Outcome {
  const { wording, account } = context;
  return protect(
    context,
    'stop_contact',
    account.flags.ceaseRequested,
    { first: wording.ceaseRecorded, again: wording.ceaseAlreadyRecorded },
    [{ type: 'CeaseRequested' }],
  );
}

const CHANNEL_ORDER: readonly ContactChannel[] = ['call', 'sms', 'email'];

/**
 * Channels, the workplace, hours and other people: applied at once. What the customer named is said back;
 * the event carries the full set of refused channels (the account's earlier refusals included).
 */
export function contactPreferences(context: Context, slots: Slots, hours: ContactHours | undefined): Outcome {
  const { wording, account } = context;
  const named = slots.refusedChannels ?? [];
  const noWorkplace = slots.noWorkplace === true;
  const noThirdParties = slots.noThirdParties === true;
  if (named.length === 0 && !noWorkplace && !noThirdParties && !hours)
    return withPending(context, wording.askPreference, { kind: 'contact' });
  const session = context.state.contact ?? {};
  const before = new Set([
    ...account.customer.contactPreferences.refusedChannels,
    ...(session.refusedChannels ?? []),
  ]);
  const refusedChannels = CHANNEL_ORDER.filter((channel) => before.has(channel) || named.includes(channel));
  const change: PreferenceChange = {
    refusedChannels: named,
    noWorkplace,
    noThirdParties,
    ...(hours ? { contactHours: hours } : {}),
  };
  const reply = wording.preferencesChanged(change);
  const prefs = account.customer.contactPreferences;
  const unchanged =
    refusedChannels.length === before.size &&
    (!noWorkplace || prefs.noWorkplace === true || session.noWorkplace === true) &&
    (!noThirdParties || prefs.noThirdParties === true || session.noThirdParties === true) &&
    !hours;
  if (unchanged) return said(context, reply);
  const contact = {
    ...session,
    refusedChannels,
    ...(noWorkplace ? { noWorkplace } : {}),
    ...(noThirdParties ? { noThirdParties } : {}),
    ...(hours ? { contactHours: hours } : {}),
  };
  return {
    ...said(context, reply, { ...lasting(context.state), contact }),
    actions: [
      {
        type: 'ContactPreferencesChanged',
        refusedChannels,
        ...(noWorkplace ? { noWorkplace } : {}),
        ...(noThirdParties ? { noThirdParties } : {}),
        ...(hours ? { contactHours: hours } : {}),
      },
    ],
  };
}
