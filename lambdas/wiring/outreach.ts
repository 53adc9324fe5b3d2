/** The delivery side of outreach: the outbox dispatcher and the per-message sender share it. */
import * as z from '../../contracts/schema';
import type { DeliverOutreachDeps } from '../domain/outreach/deliver-outreach';
import { loadConfig } from '../runtime/config';
import { clock } from './clock';
import { accountRepository, contactStore } from './dynamo';
import { eventPublisher } from './events';
import { outreachSenders } from './messaging';
import { businessMetrics } from './metrics';
import { once } from './once';

/** Optional: without it the gate applies the agency rules, the stricter. */
const gateSettings = {
  GATE_COLLECTOR_ROLE: z._default(z.enum(['first_party', 'third_party']), 'third_party'),
};

export const outreachDelivery = /* @__PURE__ */ once(
  (): DeliverOutreachDeps => ({
    accounts: accountRepository(),
    outbox: contactStore(),
    contactLog: contactStore(),
    senders: outreachSenders(),
    events: eventPublisher(),
    clock: clock(),
    collectorRole: loadConfig(gateSettings).GATE_COLLECTOR_ROLE,
    metrics: businessMetrics(),
  }),
);
