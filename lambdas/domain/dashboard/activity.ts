/**
 * The dashboard's figures over a date range (the last 7, 30 or 90 days), each with its daily trend and the
 * same figure over the period before, read from persisted facts only:
 * - Blocks: every message the compliance gate stopped, by where it was stopped (drafts in the offers table,
 *   sends in the outbox, agents' messages and assistant replies in the audit trail: see gate-blocks.ts) and by
 *   rule (a message stopped by two rules counts once under each rule, once in the total).
 * - Agents: calls each agent logged (contact log), promises each took on a call (audit), and how many of
 *   those fell due kept or broken (the promise rules of `promises` in dashboard.ts).
 * - Escalations: each customer's request for a person in the period, answered when an agent joined that
 *   account's chat afterwards; minutes from request to answer (median and 90th percentile), and how many wait.
 */
import type { BlockSource } from './gate-blocks';
import { BLOCK_SOURCES } from './gate-blocks';

export const RANGES = [7, 30, 90] as const;
export type RangeDays = (typeof RANGES)[number];
export const DEFAULT_RANGE: RangeDays = 30;

export interface BlockRow {
  readonly accountId: string;
  readonly source: BlockSource;
  readonly at: string;
  /** Rule codes (`NO_SMS_CONSENT`, `FORBIDDEN_THREAT`, …); none recorded: `UNSPECIFIED`. */
  readonly rules: readonly string[];
  readonly agentId?: string;
}

export interface CallRow {
  readonly accountId: string;
  readonly agentId: string;
  readonly at: string;
  readonly outcome: string;
}

/** Audit entries the activity figures read. */
export interface ActivityEntry {
  readonly accountId: string;
  readonly kind: 'PromiseToPayRecorded' | 'PromiseBroken' | 'EscalationRequested' | 'AgentJoined';
  readonly at: string;
  readonly dueDate?: string;
  readonly agentId?: string;
}

export interface Period {
  readonly days: RangeDays;
  /** First day in the range and today (UTC dates, both included). */
  readonly from: string;
  readonly to: string;
}

export interface AgentRow {
  readonly agentId: string;
  readonly calls: number;
  /** Calls that reached the customer (right party, promise, refusal). */
  readonly conversations: number;
  readonly promises: number;
  readonly kept: number;
  readonly broken: number;
  /** kept / (kept + broken); null while none of the agent's promises fell due. */
  readonly keptRate: number | null;
}

export interface TrendPoint {
  readonly date: string;
  readonly blocked: number;
  readonly calls: number;
  readonly promises: number;
  readonly escalations: number;
}

export interface Activity {
  readonly period: Period;
  readonly blocks: {
    readonly total: number;
    readonly previousTotal: number;
    readonly bySource: Record<BlockSource, number>;
    readonly byRule: readonly {
      readonly rule: string;
      readonly total: number;
      readonly bySource: Record<BlockSource, number>;
    }[];
  };
  readonly agents: readonly AgentRow[];
  readonly escalations: {
    readonly requested: number;
    readonly answered: number;
    readonly waiting: number;
    /** Minutes from request to an agent joining; null before any was answered. */
    readonly medianMinutes: number | null;
    readonly p90Minutes: number | null;
    readonly previousMedianMinutes: number | null;
  };
  readonly totals: { readonly calls: number; readonly promises: number };
  readonly previous: { readonly calls: number; readonly promises: number };
  /** One point per day of the period, oldest first. */
  readonly trend: readonly TrendPoint[];
}

const DAY_MS = 86_400_000;
const RIGHT_PARTY = new Set(['right_party', 'promise_to_pay', 'refused']);

const dayOf = (instant: string) => instant.slice(0, 10);
const addDaysTo = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);

export function periodOf(days: RangeDays, now: Date): Period {
  const to = now.toISOString().slice(0, 10);
  return { days, from: addDaysTo(to, -(days - 1)), to };
}

const within = (period: Pick<Period, 'from' | 'to'>, instant: string) => {
  const day = dayOf(instant);
  return day >= period.from && day <= period.to;
};
const before = (period: Period): Pick<Period, 'from' | 'to'> => ({
  from: addDaysTo(period.from, -period.days),
  to: addDaysTo(period.from, -1),
});

const zeroSources = () =>
  Object.fromEntries(BLOCK_SOURCES.map((source) => [source, 0])) as Record<BlockSource, number>;

/** Middle value (the lower of the two middle ones for an even count: a minute the data saw); null for none. */
function percentile(values: readonly number[], share: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

export interface ActivityInput {
  readonly blocks: readonly BlockRow[];
  readonly calls: readonly CallRow[];
  readonly entries: readonly ActivityEntry[];
  /** Keys `<accountId>#<dueDate>` of promises classified kept and broken (from `promises`). */
  readonly promiseOutcome: (accountId: string, dueDate: string) => 'kept' | 'broken' | 'open';
}

export function activity(input: ActivityInput, days: RangeDays, now: Date): Activity {
  const period = periodOf(days, now);
  const previousPeriod = before(period);
  const inPeriod = <T extends { at: string }>(rows: readonly T[]) =>
    rows.filter((row) => within(period, row.at));
  const inPrevious = <T extends { at: string }>(rows: readonly T[]) =>
    rows.filter((row) => within(previousPeriod, row.at));

  const blocks = inPeriod(input.blocks);
  const bySource = zeroSources();
  const byRule = new Map<string, Record<BlockSource, number>>();
  for (const block of blocks) {
    bySource[block.source] += 1;
    const rules = new Set(block.rules.length > 0 ? block.rules : ['UNSPECIFIED']);
    for (const rule of rules) {
      const row = byRule.get(rule) ?? zeroSources();
      row[block.source] += 1;
      byRule.set(rule, row);
    }
  }
  const sum = (row: Record<BlockSource, number>) => BLOCK_SOURCES.reduce((total, s) => total + row[s], 0);

  const promiseEntries = input.entries.filter(
    (entry): entry is ActivityEntry & { dueDate: string } =>
      entry.kind === 'PromiseToPayRecorded' && typeof entry.dueDate === 'string',
  );
  const agentPromises = promiseEntries.filter((entry) => entry.agentId);
  const calls = inPeriod(input.calls);
  const agents = new Map<
    string,
    { calls: number; conversations: number; promises: number; kept: number; broken: number }
  >();
  const agent = (agentId: string) => {
    const row = agents.get(agentId) ?? { calls: 0, conversations: 0, promises: 0, kept: 0, broken: 0 };
    agents.set(agentId, row);
    return row;
  };
  for (const call of calls) {
    const row = agent(call.agentId);
    row.calls += 1;
    if (RIGHT_PARTY.has(call.outcome)) row.conversations += 1;
  }
  for (const promise of inPeriod(agentPromises)) {
    const row = agent(promise.agentId!);
    row.promises += 1;
    const outcome = input.promiseOutcome(promise.accountId, promise.dueDate);
    if (outcome === 'kept') row.kept += 1;
    if (outcome === 'broken') row.broken += 1;
  }

  const escalationTimes = (range: Pick<Period, 'from' | 'to'>) => {
    const requests = input.entries.filter(
      (entry) => entry.kind === 'EscalationRequested' && within(range, entry.at),
    );
    const minutes: number[] = [];
    let waiting = 0;
    for (const request of requests) {
      const joined = input.entries
        .filter((entry) => entry.kind === 'AgentJoined' && entry.accountId === request.accountId)
        .map((entry) => entry.at)
        .filter((at) => at >= request.at)
        .sort()[0];
      if (joined) minutes.push(Math.round((Date.parse(joined) - Date.parse(request.at)) / 60_000));
      else waiting += 1;
    }
    return { requested: requests.length, minutes, waiting };
  };
  const escalations = escalationTimes(period);
  const earlierEscalations = escalationTimes(previousPeriod);

  const trend: TrendPoint[] = [];
  for (let day = period.from; day <= period.to; day = addDaysTo(day, 1)) {
    const on = (instant: string) => dayOf(instant) === day;
    trend.push({
      date: day,
      blocked: blocks.filter((block) => on(block.at)).length,
      calls: calls.filter((call) => on(call.at)).length,
      promises: promiseEntries.filter((entry) => on(entry.at)).length,
      escalations: input.entries.filter((entry) => entry.kind === 'EscalationRequested' && on(entry.at))
        .length,
    });
  }

  return {
    period,
    blocks: {
      total: blocks.length,
      previousTotal: inPrevious(input.blocks).length,
      bySource,
      byRule: [...byRule]
        .map(([rule, sources]) => ({ rule, total: sum(sources), bySource: sources }))
        .sort((a, b) => b.total - a.total || a.rule.localeCompare(b.rule)),
    },
    agents: [...agents]
      .map(([agentId, row]) => ({
        agentId,
        ...row,
        keptRate:
          row.kept + row.broken === 0
            ? null
            : Math.round((row.kept / (row.kept + row.broken)) * 10_000) / 10_000,
      }))
      .sort((a, b) => b.calls - a.calls || b.promises - a.promises || a.agentId.localeCompare(b.agentId)),
    escalations: {
      requested: escalations.requested,
      answered: escalations.minutes.length,
      waiting: escalations.waiting,
      medianMinutes: percentile(escalations.minutes, 0.5),
      p90Minutes: percentile(escalations.minutes, 0.9),
      previousMedianMinutes: percentile(earlierEscalations.minutes, 0.5),
    },
    totals: { calls: calls.length, promises: inPeriod(promiseEntries).length },
    previous: { calls: inPrevious(input.calls).length, promises: inPrevious(promiseEntries).length },
    trend,
  };
}
