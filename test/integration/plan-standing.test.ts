/**
 * The queue reacts to the plan's progress through the real handlers on DynamoDB Local (issue #15): a missed
 * plan instalment (PaymentMissed to `servicePayments`) takes the account out of `plan_active` and into the
 * agents' queue (GET /queue) saying a plan payment was missed, announced as TreatmentChanged; the payments
 * that finish the plan clear its flags and move the tier again. Dates are relative to today: the handlers
 * read the wall clock.
 */
import type { Server } from 'node:http';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, EventBridgeEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetailOf, DetailType } from '../../contracts/events';
import { EventContractError } from '../../contracts/events';
import { DynamoAccountRepository } from '../../lambdas/adapters/dynamodb/account-repository';
import { DynamoPaymentStore } from '../../lambdas/adapters/dynamodb/payment-store';
import type { Account, Treatment } from '../../lambdas/domain/accounts/account';
import { issueToken } from '../../lambdas/domain/auth/session-token';
import type { Instalment } from '../../lambdas/domain/payments/payments';
import { decideTreatment } from '../../lambdas/domain/scoring/account-assessment';
import { TREATMENT_POLICY } from '../../lambdas/domain/treatment/treatment-policy';
import { LocalEventBus, listenForPutEvents, type PutEventsEntry } from '../../local/event-bus';
import { lambdaContext } from '../../local/lambda-invoker';
import { tableNameEnvironment } from '../../local/tables';
import { anAccount, NO_FLAGS } from '../support/accounts';
import { freshTables, localCredentials } from '../support/dynamodb';
import { apiEvent } from '../support/events';

const KEY = Buffer.alloc(32, 12);
const BUS_NAME = 'collections-test-bus';
const DAY = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const RISK = {
  modelVersion: 'risk-test',
  probabilityOfDefault: 0.4,
  score: 640,
  band: 'D' as const,
  reasons: [],
  fallback: false,
};

class RecordingBus extends LocalEventBus {
  readonly entries: PutEventsEntry[] = [];
  override putEvents(request: { Entries?: PutEventsEntry[] }) {
    this.entries.push(...(request.Entries ?? []));
    return super.putEvents(request);
  }
}

type EventHandler = (event: EventBridgeEvent<string, unknown>, context: unknown) => Promise<unknown>;
type HttpHandler = (event: APIGatewayProxyEventV2, context: unknown) => Promise<{ body?: string }>;

let tables: Awaited<ReturnType<typeof freshTables>>;
let store: DynamoPaymentStore;
let accounts: DynamoAccountRepository;
let bus: RecordingBus;
let busServer: Server;
let servicePayments: EventHandler;
let queue: HttpHandler;

beforeAll(async () => {
  tables = await freshTables();
  store = new DynamoPaymentStore(tables.db, tables.names.payments, tables.names.accounts);
  accounts = new DynamoAccountRepository(tables.db, tables.names.accounts, { consistentRead: true });
  bus = new RecordingBus(BUS_NAME, async () => undefined, { retryDelayMs: 0 });
  busServer = await listenForPutEvents(bus);
  const busPort = (busServer.address() as { port: number }).port;
  Object.assign(process.env, tableNameEnvironment(tables.names), {
    AWS_ENDPOINT_URL_DYNAMODB: tables.endpoint,
    AWS_ENDPOINT_URL_EVENTBRIDGE: `http://127.0.0.1:${busPort}`,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    EVENT_BUS_NAME: BUS_NAME,
    STAFF_AUTH: 'local',
    SESSION_SIGNING_KEY: KEY.toString('base64'),
  });
  servicePayments = (await import('../../lambdas/handlers/events/service-payments'))
    .handler as unknown as EventHandler;
  queue = (await import('../../lambdas/handlers/http/agent-queue')).handler as unknown as HttpHandler;
});

afterAll(async () => {
  await bus?.drain();
  busServer?.closeAllConnections();
  await new Promise((resolve) => (busServer ? busServer.close(resolve) : resolve(undefined)));
});

let eventCount = 0;
function event<T extends DetailType>(type: T, detail: DetailOf<T>): EventBridgeEvent<T, DetailOf<T>> {
  eventCount += 1;
  return {
    version: '0',
    id: `evt-plan-standing-${eventCount}`,
    'detail-type': type,
    source: 'collections.payments',
    account: '000000000000',
    time: new Date().toISOString(),
    region: 'us-east-1',
    resources: [],
    detail,
  };
}

const deliver = (e: EventBridgeEvent<string, unknown>) =>
  servicePayments(e, lambdaContext('servicePayments', 30));

/** A scored account on an agreed three-payment plan: the first paid, the second missed, the third ahead. */
async function onPlanBehind(accountId: string): Promise<{ plan: Instalment[] }> {
  const acceptedAt = new Date(Date.now() - 50 * DAY).toISOString();
  const schedule = [dateIn(-40), dateIn(-10), dateIn(20)].map((dueDate) => ({
    dueDate,
    amountMinor: 20_000,
  }));
  const base = anAccount({
    accountId,
    amountOverdueMinor: 40_000,
    oldestUnpaidDueDate: dateIn(-100),
    risk: RISK,
    flags: { ...NO_FLAGS, planAgreed: true },
    repaymentPlan: {
      optionId: 'instalment-3',
      kind: 'instalment',
      totalMinor: 60_000,
      instalments: schedule,
      acceptedAt,
      conversationId: 'conv-1',
    },
  });
  const decision = decideTreatment(TREATMENT_POLICY, base, RISK, dateIn(0));
  const treatment: Treatment = { ...decision, assessedAt: acceptedAt, runId: 'run-1' };
  expect(treatment.tier).toBe('plan_active');
  await tables.db.send(
    new PutCommand({ TableName: tables.names.accounts, Item: { ...base, treatment } satisfies Account }),
  );
  const plan = schedule.map(
    ({ dueDate, amountMinor }, index): Instalment => ({
      accountId,
      instalmentId: `plan-${dueDate}`,
      source: 'plan',
      dueDate,
      currency: base.currency,
      amountMinor,
      paidMinor: index === 0 ? amountMinor : 0,
      status: index === 0 ? 'paid' : index === 1 ? 'missed' : 'due',
      missAt: `${dueDate}T23:59:59.999Z`,
      createdAt: acceptedAt,
    }),
  );
  for (const instalment of plan) await store.trackInstalment(instalment);
  return { plan };
}

async function queueItem(accountId: string) {
  const token = issueToken(KEY, {
    sub: 'agent-1',
    role: 'agent',
    iat: Math.floor(Date.now() / 1000) - 10,
    exp: Math.floor(Date.now() / 1000) + 600,
  });
  const response = await queue(
    apiEvent({
      routeKey: 'GET /queue',
      headers: { authorization: `Bearer ${token}` },
      queryStringParameters: { limit: '200' },
    }),
    lambdaContext('agentQueue', 30),
  );
  const body = JSON.parse(response.body ?? '{}') as {
    items: { accountId: string; reason: string; reasonCode?: string }[];
  };
  return body.items.find((item) => item.accountId === accountId);
}

const tierChanges = (accountId: string) =>
  bus.entries
    .filter((entry) => entry.DetailType === 'TreatmentChanged')
    .map((entry) => JSON.parse(entry.Detail ?? '{}') as DetailOf<'TreatmentChanged'>)
    .filter((detail) => detail.accountId === accountId);

describe('a plan payment missed, then the plan finished, through servicePayments', () => {
  it('a missed plan instalment puts the account back in the agents’ queue at once, saying why', async () => {
    const accountId = 'ACC-PLANMISS-1';
    const { plan } = await onPlanBehind(accountId);
    expect(await queueItem(accountId)).toBeUndefined();

    const missed = plan[1]!;
    await deliver(
      event('PaymentMissed', {
        accountId,
        instalmentId: missed.instalmentId,
        source: 'plan',
        dueDate: missed.dueDate,
        amountMinor: missed.amountMinor,
        outstandingMinor: missed.amountMinor,
        currency: 'USD',
      }),
    );
    const account = await accounts.get(accountId);
    expect(account?.flags.planPaymentMissed).toBe(true);
    expect(account?.flags.planAgreed).toBe(true);
    expect(account?.treatment?.tier).not.toBe('plan_active');
    expect(tierChanges(accountId)).toEqual([
      expect.objectContaining({ previous: expect.objectContaining({ tier: 'plan_active' }) }),
    ]);
    expect(await queueItem(accountId)).toMatchObject({
      reasonCode: 'plan_payment_missed',
      reason: 'A plan payment was missed: call to get the plan back on track',
    });

    // The customer pays the rest of the plan: the flags go, the tier moves again, and it leaves the queue.
    await deliver(
      event('PaymentReceived', {
        accountId,
        paymentId: 'pay-plan-rest',
        amountMinor: 40_000,
        currency: 'USD',
        receivedAt: new Date().toISOString(),
      }),
    );
    const finished = await accounts.get(accountId);
    expect(finished?.flags).toMatchObject({
      planAgreed: false,
      hardshipPlan: false,
      planPaymentMissed: false,
    });
    expect(finished?.repaymentPlan?.optionId).toBe('instalment-3');
    expect(finished?.treatment?.tier).not.toBe('plan_active');
    expect(await queueItem(accountId)).not.toMatchObject({ reasonCode: 'plan_payment_missed' });
  });

  it('a missed statement instalment leaves the plan alone', async () => {
    const accountId = 'ACC-PLANMISS-2';
    await onPlanBehind(accountId);
    await deliver(
      event('PaymentMissed', {
        accountId,
        instalmentId: `statement-${dateIn(-10)}`,
        source: 'statement',
        dueDate: dateIn(-10),
        amountMinor: 5_000,
        outstandingMinor: 5_000,
        currency: 'USD',
      }),
    );
    const account = await accounts.get(accountId);
    expect(account?.flags.planPaymentMissed).toBeUndefined();
    expect(account?.treatment?.tier).toBe('plan_active');
    expect(tierChanges(accountId)).toEqual([]);
  });

  it('a PaymentMissed off its contract is refused before anything is written', async () => {
    const accountId = 'ACC-PLANMISS-3';
    const { plan } = await onPlanBehind(accountId);
    await expect(
      deliver(
        event('PaymentMissed', {
          accountId,
          instalmentId: plan[1]!.instalmentId,
          source: 'plan',
          dueDate: 'yesterday',
        } as never),
      ),
    ).rejects.toThrow(EventContractError);
    expect((await accounts.get(accountId))?.flags.planPaymentMissed).toBeUndefined();
  });
});
