import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { lazyClient } from '../adapters/lazy-client';
import { tableName } from '../runtime/config';

/**
 * Middleware that runs a handler once per key (a JMESPath into the event), however often it is delivered.
 * Each use gets its own persistence layer: a layer keeps the first configuration it is given, so handlers
 * sharing one in a process (the local runtime runs them all in one) would key on each other's path. Built on
 * first use: the layer makes its own DynamoDB client, which would otherwise load the SDK at init.
 */
export const idempotentOn = (eventKeyJmesPath: string) =>
  makeHandlerIdempotent({
    persistenceStore: lazyClient(() => new DynamoDBPersistenceLayer({ tableName: tableName('idempotency') })),
    config: new IdempotencyConfig({ eventKeyJmesPath }),
  });
