/**
 * Plans an agent builds on a call or in a chat: an amount per month or a number of months, and a start date,
 * worked out by the same rules as the plan calculator and kept within the offer policy. An agent plan offered
 * to the customer becomes one more option the account carries (`withAgentOffer`): the portal lists it, the
 * customer can accept it like any other, and messages may quote its figures (the gate finds them in the offer).
 *
 * Rules:
 * - Only kinds the account's tier allows: up to the longest instalment term as an instalment plan, longer (up to
 *   the hardship maximum) as a hardship plan when the tier allows one; a single payment is paying in full.
 * - No fees, no interest, no discount: the plan's total is the balance.
 * - By months: equal payments (the first ones take the remainder units), each at least the kind's minimum.
 * - By amount per month: that amount every month, the last payment what is left, so the amount the agent
 *   says is the amount in the offer; the amount at least the kind's minimum.
 * - The first payment from the policy's earliest first due date (today + lead, a business day) up to 30 days
 *   ahead; every date a business day, monthly on the first one's day.
 */
import * as z from '../../../contracts/schema';
import type { Account, AgentOffer } from '../accounts/account';
import { conflict, DomainError, notFound } from '../errors';
import type { AccountRepository, Clock } from '../ports';
import { TREATMENT_POLICY } from '../treatment/treatment-policy';
import { addDays, isIsoDate, monthlyDueDates, rollForwardToBusinessDay } from './business-days';
import { MAX_TERM_MONTHS, OFFER_POLICY, type OfferPolicy } from './offer-policy';
import { type OfferKind, type OfferOption, type OfferSet, splitEvenly } from './plan-calculator';

/** The latest first payment an agent may set: a plan starts within the month. */
export const AGENT_PLAN_MAX_START_DAYS = 30;
/** Agent plans' option ids start with this, so every page can tell them from the calculator's. */
export const AGENT_OPTION_PREFIX = 'agent-';

/** The request, as the handler validates it: exactly one of an amount per month and a number of months. */
export const agentPlanBody = z
  .strictObject({
    monthlyAmountMinor: z.optional(z.number().check(z.int(), z.positive(), z.lte(Number.MAX_SAFE_INTEGER))),
    months: z.optional(z.number().check(z.int(), z.gte(1), z.lte(MAX_TERM_MONTHS))),
    firstDueDate: z.optional(z.iso.date()),
    /** false: only work it out (a quote); true: offer it to the customer. */
    offer: z._default(z.boolean(), false),
  })
  .check(
    z.refine((body) => (body.monthlyAmountMinor === undefined) !== (body.months === undefined), {
      message: 'give either monthlyAmountMinor or months, not both',
      path: ['months'],
    }),
  );
export type AgentPlanBody = z.infer<typeof agentPlanBody>;

/** An agent's plan as the account carries it, until the customer accepts a plan or its first date passes. */
export type { AgentOffer };

/** What the policy allows this account, for the builder to show before the agent types anything. */
export interface AgentPlanLimits {
  readonly currency: Account['currency'];
  readonly balanceMinor: number;
  readonly kinds: readonly OfferKind[];
  readonly maxMonths: number;
  /** The smallest amount a month: the kind's minimum, or what clears the balance in `maxMonths`. */
  readonly minMonthlyMinor: number;
  readonly earliestFirstDueDate: string;
  readonly latestFirstDueDate: string;
  /** What the customer said they can pay a month, when they did. */
  readonly affordableMinor: number | null;
}

export interface AgentPlanResult {
  readonly option: OfferOption;
  readonly offered: boolean;
  readonly limits: AgentPlanLimits;
}

export interface AgentOfferStore {
  /** Puts the offer on the account (replacing an earlier agent offer); false when there is no such account. */
  put(accountId: string, offer: AgentOffer): Promise<boolean>;
}

const outside = (message: string) => new DomainError('invalid', 'PLAN_OUTSIDE_POLICY', message);

type PlanAccount = Pick<
  Account,
  'accountId' | 'jurisdiction' | 'currency' | 'balanceMinor' | 'treatment' | 'repaymentPlan' | 'affordability'
>;

/** The kinds an agent plan may take for the account's tier, or why there are none. */
function eligibleKinds(account: PlanAccount): OfferKind[] {
  if (account.repaymentPlan)
    throw conflict('PLAN_ALREADY_AGREED', 'The customer has agreed a plan: it is their schedule now.');
  if (account.balanceMinor <= 0) throw conflict('NOTHING_OWED', 'Nothing is owed on this account.');
  const tier = account.treatment?.tier;
  if (!tier) throw conflict('ACCOUNT_NOT_SCORED', 'No plans until the account has been scored.');
  const allowed = TREATMENT_POLICY.tiers[tier].offers.filter((kind) => kind !== 'settlement');
  if (!allowed.includes('instalment') && !allowed.includes('hardship')) {
    throw conflict('NO_PLAN_FOR_TIER', `The ${tier} tier offers no payment plans.`);
  }
  return allowed;
}

export function agentPlanLimits(account: PlanAccount, today: string, policy: OfferPolicy = OFFER_POLICY) {
  const kinds = eligibleKinds(account);
  const rules = policy.jurisdictions[account.jurisdiction];
  const holidays = new Set(rules.holidays);
  const longestInstalment = Math.max(...rules.instalment.termMonths);
  const maxMonths = kinds.includes('hardship') ? rules.hardship.maxTermMonths : longestInstalment;
  const floorMinor = kinds.includes('hardship')
    ? rules.hardship.reducedPaymentFloorMinor
    : rules.instalment.minInstalmentMinor;
  return {
    rules,
    holidays,
    longestInstalment,
    limits: {
      currency: account.currency,
      balanceMinor: account.balanceMinor,
      kinds,
      maxMonths,
      minMonthlyMinor: Math.min(
        account.balanceMinor,
        Math.max(floorMinor, Math.ceil(account.balanceMinor / maxMonths)),
      ),
      earliestFirstDueDate: rollForwardToBusinessDay(addDays(today, rules.firstDueLeadDays), holidays),
      latestFirstDueDate: addDays(today, AGENT_PLAN_MAX_START_DAYS),
      affordableMinor: account.affordability?.affordableMinor ?? null,
    } satisfies AgentPlanLimits,
  };
}

/** The plan the agent asked for, as an offer option, or a clear error saying which limit it breaks. */
export function agentPlanOption(
  account: PlanAccount,
  request: Pick<AgentPlanBody, 'monthlyAmountMinor' | 'months' | 'firstDueDate'>,
  today: string,
  policy: OfferPolicy = OFFER_POLICY,
): { option: OfferOption; limits: AgentPlanLimits } {
  const { rules, holidays, longestInstalment, limits } = agentPlanLimits(account, today, policy);
  const balance = account.balanceMinor;
  const amounts = (() => {
    if (request.months !== undefined) {
      if (request.months > limits.maxMonths)
        throw outside(`At most ${limits.maxMonths} months for this account.`);
      return splitEvenly(balance, request.months);
    }
    const monthly = Math.min(request.monthlyAmountMinor!, balance);
    const count = Math.ceil(balance / monthly);
    if (count > limits.maxMonths) {
      throw outside(
        `${monthly} a month would take ${count} months; at most ${limits.maxMonths}: at least ${limits.minMonthlyMinor} a month.`,
      );
    }
    return Array.from({ length: count }, (_, index) =>
      index < count - 1 ? monthly : balance - monthly * (count - 1),
    );
  })();
  const months = amounts.length;
  const kind: OfferKind =
    months === 1 && limits.kinds.includes('pay_in_full')
      ? 'pay_in_full'
      : months <= longestInstalment && limits.kinds.includes('instalment')
        ? 'instalment'
        : 'hardship';
  if (!limits.kinds.includes(kind)) {
    throw outside(
      `A ${months}-month plan is not one this account's tier allows (${limits.kinds.join(', ')}).`,
    );
  }
  const floor =
    kind === 'hardship' ? rules.hardship.reducedPaymentFloorMinor : rules.instalment.minInstalmentMinor;
  // The last payment of a plan by amount is what is left: only the regular payments must reach the floor.
  const regular = request.months !== undefined ? amounts : amounts.slice(0, -1);
  if (months > 1 && regular.some((amount) => amount < floor)) {
    throw outside(`Each payment must be at least ${floor} (${account.currency} minor units) for this plan.`);
  }
  const first = request.firstDueDate ?? limits.earliestFirstDueDate;
  if (!isIsoDate(first) || first < limits.earliestFirstDueDate || first > limits.latestFirstDueDate) {
    throw new DomainError(
      'invalid',
      'INVALID_START_DATE',
      `The first payment must fall from ${limits.earliestFirstDueDate} to ${limits.latestFirstDueDate}.`,
    );
  }
  const firstDueDate = rollForwardToBusinessDay(first, holidays);
  const dueDates = monthlyDueDates(firstDueDate, months, holidays);
  const monthlyAmountMinor = Math.max(...amounts);
  const option: OfferOption = {
    id: `${AGENT_OPTION_PREFIX}${months}x${monthlyAmountMinor}-${firstDueDate}`,
    kind,
    totalMinor: balance,
    discountMinor: 0,
    discountPercent: 0,
    termMonths: months,
    instalments: amounts.map((amountMinor, index) => ({ dueDate: dueDates[index]!, amountMinor })),
    firstDueDate,
    monthlyAmountMinor,
    ...(limits.affordableMinor !== null ? { affordable: monthlyAmountMinor <= limits.affordableMinor } : {}),
  };
  return { option, limits };
}

/** Works the plan out and, when asked, offers it: the account carries it from then on. */
export async function buildAgentPlan(
  deps: { accounts: AccountRepository; agentOffers: AgentOfferStore; clock: Clock },
  input: { accountId: string; agentId: string; body: AgentPlanBody },
): Promise<AgentPlanResult> {
  const account = await deps.accounts.get(input.accountId);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${input.accountId}.`);
  const now = deps.clock.now();
  const { option, limits } = agentPlanOption(account, input.body, now.toISOString().slice(0, 10));
  if (input.body.offer) {
    const offer: AgentOffer = {
      option,
      policyVersion: OFFER_POLICY.version,
      madeBy: input.agentId,
      madeAt: now.toISOString(),
    };
    if (!(await deps.agentOffers.put(account.accountId, offer)))
      throw notFound('ACCOUNT_NOT_FOUND', `No account ${input.accountId}.`);
  }
  return { option, offered: input.body.offer, limits };
}

/** What the builder shows first: the limits, and the plan the account carries now (if any). */
export async function agentPlanState(
  deps: { accounts: AccountRepository; clock: Clock },
  accountId: string,
): Promise<{ limits: AgentPlanLimits | null; reason: string | null; current: AgentOffer | null }> {
  const account = await deps.accounts.get(accountId);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  const today = deps.clock.now().toISOString().slice(0, 10);
  const current = liveAgentOffer(account, today) ?? null;
  try {
    return { limits: agentPlanLimits(account, today).limits, reason: null, current };
  } catch (error) {
    if (error instanceof DomainError) return { limits: null, reason: error.code, current };
    throw error;
  }
}

/** The account's agent offer while it holds: its first date not passed, no plan agreed since it was made. */
export function liveAgentOffer(
  account: Pick<Account, 'agentOffer' | 'repaymentPlan'>,
  today: string,
): AgentOffer | undefined {
  const offer = account.agentOffer;
  if (!offer || offer.option.firstDueDate < today) return undefined;
  if (account.repaymentPlan && account.repaymentPlan.acceptedAt >= offer.madeAt) return undefined;
  return offer;
}

/** The offers the account carries: the calculator's, plus the agent's plan while it holds. */
export function withAgentOffer(
  offers: OfferSet | null,
  account: Pick<Account, 'agentOffer' | 'repaymentPlan'>,
  today: string,
): OfferSet | null {
  const offer = liveAgentOffer(account, today);
  // No options (a hold, nothing owed): the agent's plan is not on offer either.
  if (!offer || !offers) return offers;
  const base = offers;
  if (base.options.some((option) => option.id === offer.option.id)) return base;
  return { ...base, options: [...base.options, offer.option] };
}
