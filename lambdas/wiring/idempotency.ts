import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { lazyClient } from '../adapters/lazy-client';
import { tableName } from '../runtime/config';
import { once } from './once';

/** Built on first use: the layer makes its own DynamoDB client, which would otherwise load the SDK at init. */
const persistenceStore = /* @__PURE__ */ once(() =>
  lazyClient(() => new DynamoDBPersistenceLayer({ tableName: tableName('idempotency') })),
);

/** Middleware that runs a handler once per key (a JMESPath into the event), however often it is delivered. */
export const idempotentOn = (eventKeyJmesPath: string) =>
  makeHandlerIdempotent({
    persistenceStore: persistenceStore(),
    config: new IdempotencyConfig({ eventKeyJmesPath }),
  });
