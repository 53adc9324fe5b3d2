import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod';
import { applyDebitFeedback } from '../../domain/payments/debit-feedback';
import { logger } from '../../shared/logger';
import { debitFeedbackDeps } from '../../shared/payment-deps';

const deps = debitFeedbackDeps();
const result = z.looseObject({
  accountId: z.string().min(1),
  attemptId: z.string().min(1),
  instalmentId: z.string().min(1),
  number: z.number().int().positive(),
});

/** A debit's result back to collections: receipt or failure notice, the agent queue, the audit trail. */
export const handler = middy<EventBridgeEvent<string, unknown>>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    logger.setCorrelationId(event.id);
    const detail = result.parse(event.detail);
    const outcome = await applyDebitFeedback(deps, { detailType: event['detail-type'], detail });
    logger.info('Debit feedback', { type: event['detail-type'], attemptId: detail.attemptId, outcome });
    return { outcome };
  });
