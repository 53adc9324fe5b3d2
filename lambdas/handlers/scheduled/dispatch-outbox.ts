import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { dispatchDue } from '../../domain/outreach/deliver-outreach';
import { logger } from '../../runtime/logger';
import { outreachDelivery } from '../../wiring/outreach';

const deps = outreachDelivery();
/** Per sweep; a backlog larger than this drains over the following sweeps. */
const SWEEP = { limit: 2_000, concurrency: 16 };

export const handler = middy<ScheduledEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    logger.setCorrelationId(event.id);
    const outcomes = await dispatchDue(deps, SWEEP);
    logger.info('Outbox sweep', { outcomes });
    return outcomes;
  });
