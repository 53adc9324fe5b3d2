/**
 * A customer's decision moves the account's treatment at once, not at the next scoring run: a plan agreed, a
 * promise made, a dispute, a stop request, a payment that clears the arrears. The account is placed again with
 * its last risk score and today's arrears and flags (the scoring run's own rule, `decideTreatment`), so the
 * queue, the script and outreach read the new tier at once, and the next run finds nothing to change.
 *
 * The write is conditional on the fingerprint read (like the scoring run's): whichever of the two writes
 * second reads the other's result and decides again. A tier change is announced as `TreatmentChanged` with
 * the causing event in its change id, so a redelivered event announces the same change.
 */
import type { Treatment } from '../accounts/account';
import type { AccountRepository, Clock, EventPublisher } from '../ports';
import { decideTreatment } from '../scoring/account-assessment';
import { assessedTreatment, treatmentChangedEvent } from '../scoring/segment-worker';
import { TREATMENT_POLICY, type TreatmentPolicy } from './treatment-policy';

export interface TreatmentWriter {
  /** Writes the treatment if the stored fingerprint is still `previousFingerprint`; false when it moved. */
  writeTreatment(accountId: string, treatment: Treatment, previousFingerprint: string): Promise<boolean>;
}

export interface RetierDeps {
  /** Read consistently: the decision was just written. */
  readonly accounts: AccountRepository;
  readonly treatments: TreatmentWriter;
  readonly events: EventPublisher;
  readonly clock: Clock;
  readonly policy?: TreatmentPolicy;
}

export interface RetierOutcome {
  readonly outcome: 'unchanged' | 'not_scored' | 'no_account' | 'retiered';
  readonly tier?: Treatment['tier'];
}

const ATTEMPTS = 3;

/** Places the account again after event `cause` (its id); idempotent. */
export async function retierNow(
  deps: RetierDeps,
  accountId: string,
  cause: { readonly eventId: string },
): Promise<RetierOutcome> {
  const policy = deps.policy ?? TREATMENT_POLICY;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const account = await deps.accounts.get(accountId);
    if (!account) return { outcome: 'no_account' };
    const stored = account.treatment;
    // Never scored: the first scoring run places it (there is no risk band to decide with yet).
    if (!stored || !account.risk) return { outcome: 'not_scored' };
    const now = deps.clock.now();
    const decision = decideTreatment(policy, account, account.risk, now.toISOString().slice(0, 10));
    const runId = `event-${cause.eventId}`;
    if (decision.fingerprint === stored.fingerprint) {
      // This event's own change, written before a crash: announce it again (consumers de-duplicate on the id).
      if (stored.runId === runId && stored.tierChange)
        await deps.events.publish([treatmentChangedEvent(accountId, account.risk, stored)]);
      return { outcome: 'unchanged', tier: stored.tier };
    }
    const treatment = assessedTreatment(accountId, decision, stored, runId, now);
    if (!(await deps.treatments.writeTreatment(accountId, treatment, stored.fingerprint))) continue;
    if (treatment.tierChange)
      await deps.events.publish([treatmentChangedEvent(accountId, account.risk, treatment)]);
    return { outcome: 'retiered', tier: treatment.tier };
  }
  throw new Error(`Account ${accountId}: its treatment kept changing under us; the event will be retried.`);
}
