import { supervisorDashboard } from '../../domain/dashboard/dashboard';
import { httpHandler } from '../../http/http-handler';
import { clock } from '../../wiring/clock';
import { dashboardSource } from '../../wiring/dashboard';

const deps = { source: dashboardSource(), clock: clock() };

/** GET /dashboard: every figure of the supervisor's charts in one document. */
export const handler = httpHandler({ route: 'GET /dashboard' }, async () => ({
  body: await supervisorDashboard(deps),
}));
