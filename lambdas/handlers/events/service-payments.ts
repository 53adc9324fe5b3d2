import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod';
import { DETAIL_TYPES } from '../../../lib/catalog/events';
import {
  onDebitHold,
  onPaymentReceived,
  onPlanAccepted,
  onRepresentedByLawyer,
} from '../../domain/payments/payment-servicing';
import { logger } from '../../shared/logger';
import { paymentHoldDeps } from '../../shared/payment-deps';

const deps = paymentHoldDeps();
const account = z.object({ accountId: z.string().min(1) });
/** Core banking's contract for `PaymentReceived` (see docs/bank-api.md). */
const received = account.extend({
  paymentId: z.string().min(1).max(128),
  amountMinor: z.number().int().positive(),
  currency: z.enum(['USD', 'CNY']),
  receivedAt: z.iso.datetime(),
});
const plan = account.extend({
  decidedAt: z.string().min(1),
  kind: z.string(),
  instalments: z.array(z.object({ dueDate: z.iso.date(), amountMinor: z.number().int().positive() })).min(1),
});

/** Payments received, plans accepted, holds (accounts/holds.ts) and revocations: instalments updated, pending debits stopped. */
export const handler = middy<EventBridgeEvent<string, unknown>>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    logger.setCorrelationId(event.id);
    const type = event['detail-type'];
    let outcome: unknown;
    switch (type) {
      case DETAIL_TYPES.paymentReceived:
        outcome = await onPaymentReceived(deps, received.parse(event.detail));
        break;
      case DETAIL_TYPES.planAccepted: {
        const accepted = plan.parse(event.detail);
        outcome = { tracked: await onPlanAccepted(deps, accepted) };
        // A hardship plan is a hold: nothing is debited automatically (see plan-debit.ts).
        if (accepted.kind === 'hardship') await onDebitHold(deps, accepted.accountId, 'HARDSHIP_PLAN');
        break;
      }
      case DETAIL_TYPES.disputeOpened:
        outcome = { cancelled: await onDebitHold(deps, account.parse(event.detail).accountId, 'DISPUTE') };
        break;
      case DETAIL_TYPES.ceaseRequested:
        outcome = { cancelled: await onDebitHold(deps, account.parse(event.detail).accountId, 'CEASE') };
        break;
      case DETAIL_TYPES.fraudReported:
        outcome = {
          cancelled: await onDebitHold(deps, account.parse(event.detail).accountId, 'FRAUD_REPORTED'),
        };
        break;
      case DETAIL_TYPES.bankruptcyReported:
      case DETAIL_TYPES.deceasedReported:
        outcome = {
          cancelled: await onDebitHold(deps, account.parse(event.detail).accountId, 'ACCOUNT_EXCLUDED'),
        };
        break;
      case DETAIL_TYPES.vulnerabilityReported:
        outcome = {
          cancelled: await onDebitHold(deps, account.parse(event.detail).accountId, 'SPECIALIST_CARE'),
        };
        break;
      case DETAIL_TYPES.legalRepresentationReported:
        outcome = { cancelled: await onRepresentedByLawyer(deps, account.parse(event.detail).accountId) };
        break;
      case DETAIL_TYPES.mandateRevoked:
        outcome = {
          cancelled: await onDebitHold(deps, account.parse(event.detail).accountId, 'MANDATE_REVOKED'),
        };
        break;
      default:
        outcome = 'ignored';
    }
    logger.info('Payment servicing', { type, outcome });
    return { outcome };
  });
