import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DetailOf } from '../../contracts/events';
import { EventContractError } from '../../contracts/events';
import { DynamoAuditLog } from '../../lambdas/adapters/dynamodb/audit-log';
import { logger } from '../../lambdas/runtime/logger';
import { lambdaContext as localLambdaContext } from '../../local/lambda-invoker';
import { tableNameEnvironment } from '../../local/tables';
import { anAccount } from '../support/accounts';
import { freshTables, localCredentials } from '../support/dynamodb';
import { lambdaContext } from '../support/events';

const change: EventBridgeEvent<'TreatmentChanged', DetailOf<'TreatmentChanged'>> = {
  version: '0',
  id: 'evt-0001',
  'detail-type': 'TreatmentChanged',
  source: 'collections.scoring',
  account: '000000000000',
  time: '2026-11-23T02:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail: {
    changeId: 'ACC-000007:run-1',
    accountId: 'ACC-000007',
    runId: 'run-1',
    variant: 'champion',
    policyVersion: 'treatment-2026.11.1',
    modelVersion: 'pd-scorecard-2026.11.1',
    previous: { bucket: 'dpd_1_30', tier: 'reminder' },
    current: { bucket: 'dpd_31_60', tier: 'agent_call', band: 'C', score: 480, probabilityOfDefault: 0.31 },
    assessedAt: '2026-11-23T02:00:00.000Z',
  },
};

describe('recordTreatmentChange handler (Powertools idempotency on DynamoDB Local)', () => {
  let handler: typeof import('../../lambdas/handlers/events/record-treatment-change').handler;
  let audit: DynamoAuditLog;
  let tables: Awaited<ReturnType<typeof freshTables>>;

  beforeAll(async () => {
    tables = await freshTables();
    const { endpoint, db, names } = tables;
    Object.assign(process.env, tableNameEnvironment(names), {
      AWS_ENDPOINT_URL_DYNAMODB: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
      // The decisions consumer (below) announces tier changes; this test's account is unscored, so it never does.
      EVENT_BUS_NAME: 'collections-test-bus',
    });
    ({ handler } = await import('../../lambdas/handlers/events/record-treatment-change'));
    audit = new DynamoAuditLog(db, names.audit);
  });

  it('records a treatment change in the account audit trail', async () => {
    await handler(change, lambdaContext);
    const entries = await audit.list('ACC-000007');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      entryId: 'ACC-000007:run-1',
      kind: 'TreatmentChanged',
      summary: 'Treatment dpd_1_30/reminder → dpd_31_60/agent_call (risk band C, champion)',
    });
  });

  it('keeps one entry when the same change arrives again, as a redelivery or a re-announcement', async () => {
    await handler(change, lambdaContext);
    await handler({ ...change, id: 'evt-0002-reannounced' }, lambdaContext);
    expect(await audit.list('ACC-000007')).toHaveLength(1);
  });

  it('records a change from another run as a new entry', async () => {
    await handler(
      {
        ...change,
        id: 'evt-0003',
        detail: {
          ...change.detail,
          changeId: 'ACC-000007:run-2',
          runId: 'run-2',
          assessedAt: '2026-11-24T02:00:00.000Z',
        },
      },
      lambdaContext,
    );
    expect((await audit.list('ACC-000007')).map((e) => e.entryId).sort()).toEqual([
      'ACC-000007:run-1',
      'ACC-000007:run-2',
    ]);
  });

  it('refuses a change that fails its contract before anything is written, so the corrected one still counts', async () => {
    vi.spyOn(logger, 'error').mockImplementation(() => {});
    const broken = {
      ...change,
      id: 'evt-0004',
      detail: {
        ...change.detail,
        accountId: 'ACC-000008',
        changeId: 'ACC-000008:run-1',
        current: { tier: 'agent_call' },
      },
    };
    await expect(handler(broken as never, lambdaContext)).rejects.toThrow(EventContractError);
    expect(await audit.list('ACC-000008')).toEqual([]);
    // Nothing half-applied: no idempotency record holds the change id, so the corrected event is recorded.
    await handler(
      {
        ...change,
        id: 'evt-0005',
        detail: { ...change.detail, accountId: 'ACC-000008', changeId: 'ACC-000008:run-1' },
      },
      lambdaContext,
    );
    expect((await audit.list('ACC-000008')).map((e) => e.entryId)).toEqual(['ACC-000008:run-1']);
    vi.restoreAllMocks();
  });

  it('keeps each function to its own idempotency key when several share a process (the local runtime)', async () => {
    const decisions = (await import('../../lambdas/handlers/events/apply-customer-decision')).handler;
    // A context whose deadline starts now: the shared one may have run out on a busy machine.
    const freshContext = () => localLambdaContext('applyCustomerDecision', 30);
    const promise = (id: string, requestId: string) => ({
      ...change,
      id,
      'detail-type': 'PromiseToPayRecorded' as const,
      source: 'collections.portal',
      detail: {
        requestId,
        accountId: 'ACC-000009',
        decidedAt: '2026-11-23T10:00:00.000Z',
        amountMinor: 2_000,
        dueDate: '2026-11-30',
      },
    });
    await tables.db.send(
      new PutCommand({ TableName: tables.names.accounts, Item: anAccount({ accountId: 'ACC-000009' }) }),
    );
    // The treatment consumer ran first in this process (above); the decisions consumer keys on the event id.
    await decisions(promise('evt-0101', 'req-1') as never, freshContext());
    await decisions(promise('evt-0102', 'req-2') as never, freshContext());
    await decisions(promise('evt-0102', 'req-2') as never, freshContext());
    expect((await audit.list('ACC-000009')).map((entry) => entry.entryId).sort()).toEqual([
      'evt-0101',
      'evt-0102',
    ]);
  });
});
