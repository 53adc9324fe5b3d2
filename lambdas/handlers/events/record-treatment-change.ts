import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { DynamoAuditLog } from '../../adapters/dynamodb/audit-log';
import { documentClient } from '../../adapters/dynamodb/client';
import type { TreatmentChangedDetail } from '../../domain/treatment/assessment-run';
import { recordTreatmentChange } from '../../domain/treatment/record-treatment-change';
import { loadConfig, tableNames } from '../../shared/config';
import { logger } from '../../shared/logger';

const config = loadConfig(tableNames('audit', 'idempotency'));
const audit = new DynamoAuditLog(documentClient(), config.AUDIT_TABLE);
const persistenceStore = new DynamoDBPersistenceLayer({ tableName: config.IDEMPOTENCY_TABLE });

export const handler = middy<EventBridgeEvent<'TreatmentChanged', TreatmentChangedDetail>>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  // EventBridge delivers at least once: the event id makes a re-delivery a no-op.
  .use(makeHandlerIdempotent({ persistenceStore, config: new IdempotencyConfig({ eventKeyJmesPath: 'id' }) }))
  .handler(async (event) => {
    logger.setCorrelationId(event.id);
    await recordTreatmentChange(audit, event.id, event.detail);
    return { recorded: event.id };
  });
