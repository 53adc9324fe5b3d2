import type { AuditLog } from '../ports';
import type { TreatmentChangedDetail } from './assessment-run';

/** Adds a treatment change to the account's audit trail; the event id keeps re-deliveries to one entry. */
export async function recordTreatmentChange(
  audit: AuditLog,
  eventId: string,
  change: TreatmentChangedDetail,
): Promise<void> {
  const from = change.previous ? `${change.previous.bucket}/${change.previous.tier}` : 'unassessed';
  await audit.append({
    accountId: change.accountId,
    entryId: eventId,
    at: change.current.assessedAt,
    kind: 'TreatmentChanged',
    summary: `Treatment ${from} → ${change.current.bucket}/${change.current.tier} (${change.current.daysPastDue} days past due)`,
    data: { runId: change.runId, previous: change.previous, current: change.current },
  });
}
