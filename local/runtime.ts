/**
 * The whole product on this machine: DynamoDB Local with the catalog's tables, the seeded demo portfolio,
 * the HTTP API in front of the real handlers, the local event bus and scheduler, and the web pages.
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { FUNCTIONS } from '../catalog/functions';
import { stageConfig } from '../catalog/stages';
import { type DomainEvent, domainEvent, EventContractError } from '../contracts/events';
import { batchPutAll } from '../lambdas/adapters/dynamodb/batch-write';
import { createDocumentClient } from '../lambdas/adapters/dynamodb/client';
import { DynamoScoringRunStore } from '../lambdas/adapters/dynamodb/scoring-run-store';
import { InMemoryMetrics } from '../lambdas/adapters/metrics/in-memory-metrics';
import type { ScoringRun } from '../lambdas/domain/scoring/scoring-run';
import { businessMetrics } from '../lambdas/wiring/metrics';
import { localSecurityHeaders } from '../lib/security-headers';
import {
  API_GATEWAY_MAX_BODY_BYTES,
  fromApiGatewayResult,
  type HttpResponse,
  matchRoute,
  toApiGatewayEvent,
} from './api-gateway';
import { type SimulatedLedger, startSimulatedBank } from './bank/simulated-bank';
import { DEV_USERS, devLogin } from './dev-users';
import { type DeveloperInbox, startDeveloperInbox } from './developer-inbox';
import { demoCustomers, demoCustomersPage, inboxPage } from './developer-views';
import { type DynamoDbLocal, freePort, startDynamoDbLocal } from './dynamodb-local';
import { LocalEventBus, listenForPutEvents } from './event-bus';
import { LambdaInvoker } from './lambda-invoker';
import { localOutbox } from './outbox-view';
import { LocalScheduler } from './scheduler';
import {
  functionIdOfArn,
  LOCAL_DEBIT_SCHEDULE_GROUP,
  type LocalSchedulerApi,
  localDebitSchedulingEnvironment,
  startLocalSchedulerApi,
} from './scheduler-api';
import { DEMO_PORTFOLIO_DEFAULTS, generateDemoPortfolio } from './seed/demo-portfolio';
import { createTables, localTableNames, tableNameEnvironment } from './tables';

/** Local runs use the dev stage's settings (schedules, model name). */
export const LOCAL_STAGE = stageConfig('dev');
const LOCAL_BUS_NAME = 'collections-local-bus';
const LOCAL_BANK_TOKEN = 'local-bank-token';
const FIRST_SCORING_TIMEOUT_MS = 120_000;

export interface LocalRuntimeOptions {
  readonly projectRoot: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Folder for DynamoDB Local's files; omitted = in memory. */
  readonly dataDir?: string;
  /** Accounts in the demo portfolio seeded into an empty database; 0 = none. */
  readonly seedAccounts: number;
  readonly startScheduler: boolean;
  /**
   * Runs the scoring job before answering if the portfolio was never scored (`npm start`), so the queue, the
   * portal's options and the dashboard have content from the first page.
   */
  readonly scoreIfNeverScored?: boolean;
  readonly log: (line: string) => void;
}

export interface LocalRuntime {
  readonly url: string;
  readonly dynamodbEndpoint: string;
  readonly dynamodbPid: number;
  readonly seeded: number;
  /** Accounts scored before the runtime answered, because the portfolio had never been scored (else 0). */
  readonly scoredAtStart: number;
  readonly bus: LocalEventBus;
  readonly scheduler: LocalScheduler;
  /** EventBridge Scheduler's API, locally: the one-off schedules that run debit attempts. */
  readonly debitSchedules: LocalSchedulerApi;
  /** The simulated core-banking ledger the debits are taken from. */
  readonly ledger: SimulatedLedger;
  stop(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const json = (statusCode: number, body: unknown): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: Buffer.from(JSON.stringify(body)),
});
const jsonError = (statusCode: number, code: string, message: string) =>
  json(statusCode, { error: { code, message } });

class BodyTooLargeError extends Error {}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > API_GATEWAY_MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  // DynamoDB Local (a JVM) starts while this process loads the handlers: the two take most of a start.
  const dynamodbPort = await freePort();
  const dynamodbStarting = startDynamoDbLocal({
    dataDir: options.dataDir,
    port: dynamodbPort,
    quickStart: true,
  });
  dynamodbStarting.catch(() => undefined); // its failure surfaces where it is awaited, not as unhandled
  const servers: Server[] = [];
  const stoppers: (() => Promise<void>)[] = [];
  let scheduler: LocalScheduler | undefined;
  const stop = async () => {
    scheduler?.stop();
    await Promise.all(stoppers.map((stopOne) => stopOne()));
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await (await dynamodbStarting.catch(() => undefined))?.stop();
  };
  try {
    return await assemble(
      options,
      { endpoint: `http://127.0.0.1:${dynamodbPort}`, started: dynamodbStarting },
      servers,
      stoppers,
      (s) => (scheduler = s),
      stop,
    );
  } catch (error) {
    await stop();
    throw error;
  }
}

async function assemble(
  options: LocalRuntimeOptions,
  dynamodbLocal: { readonly endpoint: string; readonly started: Promise<DynamoDbLocal> },
  servers: Server[],
  stoppers: (() => Promise<void>)[],
  keepScheduler: (scheduler: LocalScheduler) => void,
  stop: () => Promise<void>,
): Promise<LocalRuntime> {
  const tables = localTableNames('local');
  const invoker = new LambdaInvoker(options.projectRoot);
  const bus = new LocalEventBus(LOCAL_BUS_NAME, (functionId, event) => invoker.invoke(functionId, event), {
    retryDelayMs: 200,
    onDeadLetter: (letter) =>
      options.log(`dead letter: ${letter.event['detail-type']} for ${letter.functionId}: ${letter.error}`),
  });
  const busServer = await listenForPutEvents(bus);
  servers.push(busServer);
  // The bank and EventBridge Scheduler, as the same HTTP APIs the AWS adapters call.
  const bank = await startSimulatedBank({ token: LOCAL_BANK_TOKEN });
  stoppers.push(() => bank.stop());
  const debitSchedules = await startLocalSchedulerApi({
    fire: (functionArn, input) => invoker.invoke(functionIdOfArn(functionArn), input),
    groups: [LOCAL_DEBIT_SCHEDULE_GROUP],
    onFailedDelivery: (failure) =>
      options.log(`debit schedule failed: ${failure.targetArn}: ${failure.error}`),
  });
  stoppers.push(() => debitSchedules.stop());
  const inbox = await startDeveloperInbox();
  stoppers.push(() => inbox.stop());

  const sessionKey = process.env.SESSION_SIGNING_KEY
    ? Buffer.from(process.env.SESSION_SIGNING_KEY, 'base64')
    : randomBytes(32);
  Object.assign(process.env, {
    STAGE: 'local',
    AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    // DynamoDB Local and the local bus accept any credentials; never use a developer's real ones here.
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: dynamodbLocal.endpoint,
    AWS_ENDPOINT_URL_EVENTBRIDGE: `http://127.0.0.1:${(busServer.address() as AddressInfo).port}`,
    EVENT_BUS_NAME: LOCAL_BUS_NAME,
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    // Dev users sign in with session tokens instead of Cognito; the key lives as long as this runtime.
    STAFF_AUTH: 'local',
    SESSION_SIGNING_KEY: sessionKey.toString('base64'),
    ...tableNameEnvironment(tables),
    ...Object.assign({}, ...FUNCTIONS.map((fn) => fn.stageEnvironment?.(LOCAL_STAGE))),
    ...localDebitSchedulingEnvironment(debitSchedules.url),
    BANK_API_URL: bank.url,
    BANK_API_TOKEN: LOCAL_BANK_TOKEN,
    // Texts and e-mails (security codes among them) also go to the in-memory developer inbox: local only.
    DEVELOPER_INBOX_URL: inbox.url,
  });
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  await invoker.loadAll();
  const unaccepted = await invoker.unacceptedRoutes();
  if (unaccepted.length > 0) {
    throw new Error(
      `Rules route events their handlers do not take (see contracts/events): ${unaccepted.join('; ')}`,
    );
  }
  const dynamodb = await dynamodbLocal.started;
  const client = new DynamoDBClient({
    endpoint: dynamodb.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await createTables(client, tables);
  const seeded = await seedIfEmpty(client, tables.accounts, options.seedAccounts);

  const scheduler = new LocalScheduler(LOCAL_STAGE.schedules, async (run, event) => {
    const started = Date.now();
    try {
      const result = await invoker.invoke(run.functionId, event);
      options.log(
        `schedule ${run.scheduleId} → ${run.functionId} done in ${Date.now() - started} ms: ${JSON.stringify(result)}`,
      );
      return result;
    } catch (error) {
      options.log(`schedule ${run.scheduleId} → ${run.functionId} failed: ${(error as Error).message}`);
      throw error;
    }
  });
  keepScheduler(scheduler);
  const documents = createDocumentClient(client);
  const scoredAtStart =
    options.scoreIfNeverScored && (await isEmpty(client, tables.scoringRuns))
      ? await scoreNow(scheduler, new DynamoScoringRunStore(documents, tables.scoringRuns), options.log)
      : 0;
  if (options.startScheduler) scheduler.start();

  const webRoot = path.join(options.projectRoot, 'web');
  const context: RequestContext = {
    invoker,
    bus,
    scheduler,
    debitSchedules,
    ledger: bank.ledger,
    inbox,
    webRoot,
    dynamodb,
    tables,
    documents,
    seeded,
    sessionKey,
  };
  const apiServer = await listen(
    createServer((req, res) => {
      const started = Date.now();
      handleRequest(context, req)
        .catch((error) => {
          options.log(`internal error: ${(error as Error).stack}`);
          return json(500, { message: 'Internal Server Error' });
        })
        .then(withSecurityHeaders)
        .then((response) => {
          res.writeHead(response.statusCode, response.headers).end(response.body);
          options.log(`${req.method} ${req.url} ${response.statusCode} ${Date.now() - started} ms`);
        });
    }),
    options.port,
  );
  servers.push(apiServer);

  return {
    url: `http://127.0.0.1:${(apiServer.address() as AddressInfo).port}`,
    dynamodbEndpoint: dynamodb.endpoint,
    dynamodbPid: dynamodb.pid,
    seeded,
    scoredAtStart,
    bus,
    scheduler,
    debitSchedules,
    ledger: bank.ledger,
    stop,
  };
}

async function seedIfEmpty(client: DynamoDBClient, accountsTable: string, count: number): Promise<number> {
  if (count === 0 || !(await isEmpty(client, accountsTable))) return 0;
  const asOf = new Date().toISOString().slice(0, 10);
  const accounts = generateDemoPortfolio({ ...DEMO_PORTFOLIO_DEFAULTS, count, asOf });
  await batchPutAll(
    createDocumentClient(client),
    accountsTable,
    accounts as unknown as Record<string, unknown>[],
  );
  return accounts.length;
}

async function isEmpty(client: DynamoDBClient, tableName: string): Promise<boolean> {
  const { Count } = await client.send(new ScanCommand({ TableName: tableName, Limit: 1, Select: 'COUNT' }));
  return (Count ?? 0) === 0;
}

/**
 * The nightly scoring job, now, through the same schedule, bus and handlers. Resolves when the run completes
 * (every segment scored, so the queue and the portal have tiers and options); the outreach that tier changes
 * prepare carries on in the background.
 */
async function scoreNow(scheduler: LocalScheduler, runs: DynamoScoringRunStore, log: (line: string) => void) {
  log('scoring the demo portfolio (first start only)');
  const { runId } = (await scheduler.runNow('scoring')) as ScoringRun;
  const deadline = Date.now() + FIRST_SCORING_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const progress = await runs.get(runId);
    if (progress?.run.status === 'completed') return progress.run.accountsScored;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  log(`scoring run ${runId} is still running: the queue fills as it goes (npm run score to follow a run)`);
  return 0;
}

function listen(server: Server, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

interface RequestContext {
  readonly invoker: LambdaInvoker;
  readonly bus: LocalEventBus;
  readonly scheduler: LocalScheduler;
  readonly debitSchedules: LocalSchedulerApi;
  readonly ledger: SimulatedLedger;
  readonly inbox: DeveloperInbox;
  readonly webRoot: string;
  readonly dynamodb: DynamoDbLocal;
  readonly tables: ReturnType<typeof localTableNames>;
  readonly documents: ReturnType<typeof createDocumentClient>;
  readonly seeded: number;
  readonly sessionKey: Buffer;
}

/** A path whose percent-encoding is broken (`%ZZ`, a lone `%`, half a UTF-8 character) names nothing. */
function malformedPath(url: string | undefined): HttpResponse | undefined {
  try {
    decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
    return undefined;
  } catch {
    return jsonError(400, 'MALFORMED_PATH', 'The request path is not validly percent-encoded.');
  }
}

/** Every answer carries the security headers; pages (HTML) get the pages' Content-Security-Policy. */
function withSecurityHeaders(response: HttpResponse): HttpResponse {
  const isPage = /^text\/html\b/.test(response.headers['content-type'] ?? '');
  return { ...response, headers: { ...localSecurityHeaders(isPage), ...response.headers } };
}

async function handleRequest(context: RequestContext, req: IncomingMessage): Promise<HttpResponse> {
  const malformed = malformedPath(req.url);
  if (malformed) return malformed;
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return jsonError(
        413,
        'PAYLOAD_TOO_LARGE',
        `Request bodies are limited to ${API_GATEWAY_MAX_BODY_BYTES} bytes.`,
      );
    }
    throw error;
  }

  const match = matchRoute(method, url.pathname);
  if (match) {
    const event = toApiGatewayEvent({
      method,
      url,
      headers: req.headers,
      body,
      sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
      match,
    });
    return fromApiGatewayResult(
      (await context.invoker.invoke(match.route.functionId, event)) as APIGatewayProxyResultV2,
    );
  }
  if (url.pathname.startsWith('/_local/')) {
    // HEAD is answered as GET; Node sends no body with it.
    const localMethod = method === 'HEAD' ? 'GET' : method;
    return handleLocalAdmin(context, localMethod, url.pathname, url.searchParams, body, req.headers.accept);
  }
  if (method === 'GET' || method === 'HEAD') {
    const page = await staticFile(context.webRoot, url.pathname);
    if (page) return page;
  }
  return jsonError(404, 'ROUTE_NOT_FOUND', `No route for ${method} ${url.pathname}.`);
}

/** Operator endpoints that exist only locally: state of the runtime, and running a schedule on demand. */
async function handleLocalAdmin(
  context: RequestContext,
  method: string,
  pathname: string,
  query: URLSearchParams,
  body: Buffer,
  accept: string | undefined,
): Promise<HttpResponse> {
  // A browser asking for a developer view gets a page; tools get JSON.
  const wantsPage = /\btext\/html\b/.test(accept ?? '');
  if (method === 'GET' && pathname === '/_local/status') {
    await context.bus.drain();
    return json(200, {
      dynamodbEndpoint: context.dynamodb.endpoint,
      tables: context.tables,
      seededThisStart: context.seeded,
      bus: context.bus.stats(),
      schedules: context.scheduler.runs,
      debitSchedules: context.debitSchedules.schedules(),
    });
  }
  if (method === 'GET' && pathname === '/_local/metrics') {
    // The business figures the handlers counted in this process (CloudWatch metrics in a stage).
    await context.bus.drain();
    const metrics = businessMetrics();
    return json(200, metrics instanceof InMemoryMetrics ? metrics.snapshot() : {});
  }
  if (method === 'GET' && pathname === '/_local/bank') {
    await context.bus.drain();
    return json(200, { accounts: context.ledger.accounts(), debits: context.ledger.debits() });
  }
  if (method === 'POST' && pathname === '/_local/debit-schedules/run') {
    const fired = await context.debitSchedules.runDue();
    await context.bus.drain();
    return json(200, { fired });
  }
  if (method === 'POST' && pathname === '/_local/payments') return receivePayment(context, body);
  if (method === 'GET' && pathname === '/_local/dead-letters') return json(200, context.bus.deadLetters);
  if (method === 'GET' && pathname === '/_local/users') return json(200, DEV_USERS);
  if (method === 'POST' && pathname === '/_local/login') {
    let user: unknown;
    try {
      user = (JSON.parse(body.toString('utf8') || '{}') as { user?: unknown }).user;
    } catch {
      return jsonError(400, 'MALFORMED_JSON', 'Send {"user": "<name>"}.');
    }
    const login = devLogin(context.sessionKey, String(user));
    if (!login)
      return jsonError(404, 'USER_NOT_FOUND', `No dev user ${JSON.stringify(user)}: see /_local/users.`);
    return json(200, login);
  }
  if (method === 'GET' && pathname === '/_local/inbox') {
    await context.bus.drain();
    const messages = context.inbox.messages(query.get('accountId') ?? undefined);
    return wantsPage ? page(inboxPage(messages)) : json(200, { messages });
  }
  if (method === 'GET' && pathname === '/_local/demo-customers') {
    const customers = await demoCustomers(
      context.documents,
      context.tables.accounts,
      query.getAll('accountId'),
    );
    return wantsPage ? page(demoCustomersPage(customers)) : json(200, { customers });
  }
  if (method === 'GET' && pathname === '/_local/outbox') {
    await context.bus.drain();
    return json(200, await localOutbox(context.documents, context.tables.contacts));
  }
  const run = /^\/_local\/schedules\/([\w-]+)\/run$/.exec(pathname);
  if (method === 'POST' && run) {
    if (!context.scheduler.runs.some((r) => r.scheduleId === run[1])) {
      return jsonError(404, 'SCHEDULE_NOT_FOUND', `No schedule ${run[1]}.`);
    }
    return json(200, await context.scheduler.runNow(run[1]!));
  }
  return jsonError(404, 'ROUTE_NOT_FOUND', `No local route for ${method} ${pathname}.`);
}

/**
 * Core banking's payment feed, simulated: money the customer paid some other way reaches collections as
 * `PaymentReceived` on the bus, exactly as the bank's system would publish it in AWS.
 */
async function receivePayment(context: RequestContext, body: Buffer): Promise<HttpResponse> {
  let payment: { accountId?: unknown; amountMinor?: unknown; currency?: unknown };
  try {
    payment = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return jsonError(400, 'MALFORMED_JSON', 'Send {"accountId", "amountMinor", "currency"}.');
  }
  const { accountId, amountMinor, currency } = payment;
  if (typeof accountId !== 'string' || !Number.isSafeInteger(amountMinor) || (amountMinor as number) <= 0) {
    return jsonError(
      400,
      'VALIDATION_FAILED',
      'accountId is a string and amountMinor a positive whole number.',
    );
  }
  // As core banking would announce it, checked against its contract (docs/events/PaymentReceived.v1.json).
  let event: DomainEvent<'PaymentReceived'>;
  try {
    event = domainEvent('PaymentReceived', {
      accountId,
      paymentId: `local-${randomBytes(6).toString('hex')}`,
      amountMinor: amountMinor as number,
      currency: (currency ?? 'USD') as 'USD',
      receivedAt: new Date().toISOString(),
    });
  } catch (error) {
    if (!(error instanceof EventContractError)) throw error;
    return jsonError(400, 'VALIDATION_FAILED', error.problems.join('; '));
  }
  const { source, detailType, detail } = event;
  context.bus.putEvents({
    Entries: [
      {
        Source: source,
        DetailType: detailType,
        Detail: JSON.stringify(detail),
        EventBusName: LOCAL_BUS_NAME,
      },
    ],
  });
  await context.bus.drain();
  return json(202, detail);
}

const page = (html: string): HttpResponse => ({
  statusCode: 200,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: Buffer.from(html),
});

async function staticFile(webRoot: string, pathname: string): Promise<HttpResponse | undefined> {
  if (pathname === '/config.json') return json(200, { apiUrl: '', stage: 'local' });
  const resolved = path.resolve(webRoot, `.${decodeURIComponent(pathname)}`);
  if (!resolved.startsWith(webRoot + path.sep) && resolved !== webRoot) return undefined;
  const file = (await stat(resolved).catch(() => undefined))?.isDirectory()
    ? path.join(resolved, 'index.html')
    : resolved;
  const content = await readFile(file).catch(() => undefined);
  if (!content) return undefined;
  return {
    statusCode: 200,
    headers: { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' },
    body: content,
  };
}
