import { documentClient } from '../adapters/dynamodb/client';
import { DynamoDashboardSource } from '../adapters/dynamodb/dashboard-source';
import { tableName } from '../runtime/config';
import { once } from './once';

/** Every table the supervisor's dashboard reads. */
export const dashboardSource = /* @__PURE__ */ once(
  () =>
    new DynamoDashboardSource(documentClient(), {
      accounts: tableName('accounts'),
      offers: tableName('offers'),
      contacts: tableName('contacts'),
      audit: tableName('audit'),
      payments: tableName('payments'),
    }),
);
