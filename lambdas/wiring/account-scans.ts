import { DynamoAccountScans } from '../adapters/dynamodb/account-scans';
import { documentClient } from '../adapters/dynamodb/client';
import { tableName } from '../runtime/config';
import { once } from './once';

/** A projected scan of the accounts table: fine at demo scale; see DynamoAccountScans for production. */
export const accountScans = /* @__PURE__ */ once(
  () => new DynamoAccountScans(documentClient(), tableName('accounts')),
);
