/** Placing an account again at once after a decision or a payment (domain/treatment/retier.ts). */
import type { RetierDeps } from '../domain/treatment/retier';
import { clock } from './clock';
import { accountUpdater, consistentAccountRepository } from './dynamo';
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
