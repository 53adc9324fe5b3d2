import { applyDebitFeedback } from '../../domain/payments/debit-feedback';
import { retierNow } from '../../domain/treatment/retier';
import { eventHandler, typedDetail } from '../../events/event-handler';
import { logger } from '../../runtime/logger';
import { debitFeedbackDeps } from '../../wiring/payments';
import { retierDeps } from '../../wiring/treatment';

const deps = debitFeedbackDeps();
const retier = retierDeps();

/** A debit's result back to collections: receipt or failure notice, the agent queue, the audit trail. */
export const handler = eventHandler(['DebitSucceeded', 'DebitFailed', 'DebitCancelled'], async (event) => {
  const { detail } = event;
  const outcome = await applyDebitFeedback(deps, typedDetail(event));
  // Money taken settles arrears: the account's bucket and tier move now, not at the next scoring run.
  const treatment =
    event['detail-type'] === 'DebitSucceeded'
      ? await retierNow(retier, detail.accountId, { eventId: event.id })
      : undefined;
  logger.info('Debit feedback', {
    type: event['detail-type'],
    attemptId: detail.attemptId,
    outcome,
    treatment,
  });
  return { outcome, treatment };
});
