/** The records of a scheduled scoring run: one per run, one per segment of the parallel scan. */
import type { Account, RiskAssessment, Treatment } from '../accounts/account';

export interface RunCounters {
  readonly accountsScored: number;
  /** Accounts whose stored score or treatment changed (and were written). */
  readonly accountsChanged: number;
  readonly tierChanges: number;
  /** Accounts that could not be assessed (unreadable data); skipped, never stopping the run. */
  readonly accountsFlagged: number;
  readonly eventsPublished: number;
}

export const NO_COUNTS: RunCounters = {
  accountsScored: 0,
  accountsChanged: 0,
  tierChanges: 0,
  accountsFlagged: 0,
  eventsPublished: 0,
};

export const addCounts = (a: RunCounters, b: RunCounters): RunCounters => ({
  accountsScored: a.accountsScored + b.accountsScored,
  accountsChanged: a.accountsChanged + b.accountsChanged,
  tierChanges: a.tierChanges + b.tierChanges,
  accountsFlagged: a.accountsFlagged + b.accountsFlagged,
  eventsPublished: a.eventsPublished + b.eventsPublished,
});

export interface ScoringRun extends RunCounters {
  readonly runId: string;
  readonly trigger: 'schedule' | 'manual';
  readonly status: 'running' | 'completed';
  readonly totalSegments: number;
  readonly segmentsDone: number;
  readonly modelVersion: string;
  readonly policyVersion: string;
  readonly startedAt: string;
  readonly completedAt?: string;
}

export type ScanKey = Record<string, unknown>;

export interface SegmentCheckpoint extends RunCounters {
  readonly runId: string;
  readonly segment: number;
  readonly status: 'pending' | 'running' | 'done';
  /** Pages finished so far; each checkpoint must move it by exactly one, which fences out stale workers. */
  readonly pages: number;
  /** Where the scan resumes; absent before the first page and after the last. */
  readonly lastKey?: ScanKey;
  readonly leaseOwner?: string;
  readonly leaseUntil?: string;
}

export type SegmentClaim =
  | { readonly kind: 'claimed'; readonly checkpoint: SegmentCheckpoint }
  | { readonly kind: 'done' }
  | { readonly kind: 'busy'; readonly leaseOwner?: string; readonly leaseUntil?: string };

export interface ScoringRunStore {
  /** Creates the run and its pending segments; false if a run with this id exists already. */
  create(run: ScoringRun): Promise<boolean>;
  get(runId: string): Promise<{ run: ScoringRun; segments: SegmentCheckpoint[] } | undefined>;
  claim(runId: string, segment: number, owner: string, now: Date, leaseUntil: Date): Promise<SegmentClaim>;
  /** Records a finished page; throws LeaseLostError if another worker took the segment over. */
  checkpoint(
    checkpoint: SegmentCheckpoint,
    next: { lastKey: ScanKey; counts: RunCounters; leaseUntil: Date },
  ): Promise<SegmentCheckpoint>;
  /** Records the last page and marks the segment done; returns the run as it stands afterwards. */
  complete(checkpoint: SegmentCheckpoint, counts: RunCounters, now: Date): Promise<ScoringRun>;
  /** Gives the segment up before its lease ends, so a continuation can resume it at once. */
  release(checkpoint: SegmentCheckpoint): Promise<void>;
}

export interface AssessmentChange {
  readonly accountId: string;
  /** The fingerprint the worker read; the write happens only if it is still there. */
  readonly previousFingerprint: string | undefined;
  readonly risk: RiskAssessment;
  readonly treatment: Treatment;
}

/** Only what scoring reads of an account (no contact data): the limit, statements, arrears, flags, last result. */
export type ScoringAccount = Pick<
  Account,
  'accountId' | 'currency' | 'creditLimitMinor' | 'statements' | 'oldestUnpaidDueDate' | 'flags' | 'treatment'
> & { readonly risk?: Pick<RiskAssessment, 'modelVersion' | 'band' | 'score' | 'probabilityOfDefault'> };

/** The attribute paths behind ScoringAccount, for a projected scan. */
export const SCORING_ATTRIBUTES = [
  'accountId',
  'currency',
  'creditLimitMinor',
  'statements',
  'oldestUnpaidDueDate',
  'flags',
  'treatment',
  'risk.modelVersion',
  'risk.band',
  'risk.score',
  'risk.probabilityOfDefault',
] as const;

export interface PortfolioSegments {
  scanSegment(
    segment: number,
    totalSegments: number,
    startKey: ScanKey | undefined,
    limit: number,
  ): Promise<{ accounts: ScoringAccount[]; nextKey?: ScanKey }>;
  /** Writes the changes whose previous fingerprint still holds; returns the account ids written. */
  writeAssessments(changes: readonly AssessmentChange[]): Promise<Set<string>>;
}

export class LeaseLostError extends Error {
  readonly code = 'SEGMENT_LEASE_LOST';
}

export class SegmentBusyError extends Error {
  readonly code = 'SEGMENT_BUSY';
}
