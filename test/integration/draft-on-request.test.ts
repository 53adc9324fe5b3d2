/** An agent's request for a fresh draft, on DynamoDB Local. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoAccountRepository } from '../../lambdas/adapters/dynamodb/account-repository';
import { DynamoDraftStore } from '../../lambdas/adapters/dynamodb/draft-store';
import type { Account } from '../../lambdas/domain/accounts/account';
import { draftOnRequest } from '../../lambdas/domain/outreach/draft-on-request';
import type { DomainEvent } from '../../lambdas/domain/ports';
import { aScoredAccount } from '../support/accounts';
import { freshTables } from '../support/dynamodb';

let tables: Awaited<ReturnType<typeof freshTables>>;
beforeAll(async () => {
  tables = await freshTables();
});

async function depsWith(account: Account) {
  await tables.db.send(new PutCommand({ TableName: tables.names.accounts, Item: account }));
  const events: DomainEvent[] = [];
  return {
    events,
    deps: {
      accounts: new DynamoAccountRepository(tables.db, tables.names.accounts),
      drafts: new DynamoDraftStore(tables.db, tables.names.offers),
      events: { publish: async (batch: readonly DomainEvent[]) => void events.push(...batch) },
      llm: undefined,
      clock: { now: () => new Date('2026-11-23T15:00:00.000Z') },
    },
  };
}

const scored = (accountId: string, tier: 'reminder' | 'monitor') => aScoredAccount({ accountId }, { tier });

describe('a draft an agent asks for', () => {
  it('is drafted through the gate, stored as the latest draft with the agent named, and announced', async () => {
    const { deps, events } = await depsWith(scored('ACC-910001', 'reminder'));
    const record = await draftOnRequest(deps, { accountId: 'ACC-910001', agentId: 'alice' });
    expect(record).toMatchObject({ status: 'ready', changeId: 'requested-by:alice', tier: 'reminder' });
    expect(Object.values(record.verdicts!).every((verdict) => verdict.allowed)).toBe(true);
    expect((await deps.drafts.latest('ACC-910001'))?.draftId).toBe(record.draftId);
    expect(events).toEqual([
      expect.objectContaining({
        detailType: 'OfferDrafted',
        detail: expect.objectContaining({ draftId: record.draftId }),
      }),
    ]);
  });

  it('refuses an unknown account, and a tier with no outreach', async () => {
    const { deps } = await depsWith(scored('ACC-910002', 'monitor'));
    await expect(draftOnRequest(deps, { accountId: 'ACC-999999', agentId: 'alice' })).rejects.toMatchObject({
      code: 'ACCOUNT_NOT_FOUND',
    });
    await expect(draftOnRequest(deps, { accountId: 'ACC-910002', agentId: 'alice' })).rejects.toMatchObject({
      code: 'NO_OUTREACH_FOR_TIER',
    });
  });
});
