/**
 * Real-time debit benchmark (issue #6): N due instalments (default 10,000, `DEBIT_BENCH_INSTALMENTS`) through
 * notify → debit → feedback on DynamoDB Local, with the real HTTP payment gateway against the simulated bank,
 * next to raw PutItem of as many items as the pipeline writes per instalment, one by one at the same
 * concurrency on the same DynamoDB Local in the same run, as a throughput ratio.
 *
 * The bus is an in-process recorder and the clock is a test clock: events drive the next stage the way the
 * bus's rules would, and the clock jumps from the notice to the debit date without waiting four days.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DETAIL_TYPES } from '../contracts/events';
import { HttpPaymentGateway } from '../lambdas/adapters/bank/http-payment-gateway';
import { DynamoAccountRepository } from '../lambdas/adapters/dynamodb/account-repository';
import { DynamoAccountUpdater } from '../lambdas/adapters/dynamodb/account-updater';
import { DynamoAuditLog } from '../lambdas/adapters/dynamodb/audit-log';
import { batchPutAll } from '../lambdas/adapters/dynamodb/batch-write';
import { createDocumentClient } from '../lambdas/adapters/dynamodb/client';
import { DynamoContactStore } from '../lambdas/adapters/dynamodb/contact-store';
import { DynamoPaymentStore } from '../lambdas/adapters/dynamodb/payment-store';
import { scanAll } from '../lambdas/adapters/dynamodb/scan-all';
import { StoredSender } from '../lambdas/adapters/messaging/stored-sender';
import type { Account } from '../lambdas/domain/accounts/account';
import { deliverMessage } from '../lambdas/domain/outreach/deliver-outreach';
import type { OutboxKey, OutboxMessage } from '../lambdas/domain/outreach/outreach';
import { applyDebitFeedback, type DebitResult } from '../lambdas/domain/payments/debit-feedback';
import { DEBIT_POLICY } from '../lambdas/domain/payments/debit-policy';
import { executeAttempt } from '../lambdas/domain/payments/execute-debit';
import { raiseMissed, statementInstalments } from '../lambdas/domain/payments/instalment-monitor';
import { MANDATE_TERMS_VERSION, mandateTerms } from '../lambdas/domain/payments/mandates';
import { onPaymentMissed } from '../lambdas/domain/payments/payment-reactions';
import type { AttemptKey, DebitAttempt, Instalment, Mandate } from '../lambdas/domain/payments/payments';
import type { Clock, DomainEvent, EventPublisher } from '../lambdas/domain/ports';
import { type SimulatedBank, SimulatedLedger, startSimulatedBank } from '../local/bank/simulated-bank';
import { startDynamoDbLocal } from '../local/dynamodb-local';
import { createTables, localTableNames } from '../local/tables';
import { aScoredAccount } from '../test/support/accounts';

const DEFAULT_INSTALMENTS = 10_000;
const CONCURRENCY = 32;
const BANK_TIMEOUT_MS = 5_000;
const BANK_TOKEN = 'bench-token';
/**
 * Monday 10:00 in New York, where every seeded customer lives: inside US contact hours, so the pre-debit
 * notices leave at once; past the seeded instalments' miss time (due 2026-11-10, 3 days' grace).
 */
const NOTICE_TIME = '2026-11-16T15:00:00.000Z';
const MANDATE_MAX_MINOR = 50_000;
/** Item writes per instalment as last measured; sizes the baseline's first half only (the total is measured). */
const EXPECTED_WRITES = 21;
/** Makes a baseline PutItem's request about the pipeline's mean write request (≈650 bytes). */
const RAW_PADDING_CHARS = 535;
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const seconds = (startedNs: bigint) => Number(process.hrtime.bigint() - startedNs) / 1e9;
const cpuSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;

function instalmentCount(): number {
  const raw = process.env.DEBIT_BENCH_INSTALMENTS;
  if (raw === undefined || raw === '') return DEFAULT_INSTALMENTS;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new Error(`DEBIT_BENCH_INSTALMENTS must be a positive integer, got "${raw}".`);
  }
  return n;
}

export async function benchDebits() {
  const n = instalmentCount();
  const dynamodb = await startDynamoDbLocal();
  let bank: SimulatedBank | undefined;
  try {
    const client = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: 'us-east-1', credentials });
    const meter = new RequestMeter(client);
    const db = createDocumentClient(client);
    const tables = localTableNames('debitbench');
    const rawTables = localTableNames('debitraw');
    await createTables(client, tables);
    await createTables(client, rawTables);

    const clock = new TestClock(NOTICE_TIME);
    const ledger = new SimulatedLedger({ clock });
    bank = await startSimulatedBank({ ledger, token: BANK_TOKEN });
    let bankCalls = 0;
    const gateway = new HttpPaymentGateway({
      baseUrl: bank.url,
      token: BANK_TOKEN,
      timeoutMs: BANK_TIMEOUT_MS,
      fetch: (input, init) => {
        bankCalls++;
        return fetch(input, init);
      },
    });

    const seedStarted = process.hrtime.bigint();
    const seeded = await seed(db, tables, ledger, clock, n);
    log(`seeded ${n} accounts, mandates and instalments in ${round(seconds(seedStarted), 1)} s`);

    // The baseline runs in two halves, before and after the pipeline, so load that drifts during a long run
    // (a shared machine, DynamoDB Local's JIT and growing tables) weighs on both sides alike.
    log('baseline, first half');
    const rawBefore = await rawPuts(db, rawTables.payments, meter, {
      from: 0,
      count: Math.floor((n * EXPECTED_WRITES) / 2),
      n,
    });
    const pipeline = await runPipeline({ db, tables, gateway, clock, meter, n, bankCalls: () => bankCalls });
    const writesPerInstalment = pipeline.total.writesPerInstalment;
    const rawItems = Math.round(writesPerInstalment * n);
    log('baseline, second half');
    const rawAfter = await rawPuts(db, rawTables.payments, meter, {
      from: rawBefore.items,
      count: Math.max(0, rawItems - rawBefore.items),
      n,
    });
    await verify(db, tables, ledger, seeded, pipeline.attempts, n);
    log('verified: one debit per attempt, every instalment paid, no attempt left open');

    const rawPut = rawBefore.items + rawAfter.items;
    const rawSeconds = rawBefore.seconds + rawAfter.seconds;
    const rawItemsPerSecond = rawPut / rawSeconds;
    const rawInstalmentsPerSecond = rawItemsPerSecond / writesPerInstalment;
    const pipelineInstalmentsPerSecond = n / pipeline.total.seconds;
    return {
      instalments: n,
      concurrency: CONCURRENCY,
      stages: pipeline.stages,
      total: {
        seconds: pipeline.total.seconds,
        instalmentsPerSecond: pipeline.total.instalmentsPerSecond,
        nodeCpuShare: pipeline.total.nodeCpuShare,
      },
      perInstalment: {
        itemWrites: round(writesPerInstalment),
        reads: pipeline.total.readsPerInstalment,
        bankCalls: pipeline.total.bankCallsPerInstalment,
        writesByOperation: pipeline.writesByOperation,
        meanWriteRequestBytes: meter.bytesPerWrite(pipeline.window),
      },
      baseline: {
        what: `PutItem one by one, ${CONCURRENCY} in flight, half before and half after the pipeline`,
        items: rawPut,
        seconds: round(rawSeconds),
        itemsPerSecond: round(rawItemsPerSecond, 0),
        halves: [rawBefore, rawAfter].map(({ items, seconds, itemsPerSecond }) => ({
          items,
          seconds,
          itemsPerSecond,
        })),
        meanWriteRequestBytes: rawAfter.requestBytes || rawBefore.requestBytes,
        instalmentsPerSecondEquivalent: round(rawInstalmentsPerSecond, 1),
      },
      ratio: round(pipelineInstalmentsPerSecond / rawInstalmentsPerSecond, 3),
      ratioMeans: 'pipeline instalments/s ÷ (raw PutItem items/s ÷ item writes per instalment)',
    };
  } finally {
    await bank?.stop();
    await dynamodb.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Seeding (not timed)
// ---------------------------------------------------------------------------------------------------------

interface Seeded {
  readonly accounts: readonly Account[];
  readonly debtorOf: ReadonlyMap<string, string>;
}

async function seed(
  db: DynamoDBDocumentClient,
  tables: ReturnType<typeof localTableNames>,
  ledger: SimulatedLedger,
  clock: TestClock,
  n: number,
): Promise<Seeded> {
  const accounts = Array.from({ length: n }, (_, index) =>
    aScoredAccount({ accountId: `ACC-DEBIT-${String(index).padStart(6, '0')}` }),
  );
  const instalment = statementInstalments(accounts[0]!, clock.now());
  if (instalment.length !== 1 || instalment[0]!.missAt > NOTICE_TIME) {
    throw new Error('The seeded account should have exactly one instalment, already past its miss time.');
  }
  const amountMinor = instalment[0]!.amountMinor;
  // The debit leaves the protected minimum in the customer's bank account, or it is not presented.
  const needed = amountMinor + DEBIT_POLICY.jurisdictions.US.protectedMinimumMinor;
  const debtorOf = new Map<string, string>();
  accounts.forEach((account, index) => {
    debtorOf.set(account.accountId, debtorAccountFor(ledger, index, needed));
  });

  await batchPutAll(db, tables.accounts, accounts as unknown as Record<string, unknown>[]);
  const store = new DynamoPaymentStore(db, tables.payments, tables.accounts);
  const at = clock.now().toISOString();
  // Through the store: its mandate marker and work-index attributes are its own business.
  const seeded = await eachLimited(accounts, CONCURRENCY, async (account) => {
    const debtorAccount = debtorOf.get(account.accountId)!;
    const choices = {
      debtorAccount: debtorAccount.slice(`US${ROUTING_NUMBER}`.length),
      routingNumber: ROUTING_NUMBER,
      maxAmountMinor: MANDATE_MAX_MINOR,
      partialAllowed: false,
    };
    const mandate: Mandate = {
      accountId: account.accountId,
      mandateId: `mandate-${account.accountId}`,
      status: 'active',
      debtorAccount,
      currency: account.currency,
      maxAmountMinor: MANDATE_MAX_MINOR,
      partialAllowed: false,
      authorisationText: mandateTerms(account, choices).text,
      termsVersion: MANDATE_TERMS_VERSION,
      authorisedAt: at,
      channel: 'portal',
    };
    const [due] = statementInstalments(account, clock.now()) as [Instalment];
    return (await store.createMandate(mandate)) && (await store.trackInstalment(due));
  });
  if (seeded.some((ok) => !ok)) throw new Error('Seeding a mandate or an instalment failed.');
  return { accounts, debtorOf };
}

/** A valid US routing number (JPMorgan Chase, New York) for the seeded mandates. */
const ROUTING_NUMBER = '021000021';

/**
 * An ordinary US bank account, as a mandate stores it (`US` + routing + account number), with none of the
 * simulated bank's magic endings and at least `needed` in it.
 */
function debtorAccountFor(ledger: SimulatedLedger, index: number, needed: number): string {
  for (let candidate = 0; candidate < 100; candidate++) {
    const number = `US${ROUTING_NUMBER}${String(100_000_000 + index * 100 + candidate)}`;
    if (['0000', '1111', '2222', '9999'].some((magic) => number.endsWith(magic))) continue;
    if ((ledger.account(number)?.availableMinor ?? 0) >= needed) return number;
  }
  throw new Error(`No debtor account with ${needed} available for account ${index}.`);
}

// ---------------------------------------------------------------------------------------------------------
// The pipeline (timed)
// ---------------------------------------------------------------------------------------------------------

interface PipelineInput {
  readonly db: DynamoDBDocumentClient;
  readonly tables: ReturnType<typeof localTableNames>;
  readonly gateway: HttpPaymentGateway;
  readonly clock: TestClock;
  readonly meter: RequestMeter;
  readonly n: number;
  readonly bankCalls: () => number;
}

async function runPipeline({ db, tables, gateway, clock, meter, n, bankCalls }: PipelineInput) {
  const events = new RecordingPublisher();
  const scheduled: AttemptKey[] = [];
  const store = new DynamoPaymentStore(db, tables.payments, tables.accounts);
  const contacts = new DynamoContactStore(db, tables.contacts);
  const accounts = new DynamoAccountRepository(db, tables.accounts);
  const updater = new DynamoAccountUpdater(db, tables.accounts, () => clock.now());
  const servicing = {
    store,
    accounts,
    outbox: contacts,
    events,
    clock,
    // Records what EventBridge Scheduler would be asked for: the debit stage runs exactly these.
    scheduler: {
      scheduleAttempt: async (attempt: Pick<DebitAttempt, 'accountId' | 'attemptId' | 'debitAt'>) => {
        scheduled.push({ accountId: attempt.accountId, attemptId: attempt.attemptId });
      },
    },
  };
  const delivery = {
    accounts,
    outbox: contacts,
    contactLog: contacts,
    senders: {
      sms: new StoredSender('store-only'),
      email: new StoredSender('store-only'),
      portal: new StoredSender('portal'),
    },
    events,
    clock,
  };
  const execution = { store, gateway, accounts, outbox: contacts, events, clock };
  const feedback = {
    accounts: { get: (id: string) => accounts.get(id), update: updater.update.bind(updater) },
    outbox: contacts,
    events,
    audit: new DynamoAuditLog(db, tables.audit),
    clock,
  };

  const stages: Record<string, StageFigures> = {};
  const mark = () => ({
    at: process.hrtime.bigint(),
    cpu: process.cpuUsage(),
    requests: meter.snapshot(),
    bank: bankCalls(),
  });
  const since = (start: ReturnType<typeof mark>): StageFigures => {
    const s = seconds(start.at);
    const delta = meter.since(start.requests);
    return {
      seconds: round(s),
      instalmentsPerSecond: round(n / s, 1),
      writesPerInstalment: round(delta.writes / n),
      readsPerInstalment: round(delta.reads / n),
      bankCallsPerInstalment: round((bankCalls() - start.bank) / n),
      nodeCpuShare: round(cpuSeconds(process.cpuUsage(start.cpu)) / s),
    };
  };
  // A long run says where it is.
  const finish = (stage: string, start: ReturnType<typeof mark>) => {
    stages[stage] = since(start);
    log(`${stage}: ${stages[stage]!.seconds} s, ${stages[stage]!.instalmentsPerSecond} instalments/s`);
  };
  const expectAll = (stage: string, outcomes: readonly string[], wanted: string, count = n) => {
    const counts = countBy(outcomes);
    if (outcomes.length !== count || counts[wanted] !== count) {
      throw new Error(`${stage}: expected ${count} × ${wanted}, got ${JSON.stringify(counts)}.`);
    }
  };

  const pipelineStart = mark();

  // notify: missed → PaymentMissed → debit planned, notice queued → the notice delivered.
  const raiseStart = mark();
  const missed = await raiseMissed({ store, events, clock }, { concurrency: CONCURRENCY, limit: n });
  finish('notifyRaiseMissed', raiseStart);
  if (missed !== n) throw new Error(`raiseMissed: expected ${n} instalments missed, got ${missed}.`);

  const planStart = mark();
  const missedKeys = events.details<{ accountId: string; instalmentId: string }>(DETAIL_TYPES.paymentMissed);
  const planned = await eachLimited(missedKeys, CONCURRENCY, async (key) => {
    const outcome = await onPaymentMissed(servicing, key);
    return typeof outcome === 'string' ? outcome : outcome.outcome;
  });
  finish('notifyPlanDebit', planStart);
  expectAll('onPaymentMissed', planned, 'scheduled');

  const deliverStart = mark();
  const notices = events
    .details<OutboxKey & Pick<OutboxMessage, 'draftId'>>(DETAIL_TYPES.outreachQueued)
    .filter((message) => message.draftId.endsWith('#pre_debit'));
  const delivered = await eachLimited(notices, CONCURRENCY, (key) =>
    deliverMessage(delivery, { accountId: key.accountId, messageId: key.messageId }),
  );
  finish('notifyDeliverNotice', deliverStart);
  // A text (the customers consented) and a portal notice each.
  expectAll('deliverMessage', delivered, 'sent', 2 * n);
  finish('notify', pipelineStart);

  // The schedules fire: every attempt's debit time has come.
  const attempts = events.details<DebitAttempt>(DETAIL_TYPES.debitScheduled);
  clock.set(attempts.reduce((latest, attempt) => (attempt.debitAt > latest ? attempt.debitAt : latest), ''));

  const debitStart = mark();
  const executed = await eachLimited(scheduled, CONCURRENCY, (ref) => executeAttempt(execution, ref));
  finish('debit', debitStart);
  expectAll('executeAttempt', executed, 'succeeded');

  const feedbackStart = mark();
  const results = events.all(DETAIL_TYPES.debitSucceeded);
  const fed = await eachLimited(results, CONCURRENCY, (result) =>
    applyDebitFeedback(feedback, result as DebitResult),
  );
  finish('feedback', feedbackStart);
  expectAll('applyDebitFeedback', fed, 'receipt');

  const total = since(pipelineStart);
  const window = meter.since(pipelineStart.requests);
  return {
    stages,
    total,
    window,
    writesByOperation: Object.fromEntries(
      Object.entries(window.writesByOperation)
        .filter(([, writes]) => writes > 0)
        .map(([operation, writes]) => [operation, round(writes / n)]),
    ),
    attempts: scheduled,
  };
}

interface StageFigures {
  readonly seconds: number;
  readonly instalmentsPerSecond: number;
  readonly writesPerInstalment: number;
  readonly readsPerInstalment: number;
  readonly bankCallsPerInstalment: number;
  /** CPU seconds of this Node process (domain, SDK, in-process bank) per wall second: 1 = one core busy. */
  readonly nodeCpuShare: number;
}

// ---------------------------------------------------------------------------------------------------------
// Verification (not timed)
// ---------------------------------------------------------------------------------------------------------

async function verify(
  db: DynamoDBDocumentClient,
  tables: ReturnType<typeof localTableNames>,
  ledger: SimulatedLedger,
  seeded: Seeded,
  scheduled: readonly AttemptKey[],
  n: number,
) {
  const problems: string[] = [];
  const items = await scanAll(db, { TableName: tables.payments });
  const attempts = items.filter((item) => item.itemType === 'attempt') as unknown as DebitAttempt[];
  const instalments = items.filter((item) => item.itemType === 'instalment') as unknown as Instalment[];

  const debits = ledger.debits();
  const keys = new Set(debits.map((debit) => debit.idempotencyKey));
  if (debits.length !== n) problems.push(`the bank received ${debits.length} debits, not ${n}`);
  if (keys.size !== debits.length) problems.push('the bank saw an idempotency key more than once');
  const failedDebits = debits.filter((debit) => debit.status !== 'succeeded').length;
  if (failedDebits) problems.push(`${failedDebits} debits failed at the bank`);
  if (attempts.length !== n || scheduled.length !== n) {
    problems.push(`${attempts.length} attempts stored, ${scheduled.length} scheduled, for ${n} instalments`);
  }
  const attemptKeys = new Set(attempts.map((attempt) => attempt.idempotencyKey));
  const stray = [...keys].filter((key) => !attemptKeys.has(key)).length;
  if (stray) problems.push(`${stray} debits at the bank belong to no attempt`);
  for (const attempt of attempts) {
    if (!keys.has(attempt.idempotencyKey)) {
      problems.push(`attempt ${attempt.accountId}/${attempt.attemptId} has no debit at the bank`);
    }
    if (attempt.debtorAccount !== seeded.debtorOf.get(attempt.accountId)) {
      problems.push(`attempt ${attempt.accountId}/${attempt.attemptId} debited the wrong bank account`);
    }
    if (attempt.state !== 'succeeded') {
      problems.push(`attempt ${attempt.accountId}/${attempt.attemptId} is ${attempt.state}`);
    }
    const record = attempt as unknown as Record<string, unknown>;
    if (record.workAt !== undefined || record.openAttemptId !== undefined) {
      problems.push(`attempt ${attempt.accountId}/${attempt.attemptId} is still in the work index`);
    }
  }
  if (instalments.length !== n) problems.push(`${instalments.length} instalments stored, not ${n}`);
  for (const instalment of instalments) {
    const record = instalment as unknown as Record<string, unknown>;
    if (instalment.status !== 'paid' || instalment.paidMinor !== instalment.amountMinor) {
      problems.push(`instalment ${instalment.accountId}/${instalment.instalmentId} is ${instalment.status}`);
    }
    if (record.openAttemptId !== undefined || record.workAt !== undefined) {
      problems.push(`instalment ${instalment.accountId}/${instalment.instalmentId} still has open work`);
    }
  }
  const accounts = (await scanAll(db, { TableName: tables.accounts })) as unknown as Account[];
  const owing = accounts.filter((account) => account.amountOverdueMinor !== 0).length;
  if (owing) problems.push(`${owing} accounts still show arrears`);
  const contacts = await scanAll(db, { TableName: tables.contacts });
  const receipts = contacts.filter((item) => String(item.draftId ?? '').endsWith('#receipt')).length;
  if (receipts !== 2 * n) problems.push(`${receipts} receipts queued, not ${2 * n}`);
  const audit = await scanAll(db, { TableName: tables.audit });
  if (audit.length !== n) problems.push(`${audit.length} audit entries, not ${n}`);

  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join('\n  ');
    throw new Error(`Debit bench verification failed (${problems.length} problems):\n  ${shown}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The baseline (timed)
// ---------------------------------------------------------------------------------------------------------

/**
 * PutItems `from`…`from + count - 1`, one by one with `CONCURRENCY` in flight, spread over `n` partitions like
 * the pipeline's accounts; each request about as large as the pipeline's mean write.
 */
async function rawPuts(
  db: DynamoDBDocumentClient,
  tableName: string,
  meter: RequestMeter,
  { from, count, n }: { from: number; count: number; n: number },
) {
  const padding = 'x'.repeat(RAW_PADDING_CHARS);
  const indexes = Array.from({ length: count }, (_, index) => from + index);
  const counted = meter.snapshot();
  const started = process.hrtime.bigint();
  await eachLimited(indexes, CONCURRENCY, (index) =>
    db.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          accountId: `RAW-${String(index % n).padStart(6, '0')}`,
          itemKey: `ITEM#${String(index).padStart(9, '0')}`,
          padding,
        },
      }),
    ),
  );
  const s = seconds(started);
  return {
    items: count,
    seconds: round(s),
    itemsPerSecond: count > 0 ? round(count / s, 0) : 0,
    requestBytes: meter.bytesPerWrite(meter.since(counted)),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------

class TestClock implements Clock {
  private current: number;

  constructor(iso: string) {
    this.current = Date.parse(iso);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(iso: string): void {
    const next = Date.parse(iso);
    if (!Number.isFinite(next)) throw new Error(`Not an instant: ${iso}`);
    this.current = next;
  }
}

/** The bus, in process: keeps every event so the next stage can be driven from what this one published. */
class RecordingPublisher implements EventPublisher {
  private readonly events: DomainEvent[] = [];

  async publish(events: readonly DomainEvent[]): Promise<void> {
    this.events.push(...events);
  }

  all(detailType: string): DomainEvent[] {
    return this.events.filter((event) => event.detailType === detailType);
  }

  details<T>(detailType: string): T[] {
    return this.all(detailType).map((event) => event.detail as T);
  }
}

interface RequestCounts {
  readonly writes: number;
  readonly reads: number;
  readonly writeBytes: number;
  readonly writesByOperation: Record<string, number>;
}

/**
 * Counts DynamoDB item writes and reads that succeeded, as DynamoDB bills them: a transaction counts each
 * item it writes, a batch each request. Write request sizes give the baseline's item size.
 */
class RequestMeter {
  private counts = { writes: 0, reads: 0, writeBytes: 0, writesByOperation: {} as Record<string, number> };

  constructor(client: DynamoDBClient) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        const input = args.input as Record<string, unknown>;
        const body = (args.request as { body?: unknown } | undefined)?.body;
        const operation = String(context.commandName ?? '').replace(/Command$/, '');
        const writes = writesOf(operation, input);
        if (writes > 0) {
          this.counts.writes += writes;
          this.counts.writeBytes +=
            body instanceof Uint8Array ? body.byteLength : typeof body === 'string' ? body.length : 0;
          this.counts.writesByOperation[operation] = (this.counts.writesByOperation[operation] ?? 0) + writes;
        } else if (/^(Get|Query|Scan|BatchGet|TransactGet)/.test(operation)) {
          this.counts.reads++;
        }
        return result;
      },
      { step: 'build', name: 'debitBenchMeter' },
    );
  }

  snapshot(): RequestCounts {
    return { ...this.counts, writesByOperation: { ...this.counts.writesByOperation } };
  }

  since(start: RequestCounts): RequestCounts {
    const now = this.snapshot();
    return {
      writes: now.writes - start.writes,
      reads: now.reads - start.reads,
      writeBytes: now.writeBytes - start.writeBytes,
      writesByOperation: Object.fromEntries(
        Object.entries(now.writesByOperation).map(([op, count]) => [
          op,
          count - (start.writesByOperation[op] ?? 0),
        ]),
      ),
    };
  }

  /** The mean request bytes per item written over a window. */
  bytesPerWrite(window: RequestCounts): number {
    return window.writes > 0 ? Math.round(window.writeBytes / window.writes) : 0;
  }
}

function writesOf(operation: string, input: Record<string, unknown>): number {
  if (operation === 'PutItem' || operation === 'UpdateItem' || operation === 'DeleteItem') return 1;
  if (operation === 'TransactWriteItems') {
    // A ConditionCheck writes nothing.
    const items = (input.TransactItems ?? []) as Record<string, unknown>[];
    return items.filter((item) => item.Put ?? item.Update ?? item.Delete).length;
  }
  if (operation === 'BatchWriteItem') {
    const requests = (input.RequestItems ?? {}) as Record<string, unknown[]>;
    return Object.values(requests).reduce((sum, list) => sum + list.length, 0);
  }
  return 0;
}

/** Runs `run` over every item with at most `limit` in flight; results in input order. */
async function eachLimited<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

const log = (line: string) => console.log(`debits: ${line}`);
