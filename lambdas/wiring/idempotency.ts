import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { tableName } from '../runtime/config';

/**
 * Middleware that runs a handler once per key (a JMESPath into the event), however often it is delivered.
 * Each call gets its own persistence layer: Powertools configures a layer once, with the first handler's key
 * and function name, so handlers sharing one (as in the local runtime's single process) would share keys.
 */
export const idempotentOn = (eventKeyJmesPath: string) =>
  makeHandlerIdempotent({
    persistenceStore: new DynamoDBPersistenceLayer({ tableName: tableName('idempotency') }),
    config: new IdempotencyConfig({ eventKeyJmesPath }),
  });
