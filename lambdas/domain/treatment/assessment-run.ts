import { DETAIL_TYPES, EVENT_SOURCES } from '../../../lib/catalog/events';
import type { Treatment } from '../accounts/account';
import { assessDelinquency } from '../accounts/delinquency';
import type { AccountRepository, Clock, DomainEvent, EventPublisher } from '../ports';

export interface TreatmentChangedDetail {
  readonly accountId: string;
  readonly runId: string;
  readonly previous: Pick<Treatment, 'bucket' | 'tier'> | null;
  readonly current: Treatment;
}

export interface AssessmentRunSummary {
  readonly runId: string;
  readonly accountsAssessed: number;
  readonly treatmentsChanged: number;
  readonly eventsPublished: number;
}

const sameTreatment = (a: Treatment | undefined, b: Pick<Treatment, 'bucket' | 'tier' | 'daysPastDue'>) =>
  a !== undefined && a.bucket === b.bucket && a.tier === b.tier && a.daysPastDue === b.daysPastDue;

/**
 * One pass over the portfolio: recompute each account's bucket and tier for today, write only what changed
 * (conditionally, so a concurrent writer is never overwritten) and announce tier or bucket changes.
 */
export async function runTreatmentAssessment(deps: {
  accounts: AccountRepository;
  events: EventPublisher;
  clock: Clock;
  runId: string;
}): Promise<AssessmentRunSummary> {
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  let accountsAssessed = 0;
  let treatmentsChanged = 0;
  let eventsPublished = 0;

  for await (const page of deps.accounts.scan()) {
    const changes: DomainEvent<TreatmentChangedDetail>[] = [];
    for (const account of page) {
      accountsAssessed++;
      const assessed = assessDelinquency(account, today);
      if (sameTreatment(account.treatment, assessed)) continue;
      const next: Treatment = { ...assessed, assessedAt: now.toISOString(), runId: deps.runId };
      if (!(await deps.accounts.replaceTreatment(account.accountId, account.treatment, next))) continue;
      treatmentsChanged++;
      const previous = account.treatment;
      // Days ticking by inside a bucket are stored but not announced: consumers care about bucket and tier.
      if (previous && previous.bucket === next.bucket && previous.tier === next.tier) continue;
      changes.push({
        source: EVENT_SOURCES.scoring,
        detailType: DETAIL_TYPES.treatmentChanged,
        detail: {
          accountId: account.accountId,
          runId: deps.runId,
          previous: previous ? { bucket: previous.bucket, tier: previous.tier } : null,
          current: next,
        },
      });
    }
    await deps.events.publish(changes);
    eventsPublished += changes.length;
  }
  return { runId: deps.runId, accountsAssessed, treatmentsChanged, eventsPublished };
}
