import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod';
import { DETAIL_TYPES } from '../../../lib/catalog/events';
import {
  onDebitRefused,
  onMandateAuthorised,
  onPaymentMissed,
} from '../../domain/payments/payment-servicing';
import { logger } from '../../shared/logger';
import { debitPlanningDeps } from '../../shared/payment-deps';

const deps = debitPlanningDeps();
const missed = z.object({ accountId: z.string().min(1), instalmentId: z.string().min(1) });
const mandate = z.object({ accountId: z.string().min(1) });
const refused = z.object({
  accountId: z.string().min(1),
  instalmentId: z.string().min(1),
  number: z.number().int().positive(),
  final: z.boolean(),
});

/** A missed instalment, a new mandate or a refused debit: the next debit is planned (or why not, recorded). */
export const handler = middy<EventBridgeEvent<string, unknown>>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    logger.setCorrelationId(event.id);
    const type = event['detail-type'];
    const result =
      type === DETAIL_TYPES.paymentMissed
        ? await onPaymentMissed(deps, missed.parse(event.detail))
        : type === DETAIL_TYPES.mandateAuthorised
          ? await onMandateAuthorised(deps, mandate.parse(event.detail).accountId)
          : await onDebitRefused(deps, refused.parse(event.detail));
    const outcomes = (Array.isArray(result) ? result : [result]).map((r) =>
      typeof r === 'string' ? r : r.outcome,
    );
    logger.info('Debit planning', { type, outcomes });
    return { outcomes };
  });
