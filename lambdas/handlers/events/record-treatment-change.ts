import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { DynamoAuditLog } from '../../adapters/dynamodb/audit-log';
import { documentClient } from '../../adapters/dynamodb/client';
import { recordTreatmentChange } from '../../domain/treatment/record-treatment-change';
import { eventHandler } from '../../events/event-handler';
import { loadConfig, tableNames } from '../../runtime/config';

const config = loadConfig(tableNames('audit', 'idempotency'));
const audit = new DynamoAuditLog(documentClient(), config.AUDIT_TABLE);
const persistenceStore = new DynamoDBPersistenceLayer({ tableName: config.IDEMPOTENCY_TABLE });

export const handler = eventHandler(
  ['TreatmentChanged'],
  async (event) => {
    await recordTreatmentChange(audit, event.detail);
    return { recorded: event.detail.changeId };
  },
  // Delivered at least once, and a resumed scoring segment may announce a change again: the change id makes
  // any repeat a no-op.
  {
    use: [
      makeHandlerIdempotent({
        persistenceStore,
        config: new IdempotencyConfig({ eventKeyJmesPath: 'detail.changeId' }),
      }),
    ],
  },
);
