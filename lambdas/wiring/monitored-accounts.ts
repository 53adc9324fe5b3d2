import { documentClient } from '../adapters/dynamodb/client';
import { DynamoMonitoredAccounts } from '../adapters/dynamodb/monitored-accounts';
import { tableName } from '../runtime/config';
import { once } from './once';

/** Accounts with instalments to watch, page by page. */
export const monitoredAccounts = /* @__PURE__ */ once(
  () => new DynamoMonitoredAccounts(documentClient(), tableName('accounts')),
);
