/**
 * The payment handlers as deployed (config from the environment, real DynamoDB Local, the local Scheduler
 * API and a local event bus that only records): bad input is a 4xx with a code before anything is written,
 * refusals are 409s with the reason recorded, mandates follow terms → authorise → revoke, and the session
 * decides whose payments a customer sees.
 */

import type { Server } from 'node:http';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAuditLog } from '../../lambdas/adapters/dynamodb/audit-log';
import { DynamoPaymentStore } from '../../lambdas/adapters/dynamodb/payment-store';
import { debitScheduleName } from '../../lambdas/adapters/scheduler/eventbridge-debit-scheduler';
import type { Account } from '../../lambdas/domain/accounts/account';
import { issueToken, type Role } from '../../lambdas/domain/auth/session-token';
import { missAtOf } from '../../lambdas/domain/payments/debit-policy';
import type { Instalment } from '../../lambdas/domain/payments/payments';
import { LocalEventBus, listenForPutEvents, type PutEventsEntry } from '../../local/event-bus';
import { lambdaContext } from '../../local/lambda-invoker';
import {
  type LocalSchedulerApi,
  localDebitSchedulingEnvironment,
  startLocalSchedulerApi,
} from '../../local/scheduler-api';
import { tableNameEnvironment } from '../../local/tables';
import { anAccount, NO_FLAGS } from '../support/accounts';
import { cnCardNumber, US_ROUTING, usAccountNumber, usDebtor } from '../support/bank-accounts';
import { freshTables, localCredentials } from '../support/dynamodb';
import { apiEvent } from '../support/events';

const KEY = Buffer.alloc(32, 11);
const BUS_NAME = 'collections-test-bus';
/** What the customer types (account number and routing number), and the mandate's canonical account. */
const ACCOUNT_NUMBER = usAccountNumber('3000');
const DEBTOR = usDebtor('3000');
const VERIFIED = {
  method: 'date_of_birth_and_one_time_code',
  channel: 'sms',
  verifiedAt: '2026-11-23T09:00:00.000Z',
  codeVisibleToStaff: false,
} as const;

type Handler = (event: APIGatewayProxyEventV2, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;

/** The bus the handlers publish to: it accepts and records every event and delivers none anywhere real. */
class RecordingBus extends LocalEventBus {
  readonly entries: PutEventsEntry[] = [];
  override putEvents(request: { Entries?: PutEventsEntry[] }) {
    this.entries.push(...(request.Entries ?? []));
    return super.putEvents(request);
  }
}

let tables: Awaited<ReturnType<typeof freshTables>>;
let store: DynamoPaymentStore;
let bus: RecordingBus;
let busServer: Server;
let scheduler: LocalSchedulerApi;
const fired: unknown[] = [];
let portal: Handler;
let staff: Handler;

beforeAll(async () => {
  tables = await freshTables();
  store = new DynamoPaymentStore(tables.db, tables.names.payments, tables.names.accounts);
  bus = new RecordingBus(BUS_NAME, async () => undefined, { retryDelayMs: 0 });
  busServer = await listenForPutEvents(bus);
  const busPort = (busServer.address() as { port: number }).port;
  scheduler = await startLocalSchedulerApi({ fire: async (_arn, input) => void fired.push(input) });
  Object.assign(
    process.env,
    tableNameEnvironment(tables.names),
    localDebitSchedulingEnvironment(scheduler.url),
    {
      AWS_ENDPOINT_URL_DYNAMODB: tables.endpoint,
      AWS_ENDPOINT_URL_EVENTBRIDGE: `http://127.0.0.1:${busPort}`,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
      EVENT_BUS_NAME: BUS_NAME,
      STAFF_AUTH: 'local',
      SESSION_SIGNING_KEY: KEY.toString('base64'),
    },
  );
  portal = (await import('../../lambdas/handlers/http/portal-payments')).handler as Handler;
  staff = (await import('../../lambdas/handlers/http/staff-payments')).handler as Handler;
});

afterAll(async () => {
  await bus?.drain();
  await scheduler?.stop();
  busServer?.closeAllConnections();
  await new Promise((resolve) => (busServer ? busServer.close(resolve) : resolve(undefined)));
});

// ---- Helpers ---------------------------------------------------------------------------------------------

const token = (role: Role, accountId?: string, verification: typeof VERIFIED | null = VERIFIED) => {
  const now = Math.floor(Date.now() / 1000);
  return issueToken(KEY, {
    sub: accountId ?? `${role}-1`,
    role,
    ...(accountId ? { accountId } : {}),
    ...(role === 'customer' && verification ? { verification } : {}),
    iat: now - 10,
    exp: now + 600,
  });
};

interface CallOptions {
  /** `unverified`: a session token from before sessions recorded how they were verified. */
  readonly as?: { role: Role; accountId?: string; unverified?: boolean };
  readonly query?: Record<string, string>;
  readonly path?: Record<string, string>;
  readonly body?: unknown;
  readonly rawBody?: string;
}

async function call(handler: Handler, routeKey: string, options: CallOptions = {}) {
  const event = apiEvent({
    routeKey,
    headers: {
      'content-type': 'application/json',
      ...(options.as
        ? {
            authorization: `Bearer ${token(options.as.role, options.as.accountId, options.as.unverified ? null : VERIFIED)}`,
          }
        : {}),
    },
    queryStringParameters: options.query,
    pathParameters: options.path,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  // A context per invocation, as Lambda gives: a shared one's deadline would pass during the run.
  const response = (await handler(event, lambdaContext('test'))) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode, body: JSON.parse(String(response.body)) };
}

const customer = (accountId: string) => ({ role: 'customer' as const, accountId });
const agent = { role: 'agent' as const };

async function putAccount(accountId: string, changes: Partial<Account> = {}): Promise<Account> {
  const account = anAccount({
    accountId,
    amountOverdueMinor: 3_600,
    oldestUnpaidDueDate: '2026-11-10',
    ...changes,
  });
  await tables.db.send(new PutCommand({ TableName: tables.names.accounts, Item: account }));
  return account;
}

async function track(
  accountId: string,
  dueDate: string,
  amountMinor: number,
  changes: Partial<Instalment> = {},
): Promise<Instalment> {
  const instalment: Instalment = {
    accountId,
    instalmentId: `statement-${dueDate}`,
    source: 'statement',
    dueDate,
    currency: 'USD',
    amountMinor,
    paidMinor: 0,
    status: 'missed',
    missAt: missAtOf(dueDate, 'credit_card'),
    missedAt: missAtOf(dueDate, 'credit_card'),
    createdAt: '2026-11-01T00:00:00.000Z',
    ...changes,
  };
  expect(await store.trackInstalment(instalment)).toBe(true);
  return instalment;
}

const choices = (maxAmountMinor = 50_000, partialAllowed = false, debtorAccount = ACCOUNT_NUMBER) => ({
  debtorAccount,
  routingNumber: US_ROUTING,
  maxAmountMinor: String(maxAmountMinor),
  partialAllowed: String(partialAllowed),
});

async function termsFor(accountId: string, query = choices()) {
  const terms = await call(portal, 'GET /portal/mandate/terms', { as: customer(accountId), query });
  expect(terms.status).toBe(200);
  return terms.body as { termsVersion: string; text: string; termsHash: string };
}

/** Terms, then acceptance with their hash: the customer's mandate, as the portal sets it up. */
async function authorise(accountId: string, maxAmountMinor = 50_000, partialAllowed = false) {
  const terms = await termsFor(accountId, choices(maxAmountMinor, partialAllowed));
  const response = await call(portal, 'POST /portal/mandate', {
    as: customer(accountId),
    body: {
      debtorAccount: ACCOUNT_NUMBER,
      routingNumber: US_ROUTING,
      maxAmountMinor,
      partialAllowed,
      termsHash: terms.termsHash,
    },
  });
  expect(response.status).toBe(201);
  return { terms, mandate: response.body.mandate };
}

const payNow = (accountId: string, instalmentId: string, body: unknown) =>
  call(portal, 'POST /portal/instalments/{instalmentId}/debits', {
    as: customer(accountId),
    path: { instalmentId },
    body,
  });

/** Everything the payments table holds for the account besides its instalments. */
async function paymentItems(accountId: string) {
  const result = await tables.db.send(
    new QueryCommand({
      TableName: tables.names.payments,
      KeyConditionExpression: 'accountId = :id',
      ExpressionAttributeValues: { ':id': accountId },
      ConsistentRead: true,
    }),
  );
  return (result.Items ?? []).filter((item) => !String(item.itemKey).startsWith('INSTALMENT#'));
}

async function outboxOf(accountId: string) {
  const result = await tables.db.send(
    new QueryCommand({
      TableName: tables.names.contacts,
      KeyConditionExpression: 'accountId = :id',
      ExpressionAttributeValues: { ':id': accountId },
      ConsistentRead: true,
    }),
  );
  return result.Items ?? [];
}

const eventsFor = (accountId: string, detailType?: string) =>
  bus.entries
    .filter((entry) => (JSON.parse(entry.Detail ?? '{}') as { accountId?: string }).accountId === accountId)
    .filter((entry) => detailType === undefined || entry.DetailType === detailType);

/** Nothing happened for the account: no attempt, no mandate, no notice, no event, no schedule. */
async function expectNothingWritten(accountId: string, mandates: 'none' | 'unchanged' = 'none', before = 0) {
  const items = await paymentItems(accountId);
  expect(items.filter((item) => String(item.itemKey).startsWith('ATTEMPT#'))).toEqual([]);
  if (mandates === 'none') expect(items).toEqual([]);
  expect(await outboxOf(accountId)).toEqual([]);
  expect(eventsFor(accountId).length).toBe(before);
  expect(
    scheduler.schedules().filter((s) => (s.input as { accountId?: string }).accountId === accountId),
  ).toEqual([]);
}

// ---- Pay now: bad input ------------------------------------------------------------------------------------

describe('POST /portal/instalments/{instalmentId}/debits: bad input', () => {
  const ACC = 'ACC-PAY-BAD1';

  beforeAll(async () => {
    await putAccount(ACC);
    await track(ACC, '2026-11-10', 3_600);
    await track(ACC, '2026-10-10', 60_000);
    await authorise(ACC, 50_000);
  });

  it.each([
    ['negative', { amountMinor: -100 }],
    ['zero', { amountMinor: 0 }],
    ['a fraction', { amountMinor: 1.5 }],
    ['the string "NaN"', { amountMinor: 'NaN' }],
    ['a numeric string', { amountMinor: '100' }],
    ['null', { amountMinor: null }],
    ['missing', {}],
    ['huge', { amountMinor: 1e300 }],
    ['beyond safe integers', { amountMinor: 2 ** 53 }],
    ['with an extra field', { amountMinor: 100, accountId: 'ACC-PAY-OTHER' }],
  ])('refuses an amount that is %s with 400 VALIDATION_FAILED', async (_what, body) => {
    const before = eventsFor(ACC).length;
    const response = await payNow(ACC, 'statement-2026-11-10', body);
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    await expectNothingWritten(ACC, 'unchanged', before);
  });

  it('refuses a body that is not JSON with 400 MALFORMED_JSON', async () => {
    const before = eventsFor(ACC).length;
    const response = await call(portal, 'POST /portal/instalments/{instalmentId}/debits', {
      as: customer(ACC),
      path: { instalmentId: 'statement-2026-11-10' },
      rawBody: '{"amountMinor": 1',
    });
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'MALFORMED_JSON' } } });
    await expectNothingWritten(ACC, 'unchanged', before);
  });

  it('answers an unknown instalment with 404 INSTALMENT_NOT_FOUND, a malformed id with 400', async () => {
    const before = eventsFor(ACC).length;
    const unknown = await payNow(ACC, 'statement-2026-01-01', { amountMinor: 100 });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'INSTALMENT_NOT_FOUND' } } });
    for (const instalmentId of ['nope', 'statement-2026-11-10#1', 'ATTEMPT#statement-2026-11-10', 'plan-']) {
      const malformed = await payNow(ACC, instalmentId, { amountMinor: 100 });
      expect(malformed).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    }
    await expectNothingWritten(ACC, 'unchanged', before);
  });

  it('refuses more than is due with 400 AMOUNT_ABOVE_DUE', async () => {
    const before = eventsFor(ACC).length;
    const response = await payNow(ACC, 'statement-2026-11-10', { amountMinor: 3_601 });
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'AMOUNT_ABOVE_DUE' } } });
    expect(response.body.error.message).toContain('3600');
    await expectNothingWritten(ACC, 'unchanged', before);
  });

  it("refuses more than the mandate's maximum with 400 AMOUNT_ABOVE_MANDATE", async () => {
    const before = eventsFor(ACC).length;
    const response = await payNow(ACC, 'statement-2026-10-10', { amountMinor: 50_001 });
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'AMOUNT_ABOVE_MANDATE' } } });
    await expectNothingWritten(ACC, 'unchanged', before);
    // Nothing was recorded on the instalments either.
    for (const instalment of await store.listInstalments(ACC)) {
      expect(instalment.debitBlockedReasons).toBeUndefined();
    }
    // The one mandate is all the account holds.
    expect((await paymentItems(ACC)).map((item) => String(item.itemKey).split('#')[0])).toEqual([
      'MANDATE',
      'MANDATE_ACTIVE',
    ]);
  });
});

// ---- Pay now: refusals and the happy path -------------------------------------------------------------------

describe('POST /portal/instalments/{instalmentId}/debits: refusals', () => {
  it('without a mandate: 409 NO_MANDATE, and the reason is recorded on the instalment', async () => {
    const ACC = 'ACC-PAY-NOMANDATE';
    await putAccount(ACC);
    await track(ACC, '2026-11-10', 3_600);
    const response = await payNow(ACC, 'statement-2026-11-10', { amountMinor: 3_600 });
    expect(response).toMatchObject({ status: 409, body: { error: { code: 'NO_MANDATE' } } });
    expect(
      (await store.getInstalment({ accountId: ACC, instalmentId: 'statement-2026-11-10' }))
        ?.debitBlockedReasons,
    ).toEqual(['NO_MANDATE']);
    await expectNothingWritten(ACC);
  });

  it('with a revoked mandate: 409 NO_MANDATE, the revocation recorded on the instalment', async () => {
    const ACC = 'ACC-PAY-REVOKED';
    await putAccount(ACC);
    await track(ACC, '2026-11-10', 3_600);
    await authorise(ACC);
    expect((await call(portal, 'DELETE /portal/mandate', { as: customer(ACC) })).status).toBe(200);
    const eventsBefore = eventsFor(ACC).length;
    const response = await payNow(ACC, 'statement-2026-11-10', { amountMinor: 3_600 });
    expect(response).toMatchObject({ status: 409, body: { error: { code: 'NO_MANDATE' } } });
    expect(
      (await store.getInstalment({ accountId: ACC, instalmentId: 'statement-2026-11-10' }))
        ?.debitBlockedReasons,
    ).toEqual(['MANDATE_REVOKED']);
    expect(await store.listAttempts(ACC)).toEqual([]);
    expect(eventsFor(ACC).length).toBe(eventsBefore);
  });

  it('during a dispute: 409 HOLD', async () => {
    const ACC = 'ACC-PAY-DISPUTE';
    await putAccount(ACC);
    await track(ACC, '2026-11-10', 3_600);
    await authorise(ACC);
    await putAccount(ACC, { flags: { ...NO_FLAGS, dispute: true } });
    const eventsBefore = eventsFor(ACC).length;
    const response = await payNow(ACC, 'statement-2026-11-10', { amountMinor: 3_600 });
    expect(response).toMatchObject({ status: 409, body: { error: { code: 'HOLD' } } });
    expect(
      (await store.getInstalment({ accountId: ACC, instalmentId: 'statement-2026-11-10' }))
        ?.debitBlockedReasons,
    ).toEqual(['DISPUTE']);
    expect(await store.listAttempts(ACC)).toEqual([]);
    expect(await outboxOf(ACC)).toEqual([]);
    expect(eventsFor(ACC).length).toBe(eventsBefore);
  });

  it('on a hardship plan: the customer still pays now, by their own choice (202)', async () => {
    const ACC = 'ACC-PAY-HARDSHIP';
    await putAccount(ACC);
    await track(ACC, '2026-11-10', 3_600);
    await authorise(ACC);
    await putAccount(ACC, { flags: { ...NO_FLAGS, hardshipPlan: true } });
    const response = await payNow(ACC, 'statement-2026-11-10', { amountMinor: 3_600 });
    expect(response.status).toBe(202);
    expect(response.body.debit).toMatchObject({
      plannedMinor: 3_600,
      requestedBy: 'customer',
      state: 'scheduled',
    });
  });

  it('a paid instalment: 409 INSTALMENT_PAID', async () => {
    const ACC = 'ACC-PAY-PAID';
    await putAccount(ACC);
    await track(ACC, '2026-11-10', 3_600, {
      status: 'paid',
      paidMinor: 3_600,
      paidAt: '2026-11-12T00:00:00Z',
    });
    await authorise(ACC);
    const eventsBefore = eventsFor(ACC).length;
    const response = await payNow(ACC, 'statement-2026-11-10', { amountMinor: 100 });
    expect(response).toMatchObject({ status: 409, body: { error: { code: 'INSTALMENT_PAID' } } });
    expect(await store.listAttempts(ACC)).toEqual([]);
    expect(eventsFor(ACC).length).toBe(eventsBefore);
  });

  it('an instalment an accepted plan replaced: 409 INSTALMENT_SUPERSEDED', async () => {
    const ACC = 'ACC-PAY-SUPERSEDED';
    await putAccount(ACC);
    await track(ACC, '2026-11-10', 3_600, { status: 'superseded' });
    await authorise(ACC);
    const eventsBefore = eventsFor(ACC).length;
    const response = await payNow(ACC, 'statement-2026-11-10', { amountMinor: 3_600 });
    expect(response).toMatchObject({ status: 409, body: { error: { code: 'INSTALMENT_SUPERSEDED' } } });
    expect(await store.listAttempts(ACC)).toEqual([]);
    expect(eventsFor(ACC).length).toBe(eventsBefore);
  });

  it('schedules a debit now, with its notice, schedule and event; a second one is 409 DEBIT_PENDING', async () => {
    const ACC = 'ACC-PAY-PENDING';
    await putAccount(ACC);
    await track(ACC, '2026-11-10', 3_600);
    await authorise(ACC);
    const started = Date.now();
    const first = await payNow(ACC, 'statement-2026-11-10', { amountMinor: 2_000 });
    expect(first.status).toBe(202);
    expect(first.body.debit).toMatchObject({
      accountId: ACC,
      attemptId: 'statement-2026-11-10#1',
      instalmentId: 'statement-2026-11-10',
      number: 1,
      plannedMinor: 2_000,
      currency: 'USD',
      state: 'scheduled',
      requestedBy: 'customer',
    });
    expect(Date.parse(first.body.debit.debitAt)).toBeGreaterThanOrEqual(started - 1_000);
    expect(Date.parse(first.body.debit.debitAt)).toBeLessThanOrEqual(Date.now());

    // Its one-off schedule and DebitScheduled; no pre-debit text: the customer is looking at it, and the
    // receipt follows.
    const schedules = scheduler
      .schedules()
      .filter((s) => (s.input as { accountId: string }).accountId === ACC);
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({
      name: debitScheduleName({ accountId: ACC, attemptId: 'statement-2026-11-10#1' }),
      input: { accountId: ACC, attemptId: 'statement-2026-11-10#1' },
      status: 'pending',
    });
    expect(await outboxOf(ACC)).toEqual([]);
    expect(eventsFor(ACC, 'DebitScheduled')).toHaveLength(1);

    const second = await payNow(ACC, 'statement-2026-11-10', { amountMinor: 1_600 });
    expect(second).toMatchObject({ status: 409, body: { error: { code: 'DEBIT_PENDING' } } });
    expect((await store.listAttempts(ACC)).map((a) => a.attemptId)).toEqual(['statement-2026-11-10#1']);
    expect(eventsFor(ACC, 'DebitScheduled')).toHaveLength(1);
  });

  it('two requests at once: one debit is scheduled, the other is 409 DEBIT_PENDING', async () => {
    const ACC = 'ACC-PAY-RACE';
    await putAccount(ACC);
    await track(ACC, '2026-11-10', 3_600);
    await authorise(ACC);
    const responses = await Promise.all([
      payNow(ACC, 'statement-2026-11-10', { amountMinor: 1_000 }),
      payNow(ACC, 'statement-2026-11-10', { amountMinor: 3_600 }),
    ]);
    const attempts = await store.listAttempts(ACC);
    expect(attempts).toHaveLength(1);
    expect(responses.map((r) => r.status).sort()).toEqual([202, 409]);
    const accepted = responses.find((r) => r.status === 202);
    expect(accepted?.body.debit.plannedMinor).toBe(attempts[0]?.plannedMinor);
    expect(responses.find((r) => r.status === 409)?.body.error.code).toBe('DEBIT_PENDING');
  });
});

// ---- Mandates -------------------------------------------------------------------------------------------

describe('mandates: terms, authorise, revoke', () => {
  it('authorises with the hash of the terms read: 201, stored word for word, announced and audited', async () => {
    const ACC = 'ACC-PAY-MANDATE';
    await putAccount(ACC);
    const terms = await termsFor(ACC, {
      ...choices(40_000, true, '4000 1230-00'),
      routingNumber: '021-000-021',
    });
    expect(terms.termsVersion).toBe('mandate-terms.v1');
    expect(terms.text).toContain('USD 400.00');
    expect(terms.termsHash).toMatch(/^[0-9a-f]{64}$/);
    const response = await call(portal, 'POST /portal/mandate', {
      as: customer(ACC),
      body: {
        debtorAccount: '4000 1230-00',
        routingNumber: '021-000-021',
        maxAmountMinor: 40_000,
        partialAllowed: true,
        termsHash: terms.termsHash,
      },
    });
    expect(response.status).toBe(201);
    expect(response.body.mandate).toMatchObject({
      accountId: ACC,
      status: 'active',
      currency: 'USD',
      maxAmountMinor: 40_000,
      partialAllowed: true,
      authorisationText: terms.text,
      channel: 'portal',
      debtorAccountMasked: '••••3000',
    });
    expect(response.body.mandate.debtorAccount).toBeUndefined();
    const stored = await store.currentMandate(ACC);
    expect(stored).toMatchObject({
      debtorAccount: DEBTOR,
      authorisationText: terms.text,
      status: 'active',
      verification: VERIFIED,
    });
    expect(eventsFor(ACC, 'MandateAuthorised')).toHaveLength(1);
    const audit = await new DynamoAuditLog(tables.db, tables.names.audit).list(ACC);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ kind: 'MandateAuthorised' });
    expect(JSON.stringify(audit)).not.toContain(DEBTOR);

    // The portal shows it, masked.
    const view = await call(portal, 'GET /portal/payments', { as: customer(ACC) });
    expect(view.status).toBe(200);
    expect(view.body.mandate).toMatchObject({ status: 'active', debtorAccountMasked: '••••3000' });
    expect(JSON.stringify(view.body)).not.toContain(DEBTOR);
  });

  it('refuses a stale or wrong hash with 409 TERMS_CHANGED and stores nothing', async () => {
    const ACC = 'ACC-PAY-STALE';
    await putAccount(ACC);
    const terms = await termsFor(ACC, choices(40_000, true));
    const accept = (body: Record<string, unknown>) =>
      call(portal, 'POST /portal/mandate', {
        as: customer(ACC),
        body: {
          debtorAccount: ACCOUNT_NUMBER,
          routingNumber: US_ROUTING,
          maxAmountMinor: 40_000,
          partialAllowed: true,
          termsHash: terms.termsHash,
          ...body,
        },
      });
    // The terms were read for other choices than those sent.
    for (const changed of [
      { partialAllowed: false },
      { maxAmountMinor: 40_001 },
      { termsHash: 'f'.repeat(64) },
    ]) {
      const response = await accept(changed);
      expect(response).toMatchObject({ status: 409, body: { error: { code: 'TERMS_CHANGED' } } });
    }
    const malformed = await accept({ termsHash: 'not-a-hash' });
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    await expectNothingWritten(ACC);
    expect(await new DynamoAuditLog(tables.db, tables.names.audit).list(ACC)).toEqual([]);
  });

  it('refuses a second mandate with 409 MANDATE_ACTIVE', async () => {
    const ACC = 'ACC-PAY-TWICE';
    await putAccount(ACC);
    const { mandate } = await authorise(ACC, 30_000);
    const terms = await termsFor(ACC, choices(60_000));
    const again = await call(portal, 'POST /portal/mandate', {
      as: customer(ACC),
      body: {
        debtorAccount: ACCOUNT_NUMBER,
        routingNumber: US_ROUTING,
        maxAmountMinor: 60_000,
        partialAllowed: false,
        termsHash: terms.termsHash,
      },
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'MANDATE_ACTIVE' } } });
    const mandates = (await paymentItems(ACC)).filter((item) => String(item.itemKey).startsWith('MANDATE#'));
    expect(mandates.map((m) => [m.mandateId, m.maxAmountMinor])).toEqual([[mandate.mandateId, 30_000]]);
    expect(eventsFor(ACC, 'MandateAuthorised')).toHaveLength(1);
  });

  it('refuses an invalid bank account or maximum with 400, on the terms and on acceptance', async () => {
    const ACC = 'ACC-PAY-INVALID';
    await putAccount(ACC);
    const terms = (query: Record<string, string>) =>
      call(portal, 'GET /portal/mandate/terms', { as: customer(ACC), query });
    expect(await terms(choices(50_000, false, 'AB12'))).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_DEBTOR_ACCOUNT' } },
    });
    expect(await terms(choices(100_000_001))).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_AMOUNT' } },
    });
    for (const query of [
      { ...choices(), maxAmountMinor: '0' },
      { ...choices(), maxAmountMinor: '1.5' },
      { ...choices(), maxAmountMinor: 'NaN' },
      { ...choices(), partialAllowed: 'yes' },
      { debtorAccount: ACCOUNT_NUMBER, routingNumber: US_ROUTING, maxAmountMinor: '100' },
    ]) {
      expect(await terms(query)).toMatchObject({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED' } },
      });
    }
    const accept = await call(portal, 'POST /portal/mandate', {
      as: customer(ACC),
      body: {
        debtorAccount: 'DE89!',
        routingNumber: US_ROUTING,
        maxAmountMinor: 50_000,
        partialAllowed: false,
        termsHash: 'a'.repeat(64),
      },
    });
    expect(accept).toMatchObject({ status: 400, body: { error: { code: 'INVALID_DEBTOR_ACCOUNT' } } });
    const tooMuch = await call(portal, 'POST /portal/mandate', {
      as: customer(ACC),
      body: {
        debtorAccount: ACCOUNT_NUMBER,
        routingNumber: US_ROUTING,
        maxAmountMinor: 100_000_001,
        partialAllowed: false,
        termsHash: 'a'.repeat(64),
      },
    });
    expect(tooMuch).toMatchObject({ status: 400, body: { error: { code: 'INVALID_AMOUNT' } } });
    const fraction = await call(portal, 'POST /portal/mandate', {
      as: customer(ACC),
      body: {
        debtorAccount: ACCOUNT_NUMBER,
        routingNumber: US_ROUTING,
        maxAmountMinor: 10.5,
        partialAllowed: false,
        termsHash: 'a'.repeat(64),
      },
    });
    expect(fraction).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    await expectNothingWritten(ACC);
  });

  it('the due-date choice for a plan: in the words read and their hash; bad values 400, nothing written', async () => {
    const ACC = 'ACC-PAY-DUEDATE';
    await putAccount(ACC);
    const plain = await termsFor(ACC, choices());
    const chosen = await termsFor(ACC, { ...choices(), collectOnDueDate: 'true' } as ReturnType<
      typeof choices
    >);
    expect(chosen.text).toContain('each instalment of the repayment plan I agreed on its due date');
    expect(plain.text).not.toContain('due date');
    expect(chosen.termsHash).not.toBe(plain.termsHash);
    const body = {
      debtorAccount: ACCOUNT_NUMBER,
      routingNumber: US_ROUTING,
      maxAmountMinor: 50_000,
      partialAllowed: false,
    };
    for (const bad of [
      call(portal, 'GET /portal/mandate/terms', {
        as: customer(ACC),
        query: { ...choices(), collectOnDueDate: 'yes' },
      }),
      call(portal, 'POST /portal/mandate', {
        as: customer(ACC),
        body: { ...body, collectOnDueDate: 'true', termsHash: chosen.termsHash },
      }),
    ]) {
      expect(await bad).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    }
    // The hash of the words with the choice does not authorise a mandate without it, nor the other way round.
    for (const [collectOnDueDate, termsHash] of [
      [false, chosen.termsHash],
      [true, plain.termsHash],
    ] as const) {
      expect(
        await call(portal, 'POST /portal/mandate', {
          as: customer(ACC),
          body: { ...body, collectOnDueDate, termsHash },
        }),
      ).toMatchObject({ status: 409, body: { error: { code: 'TERMS_CHANGED' } } });
    }
    await expectNothingWritten(ACC);
    const accepted = await call(portal, 'POST /portal/mandate', {
      as: customer(ACC),
      body: { ...body, collectOnDueDate: true, termsHash: chosen.termsHash },
    });
    expect(accepted).toMatchObject({
      status: 201,
      body: { mandate: { collectOnDueDate: true, authorisationText: chosen.text } },
    });
  });

  it('checks the bank account as its country numbers them: routing checksum, account digits, card Luhn', async () => {
    const US_ACC = 'ACC-PAY-US-VECTORS';
    const CN_ACC = 'ACC-PAY-CN-VECTORS';
    await putAccount(US_ACC);
    await putAccount(CN_ACC, { jurisdiction: 'CN', currency: 'CNY' });
    const terms = (accountId: string, query: Record<string, string>) =>
      call(portal, 'GET /portal/mandate/terms', {
        as: customer(accountId),
        query: { maxAmountMinor: '50000', partialAllowed: 'false', ...query },
      });
    const code = async (accountId: string, query: Record<string, string>) => {
      const response = await terms(accountId, query);
      return response.status === 200 ? 'ok' : response.body.error.code;
    };
    // US: a real routing number and 4–17 digits.
    expect(await code(US_ACC, { debtorAccount: '000123456789', routingNumber: '021000021' })).toBe('ok');
    expect(await code(US_ACC, { debtorAccount: '1234', routingNumber: '011000015' })).toBe('ok');
    expect(await code(US_ACC, { debtorAccount: '000123456789', routingNumber: '021000022' })).toBe(
      'INVALID_ROUTING_NUMBER',
    );
    expect(await code(US_ACC, { debtorAccount: '000123456789', routingNumber: '000000000' })).toBe(
      'INVALID_ROUTING_NUMBER',
    );
    expect(await code(US_ACC, { debtorAccount: '000123456789' })).toBe('INVALID_ROUTING_NUMBER');
    for (const debtorAccount of [
      'SCUNTHORPEGENERALHOSPITAL',
      '123',
      '123456789012345678',
      'DE89370400440532013000',
    ]) {
      expect(await code(US_ACC, { debtorAccount, routingNumber: US_ROUTING }), debtorAccount).toBe(
        'INVALID_DEBTOR_ACCOUNT',
      );
    }
    // China: a bank card number with its Luhn check digit, no routing number.
    expect(await code(CN_ACC, { debtorAccount: '6222 0200 0040 0001 111' })).toBe('ok');
    expect(await code(CN_ACC, { debtorAccount: '4111111111111111' })).toBe('ok');
    expect(await code(CN_ACC, { debtorAccount: '6222020000400001112' })).toBe('INVALID_DEBTOR_ACCOUNT');
    expect(await code(CN_ACC, { debtorAccount: '622202000040000' })).toBe('INVALID_DEBTOR_ACCOUNT');
    expect(await code(CN_ACC, { debtorAccount: 'SCUNTHORPEGENERALHOSPITAL' })).toBe('INVALID_DEBTOR_ACCOUNT');
    expect(await code(CN_ACC, { debtorAccount: cnCardNumber('1111'), routingNumber: US_ROUTING })).toBe(
      'INVALID_ROUTING_NUMBER',
    );
    await expectNothingWritten(US_ACC);
    await expectNothingWritten(CN_ACC);
  });

  it('refuses a mandate from a session that does not say how it was verified (403), writing nothing', async () => {
    const ACC = 'ACC-PAY-UNVERIFIED';
    await putAccount(ACC);
    const terms = await termsFor(ACC);
    const response = await call(portal, 'POST /portal/mandate', {
      as: { ...customer(ACC), unverified: true },
      body: {
        debtorAccount: ACCOUNT_NUMBER,
        routingNumber: US_ROUTING,
        maxAmountMinor: 50_000,
        partialAllowed: false,
        termsHash: terms.termsHash,
      },
    });
    expect(response).toMatchObject({ status: 403, body: { error: { code: 'REVERIFICATION_REQUIRED' } } });
    await expectNothingWritten(ACC);
    expect(eventsFor(ACC, 'MandateAuthorised')).toEqual([]);
  });

  it('DELETE without a mandate is 404 NO_MANDATE', async () => {
    const ACC = 'ACC-PAY-NONE';
    await putAccount(ACC);
    const response = await call(portal, 'DELETE /portal/mandate', { as: customer(ACC) });
    expect(response).toMatchObject({ status: 404, body: { error: { code: 'NO_MANDATE' } } });
    await expectNothingWritten(ACC);
  });

  it('DELETE revokes, cancels every scheduled debit and lists them; a new mandate may follow', async () => {
    const ACC = 'ACC-PAY-REVOKE';
    await putAccount(ACC, { amountOverdueMinor: 5_600, oldestUnpaidDueDate: '2026-10-10' });
    await track(ACC, '2026-10-10', 2_000);
    await track(ACC, '2026-11-10', 3_600);
    await authorise(ACC);
    expect((await payNow(ACC, 'statement-2026-10-10', { amountMinor: 2_000 })).status).toBe(202);
    expect((await payNow(ACC, 'statement-2026-11-10', { amountMinor: 3_600 })).status).toBe(202);

    const response = await call(portal, 'DELETE /portal/mandate', { as: customer(ACC) });
    expect(response.status).toBe(200);
    expect(response.body.mandate).toMatchObject({ status: 'revoked', revokedVia: 'portal' });
    expect(response.body.mandate.debtorAccount).toBeUndefined();
    expect([...response.body.cancelledDebits].sort()).toEqual([
      'statement-2026-10-10#1',
      'statement-2026-11-10#1',
    ]);

    const attempts = await store.listAttempts(ACC);
    expect(attempts.map((a) => [a.attemptId, a.state, a.cancelledReasons])).toEqual([
      ['statement-2026-10-10#1', 'cancelled', ['MANDATE_REVOKED']],
      ['statement-2026-11-10#1', 'cancelled', ['MANDATE_REVOKED']],
    ]);
    expect(eventsFor(ACC, 'DebitCancelled')).toHaveLength(2);
    expect(eventsFor(ACC, 'MandateRevoked')).toHaveLength(1);

    // Revoking twice finds nothing to revoke; a new mandate can be given.
    expect(await call(portal, 'DELETE /portal/mandate', { as: customer(ACC) })).toMatchObject({
      status: 404,
      body: { error: { code: 'NO_MANDATE' } },
    });
    await authorise(ACC, 10_000);
    const view = await call(portal, 'GET /portal/payments', { as: customer(ACC) });
    expect(view.body.mandate).toMatchObject({ status: 'active', maxAmountMinor: 10_000 });
    expect(view.body.debits.map((d: { state: string }) => d.state)).toEqual(['cancelled', 'cancelled']);
  });

  it('a debit asked for after a cancelled one is not announced as a retry of a refused payment', async () => {
    const ACC = 'ACC-PAY-AFTERCANCEL';
    await putAccount(ACC);
    await track(ACC, '2026-11-10', 3_600);
    await authorise(ACC);
    expect((await payNow(ACC, 'statement-2026-11-10', { amountMinor: 3_600 })).status).toBe(202);
    expect((await call(portal, 'DELETE /portal/mandate', { as: customer(ACC) })).status).toBe(200);
    await authorise(ACC);
    // This time an agent takes it, after the customer agreed on a call: the customer is told first.
    const again = await call(staff, 'POST /accounts/{accountId}/instalments/{instalmentId}/debits', {
      as: agent,
      path: { accountId: ACC, instalmentId: 'statement-2026-11-10' },
      body: { amountMinor: 3_600 },
    });
    expect(again.status).toBe(202);
    expect(again.body.debit).toMatchObject({ attemptId: 'statement-2026-11-10#2', number: 2 });
    const notices = (await outboxOf(ACC)).filter((n) => String(n.messageId).includes('#2#pre_debit#'));
    expect(notices.map((n) => n.channel).sort()).toEqual(['portal', 'sms']);
    // Nothing was ever refused: the first debit was cancelled by the customer's own revocation.
    for (const notice of notices) {
      expect(notice.text).not.toMatch(/did not go through/i);
      expect(notice.gateOffer.amountsMinor).toEqual([3_600]);
      expect(notice.text).toContain('USD 36.00');
    }
  });
});

// ---- Whose payments -----------------------------------------------------------------------------------------

describe('access: the session decides whose payments', () => {
  const A = 'ACC-PAY-OWNER-A';
  const B = 'ACC-PAY-OWNER-B';

  beforeAll(async () => {
    await putAccount(A);
    await putAccount(B, { amountOverdueMinor: 9_900, oldestUnpaidDueDate: '2026-09-10' });
    await track(A, '2026-11-10', 3_600);
    await track(B, '2026-09-10', 9_900);
    await authorise(B);
  });

  it("a customer sees only their own account's payments", async () => {
    const view = await call(portal, 'GET /portal/payments', { as: customer(A) });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ accountId: A, currency: 'USD', mandate: null });
    expect(view.body.instalments.map((i: { instalmentId: string }) => i.instalmentId)).toEqual([
      'statement-2026-11-10',
    ]);
    expect(view.body.policy).toEqual({
      stopNoticeBusinessDays: 3,
      noticeLeadBusinessDays: 4,
      protectedMinimumMinor: 10_000,
      maxRepresentments: 2,
      debtorAccountFormat: 'us_routing_and_account',
    });
    // Query parameters name no other account: the session does.
    const sneaky = await call(portal, 'GET /portal/payments', { as: customer(A), query: { accountId: B } });
    expect(sneaky.body.accountId).toBe(A);
  });

  it("a customer cannot debit another account's instalment, nor revoke its mandate", async () => {
    const response = await payNow(A, 'statement-2026-09-10', { amountMinor: 100 });
    expect(response).toMatchObject({ status: 404, body: { error: { code: 'INSTALMENT_NOT_FOUND' } } });
    expect(await store.listAttempts(B)).toEqual([]);
    expect(await store.listAttempts(A)).toEqual([]);
    expect(await call(portal, 'DELETE /portal/mandate', { as: customer(A) })).toMatchObject({ status: 404 });
    expect((await store.currentMandate(B))?.status).toBe('active');
  });

  it('an agent sees any account; a customer token on a staff route is 403, no token 401', async () => {
    const view = await call(staff, 'GET /accounts/{accountId}/payments', {
      as: agent,
      path: { accountId: B },
    });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      accountId: B,
      mandate: { status: 'active', debtorAccountMasked: '••••3000' },
    });
    expect(view.body.instalments.map((i: { instalmentId: string }) => i.instalmentId)).toEqual([
      'statement-2026-09-10',
    ]);
    expect(JSON.stringify(view.body)).not.toContain(DEBTOR);

    const asCustomer = await call(staff, 'GET /accounts/{accountId}/payments', {
      as: customer(B),
      path: { accountId: B },
    });
    expect(asCustomer).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const debitAsCustomer = await call(
      staff,
      'POST /accounts/{accountId}/instalments/{instalmentId}/debits',
      {
        as: customer(B),
        path: { accountId: B, instalmentId: 'statement-2026-09-10' },
        body: { amountMinor: 100 },
      },
    );
    expect(debitAsCustomer).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(await store.listAttempts(B)).toEqual([]);

    const asAgentOnPortal = await call(portal, 'GET /portal/payments', { as: agent });
    expect(asAgentOnPortal).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const anonymous = await call(staff, 'GET /accounts/{accountId}/payments', { path: { accountId: B } });
    expect(anonymous.status).toBe(401);
    expect((await call(portal, 'GET /portal/payments')).status).toBe(401);
  });

  it('an agent: unknown account 404, malformed id 400, and a debit the customer agreed to is theirs', async () => {
    expect(
      await call(staff, 'GET /accounts/{accountId}/payments', {
        as: agent,
        path: { accountId: 'ACC-PAY-NOBODY' },
      }),
    ).toMatchObject({ status: 404, body: { error: { code: 'ACCOUNT_NOT_FOUND' } } });
    expect(
      await call(staff, 'GET /accounts/{accountId}/payments', { as: agent, path: { accountId: 'acc#1' } }),
    ).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    const route = 'POST /accounts/{accountId}/instalments/{instalmentId}/debits';
    expect(
      await call(staff, route, {
        as: agent,
        path: { accountId: B, instalmentId: 'statement-2026-09-10' },
        body: { amountMinor: -5 },
      }),
    ).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(await store.listAttempts(B)).toEqual([]);
    const debit = await call(staff, route, {
      as: agent,
      path: { accountId: B, instalmentId: 'statement-2026-09-10' },
      body: { amountMinor: 9_900 },
    });
    expect(debit.status).toBe(202);
    expect(debit.body.debit).toMatchObject({
      accountId: B,
      plannedMinor: 9_900,
      requestedBy: 'agent:agent-1',
    });
    expect((await store.listAttempts(B)).map((a) => a.requestedBy)).toEqual(['agent:agent-1']);
  });
});
