/** Placing an account again at once after a decision or a payment (domain/treatment/retier.ts). */
import type { PlanStandingDeps } from '../domain/payments/plan-standing';
import type { RetierDeps } from '../domain/treatment/retier';
import { clock } from './clock';
import { accountUpdater, consistentAccountRepository, paymentStore } from './dynamo';
import { eventPublisher } from './events';
import { once } from './once';

export const retierDeps = /* @__PURE__ */ once(
  (): RetierDeps => ({
    accounts: consistentAccountRepository(),
    treatments: accountUpdater(),
    events: eventPublisher(),
    clock: clock(),
  }),
);

/** The plan's flags after a payment, a debit taken or a missed instalment (domain/payments/plan-standing.ts). */
export const planStandingDeps = /* @__PURE__ */ once(
  (): PlanStandingDeps => ({
    accounts: consistentAccountRepository(),
    store: paymentStore(),
    updater: accountUpdater(),
    clock: clock(),
  }),
);
