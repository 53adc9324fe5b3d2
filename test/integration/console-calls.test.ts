/**
 * Call outcomes against DynamoDB Local: every call is logged for the caps (the 8th US call in 7 days is
 * flagged, and so is a call within 7 days of a conversation), a promise taken on a call is announced in the
 * shape servicing applies, and bad input writes nothing.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoAccountRepository } from '../../lambdas/adapters/dynamodb/account-repository';
import { DynamoAccountUpdater } from '../../lambdas/adapters/dynamodb/account-updater';
import { DynamoAuditLog } from '../../lambdas/adapters/dynamodb/audit-log';
import { DynamoContactStore } from '../../lambdas/adapters/dynamodb/contact-store';
import type { Account } from '../../lambdas/domain/accounts/account';
import {
  type CallOutcomeBody,
  type CallOutcomeDeps,
  logCallOutcome,
} from '../../lambdas/domain/console/call-outcomes';
import { applyCustomerDecision, type DecisionEvent } from '../../lambdas/domain/decisions/customer-decisions';
import type { DomainEvent } from '../../lambdas/domain/ports';
import { anAccount } from '../support/accounts';
import { freshTables } from '../support/dynamodb';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 10:00 in New York (EST) on a Monday.
const MONDAY_MORNING = new Date('2026-11-23T15:00:00.000Z');

let tables: Awaited<ReturnType<typeof freshTables>>;
let sequence = 0;

beforeAll(async () => {
  tables = await freshTables();
});

async function world(changes: Partial<Account> = {}) {
  sequence += 1;
  const accountId = `ACC-${String(600_000 + sequence)}`;
  const account: Account = {
    ...anAccount({ accountId, amountOverdueMinor: 20_000, oldestUnpaidDueDate: '2026-10-10' }),
    treatment: {
      bucket: 'dpd_31_60',
      tier: 'agent_call',
      variant: 'champion',
      policyVersion: 'treatment-2026.11.1',
      fingerprint: 'f',
      assessedAt: '2026-11-23T02:00:00.000Z',
      runId: 'run-1',
    },
    ...changes,
  };
  await tables.db.send(new PutCommand({ TableName: tables.names.accounts, Item: account }));
  let now = MONDAY_MORNING;
  const events: DomainEvent[] = [];
  const contacts = new DynamoContactStore(tables.db, tables.names.contacts);
  const deps: CallOutcomeDeps = {
    accounts: new DynamoAccountRepository(tables.db, tables.names.accounts),
    contactLog: contacts,
    events: { publish: async (batch) => void events.push(...batch) },
    clock: { now: () => now },
  };
  let calls = 0;
  const call = (body: CallOutcomeBody, agentId = 'alice') => {
    calls += 1;
    return logCallOutcome(deps, { accountId, agentId, callId: `${accountId}-call-${calls}`, body });
  };
  /** As the handler calls it: the console's name for the call is the call's id. */
  const callNamed = (body: CallOutcomeBody & { clientCallId: string }) =>
    logCallOutcome(deps, { accountId, agentId: 'alice', callId: body.clientCallId, body });
  return {
    accountId,
    events,
    call,
    callNamed,
    setClock: (at: Date) => {
      now = at;
    },
    log: () => contacts.since(accountId, '2026-01-01T00:00:00Z'),
  };
}

describe('a retried call', () => {
  it('is logged once however often and however concurrently the console sends it, and answered the same', async () => {
    const w = await world();
    const body = {
      outcome: 'promise_to_pay' as const,
      promise: { amountMinor: 125_00, dueDate: '2026-11-30' },
      note: 'Will pay from next salary.',
      clientCallId: 'console-call-7f3a9c',
    };
    const first = await w.callNamed(body);
    w.setClock(new Date(MONDAY_MORNING.getTime() + 2 * 60_000)); // the agent retries two minutes later
    const retries = await Promise.all([w.callNamed(body), w.callNamed(body), w.callNamed(body)]);
    for (const retry of retries) expect(retry).toEqual(first);

    expect(await w.log()).toHaveLength(1);
    // Announced again with the same request ids, which consumers apply once.
    expect(new Set(w.events.map((event) => (event.detail as { requestId: string }).requestId))).toEqual(
      new Set([`call#${first.callId}`, `call#${first.callId}#PromiseToPayRecorded`]),
    );
  });

  it('refuses the same name for a different call, and logs nothing more', async () => {
    const w = await world();
    await w.callNamed({ outcome: 'no_answer', clientCallId: 'console-call-0001' });
    await expect(
      w.callNamed({ outcome: 'right_party', clientCallId: 'console-call-0001' }),
    ).rejects.toMatchObject({
      code: 'CALL_ID_REUSED',
    });
    expect(await w.log()).toHaveLength(1);
  });
});

describe('calls feed the call caps', () => {
  it('logs seven unanswered calls in a week as allowed, flags the 8th, and allows calls again a week later', async () => {
    const w = await world();
    for (let day = 0; day < 7; day++) {
      w.setClock(new Date(MONDAY_MORNING.getTime() + day * DAY));
      const logged = await w.call({ outcome: day % 2 === 0 ? 'no_answer' : 'wrong_number' });
      expect(logged).toMatchObject({ kind: 'call_attempt', allowedByPolicy: true, policyReasons: [] });
    }
    w.setClock(new Date(MONDAY_MORNING.getTime() + 6 * DAY + 5 * HOUR)); // Sunday 15:00 in New York
    const eighth = await w.call({ outcome: 'no_answer', note: 'Voicemail full.' });
    expect(eighth).toMatchObject({
      outcome: 'no_answer',
      kind: 'call_attempt',
      agentId: 'alice',
      note: 'Voicemail full.',
      allowedByPolicy: false,
      policyReasons: ['CALL_CAP_7_IN_7_DAYS'],
      promise: null,
      events: ['CallLogged'],
    });

    // Logged anyway (the call happened), with who made it and the verdict.
    const log = await w.log();
    expect(log).toHaveLength(8);
    expect(log.every((entry) => entry.channel === 'call' && entry.kind === 'call_attempt')).toBe(true);
    expect(log.at(-1)).toMatchObject({
      ref: `call#${eighth.callId}`,
      agentId: 'alice',
      outcome: 'no_answer',
      note: 'Voicemail full.',
      allowedByPolicy: false,
      policyReasons: ['CALL_CAP_7_IN_7_DAYS'],
    });
    expect(w.events.at(-1)).toEqual({
      source: 'collections.portal',
      detailType: 'CallLogged',
      detail: {
        requestId: `call#${eighth.callId}`,
        accountId: w.accountId,
        callId: eighth.callId,
        agentId: 'alice',
        outcome: 'no_answer',
        kind: 'call_attempt',
        at: eighth.at,
        allowedByPolicy: false,
        policyReasons: ['CALL_CAP_7_IN_7_DAYS'],
        note: 'Voicemail full.',
      },
    });

    // Once the first calls are more than 7 days old, the window has room again.
    w.setClock(new Date(MONDAY_MORNING.getTime() + 8 * DAY));
    expect((await w.call({ outcome: 'no_answer' })).allowedByPolicy).toBe(true);
  });

  it('counts a right-party call as a conversation: the next call within 7 days is flagged', async () => {
    const w = await world();
    const talked = await w.call({ outcome: 'right_party', note: 'Customer will check the portal.' });
    expect(talked).toMatchObject({ kind: 'conversation', allowedByPolicy: true });
    w.setClock(new Date(MONDAY_MORNING.getTime() + 2 * DAY));
    const again = await w.call({ outcome: 'refused' });
    expect(again).toMatchObject({
      kind: 'conversation',
      allowedByPolicy: false,
      policyReasons: ['CALL_WITHIN_7_DAYS_OF_CONVERSATION'],
    });
    expect((await w.log()).map((entry) => entry.kind)).toEqual(['conversation', 'conversation']);
  });

  it('flags a call placed at night or on an account on hold, and still logs it', async () => {
    const w = await world({
      flags: { ...anAccount({ accountId: 'x' }).flags, dispute: true },
    });
    w.setClock(new Date('2026-11-24T03:30:00.000Z')); // 22:30 in New York
    const logged = await w.call({ outcome: 'no_answer' });
    expect(logged.allowedByPolicy).toBe(false);
    expect([...logged.policyReasons].sort()).toEqual(['DISPUTE_HOLD', 'OUTSIDE_CONTACT_HOURS']);
    expect(await w.log()).toHaveLength(1);
  });
});

describe('a promise taken on a call', () => {
  it('is announced as PromiseToPayRecorded, which servicing applies to the account', async () => {
    const w = await world();
    const logged = await w.call(
      { outcome: 'promise_to_pay', promise: { amountMinor: 20_000, dueDate: '2026-12-04' } },
      'ben',
    );
    expect(logged).toMatchObject({
      kind: 'conversation',
      promise: { amountMinor: 20_000, dueDate: '2026-12-04' },
      events: ['CallLogged', 'PromiseToPayRecorded'],
    });
    const promised = w.events.find((event) => event.detailType === 'PromiseToPayRecorded')!;
    expect(promised).toEqual({
      source: 'collections.portal',
      detailType: 'PromiseToPayRecorded',
      detail: {
        requestId: `call#${logged.callId}#PromiseToPayRecorded`,
        accountId: w.accountId,
        amountMinor: 20_000,
        dueDate: '2026-12-04',
        agentId: 'ben',
        decidedAt: MONDAY_MORNING.toISOString(),
        callId: logged.callId,
      },
    });

    const audit = new DynamoAuditLog(tables.db, tables.names.audit);
    const outcome = await applyCustomerDecision(
      { accounts: new DynamoAccountUpdater(tables.db, tables.names.accounts), audit },
      {
        id: 'evt-promise-1',
        detailType: promised.detailType,
        detail: promised.detail,
      } as DecisionEvent,
    );
    expect(outcome).toBe('applied');
    const account = await new DynamoAccountRepository(tables.db, tables.names.accounts).get(w.accountId);
    expect(account?.flags.promiseToPay).toBe(true);
    expect(account?.promise).toEqual({
      amountMinor: 20_000,
      dueDate: '2026-12-04',
      recordedAt: MONDAY_MORNING.toISOString(),
      source: 'agent:ben',
    });
    expect((await audit.list(w.accountId))[0]).toMatchObject({
      kind: 'PromiseToPayRecorded',
      summary: 'Promise to pay 20000 by 2026-12-04',
    });
  });

  it('is refused above the balance or outside today..today+30, and nothing is logged or announced', async () => {
    const w = await world();
    await expect(
      w.call({ outcome: 'promise_to_pay', promise: { amountMinor: 120_001, dueDate: '2026-12-01' } }),
    ).rejects.toMatchObject({ kind: 'invalid', code: 'INVALID_PROMISE' });
    await expect(
      w.call({ outcome: 'promise_to_pay', promise: { amountMinor: 100, dueDate: '2026-12-24' } }),
    ).rejects.toMatchObject({
      code: 'INVALID_PROMISE',
      message: expect.stringMatching(/2026-11-23 to 2026-12-23/),
    });
    expect(await w.log()).toEqual([]);
    expect(w.events).toEqual([]);
  });
});

it('answers an unknown account with ACCOUNT_NOT_FOUND', async () => {
  const w = await world();
  const deps = {
    accounts: new DynamoAccountRepository(tables.db, tables.names.accounts),
    contactLog: new DynamoContactStore(tables.db, tables.names.contacts),
    events: { publish: async () => {} },
    clock: { now: () => MONDAY_MORNING },
  };
  await expect(
    logCallOutcome(deps, {
      accountId: 'ACC-NOPE',
      agentId: 'alice',
      callId: 'c',
      body: { outcome: 'no_answer' },
    }),
  ).rejects.toMatchObject({ kind: 'not_found', code: 'ACCOUNT_NOT_FOUND' });
  expect(w.events).toEqual([]);
});
