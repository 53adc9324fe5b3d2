import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod';
import { deliverMessage } from '../../domain/outreach/deliver-outreach';
import { logger } from '../../shared/logger';
import { outreachDelivery } from '../../shared/outreach-delivery';

const deps = outreachDelivery();
const queued = z.object({ accountId: z.string().min(1), messageId: z.string().min(1) });

/** Sends a message as soon as it is queued, if it is due; later ones wait for the outbox sweep. */
export const handler = middy<EventBridgeEvent<'OutreachQueued', unknown>>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    logger.setCorrelationId(event.id);
    const key = queued.parse(event.detail);
    const outcome = await deliverMessage(deps, key);
    logger.info('Outreach delivery', { ...key, outcome });
    return { ...key, outcome };
  });
