import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoAccountRepository } from '../../lambdas/adapters/dynamodb/account-repository';
import { batchPutAll } from '../../lambdas/adapters/dynamodb/batch-write';
import type { DomainEvent, EventPublisher } from '../../lambdas/domain/ports';
import {
  runTreatmentAssessment,
  type TreatmentChangedDetail,
} from '../../lambdas/domain/treatment/assessment-run';
import { anAccount } from '../support/accounts';
import { freshTables } from '../support/dynamodb';

class RecordingPublisher implements EventPublisher {
  readonly published: DomainEvent[] = [];
  async publish(events: readonly DomainEvent[]) {
    this.published.push(...events);
  }
}

const clockAt = (iso: string) => ({ now: () => new Date(iso) });

describe('treatment assessment on DynamoDB Local', () => {
  let accounts: DynamoAccountRepository;

  beforeAll(async () => {
    const { db, names } = await freshTables();
    accounts = new DynamoAccountRepository(db, names.accounts);
    const portfolio = [
      anAccount({ accountId: 'ACC-CURRENT' }),
      anAccount({ accountId: 'ACC-LATE-10', oldestUnpaidDueDate: '2026-11-13', amountOverdueMinor: 3_600 }),
      anAccount({ accountId: 'ACC-LATE-95', oldestUnpaidDueDate: '2026-08-20', amountOverdueMinor: 11_000 }),
      anAccount({
        accountId: 'ACC-DECEASED',
        oldestUnpaidDueDate: '2026-01-01',
        flags: { ...anAccount({ accountId: 'x' }).flags, deceased: true },
      }),
      // Enough accounts to span several scan pages is not needed for correctness, but 300 exercises batching.
      ...Array.from({ length: 300 }, (_, i) =>
        anAccount({
          accountId: `ACC-BULK-${String(i).padStart(4, '0')}`,
          oldestUnpaidDueDate: i % 3 ? undefined : '2026-10-20',
        }),
      ),
    ];
    await batchPutAll(db, names.accounts, portfolio as never);
  });

  it('assesses every account once, writes treatments and announces each change', async () => {
    const events = new RecordingPublisher();
    const summary = await runTreatmentAssessment({
      accounts,
      events,
      clock: clockAt('2026-11-23T02:00:00Z'),
      runId: 'run-1',
    });

    expect(summary).toEqual({
      runId: 'run-1',
      accountsAssessed: 304,
      treatmentsChanged: 304,
      eventsPublished: 304,
    });
    expect((await accounts.get('ACC-LATE-10'))?.treatment).toMatchObject({
      bucket: 'dpd_1_30',
      tier: 'reminder',
      daysPastDue: 10,
    });
    expect((await accounts.get('ACC-LATE-95'))?.treatment).toMatchObject({
      bucket: 'dpd_91_180',
      tier: 'hardship_review',
    });
    expect((await accounts.get('ACC-DECEASED'))?.treatment?.tier).toBe('excluded');
    const first = events.published.find(
      (e) => (e.detail as TreatmentChangedDetail).accountId === 'ACC-LATE-95',
    );
    expect(first).toMatchObject({
      source: 'collections.scoring',
      detailType: 'TreatmentChanged',
      detail: { previous: null, current: { bucket: 'dpd_91_180' }, runId: 'run-1' },
    });
  });

  it('writes nothing and announces nothing when re-run the same day', async () => {
    const events = new RecordingPublisher();
    const summary = await runTreatmentAssessment({
      accounts,
      events,
      clock: clockAt('2026-11-23T05:00:00Z'),
      runId: 'run-2',
    });
    expect(summary).toMatchObject({ accountsAssessed: 304, treatmentsChanged: 0, eventsPublished: 0 });
    expect((await accounts.get('ACC-LATE-10'))?.treatment?.runId).toBe('run-1');
  });

  it('stores days ticking by, but announces only bucket or tier changes', async () => {
    const events = new RecordingPublisher();
    // 21 days later: ACC-LATE-10 moves to 31 days past due (new bucket, new tier); others only age.
    const summary = await runTreatmentAssessment({
      accounts,
      events,
      clock: clockAt('2026-12-14T02:00:00Z'),
      runId: 'run-3',
    });
    const announced = events.published.map((e) => (e.detail as TreatmentChangedDetail).accountId);
    expect(announced).toContain('ACC-LATE-10');
    expect(announced).not.toContain('ACC-CURRENT');
    expect(summary.treatmentsChanged).toBeGreaterThan(summary.eventsPublished);
    const late = events.published.find(
      (e) => (e.detail as TreatmentChangedDetail).accountId === 'ACC-LATE-10',
    );
    expect(late?.detail).toMatchObject({
      previous: { bucket: 'dpd_1_30', tier: 'reminder' },
      current: { bucket: 'dpd_31_60', tier: 'agent_call', daysPastDue: 31 },
    });
  });

  it('never overwrites a treatment another writer changed since it was read', async () => {
    const account = (await accounts.get('ACC-CURRENT'))!;
    const next = { ...account.treatment!, assessedAt: '2026-12-15T00:00:00.000Z', runId: 'writer-a' };
    expect(await accounts.replaceTreatment('ACC-CURRENT', account.treatment, next)).toBe(true);
    // A second writer still holding the old treatment loses.
    expect(
      await accounts.replaceTreatment('ACC-CURRENT', account.treatment, { ...next, runId: 'writer-b' }),
    ).toBe(false);
    expect((await accounts.get('ACC-CURRENT'))?.treatment?.runId).toBe('writer-a');
    // And no treatment is ever written onto an account that does not exist.
    expect(await accounts.replaceTreatment('ACC-MISSING', undefined, next)).toBe(false);
    expect(await accounts.get('ACC-MISSING')).toBeUndefined();
  });
});
