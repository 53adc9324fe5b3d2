import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  addCounts,
  LeaseLostError,
  NO_COUNTS,
  type RunCounters,
  type ScanKey,
  type ScoringRun,
  type ScoringRunStore,
  type SegmentCheckpoint,
  type SegmentClaim,
} from '../../domain/scoring/scoring-run';
import { queryAll } from './query-all';

const RUN_PART = 'RUN';
const segmentPart = (segment: number) => `SEGMENT#${String(segment).padStart(5, '0')}`;
/** Run records are operational history, kept 90 days. */
const RETENTION_SECONDS = 90 * 86_400;
const COUNTER_NAMES = Object.keys(NO_COUNTS) as Array<keyof RunCounters>;

/** `ADD a :a, b :b …` for the run counters, with their values. */
function addCounters(counts: RunCounters) {
  return {
    expression: COUNTER_NAMES.map((name) => `${name} :${name}`).join(', '),
    values: Object.fromEntries(COUNTER_NAMES.map((name) => [`:${name}`, counts[name]])),
  };
}

const withoutProgress = (run: ScoringRun) =>
  Object.fromEntries(Object.entries(run).filter(([name]) => !(name in NO_COUNTS) && name !== 'segmentsDone'));

const stripKeys = <T>({ part: _part, expiresAt: _expires, ...rest }: Record<string, unknown>) => rest as T;

export class DynamoScoringRunStore implements ScoringRunStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(run: ScoringRun): Promise<boolean> {
    const expiresAt = Math.floor(Date.parse(run.startedAt) / 1000) + RETENTION_SECONDS;
    const segments = Array.from({ length: run.totalSegments }, (_, segment) => ({
      Put: {
        TableName: this.tableName,
        Item: {
          runId: run.runId,
          part: segmentPart(segment),
          segment,
          status: 'pending',
          pages: 0,
          expiresAt,
          ...NO_COUNTS,
        },
      },
    }));
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          // Progress is not stored on the run: it is summed from the segments.
          Item: { ...withoutProgress(run), part: RUN_PART, expiresAt },
          ConditionExpression: 'attribute_not_exists(runId)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
    for (let i = 0; i < segments.length; i += 100) {
      await this.db.send(new TransactWriteCommand({ TransactItems: segments.slice(i, i + 100) }));
    }
    return true;
  }

  /** The run with its segments; counters and progress are summed from the segments, which alone are written per page. */
  async get(runId: string) {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'runId = :runId',
      ExpressionAttributeValues: { ':runId': runId },
      ConsistentRead: true,
    });
    const runItem = items.find((item) => item.part === RUN_PART);
    if (!runItem) return undefined;
    const segments = items
      .filter((item) => item.part !== RUN_PART)
      .map((item) => stripKeys<SegmentCheckpoint>(item));
    const run: ScoringRun = {
      ...stripKeys<ScoringRun>(runItem),
      ...segments.reduce<RunCounters>(addCounts, NO_COUNTS),
      segmentsDone: segments.filter((segment) => segment.status === 'done').length,
    };
    return { run, segments };
  }

  async claim(
    runId: string,
    segment: number,
    owner: string,
    now: Date,
    leaseUntil: Date,
  ): Promise<SegmentClaim> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { runId, part: segmentPart(segment) },
          UpdateExpression: 'SET #status = :running, leaseOwner = :owner, leaseUntil = :until',
          ConditionExpression:
            'attribute_exists(runId) AND #status <> :done AND (attribute_not_exists(leaseOwner) OR leaseOwner = :owner OR leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':running': 'running',
            ':done': 'done',
            ':owner': owner,
            ':until': leaseUntil.toISOString(),
            ':now': now.toISOString(),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { kind: 'claimed', checkpoint: stripKeys<SegmentCheckpoint>(Attributes!) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const { Item } = await this.db.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { runId, part: segmentPart(segment) },
          ConsistentRead: true,
        }),
      );
      if (!Item) throw new Error(`Run ${runId} has no segment ${segment}.`);
      if (Item.status === 'done') return { kind: 'done' };
      return { kind: 'busy', leaseOwner: Item.leaseOwner as string, leaseUntil: Item.leaseUntil as string };
    }
  }

  async checkpoint(
    checkpoint: SegmentCheckpoint,
    next: { lastKey: ScanKey; counts: RunCounters; leaseUntil: Date },
  ): Promise<SegmentCheckpoint> {
    await this.fencedUpdate(
      checkpoint,
      next.counts,
      'SET lastKey = :lastKey, pages = :nextPages, leaseUntil = :until',
      {
        ':lastKey': next.lastKey,
        ':until': next.leaseUntil.toISOString(),
      },
    );
    return {
      ...checkpoint,
      lastKey: next.lastKey,
      pages: checkpoint.pages + 1,
      leaseUntil: next.leaseUntil.toISOString(),
    };
  }

  async complete(checkpoint: SegmentCheckpoint, counts: RunCounters, now: Date): Promise<ScoringRun> {
    await this.fencedUpdate(
      checkpoint,
      counts,
      'SET #status = :done, pages = :nextPages REMOVE lastKey, leaseOwner, leaseUntil',
      { ':done': 'done' },
    );
    return this.completeRunIfLast(checkpoint.runId, now);
  }

  async release(checkpoint: SegmentCheckpoint): Promise<void> {
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { runId: checkpoint.runId, part: segmentPart(checkpoint.segment) },
          UpdateExpression: 'REMOVE leaseOwner, leaseUntil',
          ConditionExpression: 'leaseOwner = :owner',
          ExpressionAttributeValues: { ':owner': checkpoint.leaseOwner },
        }),
      )
      .catch((error) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
  }

  /**
   * Moves the segment on by exactly one page, only while this worker holds the lease at the page it read: a
   * stale or duplicate worker can neither move the checkpoint nor count a page twice. Counters live on the
   * segment only, so parallel workers never contend for one item.
   */
  private async fencedUpdate(
    checkpoint: SegmentCheckpoint,
    counts: RunCounters,
    set: string,
    values: Record<string, unknown>,
  ): Promise<void> {
    const counters = addCounters(counts);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { runId: checkpoint.runId, part: segmentPart(checkpoint.segment) },
          UpdateExpression: `${set} ADD ${counters.expression}`,
          ConditionExpression: 'leaseOwner = :owner AND pages = :pages',
          ExpressionAttributeNames: set.includes('#status') ? { '#status': 'status' } : undefined,
          ExpressionAttributeValues: {
            ...values,
            ...counters.values,
            ':owner': checkpoint.leaseOwner,
            ':pages': checkpoint.pages,
            ':nextPages': checkpoint.pages + 1,
          },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new LeaseLostError(
          `Segment ${checkpoint.segment} of run ${checkpoint.runId} was taken over by another worker.`,
        );
      }
      throw error;
    }
  }

  /** Whoever finishes the last segment marks the run completed (once: the condition makes it idempotent). */
  private async completeRunIfLast(runId: string, now: Date): Promise<ScoringRun> {
    const { run } = (await this.get(runId))!;
    if (run.segmentsDone < run.totalSegments || run.status === 'completed') return run;
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { runId, part: RUN_PART },
          UpdateExpression: 'SET #status = :completed, completedAt = :now',
          ConditionExpression: '#status = :running',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':completed': 'completed',
            ':running': 'running',
            ':now': now.toISOString(),
          },
        }),
      );
      return { ...run, status: 'completed', completedAt: now.toISOString() };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return (await this.get(runId))!.run;
    }
  }
}
