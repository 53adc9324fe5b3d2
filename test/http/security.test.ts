/**
 * The local runtime (`npm start`) attacked over HTTP, as issue 11's findings were found:
 * - an agent trying to become a customer (read the code, confirm it, authorise a mandate) fails at every step;
 * - after verifications, no staff route, stored item (every table in DynamoDB Local) or log line holds a code;
 * - strangers failing again and again (from another address) never lock the owner out;
 * - every route answers broken percent-encoding with 400 MALFORMED_PATH, HEAD wherever GET, and 404 for an
 *   account that does not exist.
 */
import { request as httpRequest } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { paginateScan } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedRoutes } from '../../catalog/functions';
import { createDocumentClient } from '../../lambdas/adapters/dynamodb/client';
import { SOURCE_FAILURES_PER_WINDOW } from '../../lambdas/domain/auth/identity-verification';
import { localCredentials } from '../support/dynamodb';
import { isRunning, type RuntimeProcess, startRuntimeProcess } from '../support/local-runtime-process';

/** Loopback addresses other than 127.0.0.1: other callers, as the per-source throttle sees them. */
const STRANGER = '127.0.0.2';
const AGENT_DESK = '127.0.0.3';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers, checked field by field by the assertions.
  json(): any;
}

describe('local runtime under attack (issue 11)', () => {
  let runtime: RuntimeProcess;
  const tokens: Record<string, string> = {};
  /** Codes sent during the run, to look for everywhere afterwards. */
  const codes: string[] = [];

  /** An HTTP request from `from` (a loopback address), so the runtime sees it as that caller. */
  function send(
    method: string,
    path: string,
    options: { body?: unknown; as?: string; from?: string } = {},
  ): Promise<Answer> {
    const url = new URL(runtime.url);
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          method,
          path,
          localAddress: options.from ?? '127.0.0.1',
          headers: {
            ...(body ? { 'content-type': 'application/json' } : {}),
            ...(options.as ? { authorization: `Bearer ${tokens[options.as]}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text,
              json: () => JSON.parse(text),
            });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  const dateOfBirth = async (accountId: string) =>
    (await send('GET', `/_local/demo-customers?accountId=${accountId}`)).json().customers[0]
      .dateOfBirth as string;

  /** The newest code the developer inbox holds for the account (memory, local only). */
  async function codeFor(accountId: string): Promise<string> {
    const { messages } = (await send('GET', `/_local/inbox?accountId=${accountId}`)).json();
    const text = messages.find((m: { purpose?: string }) => m.purpose === 'security_code').text as string;
    const code = /(?<!\d)\d{6}(?!\d)/.exec(text)![0];
    codes.push(code);
    return code;
  }

  /** A customer session the way the portal gets one. */
  async function signIn(accountId: string, from = '127.0.0.1') {
    const asked = await send('POST', '/portal/verification', {
      body: { accountId, dateOfBirth: await dateOfBirth(accountId) },
      from,
    });
    expect(asked.status).toBe(202);
    const { verificationId } = asked.json();
    const confirmed = await send('POST', '/portal/verification/confirm', {
      body: { accountId, verificationId, code: await codeFor(accountId) },
      from,
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    return confirmed.json() as { token: string; failedAttemptsSinceLastSignIn: number };
  }

  beforeAll(async () => {
    // DEBUG logs: whatever the handlers log, a code must not be in it.
    runtime = await startRuntimeProcess({ SEED_ACCOUNTS: '40', POWERTOOLS_LOG_LEVEL: 'DEBUG' });
    for (const user of ['alice', 'sam']) {
      tokens[user] = (await send('POST', '/_local/login', { body: { user } })).json().token;
    }
  }, 90_000);

  afterAll(async () => {
    if (runtime?.child.exitCode === null) expect(await runtime.interrupt()).toBe(0);
    if (runtime) expect(isRunning(runtime.dynamodbPid)).toBe(false);
  });

  it('an agent cannot become the customer: no date of birth, no readable code, no session, no mandate', async () => {
    const accountId = 'ACC-000005';
    // 1. The staff view shows the year of birth only.
    const view = (await send('GET', `/accounts/${accountId}`, { as: 'alice' })).json();
    const realDateOfBirth = await dateOfBirth(accountId);
    expect(view.customer.dateOfBirth).toBeUndefined();
    expect(view.customer.birthYear).toBe(Number(realDateOfBirth.slice(0, 4)));
    expect(JSON.stringify(view)).not.toContain(realDateOfBirth);

    // 2. Guessing the rest of the date: after a few misses every answer is the same, right or wrong.
    const guesses = ['01-01', '02-02', '03-03', '04-04'].map((day) => `${view.customer.birthYear}-${day}`);
    const answers: number[] = [];
    for (const guess of guesses.filter((guess) => guess !== realDateOfBirth)) {
      answers.push(
        (
          await send('POST', '/portal/verification', {
            body: { accountId, dateOfBirth: guess },
            from: AGENT_DESK,
          })
        ).status,
      );
    }
    expect(answers).toEqual([400, 400, 400, 202].slice(0, answers.length));
    const right = await send('POST', '/portal/verification', {
      body: { accountId, dateOfBirth: realDateOfBirth },
      from: AGENT_DESK,
    });
    const wrong = await send('POST', '/portal/verification', {
      body: { accountId, dateOfBirth: `${view.customer.birthYear}-05-05` },
      from: AGENT_DESK,
    });
    expect(right.status).toBe(202);
    expect(wrong.status).toBe(202);
    expect(Object.keys(right.json()).sort()).toEqual(Object.keys(wrong.json()).sort());
    expect(right.json().delivery).toBe('if_details_match');

    // 3. The code went to the customer's phone; what staff see of it is dots.
    const code = await codeFor(accountId);
    const contacts = (await send('GET', `/accounts/${accountId}/contacts`, { as: 'alice' })).text;
    expect(contacts).toMatch(/(verification code is|验证码为)••••••/);
    expect(contacts).not.toMatch(new RegExp(`(?<!\\d)${code}(?!\\d)`));

    // 4. Without the code, the verification id gives five tries and then nothing.
    const { verificationId } = right.json();
    const tries: number[] = [];
    const wrongCodes = ['000000', '111111', '222222', '333333', '444444', '555555']
      .filter((guess) => guess !== code)
      .slice(0, 5);
    for (const guess of wrongCodes) {
      tries.push(
        (
          await send('POST', '/portal/verification/confirm', {
            body: { accountId, verificationId, code: guess },
            from: AGENT_DESK,
          })
        ).status,
      );
    }
    expect(new Set(tries)).toEqual(new Set([400]));
    const late = await send('POST', '/portal/verification/confirm', {
      body: { accountId, verificationId, code },
      from: AGENT_DESK,
    });
    expect(late.json().error.code).toBe('VERIFICATION_FAILED');

    // 5. A staff token opens no customer route: no mandate "given by the customer in the portal".
    const mandate = await send('POST', '/portal/mandate', {
      as: 'alice',
      body: {
        debtorAccount: '4000123456',
        routingNumber: '021000021',
        maxAmountMinor: 1000,
        partialAllowed: false,
        termsHash: '0'.repeat(64),
      },
    });
    expect(mandate.status).toBe(403);
  }, 60_000);

  it('strangers failing again and again never lock the owner out, and the owner hears of it', async () => {
    const accountId = 'ACC-000003';
    const outcomes: number[] = [];
    for (let day = 1; day <= 6; day++) {
      const attempt = await send('POST', '/portal/verification', {
        body: { accountId, dateOfBirth: `1901-01-0${day}` },
        from: STRANGER,
      });
      outcomes.push(attempt.status);
    }
    expect(outcomes).toEqual([400, 400, 400, 202, 202, 202]);
    // The owner, from their own connection: the right date of birth still gets a code to their phone.
    const session = await signIn(accountId);
    expect(session.failedAttemptsSinceLastSignIn).toBe(6);
    const { messages } = (await send('GET', '/_local/outbox')).json();
    const notice = messages.find(
      (m: { accountId: string; purpose?: string }) =>
        m.accountId === accountId && m.purpose === 'security_notice',
    );
    expect(notice).toMatchObject({ channel: expect.stringMatching(/^(sms|email)$/) });
    expect(['queued', 'sent']).toContain(notice.status);
    expect(notice.text).not.toMatch(/\d{6}/);

    // The stranger runs out of attempts for every account; the owner's connection does not. Windows are fixed
    // quarter-hours: if one ends mid-loop the count starts again, so allow for a whole second window.
    let throttled: Answer | undefined;
    for (let attempt = 0; attempt < 2 * SOURCE_FAILURES_PER_WINDOW && !throttled; attempt++) {
      const answer = await send('POST', '/portal/verification', {
        body: { accountId: 'ACC-000007', dateOfBirth: '1901-02-01' },
        from: STRANGER,
      });
      if (answer.status === 429) throttled = answer;
    }
    expect(throttled?.json().error.code).toBe('VERIFICATION_THROTTLED');
    expect(Number(throttled?.headers['retry-after'])).toBeGreaterThan(0);
    const owner = await send('POST', '/portal/verification', {
      body: { accountId: 'ACC-000007', dateOfBirth: await dateOfBirth('ACC-000007') },
    });
    expect(owner.status).toBe(202);
    await codeFor('ACC-000007');
    // One code a minute: an owner (not backing off) asking again at once is told to use the one sent.
    const ask = () =>
      send('POST', '/portal/verification', {
        body: { accountId: 'ACC-000008', dateOfBirth: '' },
      });
    const dob = await dateOfBirth('ACC-000008');
    const first = await send('POST', '/portal/verification', {
      body: { accountId: 'ACC-000008', dateOfBirth: dob },
    });
    expect(first.json().delivery).toBe('sent');
    await codeFor('ACC-000008');
    const again = await send('POST', '/portal/verification', {
      body: { accountId: 'ACC-000008', dateOfBirth: dob },
    });
    expect(again.status).toBe(429);
    expect(again.json().error.code).toBe('CODE_RECENTLY_SENT');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    expect((await ask()).status).toBe(400); // an empty date is not a date
  }, 120_000);

  it('holds no code on any staff route, in any stored item, or in the logs', async () => {
    const accountId = 'ACC-000002';
    const { token } = await signIn(accountId);
    tokens.customer = token;
    // Leave traces everywhere a code could stray: a conversation, a failed attempt, a scoring run.
    const conversation = (await send('POST', '/portal/conversations', { as: 'customer' })).json();
    await send('POST', `/portal/conversations/${conversation.conversationId}/messages`, {
      as: 'customer',
      body: { clientMessageId: 'after-sign-in-1', text: 'show my options' },
    });
    const run = (await send('POST', '/scoring-runs', { as: 'sam', body: {} })).json();
    await send('GET', '/_local/status');
    expect(codes.length).toBeGreaterThanOrEqual(3);
    const anyCode = new RegExp(codes.map((code) => `(?<!\\d)${code}(?!\\d)`).join('|'));

    // Every staff GET route, as a supervisor (who may use them all).
    const values: Record<string, string> = {
      accountId,
      conversationId: conversation.conversationId,
      runId: run.runId,
    };
    const staffGets = servedRoutes().filter(
      (route) => route.method === 'GET' && (route.access === 'agent' || route.access === 'supervisor'),
    );
    expect(staffGets.length).toBeGreaterThan(8);
    for (const route of staffGets) {
      const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
      const answer = await send('GET', path, { as: 'sam' });
      expect(answer.status, `${route.path}: ${answer.text}`).toBeLessThan(500);
      expect(answer.text, route.path).not.toMatch(anyCode);
    }

    // Every item of every table.
    const status = (await send('GET', '/_local/status')).json();
    const client = createDocumentClient(
      new DynamoDBClient({
        endpoint: status.dynamodbEndpoint,
        region: 'us-east-1',
        credentials: localCredentials,
      }),
    );
    let items = 0;
    for (const table of Object.values(status.tables) as string[]) {
      for await (const page of paginateScan({ client }, { TableName: table })) {
        for (const item of page.Items ?? []) {
          items += 1;
          expect(JSON.stringify(item), table).not.toMatch(anyCode);
        }
      }
    }
    expect(items).toBeGreaterThan(40);
    // What the handlers logged (at DEBUG), and the runtime's own log.
    expect(runtime.output()).not.toMatch(anyCode);
  }, 120_000);

  it('answers malformed sign-in requests with 400 and a code, counting none of them as a failed attempt', async () => {
    const from = '127.0.0.4';
    const cases: Array<[string, unknown, string]> = [
      ['/portal/verification', {}, 'VALIDATION_FAILED'],
      ['/portal/verification', { accountId: 'ACC-000009', dateOfBirth: '02/03/1980' }, 'VALIDATION_FAILED'],
      ['/portal/verification', { accountId: 'acc 9', dateOfBirth: '1980-03-02' }, 'VALIDATION_FAILED'],
      [
        '/portal/verification',
        { accountId: 'ACC-000009', dateOfBirth: '1980-03-02', code: '1' },
        'VALIDATION_FAILED',
      ],
      ['/portal/verification/confirm', { accountId: 'ACC-000009', code: '123456' }, 'VALIDATION_FAILED'],
      [
        '/portal/verification/confirm',
        { accountId: 'ACC-000009', verificationId: 'short', code: '123456' },
        'VALIDATION_FAILED',
      ],
      [
        '/portal/verification/confirm',
        { accountId: 'ACC-000009', verificationId: 'x'.repeat(22), code: '12345' },
        'VALIDATION_FAILED',
      ],
    ];
    for (let round = 0; round < 4; round++) {
      for (const [path, body, code] of cases) {
        const answer = await send('POST', path, { body, from });
        expect(answer.status, `${path} ${JSON.stringify(body)}`).toBe(400);
        expect(answer.json().error.code).toBe(code);
      }
    }
    // 28 malformed requests later, the caller's allowance for real attempts is untouched.
    const asked = await send('POST', '/portal/verification', {
      body: { accountId: 'ACC-000009', dateOfBirth: await dateOfBirth('ACC-000009') },
      from,
    });
    expect(asked.status).toBe(202);
    await codeFor('ACC-000009');
  });

  it('answers broken percent-encoding with 400 MALFORMED_PATH on every route and every file', async () => {
    const broken = ['%ZZ', '%', '%E0%A4%A', '%C3', 'ab%2', '%%41', '%u0041'];
    const paths: string[] = [];
    for (const route of servedRoutes()) {
      for (const bad of broken) {
        // In each parameter, and in a literal segment.
        if (route.path.includes('{')) paths.push(`${route.method} ${route.path.replace(/\{\w+\}/g, bad)}`);
        paths.push(`${route.method} ${route.path.replace(/^\/([\w-]+)/, `/$1${bad}`)}`);
      }
    }
    for (const bad of broken) {
      for (const file of ['/', '/portal/', '/console/', '/styles.css', '/_local/status', '/no/such/route/']) {
        paths.push(`GET ${file}${bad}`);
        paths.push(`HEAD ${file}${bad}`);
      }
    }
    const failures: string[] = [];
    for (const line of paths) {
      const [method, path] = line.split(' ') as [string, string];
      const answer = await send(method, path, {
        as: 'sam',
        body: method === 'POST' || method === 'PUT' ? {} : undefined,
      });
      const code = method === 'HEAD' ? 'MALFORMED_PATH' : answer.text && answer.json().error?.code;
      if (answer.status !== 400 || code !== 'MALFORMED_PATH')
        failures.push(`${line} → ${answer.status} ${answer.text}`);
    }
    expect(failures).toEqual([]);
    // Well-formed encoding still works.
    expect((await send('GET', '/accounts/%41CC-000001', { as: 'sam' })).status).toBe(200);
  }, 120_000);

  it('answers HEAD wherever GET is served, with the same status and no body', async () => {
    const values: Record<string, string> = {
      accountId: 'ACC-000001',
      conversationId: '00000000-0000-4000-8000-000000000000',
      runId: 'no-such-run',
    };
    const gets = servedRoutes().filter((route) => route.method === 'GET');
    for (const route of gets) {
      const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
      const as = route.access === 'customer' ? 'customer' : route.access === 'public' ? undefined : 'sam';
      const get = await send('GET', path, { as });
      const head = await send('HEAD', path, { as });
      expect(head.status, `HEAD ${path}`).toBe(get.status);
      expect(head.text, `HEAD ${path}`).toBe('');
      expect(head.headers['content-type']).toBe(get.headers['content-type']);
    }
    for (const path of [
      '/',
      '/portal/',
      '/console/',
      '/styles.css',
      '/_local/status',
      '/_local/demo-customers',
    ]) {
      const head = await send('HEAD', path);
      expect(head.status, path).toBe(200);
      expect(head.text).toBe('');
    }
  });

  it('answers 404 for an account that does not exist, on every route that names one', async () => {
    const bodies: Record<string, unknown> = {
      'POST /accounts/{accountId}/calls': { outcome: 'no_answer' },
      'POST /accounts/{accountId}/agent-plans': { months: 3 },
      'POST /accounts/{accountId}/drafts/{draftId}/approve': { channel: 'sms' },
      'POST /accounts/{accountId}/instalments/{instalmentId}/debits': { amountMinor: 100 },
      'POST /accounts/{accountId}/personal-data/reveal': { field: 'phone', reason: 'Calling the customer' },
    };
    const routes = servedRoutes().filter((route) => route.path.includes('{accountId}'));
    expect(routes.length).toBeGreaterThan(8);
    for (const accountId of ['NULL', 'ACC-999999', 'ACC-000000']) {
      for (const route of routes) {
        const path = route.path
          .replace('{accountId}', accountId)
          .replace('{draftId}', 'draft-1')
          .replace('{instalmentId}', 'statement-2026-11-05');
        const answer = await send(route.method, path, {
          as: 'sam',
          body: bodies[`${route.method} ${route.path}`],
        });
        expect(answer.status, `${route.method} ${path}: ${answer.text}`).toBe(404);
      }
    }
  });

  it('sends strict security headers with pages and answers alike', async () => {
    const page = await send('GET', '/portal/');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const api = await send('GET', '/health');
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(String(api.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});
