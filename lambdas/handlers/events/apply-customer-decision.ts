import { applyCustomerDecision, CUSTOMER_DECISIONS } from '../../domain/decisions/customer-decisions';
import { eventHandler, typedDetail } from '../../events/event-handler';
import { logger } from '../../runtime/logger';
import { accountUpdater, auditLog } from '../../wiring/dynamo';
import { idempotentOn } from '../../wiring/idempotency';
import { businessMetrics } from '../../wiring/metrics';

const deps = { accounts: accountUpdater(), audit: auditLog(), metrics: businessMetrics() };

export const handler = eventHandler(
  CUSTOMER_DECISIONS,
  async (event) => {
    const outcome = await applyCustomerDecision(deps, { id: event.id, ...typedDetail(event) });
    logger.info('Customer decision', {
      accountId: event.detail.accountId,
      type: event['detail-type'],
      outcome,
    });
    return { outcome };
  },
  // EventBridge keeps an event's id across its retries: a redelivered decision is applied once.
  {
    use: [idempotentOn('id')],
  },
);
