/**
 * Scores one segment of the parallel scan, page by page. Resumable: every page ends in a checkpoint, and a
 * worker that finds a checkpoint resumes after it. Idempotent: an account is written only if its assessment
 * changed (and only if nobody changed it since it was read), so a re-run changes nothing twice; tier changes
 * written by this run but perhaps not yet announced (a crash between write and checkpoint) are announced again
 * with the same change id, which consumers de-duplicate on.
 */
import { type DetailOf, domainEvent } from '../../../contracts/events';
import type { RiskAssessment, Treatment } from '../accounts/account';
import type { BusinessMetrics } from '../business-metrics';
import type { Clock, DomainEvent, EventPublisher } from '../ports';
import type { TreatmentPolicy } from '../treatment/treatment-policy';
import { assessRisk, decideTreatment } from './account-assessment';
import type { RiskModelArtifact } from './risk-model';
import {
  type AssessmentChange,
  type PortfolioSegments,
  type RunCounters,
  type ScanKey,
  type ScoringAccount,
  type ScoringRunStore,
  SegmentBusyError,
  type SegmentCheckpoint,
} from './scoring-run';

/** A segment of a run to score: the `ScoringSegmentRequested` detail. */
export type SegmentJob = DetailOf<'ScoringSegmentRequested'>;

export interface SegmentWorkerDeps {
  readonly portfolio: PortfolioSegments;
  readonly runs: ScoringRunStore;
  readonly events: EventPublisher;
  readonly clock: Clock;
  readonly model: RiskModelArtifact;
  readonly policy: TreatmentPolicy;
  /** Identifies this worker; a retry of the same invocation may reclaim its own lease at once. */
  readonly workerId: string;
  readonly pageSize: number;
  readonly leaseMs: number;
  /** True when the worker should stop after the current page (e.g. the Lambda is about to time out). */
  readonly shouldYield: () => boolean;
  readonly onFlagged?: (accountId: string, error: unknown) => void;
  /** Business figures counted here (catalog/metrics.ts); none: not counted. */
  readonly metrics?: BusinessMetrics;
}

export type SegmentOutcome = 'completed' | 'already_done' | 'yielded';

const leaseEnd = (clock: Clock, leaseMs: number) => new Date(clock.now().getTime() + leaseMs);

/**
 * The treatment a run (or an event's re-tiering) writes: the decision, when and by which run, and the tier
 * change it makes, if any, against the treatment stored before.
 */
export function assessedTreatment(
  accountId: string,
  decision: ReturnType<typeof decideTreatment>,
  stored: Treatment | undefined,
  runId: string,
  now: Date,
): Treatment {
  return {
    ...decision,
    assessedAt: now.toISOString(),
    runId,
    ...(stored?.tier !== decision.tier
      ? {
          tierChange: {
            changeId: `${accountId}:${runId}`,
            previousTier: stored?.tier ?? null,
            previousBucket: stored?.bucket ?? null,
          },
        }
      : {}),
  };
}

export function treatmentChangedEvent(
  accountId: string,
  risk: Pick<RiskAssessment, 'modelVersion' | 'band' | 'score' | 'probabilityOfDefault'>,
  treatment: Treatment,
): DomainEvent<'TreatmentChanged'> {
  const change = treatment.tierChange!;
  return domainEvent('TreatmentChanged', {
    changeId: change.changeId,
    accountId,
    runId: treatment.runId,
    variant: treatment.variant,
    policyVersion: treatment.policyVersion,
    modelVersion: risk.modelVersion,
    previous: { tier: change.previousTier, bucket: change.previousBucket },
    current: {
      tier: treatment.tier,
      bucket: treatment.bucket,
      band: risk.band,
      score: risk.score,
      probabilityOfDefault: risk.probabilityOfDefault,
    },
    assessedAt: treatment.assessedAt,
  });
}

interface PagePlan {
  readonly changes: AssessmentChange[];
  /** Accounts this run already wrote before a crash: counted again, since their page was never checkpointed. */
  readonly writtenBeforeResume: number;
  /** Tier changes this run already wrote, re-announced after a resume. */
  readonly reannounce: DomainEvent<'TreatmentChanged'>[];
  readonly flagged: number;
}

function planPage(deps: SegmentWorkerDeps, runId: string, accounts: readonly ScoringAccount[]): PagePlan {
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const changes: AssessmentChange[] = [];
  const reannounce: DomainEvent<'TreatmentChanged'>[] = [];
  let writtenBeforeResume = 0;
  let flagged = 0;
  for (const account of accounts) {
    let risk: RiskAssessment;
    let decision: ReturnType<typeof decideTreatment>;
    try {
      risk = assessRisk(deps.model, account);
      decision = decideTreatment(deps.policy, account, risk, today);
    } catch (error) {
      flagged++;
      deps.onFlagged?.(account.accountId, error);
      continue;
    }
    const stored = account.treatment;
    if (stored?.fingerprint === decision.fingerprint) {
      if (stored.runId === runId) {
        writtenBeforeResume++;
        if (stored.tierChange && account.risk)
          reannounce.push(treatmentChangedEvent(account.accountId, account.risk, stored));
      }
      continue;
    }
    const treatment = assessedTreatment(account.accountId, decision, stored, runId, now);
    changes.push({ accountId: account.accountId, previousFingerprint: stored?.fingerprint, risk, treatment });
  }
  return { changes, writtenBeforeResume, reannounce, flagged };
}

async function processPage(
  deps: SegmentWorkerDeps,
  runId: string,
  accounts: readonly ScoringAccount[],
): Promise<RunCounters> {
  const plan = planPage(deps, runId, accounts);
  const written = await deps.portfolio.writeAssessments(plan.changes);
  const announcements = plan.changes
    .filter((change) => written.has(change.accountId) && change.treatment.tierChange)
    .map((change) => treatmentChangedEvent(change.accountId, change.risk, change.treatment));
  const events = [...announcements, ...plan.reannounce];
  await deps.events.publish(events);
  deps.metrics?.count('AccountsScored', { value: accounts.length - plan.flagged });
  for (const announced of announcements)
    deps.metrics?.count('TierChanges', { by: announced.detail.current.tier });
  return {
    accountsScored: accounts.length - plan.flagged,
    accountsChanged: written.size + plan.writtenBeforeResume,
    tierChanges: events.length,
    accountsFlagged: plan.flagged,
    eventsPublished: events.length,
  };
}

export async function scoreSegment(deps: SegmentWorkerDeps, job: SegmentJob): Promise<SegmentOutcome> {
  const claim = await deps.runs.claim(
    job.runId,
    job.segment,
    deps.workerId,
    deps.clock.now(),
    leaseEnd(deps.clock, deps.leaseMs),
  );
  if (claim.kind === 'done') return 'already_done';
  if (claim.kind === 'busy') {
    throw new SegmentBusyError(
      `Segment ${job.segment} of run ${job.runId} is leased by ${claim.leaseOwner} until ${claim.leaseUntil}.`,
    );
  }
  let checkpoint: SegmentCheckpoint = claim.checkpoint;
  const scan = (startKey: ScanKey | undefined) =>
    deps.portfolio.scanSegment(job.segment, job.totalSegments, startKey, deps.pageSize);
  let nextPage = scan(checkpoint.lastKey);
  for (;;) {
    const page = await nextPage;
    // Read the next page while this one is scored and written; if the worker dies, it is simply read again.
    if (page.nextKey) {
      nextPage = scan(page.nextKey);
      nextPage.catch(() => {}); // a worker that stops early must not leave an unhandled rejection behind
    }
    const counts = await processPage(deps, job.runId, page.accounts);
    if (!page.nextKey) {
      await deps.runs.complete(checkpoint, counts, deps.clock.now());
      return 'completed';
    }
    checkpoint = await deps.runs.checkpoint(checkpoint, {
      lastKey: page.nextKey,
      counts,
      leaseUntil: leaseEnd(deps.clock, deps.leaseMs),
    });
    if (deps.shouldYield()) {
      await deps.runs.release(checkpoint);
      return 'yielded';
    }
  }
}
