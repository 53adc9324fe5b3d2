/**
 * The console's handlers as deployed (config from the environment, real DynamoDB Local, local staff tokens):
 * the queue and the dashboard read the tables through their projected scans, access follows the catalog,
 * and bad input is a 4xx with a code before anything is written or published.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, ScheduledEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoConversationStore } from '../../lambdas/adapters/dynamodb/conversation-store';
import type { Account } from '../../lambdas/domain/accounts/account';
import { issueToken, type Role } from '../../lambdas/domain/auth/session-token';
import { lambdaContext as newLambdaContext } from '../../local/lambda-invoker';
import { tableNameEnvironment } from '../../local/tables';
import { anAccount, NO_FLAGS } from '../support/accounts';
import { freshTables, localCredentials } from '../support/dynamodb';
import { apiEvent, lambdaContext } from '../support/events';

const KEY = Buffer.alloc(32, 7);
type Handler = (event: APIGatewayProxyEventV2, context: typeof lambdaContext) => Promise<unknown>;

let tables: Awaited<ReturnType<typeof freshTables>>;
let handlers: { queue: Handler; dashboard: Handler; calls: Handler; approve: Handler; staffChat: Handler };
let checkPromises: (event: ScheduledEvent, context: typeof lambdaContext) => Promise<unknown>;

const scored = (
  accountId: string,
  changes: Partial<Account>,
  tier: Account['treatment'] = undefined,
): Account => ({
  ...anAccount({ accountId, amountOverdueMinor: 10_000 }),
  risk: { modelVersion: 'm', probabilityOfDefault: 0.3, score: 530, band: 'C', reasons: [], fallback: false },
  ...(tier ? { treatment: tier } : {}),
  ...changes,
});

const treatment = (
  tier: NonNullable<Account['treatment']>['tier'],
  bucket: NonNullable<Account['treatment']>['bucket'],
) => ({
  bucket,
  tier,
  variant: 'champion' as const,
  policyVersion: 'treatment-2026.11.1',
  fingerprint: 'f',
  assessedAt: '2026-11-20T02:00:00.000Z',
  runId: 'run-1',
  tierChange: { changeId: 'c', previousTier: 'reminder' as const, previousBucket: 'dpd_1_30' as const },
});

beforeAll(async () => {
  tables = await freshTables();
  Object.assign(process.env, tableNameEnvironment(tables.names), {
    AWS_ENDPOINT_URL_DYNAMODB: tables.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    EVENT_BUS_NAME: 'collections-test-bus',
    STAFF_AUTH: 'local',
    SESSION_SIGNING_KEY: KEY.toString('base64'),
  });
  handlers = {
    queue: (await import('../../lambdas/handlers/http/agent-queue')).handler as Handler,
    dashboard: (await import('../../lambdas/handlers/http/dashboard')).handler as Handler,
    calls: (await import('../../lambdas/handlers/http/call-outcomes')).handler as Handler,
    approve: (await import('../../lambdas/handlers/http/draft-review')).handler as Handler,
    staffChat: (await import('../../lambdas/handlers/http/staff-conversations')).handler as Handler,
  };
  checkPromises = (await import('../../lambdas/handlers/scheduled/check-promises'))
    .handler as typeof checkPromises;

  const put = (item: object, table: string) =>
    tables.db.send(new PutCommand({ TableName: table, Item: item }));
  await Promise.all([
    put(
      scored(
        'ACC-H-CALL',
        {
          // Rolled from 1–30 days late to 31–60 at the last statement.
          statements: anAccount({ accountId: 'ACC-H-CALL' }).statements.map((statement, index) => ({
            ...statement,
            payStatus: index === 0 ? 2 : index === 1 ? 1 : 0,
          })),
        },
        treatment('agent_call', 'dpd_31_60'),
      ),
      tables.names.accounts,
    ),
    put(
      scored(
        'ACC-H-ESC',
        { escalation: { reason: 'customer_request', at: '2026-11-22T10:00:00Z' } },
        treatment('reminder', 'dpd_1_30'),
      ),
      tables.names.accounts,
    ),
    put(scored('ACC-H-QUIET', {}, treatment('reminder', 'dpd_1_30')), tables.names.accounts),
    put(
      scored(
        'ACC-H-PLAN',
        {
          currency: 'CNY',
          jurisdiction: 'CN',
          flags: NO_FLAGS,
          repaymentPlan: {
            optionId: 'instalment-6',
            kind: 'instalment',
            totalMinor: 120_000,
            instalments: [{ dueDate: '2026-12-01', amountMinor: 120_000 }],
            acceptedAt: '2026-11-21T10:00:00Z',
          },
        },
        treatment('agent_call', 'dpd_31_60'),
      ),
      tables.names.accounts,
    ),
    put(
      { accountId: 'ACC-H-CALL', offerId: 'd1', draftId: 'd1', status: 'ready', tier: 'agent_call' },
      tables.names.offers,
    ),
    put(
      { accountId: 'ACC-H-PLAN', offerId: 'd2', draftId: 'd2', status: 'blocked', tier: 'agent_call' },
      tables.names.offers,
    ),
    put(
      {
        accountId: 'ACC-H-CALL',
        contactKey: 'outbox#d1#sms',
        messageId: 'd1#sms',
        channel: 'sms',
        status: 'blocked',
        blockedReasons: ['NO_SMS_CONSENT'],
      },
      tables.names.contacts,
    ),
    put(
      {
        accountId: 'ACC-H-CALL',
        contactKey: 'outbox#d1#portal',
        messageId: 'd1#portal',
        channel: 'portal',
        status: 'sent',
      },
      tables.names.contacts,
    ),
    put(
      {
        accountId: 'ACC-H-CALL',
        contactKey: 'log#2026-11-20T15:00:00.000Z#call#x',
        channel: 'call',
        kind: 'call_attempt',
      },
      tables.names.contacts,
    ),
    put(
      {
        accountId: 'ACC-H-ESC',
        entryKey: '2026-11-01T10:00:00Z#e1',
        entryId: 'e1',
        at: '2026-11-01T10:00:00Z',
        kind: 'PromiseToPayRecorded',
        summary: 's',
        data: { dueDate: '2026-11-05', amountMinor: 100 },
      },
      tables.names.audit,
    ),
    put(
      {
        accountId: 'ACC-H-ESC',
        entryKey: '2026-11-06T06:00:00Z#e2',
        entryId: 'e2',
        at: '2026-11-06T06:00:00Z',
        kind: 'PromiseBroken',
        summary: 's',
        data: { dueDate: '2026-11-05' },
      },
      tables.names.audit,
    ),
    put(
      {
        accountId: 'ACC-H-ESC',
        entryKey: '2026-11-07#e3',
        entryId: 'e3',
        at: '2026-11-07',
        kind: 'TreatmentChanged',
        data: {},
      },
      tables.names.audit,
    ),
  ]);
});

const token = (role: Role) => {
  const now = Math.floor(Date.now() / 1000);
  return issueToken(KEY, { sub: `${role}-1`, role, iat: now - 10, exp: now + 600 });
};

async function call(
  handler: Handler,
  routeKey: string,
  options: {
    role?: Role;
    query?: Record<string, string>;
    path?: Record<string, string>;
    body?: unknown;
  } = {},
) {
  const event = apiEvent({
    routeKey,
    headers: {
      'content-type': 'application/json',
      ...(options.role ? { authorization: `Bearer ${token(options.role)}` } : {}),
    },
    queryStringParameters: options.query,
    pathParameters: options.path,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  // A fresh context per request: the shared one's deadline runs from when the file was loaded.
  const response = (await handler(event, newLambdaContext('test'))) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode, body: JSON.parse(String(response.body)) };
}

describe('GET /queue', () => {
  it('lists the accounts needing a person for an agent, most urgent first, with filters', async () => {
    const all = await call(handlers.queue, 'GET /queue', { role: 'agent' });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((item: { accountId: string }) => item.accountId)).toEqual([
      'ACC-H-ESC',
      'ACC-H-CALL',
      'ACC-H-PLAN',
    ]);
    expect(all.body.items[0]).toMatchObject({
      rank: 1,
      reason: 'Customer asked for a person',
      customerName: 'Alex Example',
      score: 530,
      tier: 'reminder',
    });
    const escalated = await call(handlers.queue, 'GET /queue', {
      role: 'agent',
      query: { escalated: 'true' },
    });
    expect(escalated.body.items.map((item: { accountId: string }) => item.accountId)).toEqual(['ACC-H-ESC']);
    const limited = await call(handlers.queue, 'GET /queue', {
      role: 'supervisor',
      query: { tier: 'agent_call', bucket: 'dpd_31_60', limit: '1' },
    });
    expect(limited.body).toMatchObject({ total: 2, items: [{ accountId: 'ACC-H-CALL' }] });
  });

  it('refuses bad filters and anonymous callers', async () => {
    const queries: Record<string, string>[] = [
      { limit: '201' },
      { limit: '0' },
      { tier: 'vip' },
      { bucket: 'dpd_2' },
      { escalated: 'yes' },
    ];
    for (const query of queries) {
      const response = await call(handlers.queue, 'GET /queue', { role: 'agent', query });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await call(handlers.queue, 'GET /queue')).status).toBe(401);
  });
});

describe('GET /dashboard', () => {
  it('is for supervisors only, and aggregates all four tables', async () => {
    expect((await call(handlers.dashboard, 'GET /dashboard', { role: 'agent' })).status).toBe(403);
    const { status, body } = await call(handlers.dashboard, 'GET /dashboard', { role: 'supervisor' });
    expect(status).toBe(200);
    expect(body.portfolio.accounts).toBe(4);
    expect(body.portfolio.balanceMinor).toEqual({ USD: 360_000, CNY: 120_000 });
    // From the statement history: the last month's move of each account.
    const row = (from: string) => body.rollRates.rows.find((r: { from: string }) => r.from === from);
    expect(row('dpd_1_30')).toMatchObject({ total: 1, counts: { dpd_31_60: 1 }, rates: { dpd_31_60: 1 } });
    expect(row('current')).toMatchObject({ total: 3, counts: { current: 3 } });
    expect(body.offers).toMatchObject({
      drafts: 2,
      ready: 1,
      blocked: 1,
      accepted: { accounts: 1, rateAmongOffered: 0.5 },
    });
    expect(body.promises).toMatchObject({ recorded: 1, broken: 1, kept: 0, keptRate: 0 });
    expect(body.blockedContacts).toEqual({
      messages: 1,
      byReason: [{ reason: 'NO_SMS_CONSENT', messages: 1 }],
      byChannel: { sms: 1, email: 0, portal: 0 },
    });
    expect(body.variants[0]).toMatchObject({ variant: 'champion', accounts: 4, averageScore: 530 });
  });

  it('counts an agent message the gate stopped, read back from the audit trail, and takes a range', async () => {
    const conversations = new DynamoConversationStore(tables.db, tables.names.conversations);
    const conversationId = randomUUID();
    const now = new Date().toISOString();
    await conversations.start({
      conversationId,
      accountId: 'ACC-H-QUIET',
      channel: 'portal',
      language: 'en',
      startedAt: now,
    });
    await conversations.takeOver(conversationId, { agentId: 'agent-1', joinedAt: now });
    const before = await call(handlers.dashboard, 'GET /dashboard', {
      role: 'supervisor',
      query: { days: '7' },
    });
    expect(before.body.activity.blocks.bySource.agent_message).toBe(0);

    const sent = await call(handlers.staffChat, 'POST /conversations/{conversationId}/messages', {
      role: 'agent',
      path: { conversationId },
      body: { clientMessageId: 'agent-msg-0001', text: 'Pay $125 a month or we will have you arrested.' },
    });
    expect(sent.status).toBe(400);
    expect(sent.body.error.code).toBe('MESSAGE_REJECTED');

    const { body } = await call(handlers.dashboard, 'GET /dashboard', {
      role: 'supervisor',
      query: { days: '7' },
    });
    expect(body.activity.period.days).toBe(7);
    expect(body.activity.blocks.bySource.agent_message).toBe(1);
    expect(body.activity.blocks.total).toBe(before.body.activity.blocks.total + 1);
    const rules = body.activity.blocks.byRule.filter(
      (row: { bySource: { agent_message: number } }) => row.bySource.agent_message === 1,
    );
    expect(rules.map((row: { rule: string }) => row.rule)).toContain('NUMBER_NOT_IN_OFFER');
    expect(body.activity.trend).toHaveLength(7);

    for (const days of ['14', 'all', '']) {
      const bad = await call(handlers.dashboard, 'GET /dashboard', { role: 'supervisor', query: { days } });
      expect(bad).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    }
  });
});

describe('POST /accounts/{accountId}/calls and POST …/drafts/{draftId}/approve', () => {
  it('answers bad bodies with VALIDATION_FAILED, an unknown account with 404, before any write', async () => {
    const route = 'POST /accounts/{accountId}/calls';
    const missingPromise = await call(handlers.calls, route, {
      role: 'agent',
      path: { accountId: 'ACC-H-CALL' },
      body: { outcome: 'promise_to_pay' },
    });
    expect(missingPromise).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: 'body.promise: is required for promise_to_pay' } },
    });
    const unknown = await call(handlers.calls, route, {
      role: 'agent',
      path: { accountId: 'ACC-NOPE' },
      body: { outcome: 'no_answer' },
    });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'ACCOUNT_NOT_FOUND' } } });
    const tooMuch = await call(handlers.calls, route, {
      role: 'agent',
      path: { accountId: 'ACC-H-CALL' },
      body: {
        outcome: 'promise_to_pay',
        promise: { amountMinor: 999_999_999, dueDate: new Date().toISOString().slice(0, 10) },
      },
    });
    expect(tooMuch).toMatchObject({ status: 400, body: { error: { code: 'INVALID_PROMISE' } } });

    const approve = 'POST /accounts/{accountId}/drafts/{draftId}/approve';
    const subjectOnSms = await call(handlers.approve, approve, {
      role: 'agent',
      path: { accountId: 'ACC-H-CALL', draftId: 'd1' },
      body: { channel: 'sms', subject: 'Hello' },
    });
    expect(subjectOnSms).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: 'body.subject: only e-mails have a subject' } },
    });
    const noDraft = await call(handlers.approve, approve, {
      role: 'agent',
      path: { accountId: 'ACC-H-CALL', draftId: 'nope' },
      body: { channel: 'sms' },
    });
    expect(noDraft).toMatchObject({ status: 404, body: { error: { code: 'DRAFT_NOT_FOUND' } } });
  });
});

describe('GET /accounts/{accountId}/call-window', () => {
  it("answers with the customer's time and the policy's verdict; bad references and unknown accounts get codes", async () => {
    const route = 'GET /accounts/{accountId}/call-window';
    const window = await call(handlers.calls, route, { role: 'agent', path: { accountId: 'ACC-H-QUIET' } });
    expect(window.status).toBe(200);
    expect(window.body).toMatchObject({
      accountId: 'ACC-H-QUIET',
      timezone: 'America/New_York',
      hold: false,
    });
    expect(window.body.local.time).toMatch(/^\d{2}:\d{2}$/);
    expect(typeof window.body.allowed).toBe('boolean');
    // Allowed now, or told when: never neither.
    expect(window.body.allowed || window.body.next !== null).toBe(true);
    expect(await call(handlers.calls, route, { role: 'agent', path: { accountId: 'acc 1' } })).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED' } },
    });
    expect(
      await call(handlers.calls, route, { role: 'agent', path: { accountId: 'ACC-NOPE' } }),
    ).toMatchObject({
      status: 404,
      body: { error: { code: 'ACCOUNT_NOT_FOUND' } },
    });
    expect((await call(handlers.calls, route, { path: { accountId: 'ACC-H-QUIET' } })).status).toBe(401);
  });
});

describe('the promises schedule', () => {
  it('checks the portfolio and reports what it found (no promises here: nothing to announce)', async () => {
    const schedule = { id: 'sched-1' } as ScheduledEvent;
    expect(await checkPromises(schedule, lambdaContext)).toEqual({
      checked: 0,
      broken: 0,
      kept: 0,
      notYetDue: 0,
    });
  });
});
