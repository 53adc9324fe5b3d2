import { applyCustomerDecision, CUSTOMER_DECISIONS } from '../../domain/decisions/customer-decisions';
import { retierNow } from '../../domain/treatment/retier';
import { eventHandler, typedDetail } from '../../events/event-handler';
import { logger } from '../../runtime/logger';
import { accountUpdater, auditLog } from '../../wiring/dynamo';
import { idempotentOn } from '../../wiring/idempotency';
import { businessMetrics } from '../../wiring/metrics';
import { retierDeps } from '../../wiring/treatment';

const deps = { accounts: accountUpdater(), audit: auditLog(), metrics: businessMetrics() };
const retier = retierDeps();

export const handler = eventHandler(
  CUSTOMER_DECISIONS,
  async (event) => {
    const outcome = await applyCustomerDecision(deps, { id: event.id, ...typedDetail(event) });
    // The queue, the script and outreach read the tier: a plan agreed or a hold set moves it now.
    const treatment =
      outcome === 'applied'
        ? await retierNow(retier, event.detail.accountId, { eventId: event.id })
        : undefined;
    logger.info('Customer decision', {
      accountId: event.detail.accountId,
      type: event['detail-type'],
      outcome,
      treatment,
    });
    return { outcome, treatment };
  },
  // EventBridge keeps an event's id across its retries: a redelivered decision is applied once.
  {
    use: [idempotentOn('id')],
  },
);
