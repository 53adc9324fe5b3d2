/**
 * The agent work queue: the accounts that need a person, most urgent first.
 *
 * Priority groups, in order:
 * 1. open escalations (`account.escalation`: self-harm, a death, fraud, a dispute, a complaint, a request for a
 *    person, a broken promise…), the most urgent first (accounts/escalations.ts);
 * 2. promises to pay due today or overdue (`account.promise.dueDate` on or before today);
 * 3. accounts a person must handle: a specialist hold (accounts/holds.ts: deceased, bankrupt, fraud, a lawyer,
 *    a crisis: the specialist team, never a collection call), or a treatment tier whose strategy calls the
 *    customer or that a person must review (holds, referral review, exclusions).
 * Within a group the riskier account comes first (risk score, higher = riskier; unscored last), then the
 * account id, so the order is stable. An account is listed once, in its most urgent group. Each item names
 * the team that works it (agents, the specialist team, a supervisor); the queue can be filtered by team.
 *
 * Pure: the candidates come through the `QueueAccounts` port (a projected scan of the accounts table).
 */
import type {
  Account,
  AccountFlags,
  Bucket,
  Customer,
  Escalation,
  PromiseToPay,
  RiskAssessment,
  Treatment,
} from '../accounts/account';
import { escalationKind, type Team } from '../accounts/escalations';
import { type SpecialistHold, specialistHold } from '../accounts/holds';
import { planBehind } from '../payments/plan-standing';
import type { Clock } from '../ports';
import { type Tier, TREATMENT_POLICY, type TreatmentPolicy } from '../treatment/treatment-policy';

/** What the queue reads of an account: the adapter projects exactly these attributes. */
export type QueueAccount = Pick<
  Account,
  'accountId' | 'jurisdiction' | 'currency' | 'balanceMinor' | 'amountOverdueMinor'
> & {
  readonly customer: Pick<Customer, 'name' | 'language'> & {
    readonly contactPreferences?: Pick<Customer['contactPreferences'], 'refusedChannels'>;
  };
  readonly risk?: Pick<RiskAssessment, 'score' | 'band'>;
  readonly treatment?: Pick<Treatment, 'bucket' | 'tier' | 'variant'>;
  readonly escalation?: Escalation;
  readonly promise?: PromiseToPay;
  readonly flags?: Partial<AccountFlags>;
};

/** The attributes `QueueAccount` needs, as document paths for a scan's projection. */
export const QUEUE_ATTRIBUTES = [
  'accountId',
  'jurisdiction',
  'currency',
  'balanceMinor',
  'amountOverdueMinor',
  'customer.name',
  'customer.language',
  'customer.contactPreferences.refusedChannels',
  'risk.score',
  'risk.band',
  'treatment.bucket',
  'treatment.tier',
  'treatment.variant',
  'escalation',
  'promise',
  'flags',
] as const;

export interface QueueAccounts {
  /** Every account the queue may list (the domain decides which need a person). */
  queueCandidates(): Promise<QueueAccount[]>;
}

export type PriorityGroup = 'escalation' | 'promise_due' | 'agent_contact';

const GROUP_ORDER: Record<PriorityGroup, number> = { escalation: 0, promise_due: 1, agent_contact: 2 };

export interface QueueFilters {
  readonly tier?: Tier;
  readonly bucket?: Bucket;
  /** true: escalations only; false: everything but escalations. */
  readonly escalated?: boolean;
  readonly team?: Team;
  readonly limit: number;
}

export const DEFAULT_QUEUE_LIMIT = 50;
export const MAX_QUEUE_LIMIT = 200;

export interface QueueItem {
  /** 1 = the first account to work; ranks are over the filtered queue. */
  readonly rank: number;
  readonly priority: PriorityGroup;
  /** Why the account is here, for a person to read. */
  readonly reason: string;
  /** The reason as a code when it is not told by the escalation, promise or tier (the console words it). */
  readonly reasonCode?: QueueReasonCode;
  /** Who works it: agents, the specialist team (deaths, bankruptcy, fraud, lawyers, crises) or a supervisor. */
  readonly team: Team;
  readonly accountId: string;
  readonly customerName: string;
  readonly language: Customer['language'];
  readonly jurisdiction: Account['jurisdiction'];
  readonly bucket: Bucket | null;
  readonly tier: Tier | null;
  readonly variant: Treatment['variant'] | null;
  readonly score: number | null;
  readonly band: RiskAssessment['band'] | null;
  readonly amountOverdueMinor: number;
  readonly currency: Account['currency'];
  readonly balanceMinor: number;
  readonly escalation: Escalation | null;
  readonly promise: PromiseToPay | null;
}

export interface AgentQueue {
  readonly generatedAt: string;
  /** The UTC date promises are compared with. */
  readonly today: string;
  /** Accounts in the filtered queue; `items` holds the first `limit` of them. */
  readonly total: number;
  readonly items: readonly QueueItem[];
}

const HOLD_REASONS: Record<SpecialistHold, string> = {
  ACCOUNT_EXCLUDED: 'Deceased or bankrupt: specialist team',
  FRAUD_REPORTED: 'Fraud reported: fraud team, no collection',
  REPRESENTED_BY_LAWYER: 'Customer has a lawyer: contact the lawyer, not the customer',
  SPECIALIST_CARE: 'Vulnerable customer: specialist care, no collection call',
};

const TIER_REASONS: Partial<Record<Tier, string>> = {
  reminder_and_call: 'Early arrears with elevated risk: call after the reminders',
  agent_call: 'Mid-stage arrears: agent call',
  hardship_restructure: 'Cannot pay as agreed: discuss restructuring',
  referral_review: 'Severe arrears: decide on field or legal referral',
  dispute_hold: 'Debt disputed: verify before any collection',
  cease_hold: 'Customer asked us to stop contacting them: review',
  excluded: 'Deceased or bankrupt: specialist team',
};

/** Reasons not told by an escalation, a promise or the tier. */
export type QueueReasonCode = 'plan_payment_missed';

const REASON_WORDS: Record<QueueReasonCode, string> = {
  plan_payment_missed: 'A plan payment was missed: call to get the plan back on track',
};

export interface Priority {
  readonly group: PriorityGroup;
  readonly reason: string;
  readonly reasonCode?: QueueReasonCode;
  readonly team: Team;
  /** Within the escalation group: the more urgent first. */
  readonly urgency: number;
}

/** Why the account needs a person, or undefined when it does not. */
export function priorityOf(
  account: QueueAccount,
  today: string,
  policy: TreatmentPolicy = TREATMENT_POLICY,
): Priority | undefined {
  if (account.escalation) {
    const kind = escalationKind(account.escalation.reason);
    return { group: 'escalation', reason: kind.label, team: kind.team, urgency: kind.urgency };
  }
  const hold = specialistHold({ flags: account.flags ?? {}, jurisdiction: account.jurisdiction } as Pick<
    Account,
    'flags' | 'jurisdiction'
  >);
  const dueDate = account.promise?.dueDate;
  if (dueDate && dueDate <= today && !hold) {
    return {
      group: 'promise_due',
      reason: dueDate === today ? 'Promise due today' : `Promise overdue since ${dueDate}`,
      team: 'agents',
      urgency: 0,
    };
  }
  if (hold) return { group: 'agent_contact', reason: HOLD_REASONS[hold], team: 'specialist', urgency: 0 };
  // An agreed plan fell behind (payments/plan-standing.ts): whatever its tier, a person takes it up.
  if (planBehind(account.flags)) {
    return {
      group: 'agent_contact',
      reason: REASON_WORDS.plan_payment_missed,
      reasonCode: 'plan_payment_missed',
      team: 'agents',
      urgency: 0,
    };
  }
  const tier = account.treatment?.tier;
  const refusesCalls = account.customer.contactPreferences?.refusedChannels?.includes('call') === true;
  if (tier && needsAgent(tier, policy, { refusesCalls })) {
    return {
      group: 'agent_contact',
      reason: TIER_REASONS[tier] ?? policy.tiers[tier].description,
      team: tier === 'excluded' ? 'specialist' : 'agents',
      urgency: 0,
    };
  }
  return undefined;
}

/**
 * A tier an agent works: its strategy calls the customer (unless they refused calls: then e-mails and texts
 * carry it, and the call queue drops them at once), or a person must review it.
 */
export function needsAgent(
  tier: Tier,
  policy: TreatmentPolicy = TREATMENT_POLICY,
  customer: { readonly refusesCalls?: boolean } = {},
): boolean {
  const strategy = policy.tiers[tier];
  return (strategy.channels.includes('call') && !customer.refusesCalls) || strategy.humanReview;
}

function matches(account: QueueAccount, priority: Priority, filters: QueueFilters): boolean {
  if (filters.tier && account.treatment?.tier !== filters.tier) return false;
  if (filters.bucket && account.treatment?.bucket !== filters.bucket) return false;
  if (filters.escalated !== undefined && (priority.group === 'escalation') !== filters.escalated)
    return false;
  if (filters.team && priority.team !== filters.team) return false;
  return true;
}

/** The queue, ordered and filtered, first `filters.limit` items; pure. */
export function buildQueue(
  accounts: readonly QueueAccount[],
  filters: QueueFilters,
  now: Date,
  policy: TreatmentPolicy = TREATMENT_POLICY,
): AgentQueue {
  const today = now.toISOString().slice(0, 10);
  const queued = accounts.flatMap((account) => {
    const priority = priorityOf(account, today, policy);
    return priority && matches(account, priority, filters) ? [{ account, ...priority }] : [];
  });
  queued.sort(
    (a, b) =>
      GROUP_ORDER[a.group] - GROUP_ORDER[b.group] ||
      b.urgency - a.urgency ||
      (b.account.risk?.score ?? Number.NEGATIVE_INFINITY) -
        (a.account.risk?.score ?? Number.NEGATIVE_INFINITY) ||
      a.account.accountId.localeCompare(b.account.accountId),
  );
  return {
    generatedAt: now.toISOString(),
    today,
    total: queued.length,
    items: queued.slice(0, filters.limit).map(({ account, group, reason, reasonCode, team }, index) => ({
      rank: index + 1,
      priority: group,
      reason,
      ...(reasonCode ? { reasonCode } : {}),
      team,
      accountId: account.accountId,
      customerName: account.customer.name,
      language: account.customer.language,
      jurisdiction: account.jurisdiction,
      bucket: account.treatment?.bucket ?? null,
      tier: account.treatment?.tier ?? null,
      variant: account.treatment?.variant ?? null,
      score: account.risk?.score ?? null,
      band: account.risk?.band ?? null,
      amountOverdueMinor: account.amountOverdueMinor,
      currency: account.currency,
      balanceMinor: account.balanceMinor,
      escalation: account.escalation ?? null,
      promise: account.promise ?? null,
    })),
  };
}

export async function agentQueue(
  deps: { accounts: QueueAccounts; clock: Clock },
  filters: QueueFilters,
): Promise<AgentQueue> {
  return buildQueue(await deps.accounts.queueCandidates(), filters, deps.clock.now());
}
