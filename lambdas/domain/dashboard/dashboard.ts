/**
 * The supervisor dashboard: one JSON document with every figure the charts draw, aggregated from what the
 * tables hold. Pure: `buildDashboard` takes the rows (from a `DashboardSource`) and the clock's instant.
 *
 * Definitions:
 * - Portfolio by bucket and tier: accounts, balances and arrears per currency (never summed across
 *   currencies). Accounts never scored have no bucket or tier: they are counted under `unscored`.
 * - Scores: a 10-bin histogram of risk scores (integer edges over the observed range; higher = riskier) and
 *   the count per risk band.
 * - Roll rates: from the statement history the scoring reads (each month's months-of-delay status, as a
 *   delinquency bucket): for each pair of consecutive statements in the range (one for 7 or 30 days, three
 *   for 90), the account's bucket the month before → its bucket the month after; each row's rates are its
 *   counts over the row total. (Reading `treatment.tierChange.previousBucket` instead gave a grid of zeros: a
 *   first assessment has no previous bucket, and a re-assessment that keeps the tier drops the change.)
 * - Offers: drafts stored (ready or blocked by the gate); plans accepted = accounts with a repayment plan.
 * - Promises: recorded and broken from the audit trail (`PromiseToPayRecorded`, `PromiseBroken`, one per
 *   account and due date). A recorded promise is broken when a `PromiseBroken` names its due date; pending
 *   while its date is today or later; superseded when a newer promise was recorded before it fell due; kept
 *   otherwise (its date passed and the promise check did not find the arrears unpaid).
 * - Blocked contacts: outbox messages in status `blocked`, counted per reason code (the text before the first
 *   colon of each recorded reason; a message rejected by the linter counts `MESSAGE_REJECTED` and each rule it
 *   broke), and per channel. Every block in the range (drafts, agents' messages, assistant replies, sends) is
 *   in `activity.blocks` (activity.ts).
 * - Variants: champion vs challenger over scored accounts.
 * - Payments (real-time debit, from the payments table's instalments and debit attempts):
 *   - Cure rate: missed instalments (status `missed`, or missed before and now settled) with at least one
 *     debit attempt in any state that ended `paid`, over missed instalments with at least one attempt (null
 *     before there is one); the rest are still missed or superseded by a plan. Missed instalments without
 *     any attempt are counted apart, by their `debitBlockedReasons` (each once per instalment;
 *     `UNSPECIFIED` when none is recorded).
 *   - Recovered by attempt number: per currency and presentment (1st, 2nd, …), attempts sent to the bank
 *     (executing, unknown, succeeded, failed, unresolved), those that succeeded and the amount they took.
 *   - Failures by reason: the `failureReason` of failed attempts, and `unresolved` for attempts the bank
 *     never answered. Cancellations by reason: each `cancelledReasons` entry once per cancelled attempt.
 */
import type {
  Account,
  Bucket,
  Currency,
  PromiseToPay,
  RepaymentPlan,
  RiskAssessment,
  StatementMonth,
  TierChange,
  Treatment,
} from '../accounts/account';
import { BUCKETS, RISK_BANDS } from '../offers/offer-policy';
import type { OutboundChannel } from '../outreach/outreach';
import type { RiskBand } from '../scoring/risk-model';
import { type Tier, TREATMENT_POLICY, type Variant } from '../treatment/treatment-policy';
import {
  type Activity,
  type ActivityEntry,
  activity,
  type BlockRow,
  type CallRow,
  DEFAULT_RANGE,
  type RangeDays,
} from './activity';
import { type BlockSource, reasonCode } from './gate-blocks';
import { type PaymentMetrics, type PaymentRows, paymentMetrics } from './payment-metrics';

// ---------------------------------------------------------------------------------------------------------
// What the dashboard reads
// ---------------------------------------------------------------------------------------------------------

export type DashboardAccount = Pick<
  Account,
  'accountId' | 'currency' | 'balanceMinor' | 'amountOverdueMinor'
> & {
  readonly risk?: Pick<RiskAssessment, 'score' | 'band'>;
  readonly treatment?: Pick<Treatment, 'bucket' | 'tier' | 'variant'> & {
    readonly tierChange?: Pick<TierChange, 'previousBucket'>;
  };
  readonly repaymentPlan?: Pick<RepaymentPlan, 'kind'>;
  readonly promise?: Pick<PromiseToPay, 'dueDate'>;
  /** Latest first, as on the account. */
  readonly statements?: readonly Pick<StatementMonth, 'month' | 'payStatus'>[];
};

/** The attributes `DashboardAccount` needs, as document paths for a scan's projection. */
export const DASHBOARD_ACCOUNT_ATTRIBUTES = [
  'accountId',
  'currency',
  'balanceMinor',
  'amountOverdueMinor',
  'risk.score',
  'risk.band',
  'treatment.bucket',
  'treatment.tier',
  'treatment.variant',
  'treatment.tierChange.previousBucket',
  'repaymentPlan.kind',
  'promise.dueDate',
  'statements',
] as const;

export interface DashboardDraft {
  readonly accountId: string;
  readonly draftId: string;
  readonly status: 'ready' | 'blocked';
  readonly tier: Tier;
  readonly createdAt?: string;
  /** Why a blocked draft was blocked (`RULE: detail`). */
  readonly reasons?: readonly string[];
}

export interface BlockedMessage {
  readonly accountId: string;
  readonly messageId: string;
  readonly channel: OutboundChannel;
  readonly blockedReasons?: readonly string[];
  /** When it was due to go (the send that was stopped came at or after it). */
  readonly at?: string;
}

export type PromiseAuditEntry = ActivityEntry;

export interface DashboardSource {
  accounts(): Promise<DashboardAccount[]>;
  drafts(): Promise<DashboardDraft[]>;
  /** Outbox messages in status `blocked`. */
  blockedMessages(): Promise<BlockedMessage[]>;
  /** Audit entries of kind `PromiseToPayRecorded`, `PromiseBroken`, `EscalationRequested` and `AgentJoined`. */
  promiseEntries(): Promise<PromiseAuditEntry[]>;
  /** Audit entries of kind `MessageBlocked` (agents' messages and assistant replies the gate stopped). */
  gateBlocks(): Promise<BlockRow[]>;
  /** Calls agents logged (the contact log's call entries). */
  calls(): Promise<CallRow[]>;
  /** Instalments and debit attempts from the payments table. */
  payments(): Promise<PaymentRows>;
}

export interface DashboardInput {
  readonly accounts: readonly DashboardAccount[];
  readonly drafts: readonly DashboardDraft[];
  readonly blockedMessages: readonly BlockedMessage[];
  readonly promiseEntries: readonly PromiseAuditEntry[];
  readonly payments: PaymentRows;
  readonly gateBlocks?: readonly BlockRow[];
  readonly calls?: readonly CallRow[];
}

// ---------------------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------------------

export const CURRENCIES = ['USD', 'CNY'] as const satisfies readonly Currency[];
export type MoneyByCurrency = Record<Currency, number>;

export interface PortfolioRow<Key extends string> {
  readonly key: Key;
  readonly accounts: number;
  readonly balanceMinor: MoneyByCurrency;
  readonly amountOverdueMinor: MoneyByCurrency;
}

export interface RollRateRow {
  readonly from: Bucket;
  readonly total: number;
  readonly counts: Record<Bucket, number>;
  /** counts / total, 4 decimals; all 0 for an empty row. */
  readonly rates: Record<Bucket, number>;
}

export interface VariantRow {
  readonly variant: Variant;
  readonly accounts: number;
  readonly averageScore: number | null;
  readonly inArrears: number;
  /** Share of the variant's accounts in a bucket past `current`. */
  readonly inArrearsShare: number;
  readonly plansAccepted: number;
  readonly planAcceptanceRate: number;
}

export interface Dashboard {
  readonly generatedAt: string;
  readonly today: string;
  readonly portfolio: {
    readonly accounts: number;
    readonly balanceMinor: MoneyByCurrency;
    readonly amountOverdueMinor: MoneyByCurrency;
    readonly byBucket: readonly PortfolioRow<Bucket>[];
    readonly byTier: readonly PortfolioRow<Tier>[];
    readonly unscored: Omit<PortfolioRow<'unscored'>, 'key'>;
  };
  readonly scores: {
    readonly scored: number;
    readonly histogram: readonly { readonly from: number; readonly to: number; readonly accounts: number }[];
    readonly byBand: readonly {
      readonly band: RiskBand;
      readonly accounts: number;
      readonly share: number;
    }[];
  };
  readonly rollRates: {
    /** Accounts with a known previous bucket. */
    readonly accounts: number;
    readonly buckets: readonly Bucket[];
    readonly rows: readonly RollRateRow[];
  };
  readonly offers: {
    readonly drafts: number;
    readonly ready: number;
    readonly blocked: number;
    readonly accountsOffered: number;
    readonly byTier: readonly { readonly tier: Tier; readonly ready: number; readonly blocked: number }[];
    readonly accepted: {
      readonly accounts: number;
      readonly byKind: Record<RepaymentPlan['kind'], number>;
      /** Accounts with a draft that accepted a plan, over accounts with a draft. */
      readonly rateAmongOffered: number;
    };
  };
  readonly promises: {
    /** Accounts with a promise on them now. */
    readonly open: number;
    readonly recorded: number;
    readonly pending: number;
    readonly kept: number;
    readonly broken: number;
    readonly superseded: number;
    /** kept / (kept + broken); null before any promise fell due. */
    readonly keptRate: number | null;
  };
  readonly blockedContacts: {
    readonly messages: number;
    readonly byReason: readonly { readonly reason: string; readonly messages: number }[];
    readonly byChannel: Record<OutboundChannel, number>;
  };
  readonly variants: readonly VariantRow[];
  readonly payments: PaymentMetrics;
  /** Figures over the chosen range, with trends: every block, agents, escalations. */
  readonly activity: Activity;
}

const HISTOGRAM_BINS = 10;
const TIERS = Object.keys(TREATMENT_POLICY.tiers) as Tier[];
const VARIANTS: readonly Variant[] = ['champion', 'challenger'];
const PLAN_KINDS: readonly RepaymentPlan['kind'][] = ['pay_in_full', 'settlement', 'instalment', 'hardship'];

const ratio = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
const zeroMoney = (): MoneyByCurrency => ({ USD: 0, CNY: 0 });
const countBy = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

export function buildDashboard(input: DashboardInput, now: Date, days: RangeDays = DEFAULT_RANGE): Dashboard {
  const today = now.toISOString().slice(0, 10);
  const outcomes = promiseOutcomes(input.promiseEntries, today);
  return {
    generatedAt: now.toISOString(),
    today,
    portfolio: portfolio(input.accounts),
    scores: scores(input.accounts),
    rollRates: rollRates(input.accounts, days <= 30 ? 1 : 3),
    offers: offers(input.accounts, input.drafts),
    promises: promises(input.accounts, input.promiseEntries, today),
    blockedContacts: blockedContacts(input.blockedMessages),
    variants: variants(input.accounts),
    payments: paymentMetrics(input.payments),
    activity: activity(
      {
        blocks: allBlocks(input),
        calls: input.calls ?? [],
        entries: input.promiseEntries,
        promiseOutcome: (accountId, dueDate) => {
          const outcome = outcomes.get(`${accountId}#${dueDate}`);
          return outcome === 'kept' || outcome === 'broken' ? outcome : 'open';
        },
      },
      days,
      now,
    ),
  };
}

/** Every block as a fact with its time: blocked drafts, blocked sends, and the audit trail's. */
function allBlocks(input: DashboardInput): BlockRow[] {
  const rows = (
    source: BlockSource,
    accountId: string,
    at: string | undefined,
    reasons?: readonly string[],
  ) =>
    at
      ? [{ accountId, source, at, rules: [...new Set((reasons ?? []).map(reasonCode).filter(Boolean))] }]
      : [];
  return [
    ...input.drafts.flatMap((draft) =>
      draft.status === 'blocked' ? rows('draft', draft.accountId, draft.createdAt, draft.reasons) : [],
    ),
    ...input.blockedMessages.flatMap((message) =>
      rows('send', message.accountId, message.at, message.blockedReasons),
    ),
    ...(input.gateBlocks ?? []),
  ];
}

function portfolio(accounts: readonly DashboardAccount[]): Dashboard['portfolio'] {
  const row = <K extends string>(key: K) => ({
    key,
    accounts: 0,
    balanceMinor: zeroMoney(),
    amountOverdueMinor: zeroMoney(),
  });
  const byBucket = new Map(BUCKETS.map((bucket) => [bucket, row(bucket)]));
  const byTier = new Map(TIERS.map((tier) => [tier, row(tier)]));
  const total = row('total');
  const unscored = row('unscored');
  const add = (target: ReturnType<typeof row>, account: DashboardAccount) => {
    target.accounts += 1;
    if (!(account.currency in target.balanceMinor)) return;
    target.balanceMinor[account.currency] += account.balanceMinor;
    target.amountOverdueMinor[account.currency] += account.amountOverdueMinor;
  };
  for (const account of accounts) {
    add(total, account);
    const treatment = account.treatment;
    if (!treatment) {
      add(unscored, account);
      continue;
    }
    const bucketRow = byBucket.get(treatment.bucket);
    const tierRow = byTier.get(treatment.tier);
    if (bucketRow) add(bucketRow, account);
    if (tierRow) add(tierRow, account);
  }
  const { key: _key, ...unscoredFigures } = unscored;
  return {
    accounts: total.accounts,
    balanceMinor: total.balanceMinor,
    amountOverdueMinor: total.amountOverdueMinor,
    byBucket: [...byBucket.values()],
    byTier: [...byTier.values()],
    unscored: unscoredFigures,
  };
}

/** 10 equal bins with integer edges covering the observed scores: [from, to). */
export function scoreHistogram(scoresSeen: readonly number[]): Dashboard['scores']['histogram'] {
  if (scoresSeen.length === 0) return [];
  const min = scoresSeen.reduce((low, score) => Math.min(low, score));
  const max = scoresSeen.reduce((high, score) => Math.max(high, score));
  const from = Math.floor(min / 10) * 10;
  const width = Math.max(1, Math.ceil((max + 1 - from) / HISTOGRAM_BINS));
  const bins = Array.from({ length: HISTOGRAM_BINS }, (_, index) => ({
    from: from + index * width,
    to: from + (index + 1) * width,
    accounts: 0,
  }));
  for (const score of scoresSeen) {
    bins[Math.min(HISTOGRAM_BINS - 1, Math.floor((score - from) / width))]!.accounts += 1;
  }
  return bins;
}

function scores(accounts: readonly DashboardAccount[]): Dashboard['scores'] {
  const scored = accounts.filter((account) => typeof account.risk?.score === 'number');
  const bands = countBy(RISK_BANDS);
  for (const account of scored) {
    const band = account.risk?.band;
    if (band && band in bands) bands[band] += 1;
  }
  return {
    scored: scored.length,
    histogram: scoreHistogram(scored.map((account) => account.risk!.score)),
    byBand: RISK_BANDS.map((band) => ({
      band,
      accounts: bands[band],
      share: ratio(bands[band], scored.length),
    })),
  };
}

/** A statement's months-of-delay status as a delinquency bucket (about 30 days a month). */
export function bucketOfPayStatus(payStatus: number): Bucket {
  if (payStatus <= 0) return 'current';
  if (payStatus === 1) return 'dpd_1_30';
  if (payStatus === 2) return 'dpd_31_60';
  if (payStatus === 3) return 'dpd_61_90';
  if (payStatus <= 6) return 'dpd_91_180';
  return 'dpd_180_plus';
}

/** Bucket moves between the latest `months` + 1 statements of each account (see the header). */
export function rollRates(accounts: readonly DashboardAccount[], months = 1): Dashboard['rollRates'] {
  const counts = new Map(BUCKETS.map((bucket) => [bucket, countBy(BUCKETS)]));
  const moved = new Set<string>();
  for (const account of accounts) {
    const statements = account.statements ?? [];
    for (let index = 0; index < Math.min(months, statements.length - 1); index++) {
      const after = statements[index]!;
      const beforeIt = statements[index + 1]!;
      if (typeof after.payStatus !== 'number' || typeof beforeIt.payStatus !== 'number') continue;
      counts.get(bucketOfPayStatus(beforeIt.payStatus))![bucketOfPayStatus(after.payStatus)] += 1;
      moved.add(account.accountId);
    }
  }
  const rows = BUCKETS.map((from) => {
    const row = counts.get(from)!;
    const total = BUCKETS.reduce((sum, to) => sum + row[to], 0);
    const rates = countBy(BUCKETS);
    for (const to of BUCKETS) rates[to] = ratio(row[to], total);
    return { from, total, counts: row, rates };
  });
  return { accounts: moved.size, buckets: BUCKETS, rows };
}

function offers(
  accounts: readonly DashboardAccount[],
  drafts: readonly DashboardDraft[],
): Dashboard['offers'] {
  const byTier = new Map<Tier, { tier: Tier; ready: number; blocked: number }>();
  for (const draft of drafts) {
    const row = byTier.get(draft.tier) ?? { tier: draft.tier, ready: 0, blocked: 0 };
    row[draft.status === 'ready' ? 'ready' : 'blocked'] += 1;
    byTier.set(draft.tier, row);
  }
  const offered = new Set(drafts.map((draft) => draft.accountId));
  const withPlan = accounts.filter((account) => account.repaymentPlan);
  const byKind = countBy(PLAN_KINDS);
  for (const account of withPlan) {
    const kind = account.repaymentPlan!.kind;
    if (kind in byKind) byKind[kind] += 1;
  }
  const acceptedOffered = withPlan.filter((account) => offered.has(account.accountId)).length;
  const ready = drafts.filter((draft) => draft.status === 'ready').length;
  return {
    drafts: drafts.length,
    ready,
    blocked: drafts.length - ready,
    accountsOffered: offered.size,
    byTier: TIERS.flatMap((tier) => {
      const row = byTier.get(tier);
      return row ? [row] : [];
    }),
    accepted: {
      accounts: withPlan.length,
      byKind,
      rateAmongOffered: ratio(acceptedOffered, offered.size),
    },
  };
}

type PromiseOutcome = 'pending' | 'kept' | 'broken' | 'superseded';

/** Each recorded promise (`<accountId>#<dueDate>`) and what became of it (see the header). */
export function promiseOutcomes(
  entries: readonly PromiseAuditEntry[],
  today: string,
): Map<string, PromiseOutcome> {
  const key = (entry: { accountId: string; dueDate?: string }) => `${entry.accountId}#${entry.dueDate}`;
  const broken = new Set(entries.filter((entry) => entry.kind === 'PromiseBroken' && entry.dueDate).map(key));
  // One promise per account and due date: a promise restated with the same date is the same promise.
  const recorded = new Map<string, PromiseAuditEntry & { dueDate: string }>();
  for (const entry of entries) {
    if (entry.kind !== 'PromiseToPayRecorded' || !entry.dueDate) continue;
    const seen = recorded.get(key(entry));
    if (!seen || entry.at < seen.at) recorded.set(key(entry), { ...entry, dueDate: entry.dueDate });
  }
  const promisesOf = new Map<string, (PromiseAuditEntry & { dueDate: string })[]>();
  for (const promise of recorded.values()) {
    promisesOf.set(promise.accountId, [...(promisesOf.get(promise.accountId) ?? []), promise]);
  }
  const outcomes = new Map<string, PromiseOutcome>();
  for (const [promiseKey, promise] of recorded) {
    if (broken.has(promiseKey)) outcomes.set(promiseKey, 'broken');
    else if (promise.dueDate >= today) outcomes.set(promiseKey, 'pending');
    else {
      const replaced = (promisesOf.get(promise.accountId) ?? []).some(
        (other) => other !== promise && other.at > promise.at && other.at.slice(0, 10) <= promise.dueDate,
      );
      outcomes.set(promiseKey, replaced ? 'superseded' : 'kept');
    }
  }
  return outcomes;
}

export function promises(
  accounts: readonly DashboardAccount[],
  entries: readonly PromiseAuditEntry[],
  today: string,
): Dashboard['promises'] {
  const outcomes = [...promiseOutcomes(entries, today).values()];
  const count = (outcome: PromiseOutcome) => outcomes.filter((o) => o === outcome).length;
  const kept = count('kept');
  // Every promise found broken, its recording in the trail or not.
  const broken = new Set(
    entries.flatMap((entry) =>
      entry.kind === 'PromiseBroken' && entry.dueDate ? [`${entry.accountId}#${entry.dueDate}`] : [],
    ),
  ).size;
  return {
    open: accounts.filter((account) => account.promise).length,
    recorded: outcomes.length,
    pending: count('pending'),
    kept,
    broken,
    superseded: count('superseded'),
    keptRate: kept + broken === 0 ? null : ratio(kept, kept + broken),
  };
}

export { reasonCode };

function blockedContacts(messages: readonly BlockedMessage[]): Dashboard['blockedContacts'] {
  const byReason = new Map<string, number>();
  const byChannel: Record<OutboundChannel, number> = { sms: 0, email: 0, portal: 0 };
  for (const message of messages) {
    if (message.channel in byChannel) byChannel[message.channel] += 1;
    const codes = new Set((message.blockedReasons ?? []).map(reasonCode).filter(Boolean));
    if (codes.size === 0) codes.add('UNSPECIFIED');
    for (const code of codes) byReason.set(code, (byReason.get(code) ?? 0) + 1);
  }
  return {
    messages: messages.length,
    byReason: [...byReason]
      .map(([reason, count]) => ({ reason, messages: count }))
      .sort((a, b) => b.messages - a.messages || a.reason.localeCompare(b.reason)),
    byChannel,
  };
}

function variants(accounts: readonly DashboardAccount[]): VariantRow[] {
  return VARIANTS.map((variant) => {
    const members = accounts.filter((account) => account.treatment?.variant === variant);
    const scored = members.flatMap((account) =>
      typeof account.risk?.score === 'number' ? [account.risk.score] : [],
    );
    const inArrears = members.filter((account) => account.treatment?.bucket !== 'current').length;
    const plans = members.filter((account) => account.repaymentPlan).length;
    return {
      variant,
      accounts: members.length,
      averageScore:
        scored.length === 0
          ? null
          : Math.round((scored.reduce((sum, score) => sum + score, 0) / scored.length) * 10) / 10,
      inArrears,
      inArrearsShare: ratio(inArrears, members.length),
      plansAccepted: plans,
      planAcceptanceRate: ratio(plans, members.length),
    };
  });
}

export async function supervisorDashboard(
  deps: { source: DashboardSource; clock: { now(): Date } },
  days: RangeDays = DEFAULT_RANGE,
): Promise<Dashboard> {
  const [accounts, drafts, blockedMessages, promiseEntries, payments, gateBlocks, calls] = await Promise.all([
    deps.source.accounts(),
    deps.source.drafts(),
    deps.source.blockedMessages(),
    deps.source.promiseEntries(),
    deps.source.payments(),
    deps.source.gateBlocks(),
    deps.source.calls(),
  ]);
  return buildDashboard(
    { accounts, drafts, blockedMessages, promiseEntries, payments, gateBlocks, calls },
    deps.clock.now(),
    days,
  );
}
