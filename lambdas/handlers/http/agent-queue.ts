import * as z from 'zod';
import { agentQueue, DEFAULT_QUEUE_LIMIT, MAX_QUEUE_LIMIT } from '../../domain/console/agent-queue';
import { BUCKETS } from '../../domain/offers/offer-policy';
import { type Tier, TREATMENT_POLICY } from '../../domain/treatment/treatment-policy';
import { httpHandler } from '../../http/http-handler';
import { accountScans } from '../../wiring/account-scans';
import { clock } from '../../wiring/clock';

const deps = { accounts: accountScans(), clock: clock() };

const tiers = Object.keys(TREATMENT_POLICY.tiers) as [Tier, ...Tier[]];

const query = z.object({
  tier: z.enum(tiers).optional(),
  bucket: z.enum(BUCKETS).optional(),
  escalated: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  team: z.enum(['agents', 'specialist', 'supervisor']).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_QUEUE_LIMIT).default(DEFAULT_QUEUE_LIMIT),
});

/** GET /queue?tier=&bucket=&escalated=true&team=&limit=50: the accounts needing a person, most urgent first. */
export const handler = httpHandler({ route: 'GET /queue', query }, async ({ query }) => ({
  body: await agentQueue(deps, query),
}));
