import * as z from '../../../contracts/schema';
import { DEFAULT_RANGE } from '../../domain/dashboard/activity';
import { supervisorDashboard } from '../../domain/dashboard/dashboard';
import { httpHandler } from '../../http/http-handler';
import { clock } from '../../wiring/clock';
import { dashboardSource } from '../../wiring/dashboard';

const deps = { source: dashboardSource(), clock: clock() };

/** The range: the last 7, 30 or 90 days (30 when not given). */
const query = z.strictObject({
  days: z.pipe(
    z.optional(z.enum(['7', '30', '90'])),
    z.transform((days) => (days ? (Number(days) as 7 | 30 | 90) : DEFAULT_RANGE)),
  ),
});

/** GET /dashboard: every figure of the supervisor's charts in one document, over the chosen range. */
export const handler = httpHandler({ route: 'GET /dashboard', query }, async ({ query }) => ({
  body: await supervisorDashboard(deps, query.days),
}));
