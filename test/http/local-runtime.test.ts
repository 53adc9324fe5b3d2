import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allEventRules } from '../../catalog/functions';
import { DynamoAuditLog } from '../../lambdas/adapters/dynamodb/audit-log';
import { createDocumentClient } from '../../lambdas/adapters/dynamodb/client';
import { localCredentials } from '../support/dynamodb';
import { isRunning, type RuntimeProcess, startRuntimeProcess } from '../support/local-runtime-process';

describe('local runtime (npm start) over HTTP', () => {
  let runtime: RuntimeProcess;
  let staffToken = '';
  /** Set by the verification test: a session for ACC-000002. */
  let customerToken = '';
  /** As the dev supervisor, who may use every staff route. */
  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${runtime.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${staffToken}`, ...(init.headers as Record<string, string>) },
    });
  const anonymous = (path: string, init?: RequestInit) => fetch(`${runtime.url}${path}`, init);
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    anonymous(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  /** The business figures the handlers counted so far (CloudWatch metrics in a stage). */
  const figures = async (): Promise<Record<string, number>> => (await anonymous('/_local/metrics')).json();
  const grew = (before: Record<string, number>, after: Record<string, number>, key: string) =>
    (after[key] ?? 0) - (before[key] ?? 0);

  beforeAll(async () => {
    runtime = await startRuntimeProcess({ SEED_ACCOUNTS: '1000' });
    staffToken = (await (await postJson('/_local/login', { user: 'sam' })).json()).token;
  }, 90_000);

  afterAll(async () => {
    if (runtime?.child.exitCode === null) await runtime.interrupt();
  });

  it('serves /health through the real handler', async () => {
    const response = await get('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', stage: 'local' });
    expect(response.headers.get('x-correlation-id')).toBeTruthy();
  });

  it('serves a seeded account with six months of statement history', async () => {
    const response = await get('/accounts/ACC-000001', { headers: { 'x-correlation-id': 'trace-42' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe('trace-42');
    const account = await response.json();
    expect(account.accountId).toBe('ACC-000001');
    expect(account.statements).toHaveLength(6);
    expect(account.statements[0]).toEqual(
      expect.objectContaining({ creditLimitMinor: expect.any(Number), payStatus: expect.any(Number) }),
    );
  });

  it('answers client mistakes with JSON errors, never a 500', async () => {
    const cases: Array<[string, RequestInit | undefined, number, string]> = [
      ['/no/such/route', undefined, 404, 'ROUTE_NOT_FOUND'],
      ['/health', { method: 'DELETE' }, 404, 'ROUTE_NOT_FOUND'],
      ['/accounts/not_an_id!', undefined, 400, 'VALIDATION_FAILED'],
      ['/accounts/ACC-999999', undefined, 404, 'ACCOUNT_NOT_FOUND'],
      [
        '/accounts/ACC-000001',
        { method: 'GET', body: undefined, headers: { 'content-length': '0' } },
        200,
        '',
      ],
    ];
    for (const [path, init, status, code] of cases) {
      const response = await get(path, init);
      expect(response.status, path).toBe(status);
      if (code) expect((await response.json()).error.code, path).toBe(code);
    }
  });

  it('answers bad request bodies with 400, 413 or 415 and a machine-readable code', async () => {
    const post = (body: string, contentType = 'application/json') =>
      get('/scoring-runs', { method: 'POST', headers: { 'content-type': contentType }, body });
    const cases: Array<[Response, number, string, RegExp?]> = [
      [await post('{"segments": 4,'), 400, 'MALFORMED_JSON'],
      [await post('{"segments": "many"}'), 400, 'VALIDATION_FAILED', /^body\.segments: /],
      [await post('{"segments": 4, "extra": true}'), 400, 'VALIDATION_FAILED'],
      [await post(JSON.stringify({ segments: 4, pad: 'x'.repeat(70_000) })), 413, 'PAYLOAD_TOO_LARGE'],
      [await post('segments=4', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ];
    for (const [response, status, code, message] of cases) {
      expect(response.status).toBe(status);
      const { error } = await response.json();
      expect(error.code).toBe(code);
      if (message) expect(error.message).toMatch(message);
    }
  });

  it('refuses a body above the API Gateway limit with 413', async () => {
    const response = await get('/health', { method: 'POST', body: 'x'.repeat(10 * 1024 * 1024 + 1) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves the web pages and their runtime config', async () => {
    expect(await (await get('/')).text()).toContain('Collections assistant');
    expect(await (await get('/config.json')).json()).toEqual({ apiUrl: '', stage: 'local' });
    expect((await get('/../package.json')).status).toBe(404);
  });

  it('has no script for an account that has not been scored yet', async () => {
    const response = await get('/accounts/ACC-000001/script');
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe('ACCOUNT_NOT_SCORED');
  });

  async function waitForRun(runId: string) {
    for (let i = 0; i < 750; i++) {
      const progress = await (await get(`/scoring-runs/${runId}`)).json();
      if (progress.run.status === 'completed') return progress;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`run ${runId} did not complete`);
  }

  it('runs the scoring schedule end to end: segments scored, tiers announced and recorded by the audit consumer', async () => {
    const before = await figures();
    const started = await (await get('/_local/schedules/scoring/run', { method: 'POST' })).json();
    expect(started).toMatchObject({ status: 'running', trigger: 'schedule', totalSegments: 4 });
    const { run, segments } = await waitForRun(started.runId);
    expect(run).toMatchObject({
      accountsScored: 1000,
      accountsChanged: 1000,
      tierChanges: 1000,
      segmentsDone: 4,
    });
    expect(segments.every((s: { status: string }) => s.status === 'done')).toBe(true);

    const status = await (await get('/_local/status')).json();
    const outbox = await (await get('/_local/outbox')).json();
    // 4 segment requests; 1000 treatment changes, each to the audit trail and to drafting; every queued
    // message to delivery.
    expect(status.bus).toEqual({
      rules: allEventRules().map((rule) => rule.id),
      delivered: 4 + 2 * 1000 + outbox.total,
      deadLetters: 0,
    });
    expectOutboxGated(outbox.messages);

    const account = await (await get('/accounts/ACC-000001')).json();
    expect(account.risk).toEqual(
      expect.objectContaining({ band: expect.stringMatching(/^[A-E]$/), reasons: expect.any(Array) }),
    );
    expect(account.treatment).toEqual(
      expect.objectContaining({ runId: run.runId, tier: expect.any(String), variant: expect.any(String) }),
    );
    expect(account.strategy).toEqual(
      expect.objectContaining({ channels: expect.any(Array), humanReview: expect.any(Boolean) }),
    );

    const db = createDocumentClient(
      new DynamoDBClient({
        endpoint: status.dynamodbEndpoint,
        region: 'us-east-1',
        credentials: localCredentials,
      }),
    );
    const trail = await new DynamoAuditLog(db, status.tables.audit).list('ACC-000001');
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ kind: 'TreatmentChanged', data: { runId: run.runId } });

    const rerun = await (
      await get('/scoring-runs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
    ).json();
    const rerunDone = await waitForRun(rerun.runId);
    expect(rerunDone.run).toMatchObject({
      trigger: 'manual',
      accountsScored: 1000,
      accountsChanged: 0,
      eventsPublished: 0,
    });

    // The business figures of both runs, as the handlers counted them: every account scored twice, each
    // tier change once, a draft for every change with outreach (offline: no model configured locally).
    const after = await figures();
    expect(grew(before, after, 'AccountsScored')).toBe(2000);
    const tierChanges = Object.keys(after).filter((key) => key.startsWith('TierChanges:'));
    expect(tierChanges.reduce((sum, key) => sum + grew(before, after, key), 0)).toBe(1000);
    expect(grew(before, after, 'Drafts:offline')).toBeGreaterThan(100);
    expect(grew(before, after, 'Drafts:model')).toBe(0);
  }, 180_000);

  it('suggests a gate-checked call script with the options the tier allows, once scored', async () => {
    let account: { accountId: string; strategy: { offers: string[] } } | undefined;
    for (let n = 1; n <= 200 && !account; n++) {
      const candidate = await (await get(`/accounts/ACC-${String(n).padStart(6, '0')}`)).json();
      if (candidate.strategy?.offers.length > 0 && candidate.strategy.channels.length > 0)
        account = candidate;
    }
    expect(account).toBeDefined();
    const response = await get(`/accounts/${account!.accountId}/script`);
    expect(response.status).toBe(200);
    const suggestion = await response.json();
    // The draft stored by the drafting consumer when the scoring run changed the tier.
    expect(suggestion).toMatchObject({
      status: 'ready',
      verdict: { allowed: true },
      metadata: { source: 'offline', promptId: 'draft-outreach-offline' },
      draftId: expect.stringContaining('#'),
    });
    expect(suggestion.script).toEqual(
      expect.objectContaining({
        rightPartyVerification: expect.any(String),
        opening: expect.any(String),
        close: expect.any(String),
      }),
    );
    expect(suggestion.offers.options.length).toBeGreaterThan(0);
    for (const option of suggestion.offers.options) {
      expect(account!.strategy.offers).toContain(option.kind);
      const paid = option.instalments.reduce(
        (sum: number, i: { amountMinor: number }) => sum + i.amountMinor,
        0,
      );
      expect(paid).toBe(option.totalMinor);
    }
    expect((await get('/accounts/ACC-999999/script')).status).toBe(404);
  });

  it("shows an account's outbox and contact log, and 404 for an unknown account", async () => {
    const { messages } = await (await get('/_local/outbox')).json();
    const accountId = messages[0].accountId;
    const response = await get(`/accounts/${accountId}/contacts`);
    expect(response.status).toBe(200);
    const history = await response.json();
    expect(history.accountId).toBe(accountId);
    expect(history.messages.length).toBeGreaterThan(0);
    expect(history.messages.every((m: { accountId: string }) => m.accountId === accountId)).toBe(true);
    const sentOutbound = history.messages.filter(
      (m: { status: string; channel: string }) => m.status === 'sent' && m.channel !== 'portal',
    );
    expect(history.contacts).toHaveLength(sentOutbound.length);
    expect((await get('/accounts/ACC-999999/contacts')).status).toBe(404);
  });

  it('signs dev users in locally and enforces each route’s access', async () => {
    expect((await anonymous('/accounts/ACC-000001')).status).toBe(401);
    const agent = (await (await postJson('/_local/login', { user: 'alice' })).json()).token;
    const asAgent = { authorization: `Bearer ${agent}` };
    expect((await anonymous('/accounts/ACC-000001', { headers: asAgent })).status).toBe(200);
    expect((await postJson('/scoring-runs', {}, asAgent)).status).toBe(403);
    expect((await postJson('/_local/login', { user: 'mallory' })).status).toBe(404);
  });

  it('verifies a customer with date of birth and a one-time code from the developer inbox, then opens only their account', async () => {
    const account = await (await get('/accounts/ACC-000002')).json();
    const { customers } = await (await anonymous('/_local/demo-customers?accountId=ACC-000002')).json();
    const wrong = await postJson('/portal/verification', {
      accountId: 'ACC-000002',
      dateOfBirth: '1900-01-01',
    });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.code).toBe('VERIFICATION_FAILED');

    const sent = await postJson('/portal/verification', {
      accountId: 'ACC-000002',
      dateOfBirth: customers[0].dateOfBirth,
    });
    expect(sent.status).toBe(202);
    const { channel, verificationId, delivery } = await sent.json();
    expect(delivery).toBe('sent');
    // The code is in the developer inbox (memory, local only); the outbox keeps it redacted.
    const inbox = await (await anonymous('/_local/inbox?accountId=ACC-000002')).json();
    const delivered = inbox.messages.find((m: { purpose?: string }) => m.purpose === 'security_code');
    expect(delivered).toMatchObject({ channel, accountId: 'ACC-000002' });
    const code = /(?<!\d)\d{6}(?!\d)/.exec(delivered.text)![0];
    const { messages } = await (await anonymous('/_local/outbox')).json();
    const codeMessage = messages.find(
      (m: { accountId: string; purpose?: string }) =>
        m.accountId === 'ACC-000002' && m.purpose === 'security_code',
    );
    expect(codeMessage).toMatchObject({ channel, status: 'sent', deliveredBy: 'store-only' });
    expect(codeMessage.text).toContain('••••••');
    expect(codeMessage.text).not.toContain(code);

    const session = await postJson('/portal/verification/confirm', {
      accountId: 'ACC-000002',
      verificationId,
      code,
    });
    expect(session.status).toBe(200);
    const { token, failedAttemptsSinceLastSignIn } = await session.json();
    expect(failedAttemptsSinceLastSignIn).toBe(1);
    const asCustomer = { authorization: `Bearer ${token}` };
    const overview = await anonymous('/portal/account', { headers: asCustomer });
    expect(overview.status).toBe(200);
    expect(await overview.json()).toMatchObject({
      accountId: 'ACC-000002',
      balanceMinor: account.balanceMinor,
      amountOverdueMinor: account.amountOverdueMinor,
    });
    expect((await anonymous('/accounts/ACC-000002', { headers: asCustomer })).status).toBe(403);
    customerToken = token;
    expect((await anonymous('/portal/account')).status).toBe(401);
    expect(
      (
        await postJson('/portal/verification/confirm', {
          accountId: 'ACC-000002',
          verificationId,
          code: 'abc',
        })
      ).status,
    ).toBe(400);
  });

  it('keeps 200 concurrent chat sends to one conversation once each, in order, retries included', async () => {
    expect(customerToken).not.toBe('');
    const asCustomer = { authorization: `Bearer ${customerToken}` };
    const conversation = await (await postJson('/portal/conversations', {}, asCustomer)).json();
    const path = `/portal/conversations/${conversation.conversationId}/messages`;
    const ids = Array.from(
      { length: 200 },
      (_, index) => `concurrent-send-${String(index).padStart(3, '0')}`,
    );
    const replays = ids.filter((_, index) => index % 10 === 0);
    const responses = await Promise.all(
      [...ids, ...replays].map((clientMessageId) =>
        postJson(path, { clientMessageId, text: 'show my options' }, asCustomer),
      ),
    );
    const failed = await Promise.all(
      responses
        .filter((response) => response.status !== 201)
        .map(async (r) => `${r.status} ${await r.text()}`),
    );
    expect(failed).toEqual([]);
    const { messages } = await (await anonymous(path, { headers: asCustomer })).json();
    const fromCustomer = messages.filter((m: { author: string }) => m.author === 'customer');
    expect(fromCustomer).toHaveLength(200);
    expect(new Set(fromCustomer.map((m: { clientMessageId: string }) => m.clientMessageId))).toEqual(
      new Set(ids),
    );
    const seqs = messages.map((m: { seq: number }) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    // Every customer message got exactly one linted reply.
    const replies = messages.filter((m: { author: string }) => m.author === 'assistant');
    expect(replies).toHaveLength(200);
    expect(replies.every((m: { turn: { verdict: { allowed: boolean } } }) => m.turn.verdict.allowed)).toBe(
      true,
    );

    const oversize = await postJson(
      path,
      { clientMessageId: 'too-long-0001', text: 'x'.repeat(2_001) },
      asCustomer,
    );
    expect(oversize.status).toBe(400);
    expect((await oversize.json()).error.code).toBe('MESSAGE_TOO_LONG');
    expect(
      (
        await anonymous('/portal/conversations/00000000-0000-4000-8000-000000000000/messages', {
          headers: asCustomer,
        })
      ).status,
    ).toBe(404);
  }, 120_000);

  it('sets up automatic payments from the portal, debits once from the simulated bank, and stops them', async () => {
    // A UnionPay card number with its Luhn check digit, ending 5678.
    const CARD = '6222020000000005678';
    expect(customerToken).not.toBe('');
    const customer = (path: string, init: RequestInit = {}) =>
      anonymous(path, {
        ...init,
        headers: {
          authorization: `Bearer ${customerToken}`,
          'content-type': 'application/json',
          ...(init.headers as Record<string, string>),
        },
      });
    const choices = `debtorAccount=${CARD}&maxAmountMinor=20000&partialAllowed=false`;
    const terms = await (await customer(`/portal/mandate/terms?${choices}`)).json();
    expect(terms.text).toContain('人民币200.00元');
    const authorise = (termsHash: string) =>
      customer('/portal/mandate', {
        method: 'POST',
        body: JSON.stringify({
          debtorAccount: CARD,
          maxAmountMinor: 20_000,
          partialAllowed: false,
          termsHash,
        }),
      });
    expect((await (await authorise('0'.repeat(64))).json()).error.code).toBe('TERMS_CHANGED');
    const created = await authorise(terms.termsHash);
    expect(created.status).toBe(201);
    expect((await created.json()).mandate).toMatchObject({
      status: 'active',
      debtorAccountMasked: '••••5678',
    });
    expect((await (await authorise(terms.termsHash)).json()).error.code).toBe('MANDATE_ACTIVE');

    const payments = await (await customer('/portal/payments')).json();
    expect(payments.mandate.authorisationText).toBe(terms.text);
    const open = payments.instalments.find(
      (i: { status: string; amountMinor: number; paidMinor: number }) =>
        (i.status === 'due' || i.status === 'missed') && i.amountMinor - i.paidMinor >= 10_000,
    );
    expect(open).toBeDefined();
    const payNow = (amountMinor: unknown) =>
      customer(`/portal/instalments/${open.instalmentId}/debits`, {
        method: 'POST',
        body: JSON.stringify({ amountMinor }),
      });
    for (const bad of [0, -5, 1.5, 'NaN']) expect((await payNow(bad)).status, String(bad)).toBe(400);
    expect((await (await payNow(open.amountMinor + 1)).json()).error.code).toBe('AMOUNT_ABOVE_DUE');
    const accepted = await payNow(10_000);
    expect(accepted.status).toBe(202);
    const { debit } = await accepted.json();
    expect((await (await payNow(10_000)).json()).error.code).toBe('DEBIT_PENDING');

    // The debit sweep runs it now (its one-off schedule would, a minute later, and find it done).
    const beforeDebit = await figures();
    await get('/_local/schedules/debits/run', { method: 'POST' });
    expect(grew(beforeDebit, await figures(), 'Debits:succeeded')).toBe(1);
    const bank = await (await anonymous('/_local/bank')).json();
    const booked = bank.debits.filter((d: { debtorAccount: string }) => d.debtorAccount === `CN${CARD}`);
    expect(booked).toEqual([
      expect.objectContaining({ amountMinor: 10_000, currency: 'CNY', status: 'succeeded' }),
    ]);
    const after = await (await customer('/portal/payments')).json();
    expect(after.debits.find((d: { attemptId: string }) => d.attemptId === debit.attemptId)).toMatchObject({
      state: 'succeeded',
      amountMinor: 10_000,
    });
    const outbox = await (await anonymous('/_local/outbox')).json();
    expect(JSON.stringify(outbox)).toContain(`payment#${debit.attemptId}#receipt`);

    const staffView = await (await get('/accounts/ACC-000002/payments')).json();
    expect(staffView.debits.length).toBeGreaterThan(0);
    const revoked = await customer('/portal/mandate', { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).mandate.status).toBe('revoked');
    expect((await (await customer('/portal/mandate', { method: 'DELETE' })).json()).error.code).toBe(
      'NO_MANDATE',
    );
    expect((await (await payNow(5_000)).json()).error.code).toBe('NO_MANDATE');
  }, 120_000);

  it('answers an unknown scoring run with 404', async () => {
    const response = await get('/scoring-runs/no-such-run');
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('RUN_NOT_FOUND');
  });

  it('stops everything on Ctrl-C, leaving no Java process behind', async () => {
    expect(isRunning(runtime.dynamodbPid)).toBe(true);
    expect(await runtime.interrupt()).toBe(0);
    expect(isRunning(runtime.dynamodbPid)).toBe(false);
  });
});

interface OutboxItem {
  readonly channel: 'sms' | 'email' | 'portal';
  readonly status: string;
  readonly text: string;
  readonly notBefore: string;
  readonly deliveredBy?: string;
  readonly sendVerdict?: { allowed: boolean };
}

/** Nothing left without passing the gate at send time; nothing left the machine; waiting ones are deferred. */
function expectOutboxGated(messages: readonly OutboxItem[]) {
  expect(messages.length).toBeGreaterThan(0);
  const now = new Date().toISOString();
  for (const message of messages) {
    expect(['sent', 'queued', 'blocked']).toContain(message.status);
    if (message.status === 'sent') {
      expect(message.sendVerdict?.allowed).toBe(true);
      expect(message.deliveredBy).toBe(message.channel === 'portal' ? 'portal' : 'store-only');
    }
    if (message.status === 'queued') expect(message.notBefore > now).toBe(true);
  }
  expect(messages.some((message) => message.status === 'sent')).toBe(true);
}
