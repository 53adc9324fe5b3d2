import { beforeAll, describe, expect, it } from 'vitest';
import type { DetailOf } from '../../contracts/events';
import { committedRiskModel } from '../../lambdas/adapters/committed-risk-model';
import { DynamoAccountRepository } from '../../lambdas/adapters/dynamodb/account-repository';
import { batchPutAll } from '../../lambdas/adapters/dynamodb/batch-write';
import { DynamoPortfolioSegments } from '../../lambdas/adapters/dynamodb/portfolio-segments';
import { DynamoScoringRunStore } from '../../lambdas/adapters/dynamodb/scoring-run-store';
import type { Account } from '../../lambdas/domain/accounts/account';
import type { DomainEvent, EventPublisher } from '../../lambdas/domain/ports';
import { LeaseLostError, SegmentBusyError } from '../../lambdas/domain/scoring/scoring-run';
import { type SegmentJob, scoreSegment } from '../../lambdas/domain/scoring/segment-worker';
import { startScoringRun } from '../../lambdas/domain/scoring/start-run';
import { TREATMENT_POLICY } from '../../lambdas/domain/treatment/treatment-policy';
import { generateDemoPortfolio } from '../../local/seed/demo-portfolio';
import { freshTables } from '../support/dynamodb';

class RecordingBus implements EventPublisher {
  readonly events: DomainEvent[] = [];
  /** Throws instead of publishing on the given call numbers (1-based): a crash before the events left. */
  failOnCalls = new Set<number>();
  private calls = 0;
  async publish(events: readonly DomainEvent[]) {
    this.calls++;
    if (this.failOnCalls.has(this.calls)) throw new Error('simulated crash before publishing');
    this.events.push(...events);
  }
  of<T>(detailType: string) {
    return this.events.filter((e) => e.detailType === detailType).map((e) => e.detail as T);
  }
  clear() {
    this.events.length = 0;
    this.calls = 0;
    this.failOnCalls.clear();
  }
}

const SEGMENTS = 4;
const ACCOUNTS = 600;

describe('scoring run on DynamoDB Local', () => {
  let now = new Date('2026-11-23T02:00:00Z');
  const clock = { now: () => now };
  const bus = new RecordingBus();
  let runs: DynamoScoringRunStore;
  let portfolio: DynamoPortfolioSegments;
  let accounts: DynamoAccountRepository;

  const workerDeps = (workerId: string, overrides: Partial<Parameters<typeof scoreSegment>[0]> = {}) => ({
    portfolio,
    runs,
    events: bus,
    clock,
    model: committedRiskModel,
    policy: TREATMENT_POLICY,
    workerId,
    pageSize: 50,
    leaseMs: 60_000,
    shouldYield: () => false,
    ...overrides,
  });

  async function runToCompletion(runId: string) {
    bus.clear();
    await startScoringRun(
      { runs, events: bus, clock, model: committedRiskModel, policy: TREATMENT_POLICY },
      { runId, trigger: 'manual', segments: SEGMENTS },
    );
    const jobs = bus.of<SegmentJob>('ScoringSegmentRequested');
    expect(jobs).toHaveLength(SEGMENTS);
    const outcomes = await Promise.all(
      jobs.map((job) => scoreSegment(workerDeps(`worker-${job.segment}`), job)),
    );
    return { outcomes, run: (await runs.get(runId))!.run };
  }

  beforeAll(async () => {
    const { db, names } = await freshTables();
    runs = new DynamoScoringRunStore(db, names.scoringRuns);
    portfolio = new DynamoPortfolioSegments(db, names.accounts);
    accounts = new DynamoAccountRepository(db, names.accounts);
    const demo = generateDemoPortfolio({ count: ACCOUNTS, seed: 7, asOf: '2026-11-23' });
    const broken = [
      { ...demo[0]!, accountId: 'ACC-BAD-LIMIT', creditLimitMinor: -100 },
      { ...demo[1]!, accountId: 'ACC-BAD-HISTORY', statements: [{ month: '2026-10', payStatus: 'late' }] },
      { ...demo[2]!, accountId: 'ACC-BAD-DUE-DATE', oldestUnpaidDueDate: 'someday' },
    ] as unknown as Account[];
    await batchPutAll(db, names.accounts, [...demo, ...broken] as never);
  });

  it('scores every account across the segments, flags what it cannot read, and announces each new tier once', async () => {
    const { outcomes, run } = await runToCompletion('run-1');
    expect(outcomes).toEqual(Array(SEGMENTS).fill('completed'));
    expect(run).toMatchObject({
      status: 'completed',
      segmentsDone: SEGMENTS,
      accountsScored: ACCOUNTS + 2,
      accountsFlagged: 1,
      accountsChanged: ACCOUNTS + 2,
      modelVersion: committedRiskModel.version,
      policyVersion: TREATMENT_POLICY.version,
    });
    const changes = bus.of<DetailOf<'TreatmentChanged'>>('TreatmentChanged');
    expect(changes).toHaveLength(ACCOUNTS + 2);
    expect(new Set(changes.map((c) => c.changeId)).size).toBe(changes.length);
    expect(run.tierChanges).toBe(changes.length);
    expect(run.eventsPublished).toBe(changes.length);
    expect(
      changes.every(
        (c) => c.previous.tier === null && (c.variant === 'champion' || c.variant === 'challenger'),
      ),
    ).toBe(true);

    const scored = (await accounts.get('ACC-000001'))!;
    expect(scored.risk).toMatchObject({ modelVersion: committedRiskModel.version, fallback: false });
    expect(scored.risk!.reasons.length).toBeGreaterThan(0);
    expect(scored.treatment).toMatchObject({ runId: 'run-1', policyVersion: TREATMENT_POLICY.version });
    expect((await accounts.get('ACC-BAD-LIMIT'))!.risk).toMatchObject({
      fallback: true,
      reasons: [expect.objectContaining({ code: 'INSUFFICIENT_DATA' })],
    });
    expect((await accounts.get('ACC-BAD-HISTORY'))!.risk?.fallback).toBe(true);
    expect((await accounts.get('ACC-BAD-DUE-DATE'))!.treatment).toBeUndefined();
  });

  it('writes and announces nothing when re-run on the unchanged portfolio', async () => {
    const { run } = await runToCompletion('run-2');
    expect(run).toMatchObject({
      status: 'completed',
      accountsScored: ACCOUNTS + 2,
      accountsChanged: 0,
      eventsPublished: 0,
    });
    expect((await accounts.get('ACC-000001'))!.treatment?.runId).toBe('run-1');
  });

  it('does nothing for a segment request delivered again after the segment finished', async () => {
    bus.clear();
    const outcome = await scoreSegment(workerDeps('late-duplicate'), {
      runId: 'run-2',
      segment: 0,
      totalSegments: SEGMENTS,
    });
    expect(outcome).toBe('already_done');
    expect(bus.events).toEqual([]);
    expect((await runs.get('run-2'))!.run.accountsScored).toBe(ACCOUNTS + 2);
  });

  it('resumes a worker that crashed mid-segment without losing or doubling a single announcement', async () => {
    now = new Date('2027-01-05T02:00:00Z'); // 43 days on: many accounts move bucket and tier
    bus.clear();
    await startScoringRun(
      { runs, events: bus, clock, model: committedRiskModel, policy: TREATMENT_POLICY },
      { runId: 'run-3', trigger: 'manual', segments: SEGMENTS },
    );
    const jobs = bus.of<SegmentJob>('ScoringSegmentRequested');
    bus.clear();
    // Segment 0's worker dies on its second page: accounts written, announcement not yet sent, no checkpoint.
    bus.failOnCalls.add(2);
    await expect(scoreSegment(workerDeps('crashing'), jobs[0]!)).rejects.toThrow('simulated crash');
    const progress = (await runs.get('run-3'))!.segments.find((s) => s.segment === 0)!;
    expect(progress).toMatchObject({ status: 'running', pages: 1 });

    // Lambda retries the same invocation (same request id): it resumes after the last checkpoint.
    expect(await scoreSegment(workerDeps('crashing'), jobs[0]!)).toBe('completed');
    await Promise.all(jobs.slice(1).map((job) => scoreSegment(workerDeps(`worker-${job.segment}`), job)));

    const announced = bus.of<DetailOf<'TreatmentChanged'>>('TreatmentChanged').map((c) => c.changeId);
    expect(new Set(announced).size).toBe(announced.length);
    const { run } = (await runs.get('run-3'))!;
    expect(run.status).toBe('completed');
    expect(run.tierChanges).toBeGreaterThan(0);
    expect(announced).toHaveLength(run.eventsPublished);

    let tierChangedThisRun = 0;
    let writtenThisRun = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await portfolio.scanSegment(0, 1, startKey, 500);
      const mine = page.accounts.filter((a) => a.treatment?.runId === 'run-3');
      writtenThisRun += mine.length;
      tierChangedThisRun += mine.filter((a) => a.treatment?.tierChange).length;
      startKey = page.nextKey;
    } while (startKey);
    // The totals survive the crash: the crashed page is counted once, when it is finally checkpointed.
    expect(run.accountsChanged).toBe(writtenThisRun);
    expect(run.tierChanges).toBe(tierChangedThisRun);
    expect(announced).toHaveLength(tierChangedThisRun);
  });

  it('lets only one worker hold a segment, and fences out a worker whose lease was taken over', async () => {
    bus.clear();
    await startScoringRun(
      { runs, events: bus, clock, model: committedRiskModel, policy: TREATMENT_POLICY },
      { runId: 'run-4', trigger: 'manual', segments: SEGMENTS },
    );
    const first = await runs.claim('run-4', 1, 'worker-a', now, new Date(now.getTime() + 60_000));
    expect(first.kind).toBe('claimed');
    await expect(
      scoreSegment(workerDeps('worker-b'), { runId: 'run-4', segment: 1, totalSegments: SEGMENTS }),
    ).rejects.toThrow(SegmentBusyError);

    now = new Date(now.getTime() + 61_000); // worker-a went silent past its lease
    const takeover = await runs.claim('run-4', 1, 'worker-b', now, new Date(now.getTime() + 60_000));
    expect(takeover.kind).toBe('claimed');
    if (first.kind !== 'claimed') throw new Error('unreachable');
    await expect(
      runs.checkpoint(first.checkpoint, {
        lastKey: { accountId: 'ACC-000001' },
        counts: {
          accountsScored: 5,
          accountsChanged: 0,
          tierChanges: 0,
          accountsFlagged: 0,
          eventsPublished: 0,
        },
        leaseUntil: now,
      }),
    ).rejects.toThrow(LeaseLostError);
    expect((await runs.get('run-4'))!.run.accountsScored).toBe(0);
  });

  it('never overwrites an assessment that changed after the worker read it', async () => {
    const account = (await accounts.get('ACC-000002'))!;
    const change = {
      accountId: account.accountId,
      previousFingerprint: 'stale-fingerprint',
      risk: account.risk!,
      treatment: account.treatment!,
    };
    expect(await portfolio.writeAssessments([change])).toEqual(new Set());
    const current = {
      ...change,
      previousFingerprint: account.treatment!.fingerprint,
      treatment: { ...account.treatment!, runId: 'manual-fix' },
    };
    expect(await portfolio.writeAssessments([current])).toEqual(new Set(['ACC-000002']));
    expect(
      await portfolio.writeAssessments([
        { ...change, accountId: 'ACC-NOPE', previousFingerprint: undefined },
      ]),
    ).toEqual(new Set());
    expect(await accounts.get('ACC-NOPE')).toBeUndefined();
  });
});
