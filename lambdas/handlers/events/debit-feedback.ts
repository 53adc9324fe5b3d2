import { applyDebitFeedback } from '../../domain/payments/debit-feedback';
import { eventHandler, typedDetail } from '../../events/event-handler';
import { logger } from '../../runtime/logger';
import { debitFeedbackDeps } from '../../wiring/payments';

const deps = debitFeedbackDeps();

/** A debit's result back to collections: receipt or failure notice, the agent queue, the audit trail. */
export const handler = eventHandler(['DebitSucceeded', 'DebitFailed', 'DebitCancelled'], async (event) => {
  const { detail } = event;
  const outcome = await applyDebitFeedback(deps, typedDetail(event));
  logger.info('Debit feedback', { type: event['detail-type'], attemptId: detail.attemptId, outcome });
  return { outcome };
});
