/**
 * The daily promise check against DynamoDB Local: broken promises (date passed, arrears unpaid) are
 * announced once per promise, kept and not-yet-due ones are not; servicing then escalates the broken one,
 * which puts it at the top of the agent queue, and the next check finds nothing more.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoAccountScans } from '../../lambdas/adapters/dynamodb/account-scans';
import { DynamoAccountUpdater } from '../../lambdas/adapters/dynamodb/account-updater';
import { DynamoAuditLog } from '../../lambdas/adapters/dynamodb/audit-log';
import type { Account } from '../../lambdas/domain/accounts/account';
import { buildQueue } from '../../lambdas/domain/console/agent-queue';
import { applyCustomerDecision, type DecisionEvent } from '../../lambdas/domain/decisions/customer-decisions';
import { checkPromises } from '../../lambdas/domain/decisions/promise-check';
import type { DomainEvent } from '../../lambdas/domain/ports';
import { anAccount, NO_FLAGS } from '../support/accounts';
import { freshTables } from '../support/dynamodb';

// 06:00 UTC, when the schedule runs.
const NOW = new Date('2026-11-23T06:00:00.000Z');

let tables: Awaited<ReturnType<typeof freshTables>>;

beforeAll(async () => {
  tables = await freshTables();
});

const promised = (
  accountId: string,
  dueDate: string,
  amountOverdueMinor: number,
  flagged = true,
): Account => ({
  ...anAccount({ accountId, amountOverdueMinor }),
  flags: { ...NO_FLAGS, promiseToPay: flagged },
  promise: { amountMinor: 12_000, dueDate, recordedAt: '2026-11-10T09:00:00.000Z', source: 'agent:alice' },
  treatment: {
    bucket: 'dpd_31_60',
    tier: 'promise_pending',
    variant: 'champion',
    policyVersion: 'treatment-2026.11.1',
    fingerprint: 'f',
    assessedAt: '2026-11-20T02:00:00.000Z',
    runId: 'run-1',
  },
  risk: { modelVersion: 'm', probabilityOfDefault: 0.3, score: 530, band: 'C', reasons: [], fallback: false },
});

describe('checking promises', () => {
  it('announces only broken promises, once each, and servicing escalates them to the agent queue', async () => {
    const accounts = [
      promised('ACC-P-BROKEN', '2026-11-22', 20_000),
      promised('ACC-P-KEPT', '2026-11-22', 0),
      promised('ACC-P-TODAY', '2026-11-23', 20_000),
      promised('ACC-P-LATER', '2026-12-05', 20_000),
      promised('ACC-P-CLEARED', '2026-11-01', 20_000, false),
      anAccount({ accountId: 'ACC-P-NONE', amountOverdueMinor: 20_000 }),
    ];
    for (const item of accounts) {
      await tables.db.send(new PutCommand({ TableName: tables.names.accounts, Item: item }));
    }
    const scans = new DynamoAccountScans(tables.db, tables.names.accounts);
    const events: DomainEvent[] = [];
    const deps = {
      accounts: scans,
      events: { publish: async (batch: readonly DomainEvent[]) => void events.push(...batch) },
      clock: { now: () => NOW },
    };

    const report = await checkPromises(deps);
    expect(report).toEqual({
      today: '2026-11-23',
      checked: 4,
      broken: 1,
      kept: 1,
      notYetDue: 2,
      brokenAccountIds: ['ACC-P-BROKEN'],
    });
    expect(events).toEqual([
      {
        source: 'collections.portal',
        detailType: 'PromiseBroken',
        detail: {
          requestId: 'broken#ACC-P-BROKEN#2026-11-22',
          accountId: 'ACC-P-BROKEN',
          dueDate: '2026-11-22',
          amountMinor: 12_000,
          amountOverdueMinor: 20_000,
          brokenAt: NOW.toISOString(),
        },
      },
    ]);

    // Servicing applies it: promise cleared, account escalated for a person.
    const audit = new DynamoAuditLog(tables.db, tables.names.audit);
    const [broken] = events;
    await applyCustomerDecision(
      { accounts: new DynamoAccountUpdater(tables.db, tables.names.accounts), audit },
      { id: 'evt-broken-1', detailType: broken!.detailType, detail: broken!.detail } as DecisionEvent,
    );
    const queue = buildQueue(await scans.queueCandidates(), { limit: 50 }, NOW);
    expect(queue.items[0]).toMatchObject({
      rank: 1,
      accountId: 'ACC-P-BROKEN',
      priority: 'escalation',
      reason: 'Promise to pay broken: follow up',
      promise: null,
    });
    expect(queue.items.map((item) => item.accountId)).not.toContain('ACC-P-LATER');
    expect(queue.items.find((item) => item.accountId === 'ACC-P-TODAY')?.reason).toBe('Promise due today');
    expect((await audit.list('ACC-P-BROKEN'))[0]).toMatchObject({ kind: 'PromiseBroken' });

    // The next day's check does not announce it again: the promise is gone.
    events.length = 0;
    const next = await checkPromises(deps);
    expect(next.brokenAccountIds).toEqual([]);
    expect(events).toEqual([]);
  });
});
