import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { DynamoAccountUpdater } from '../../adapters/dynamodb/account-updater';
import { DynamoAuditLog } from '../../adapters/dynamodb/audit-log';
import { documentClient } from '../../adapters/dynamodb/client';
import {
  applyCustomerDecision,
  CUSTOMER_DECISIONS,
  type DecisionEvent,
} from '../../domain/servicing/customer-decisions';
import { loadConfig, tableNames } from '../../shared/config';
import { eventHandler } from '../../shared/event-handler';
import { logger } from '../../shared/logger';

const config = loadConfig(tableNames('accounts', 'audit', 'idempotency'));
const db = documentClient();
const deps = {
  accounts: new DynamoAccountUpdater(db, config.ACCOUNTS_TABLE),
  audit: new DynamoAuditLog(db, config.AUDIT_TABLE),
};
const persistenceStore = new DynamoDBPersistenceLayer({ tableName: config.IDEMPOTENCY_TABLE });

export const handler = eventHandler(
  CUSTOMER_DECISIONS,
  async (event) => {
    const decision = {
      id: event.id,
      detailType: event['detail-type'],
      detail: event.detail,
    } as DecisionEvent;
    const outcome = await applyCustomerDecision(deps, decision);
    logger.info('Customer decision', {
      accountId: event.detail.accountId,
      type: event['detail-type'],
      outcome,
    });
    return { outcome };
  },
  // EventBridge keeps an event's id across its retries: a redelivered decision is applied once.
  {
    use: [
      makeHandlerIdempotent({ persistenceStore, config: new IdempotencyConfig({ eventKeyJmesPath: 'id' }) }),
    ],
  },
);
