import {
  onDebitHold,
  onPaymentReceived,
  onPlanAccepted,
  onRepresentedByLawyer,
} from '../../domain/payments/payment-reactions';
import { reviewPlanStanding } from '../../domain/payments/plan-standing';
import { retierNow } from '../../domain/treatment/retier';
import { eventHandler } from '../../events/event-handler';
import { logger } from '../../runtime/logger';
import { paymentHoldDeps } from '../../wiring/payments';
import { planStandingDeps, retierDeps } from '../../wiring/treatment';

const deps = paymentHoldDeps();
const retier = retierDeps();
const standing = planStandingDeps();

/**
 * Payments received, plans accepted, holds (accounts/holds.ts) and revocations: instalments updated, pending
 * debits stopped. A plan instalment missed, or a payment that catches up or finishes the plan, moves the plan's
 * flags (payments/plan-standing.ts) and the account is re-tiered at once.
 */
export const handler = eventHandler(
  [
    'PaymentReceived',
    'PaymentMissed',
    'MandateRevoked',
    'PlanAccepted',
    'DisputeOpened',
    'CeaseRequested',
    'FraudReported',
    'LegalRepresentationReported',
    'BankruptcyReported',
    'DeceasedReported',
    'VulnerabilityReported',
  ],
  async (event) => {
    const type = event['detail-type'];
    const { accountId } = event.detail;
    let outcome: unknown;
    switch (event['detail-type']) {
      case 'PaymentReceived':
        outcome = await onPaymentReceived(deps, event.detail);
        // Arrears settled (a plan caught up or finished): the bucket and tier move now (the queue and
        // outreach read them).
        if (outcome === 'applied') {
          outcome = { applied: true, plan: await reviewPlanStanding(standing, accountId) };
          await retierNow(retier, accountId, { eventId: event.id });
        }
        break;
      case 'PaymentMissed': {
        const missed = event.detail;
        if (missed.source !== 'plan') {
          outcome = 'not_a_plan_instalment';
          break;
        }
        // Behind on the plan: out of plan_active and back to the agents' queue at once.
        outcome = { plan: await reviewPlanStanding(standing, accountId, missed.instalmentId) };
        await retierNow(retier, accountId, { eventId: event.id });
        break;
      }
      case 'PlanAccepted': {
        const accepted = event.detail;
        outcome = { tracked: await onPlanAccepted(deps, accepted) };
        // A hardship plan is a hold: nothing is debited automatically (see plan-debit.ts).
        if (accepted.kind === 'hardship') await onDebitHold(deps, accountId, 'HARDSHIP_PLAN');
        break;
      }
      case 'DisputeOpened':
        outcome = { cancelled: await onDebitHold(deps, accountId, 'DISPUTE') };
        break;
      case 'CeaseRequested':
        outcome = { cancelled: await onDebitHold(deps, accountId, 'CEASE') };
        break;
      case 'FraudReported':
        outcome = { cancelled: await onDebitHold(deps, accountId, 'FRAUD_REPORTED') };
        break;
      case 'BankruptcyReported':
      case 'DeceasedReported':
        outcome = { cancelled: await onDebitHold(deps, accountId, 'ACCOUNT_EXCLUDED') };
        break;
      case 'VulnerabilityReported':
        outcome = { cancelled: await onDebitHold(deps, accountId, 'SPECIALIST_CARE') };
        break;
      case 'LegalRepresentationReported':
        outcome = { cancelled: await onRepresentedByLawyer(deps, accountId) };
        break;
      case 'MandateRevoked':
        outcome = { cancelled: await onDebitHold(deps, accountId, 'MANDATE_REVOKED') };
        break;
    }
    logger.info('Payment servicing', { type, outcome });
    return { outcome };
  },
);
