import {
  onDebitRefused,
  onMandateAuthorised,
  onPaymentMissed,
} from '../../domain/payments/payment-reactions';
import { eventHandler } from '../../events/event-handler';
import { logger } from '../../runtime/logger';
import { debitPlanningDeps } from '../../wiring/payments';

const deps = debitPlanningDeps();

/** A missed instalment, a new mandate or a refused debit: the next debit is planned (or why not, recorded). */
export const handler = eventHandler(['PaymentMissed', 'MandateAuthorised', 'DebitFailed'], async (event) => {
  const type = event['detail-type'];
  const result =
    event['detail-type'] === 'PaymentMissed'
      ? await onPaymentMissed(deps, event.detail)
      : event['detail-type'] === 'MandateAuthorised'
        ? await onMandateAuthorised(deps, event.detail.accountId)
        : await onDebitRefused(deps, event.detail);
  const outcomes = (Array.isArray(result) ? result : [result]).map((r) =>
    typeof r === 'string' ? r : r.outcome,
  );
  logger.info('Debit planning', { type, outcomes });
  return { outcomes };
});
