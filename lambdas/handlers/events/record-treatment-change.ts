import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { DynamoAuditLog } from '../../adapters/dynamodb/audit-log';
import { documentClient } from '../../adapters/dynamodb/client';
import type { TreatmentChangedDetail } from '../../domain/scoring/segment-worker';
import { recordTreatmentChange } from '../../domain/treatment/record-treatment-change';
import { loadConfig, tableNames } from '../../shared/config';
import { logger } from '../../shared/logger';

const config = loadConfig(tableNames('audit', 'idempotency'));
const audit = new DynamoAuditLog(documentClient(), config.AUDIT_TABLE);
const persistenceStore = new DynamoDBPersistenceLayer({ tableName: config.IDEMPOTENCY_TABLE });

export const handler = middy<EventBridgeEvent<'TreatmentChanged', TreatmentChangedDetail>>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  // Delivered at least once, and a resumed scoring segment may announce a change again: the change id makes
  // any repeat a no-op.
  .use(
    makeHandlerIdempotent({
      persistenceStore,
      config: new IdempotencyConfig({ eventKeyJmesPath: 'detail.changeId' }),
    }),
  )
  .handler(async (event) => {
    logger.setCorrelationId(event.id);
    await recordTreatmentChange(audit, event.detail);
    return { recorded: event.detail.changeId };
  });
