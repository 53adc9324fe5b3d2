/** Starts a scoring run: records it with its segments, then asks for every segment to be scored. */
import { type DomainEvent, domainEvent } from '../../../contracts/events';
import type { Clock, EventPublisher } from '../ports';
import type { TreatmentPolicy } from '../treatment/treatment-policy';
import type { RiskModelArtifact } from './risk-model';
import { NO_COUNTS, type ScoringRun, type ScoringRunStore } from './scoring-run';
import type { SegmentJob } from './segment-worker';

export const segmentRequest = (job: SegmentJob): DomainEvent<'ScoringSegmentRequested'> =>
  domainEvent('ScoringSegmentRequested', job);

/**
 * Idempotent per run id (the scheduler's event id): a re-delivered trigger finds the run and asks again for
 * its unfinished segments, which workers skip if done.
 */
export async function startScoringRun(
  deps: {
    runs: ScoringRunStore;
    events: EventPublisher;
    clock: Clock;
    model: RiskModelArtifact;
    policy: TreatmentPolicy;
  },
  request: { runId: string; trigger: ScoringRun['trigger']; segments: number },
): Promise<ScoringRun> {
  const run: ScoringRun = {
    ...NO_COUNTS,
    runId: request.runId,
    trigger: request.trigger,
    status: 'running',
    totalSegments: request.segments,
    segmentsDone: 0,
    modelVersion: deps.model.version,
    policyVersion: deps.policy.version,
    startedAt: deps.clock.now().toISOString(),
  };
  const created = await deps.runs.create(run);
  const existing = created ? { run, segments: [] } : await deps.runs.get(request.runId);
  if (!existing) throw new Error(`Run ${request.runId} vanished while starting.`);
  const done = new Set(existing.segments.filter((s) => s.status === 'done').map((s) => s.segment));
  const jobs = Array.from({ length: existing.run.totalSegments }, (_, segment) => segment)
    .filter((segment) => !done.has(segment))
    .map((segment) =>
      segmentRequest({ runId: request.runId, segment, totalSegments: existing.run.totalSegments }),
    );
  await deps.events.publish(jobs);
  return existing.run;
}
