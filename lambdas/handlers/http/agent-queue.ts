import * as z from '../../../contracts/schema';
import { agentQueue, DEFAULT_QUEUE_LIMIT, MAX_QUEUE_LIMIT } from '../../domain/console/agent-queue';
import { BUCKETS } from '../../domain/offers/offer-policy';
import { type Tier, TREATMENT_POLICY } from '../../domain/treatment/treatment-policy';
import { httpHandler } from '../../http/http-handler';
import { accountScans } from '../../wiring/account-scans';
import { clock } from '../../wiring/clock';

const deps = { accounts: accountScans(), clock: clock() };

const tiers = Object.keys(TREATMENT_POLICY.tiers) as [Tier, ...Tier[]];

const query = z.object({
  tier: z.optional(z.enum(tiers)),
  bucket: z.optional(z.enum(BUCKETS)),
  escalated: z.optional(
    z.pipe(
      z.enum(['true', 'false']),
      z.transform((value) => value === 'true'),
    ),
  ),
  team: z.optional(z.enum(['agents', 'specialist', 'supervisor'])),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_QUEUE_LIMIT)), DEFAULT_QUEUE_LIMIT),
});

/** GET /queue?tier=&bucket=&escalated=true&team=&limit=50: the accounts needing a person, most urgent first. */
export const handler = httpHandler({ route: 'GET /queue', query }, async ({ query }) => ({
  body: await agentQueue(deps, query),
}));
