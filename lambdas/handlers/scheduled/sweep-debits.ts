import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { sweepDebits } from '../../domain/payments/execute-debit';
import { logger } from '../../runtime/logger';
import { debitExecutionDeps } from '../../wiring/payments';

const deps = debitExecutionDeps();

/** Every 5 minutes: due attempts no schedule ran, timeouts and crashed runs to reconcile, results to announce. */
export const handler = middy<ScheduledEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    logger.setCorrelationId(event.id);
    const counts = await sweepDebits(deps, { limit: 500, concurrency: 8 });
    logger.info('Debit sweep', counts);
    return counts;
  });
