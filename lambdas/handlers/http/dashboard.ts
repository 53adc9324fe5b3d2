import { documentClient } from '../../adapters/dynamodb/client';
import { DynamoDashboardSource } from '../../adapters/dynamodb/dashboard-source';
import { systemClock } from '../../adapters/system-clock';
import { supervisorDashboard } from '../../domain/dashboard/dashboard';
import { httpHandler } from '../../http/http-handler';
import { loadConfig, tableNames } from '../../runtime/config';

const config = loadConfig(tableNames('accounts', 'offers', 'contacts', 'audit', 'payments'));
const deps = {
  source: new DynamoDashboardSource(documentClient(), {
    accounts: config.ACCOUNTS_TABLE,
    offers: config.OFFERS_TABLE,
    contacts: config.CONTACTS_TABLE,
    audit: config.AUDIT_TABLE,
    payments: config.PAYMENTS_TABLE,
  }),
  clock: systemClock,
};

/** GET /dashboard: every figure of the supervisor's charts in one document. */
export const handler = httpHandler({ route: 'GET /dashboard' }, async () => ({
  body: await supervisorDashboard(deps),
}));
