import { applyDebitFeedback } from '../../domain/payments/debit-feedback';
import { reviewPlanStanding } from '../../domain/payments/plan-standing';
import { retierNow } from '../../domain/treatment/retier';
import { eventHandler, typedDetail } from '../../events/event-handler';
import { logger } from '../../runtime/logger';
import { debitFeedbackDeps } from '../../wiring/payments';
import { planStandingDeps, retierDeps } from '../../wiring/treatment';

const deps = debitFeedbackDeps();
const retier = retierDeps();
const standing = planStandingDeps();

/** A debit's result back to collections: receipt or failure notice, the agent queue, the audit trail. */
export const handler = eventHandler(['DebitSucceeded', 'DebitFailed', 'DebitCancelled'], async (event) => {
  const { detail } = event;
  const outcome = await applyDebitFeedback(deps, typedDetail(event));
  // Money taken settles arrears (a plan caught up or finished): the account's bucket and tier move now, not at
  // the next scoring run.
  const taken = event['detail-type'] === 'DebitSucceeded';
  const plan = taken ? await reviewPlanStanding(standing, detail.accountId) : undefined;
  const treatment = taken ? await retierNow(retier, detail.accountId, { eventId: event.id }) : undefined;
  logger.info('Debit feedback', {
    type: event['detail-type'],
    attemptId: detail.attemptId,
    outcome,
    plan,
    treatment,
  });
  return { outcome, plan, treatment };
});
