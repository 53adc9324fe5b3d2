/** What the payment functions share: the collaborators of applying payments, planning and running debits. */
import type { ExecuteDebitDeps } from '../domain/payments/execute-debit';
import type { HoldDeps, ServicingDeps } from '../domain/payments/payment-reactions';
import { paymentGateway } from './bank';
import { clock } from './clock';
import { accountUpdater, auditLog, consistentAccountRepository, contactStore, paymentStore } from './dynamo';
import { eventPublisher } from './events';
import { businessMetrics } from './metrics';
import { once } from './once';
import { debitScheduler } from './scheduler';

/** Applying payments and holds: the payments and accounts tables and the bus. */
export const paymentHoldDeps = /* @__PURE__ */ once(
  (): HoldDeps => ({
    store: paymentStore(),
    accounts: consistentAccountRepository(),
    events: eventPublisher(),
    clock: clock(),
  }),
);

/** Planning debits: also the outbox for notices and the scheduler for the one-off runs. */
export const debitPlanningDeps = /* @__PURE__ */ once(
  (): ServicingDeps => ({ ...paymentHoldDeps(), outbox: contactStore(), scheduler: debitScheduler() }),
);

/** Mandates and the audit trail, for the portal and the console. */
export const mandateDeps = /* @__PURE__ */ once(() => ({ ...debitPlanningDeps(), audit: auditLog() }));

/** Running debits: the bank's API. */
export const debitExecutionDeps = /* @__PURE__ */ once(
  (): ExecuteDebitDeps => ({ ...paymentHoldDeps(), outbox: contactStore(), gateway: paymentGateway() }),
);

/** Feedback needs to update the account (escalation) and write the audit trail. */
export const debitFeedbackDeps = /* @__PURE__ */ once(() => {
  const accounts = consistentAccountRepository();
  const updater = accountUpdater();
  return {
    accounts: { get: (id: string) => accounts.get(id), update: updater.update.bind(updater) },
    outbox: contactStore(),
    events: eventPublisher(),
    audit: auditLog(),
    clock: clock(),
    metrics: businessMetrics(),
    store: paymentStore(),
  };
});
