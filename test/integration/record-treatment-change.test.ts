import type { EventBridgeEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoAuditLog } from '../../lambdas/adapters/dynamodb/audit-log';
import type { TreatmentChangedDetail } from '../../lambdas/domain/treatment/assessment-run';
import { tableNameEnvironment } from '../../local/tables';
import { freshTables, localCredentials } from '../support/dynamodb';
import { lambdaContext } from '../support/events';

const change: EventBridgeEvent<'TreatmentChanged', TreatmentChangedDetail> = {
  version: '0',
  id: 'evt-0001',
  'detail-type': 'TreatmentChanged',
  source: 'collections.scoring',
  account: '000000000000',
  time: '2026-11-23T02:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail: {
    accountId: 'ACC-000007',
    runId: 'run-1',
    previous: { bucket: 'dpd_1_30', tier: 'reminder' },
    current: {
      bucket: 'dpd_31_60',
      tier: 'agent_call',
      daysPastDue: 31,
      assessedAt: '2026-11-23T02:00:00.000Z',
      runId: 'run-1',
    },
  },
};

describe('recordTreatmentChange handler (Powertools idempotency on DynamoDB Local)', () => {
  let handler: typeof import('../../lambdas/handlers/events/record-treatment-change').handler;
  let audit: DynamoAuditLog;

  beforeAll(async () => {
    const { endpoint, db, names } = await freshTables();
    Object.assign(process.env, tableNameEnvironment(names), {
      AWS_ENDPOINT_URL_DYNAMODB: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    });
    ({ handler } = await import('../../lambdas/handlers/events/record-treatment-change'));
    audit = new DynamoAuditLog(db, names.audit);
  });

  it('records a treatment change in the account audit trail', async () => {
    await handler(change, lambdaContext);
    const entries = await audit.list('ACC-000007');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      entryId: 'evt-0001',
      kind: 'TreatmentChanged',
      summary: 'Treatment dpd_1_30/reminder → dpd_31_60/agent_call (31 days past due)',
    });
  });

  it('keeps one entry when EventBridge delivers the same event again', async () => {
    await handler(change, lambdaContext);
    await handler(change, lambdaContext);
    expect(await audit.list('ACC-000007')).toHaveLength(1);
  });

  it('records a different event for the same account as a new entry', async () => {
    await handler({ ...change, id: 'evt-0002' }, lambdaContext);
    expect((await audit.list('ACC-000007')).map((e) => e.entryId).sort()).toEqual(['evt-0001', 'evt-0002']);
  });
});
