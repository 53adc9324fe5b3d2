import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { tableName } from '../runtime/config';
import { once } from './once';

const persistenceStore = /* @__PURE__ */ once(
  () => new DynamoDBPersistenceLayer({ tableName: tableName('idempotency') }),
);

/** Middleware that runs a handler once per key (a JMESPath into the event), however often it is delivered. */
export const idempotentOn = (eventKeyJmesPath: string) =>
  makeHandlerIdempotent({
    persistenceStore: persistenceStore(),
    config: new IdempotencyConfig({ eventKeyJmesPath }),
  });
