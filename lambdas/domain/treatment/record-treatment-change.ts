import type { DetailOf } from '../../../contracts/events';
import type { AuditLog } from '../ports';

/** Adds a tier change to the account's audit trail; the change id keeps re-deliveries to one entry. */
export async function recordTreatmentChange(
  audit: AuditLog,
  change: DetailOf<'TreatmentChanged'>,
): Promise<void> {
  const from = change.previous.tier ? `${change.previous.bucket}/${change.previous.tier}` : 'unassessed';
  await audit.append({
    accountId: change.accountId,
    entryId: change.changeId,
    at: change.assessedAt,
    kind: 'TreatmentChanged',
    summary: `Treatment ${from} → ${change.current.bucket}/${change.current.tier} (risk band ${change.current.band}, ${change.variant})`,
    data: { ...change },
  });
}
