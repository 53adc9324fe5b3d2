/**
 * Issue #3 benchmarks:
 * - the pure model: accounts assessed per second on one core (score + bucket + tier);
 * - end to end: a scoring run over 50,000 accounts on DynamoDB Local (8 segment workers in parallel, events
 *   published over the PutEvents protocol to the local bus, consumers detached because they run after the job)
 *   next to raw BatchWriteItem of the same 50,000 items on the same DynamoDB Local, as a throughput ratio;
 * - a re-run on the unchanged portfolio: items written as a share of accounts.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { committedRiskModel } from '../lambdas/adapters/committed-risk-model';
import { batchPutAll } from '../lambdas/adapters/dynamodb/batch-write';
import { createDocumentClient } from '../lambdas/adapters/dynamodb/client';
import { DynamoPortfolioSegments } from '../lambdas/adapters/dynamodb/portfolio-segments';
import { DynamoScoringRunStore } from '../lambdas/adapters/dynamodb/scoring-run-store';
import { EventBridgePublisher } from '../lambdas/adapters/eventbridge/event-publisher';
import type { Account } from '../lambdas/domain/accounts/account';
import { assessRisk, decideTreatment } from '../lambdas/domain/scoring/account-assessment';
import { scoreSegment } from '../lambdas/domain/scoring/segment-worker';
import { startScoringRun } from '../lambdas/domain/scoring/start-run';
import { TREATMENT_POLICY } from '../lambdas/domain/treatment/treatment-policy';
import { startDynamoDbLocal } from '../local/dynamodb-local';
import { LocalEventBus, listenForPutEvents } from '../local/event-bus';
import { generateDemoPortfolio } from '../local/seed/demo-portfolio';
import { createTables, localTableNames } from '../local/tables';

const ACCOUNTS = 50_000;
const SEGMENTS = 8;
const PAGE_SIZE = 500;
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

const seconds = (startedNs: bigint) => Number(process.hrtime.bigint() - startedNs) / 1e9;

function benchPureModel(accounts: readonly Account[]) {
  const today = new Date().toISOString().slice(0, 10);
  let assessed = 0;
  const started = process.hrtime.bigint();
  while (seconds(started) < 2) {
    for (const account of accounts) {
      decideTreatment(TREATMENT_POLICY, account, assessRisk(committedRiskModel, account), today);
    }
    assessed += accounts.length;
  }
  return { accountsPerSecond: Math.round(assessed / seconds(started)) };
}

export async function benchScoring() {
  const today = new Date().toISOString().slice(0, 10);
  const portfolio = generateDemoPortfolio({ count: ACCOUNTS, seed: 20261123, asOf: today });
  const pureModel = benchPureModel(portfolio.slice(0, 5_000));

  const dynamodb = await startDynamoDbLocal();
  const bus = new LocalEventBus('bench-bus', async () => {});
  let busServer: Server | undefined;
  try {
    const client = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: 'us-east-1', credentials });
    const db = createDocumentClient(client);
    const rawTables = [localTableNames('raw1'), localTableNames('raw2')];
    const tables = localTableNames('bench');
    for (const names of [...rawTables, tables]) await createTables(client, names);
    busServer = await listenForPutEvents(bus);
    const events = new EventBridgePublisher(
      new EventBridgeClient({
        endpoint: `http://127.0.0.1:${(busServer.address() as AddressInfo).port}`,
        region: 'us-east-1',
        credentials,
      }),
      'bench-bus',
    );
    const items = portfolio as unknown as Record<string, unknown>[];

    const rawWrite = async (tableName: string) => {
      const started = process.hrtime.bigint();
      await batchPutAll(db, tableName, items);
      return seconds(started);
    };
    const runs = new DynamoScoringRunStore(db, tables.scoringRuns);
    const segments = new DynamoPortfolioSegments(db, tables.accounts);
    const scoringRun = async (runId: string) => {
      const jobs: Array<{ runId: string; segment: number; totalSegments: number }> = [];
      const dispatcherEvents = {
        publish: async (requests: readonly { detail: object }[]) =>
          void jobs.push(...requests.map((r) => r.detail as never)),
      };
      const clock = { now: () => new Date() };
      const started = process.hrtime.bigint();
      await startScoringRun(
        { runs, events: dispatcherEvents, clock, model: committedRiskModel, policy: TREATMENT_POLICY },
        { runId, trigger: 'manual', segments: SEGMENTS },
      );
      await Promise.all(
        jobs.map((job) =>
          scoreSegment(
            {
              portfolio: segments,
              runs,
              events,
              clock,
              model: committedRiskModel,
              policy: TREATMENT_POLICY,
              workerId: `bench-${job.segment}`,
              pageSize: PAGE_SIZE,
              leaseMs: 600_000,
              shouldYield: () => false,
            },
            job,
          ),
        ),
      );
      return { seconds: seconds(started), run: (await runs.get(runId))!.run };
    };

    const rawBefore = await rawWrite(rawTables[0]!.accounts);
    await batchPutAll(db, tables.accounts, items);
    const first = await scoringRun('bench-run-1');
    const rawAfter = await rawWrite(rawTables[1]!.accounts);
    const rerun = await scoringRun('bench-run-2');

    const rawSeconds = (rawBefore + rawAfter) / 2;
    const rawRate = ACCOUNTS / rawSeconds;
    const scoringRate = ACCOUNTS / first.seconds;
    return {
      pureModel,
      endToEnd: {
        accounts: ACCOUNTS,
        segments: SEGMENTS,
        pageSize: PAGE_SIZE,
        rawBatchWriteSeconds: { before: Number(rawBefore.toFixed(2)), after: Number(rawAfter.toFixed(2)) },
        rawBatchWriteItemsPerSecond: Math.round(rawRate),
        scoringSeconds: Number(first.seconds.toFixed(2)),
        scoringAccountsPerSecond: Math.round(scoringRate),
        ratioToRaw: Number((scoringRate / rawRate).toFixed(2)),
        accountsChanged: first.run.accountsChanged,
        eventsPublished: first.run.eventsPublished,
        target: '≥ 0.8 of raw',
      },
      rerunUnchanged: {
        seconds: Number(rerun.seconds.toFixed(2)),
        itemsWritten: rerun.run.accountsChanged,
        writtenPercentOfAccounts: Number(((100 * rerun.run.accountsChanged) / ACCOUNTS).toFixed(3)),
        eventsPublished: rerun.run.eventsPublished,
        target: '≤ 1%',
      },
    };
  } finally {
    await new Promise((resolve) => (busServer ? busServer.close(resolve) : resolve(undefined)));
    await dynamodb.stop();
  }
}
