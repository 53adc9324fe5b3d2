import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { DynamoAccountUpdater } from '../../adapters/dynamodb/account-updater';
import { DynamoAuditLog } from '../../adapters/dynamodb/audit-log';
import { documentClient } from '../../adapters/dynamodb/client';
import { applyCustomerDecision, CUSTOMER_DECISIONS } from '../../domain/servicing/customer-decisions';
import { eventHandler, typedDetail } from '../../events/event-handler';
import { loadConfig, tableNames } from '../../runtime/config';
import { logger } from '../../runtime/logger';

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
    const outcome = await applyCustomerDecision(deps, { id: event.id, ...typedDetail(event) });
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
