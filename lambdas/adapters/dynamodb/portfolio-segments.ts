import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AssessmentChange,
  type PortfolioSegments,
  SCORING_ATTRIBUTES,
  type ScanKey,
  type ScoringAccount,
} from '../../domain/scoring/scoring-run';

/** Scan only what scoring reads: less to transfer and parse, and no contact data in the scoring workers. */
const SCORING_PROJECTION = (() => {
  const names = [...new Set(SCORING_ATTRIBUTES.flatMap((attribute) => attribute.split('.')))];
  const alias = (name: string) => `#a${names.indexOf(name)}`;
  return {
    ProjectionExpression: SCORING_ATTRIBUTES.map((attribute) =>
      attribute.split('.').map(alias).join('.'),
    ).join(', '),
    ExpressionAttributeNames: Object.fromEntries(names.map((name) => [alias(name), name])),
  };
})();

/** TransactWriteItems takes at most 100 actions. */
const MAX_TRANSACTION = 100;
const MAX_ATTEMPTS = 10;

/**
 * The accounts table as the scoring run sees it: a parallel scan by segment, and conditional writes of
 * changed assessments, 100 per transaction (a conflicting item is dropped and the rest retried).
 */
export class DynamoPortfolioSegments implements PortfolioSegments {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async scanSegment(segment: number, totalSegments: number, startKey: ScanKey | undefined, limit: number) {
    const page = await this.db.send(
      new ScanCommand({
        TableName: this.tableName,
        Segment: segment,
        TotalSegments: totalSegments,
        ExclusiveStartKey: startKey,
        Limit: limit,
        ...SCORING_PROJECTION,
      }),
    );
    return { accounts: (page.Items ?? []) as ScoringAccount[], nextKey: page.LastEvaluatedKey };
  }

  async writeAssessments(changes: readonly AssessmentChange[]): Promise<Set<string>> {
    const transactions: Promise<string[]>[] = [];
    for (let i = 0; i < changes.length; i += MAX_TRANSACTION) {
      transactions.push(this.writeTransaction(changes.slice(i, i + MAX_TRANSACTION)));
    }
    return new Set((await Promise.all(transactions)).flat());
  }

  private async writeTransaction(changes: readonly AssessmentChange[]): Promise<string[]> {
    let pending = [...changes];
    for (let attempt = 1; pending.length > 0; attempt++) {
      try {
        await this.db.send(
          new TransactWriteCommand({ TransactItems: pending.map((change) => this.update(change)) }),
        );
        return pending.map((change) => change.accountId);
      } catch (error) {
        if (!(error instanceof TransactionCanceledException) || attempt >= MAX_ATTEMPTS) throw error;
        const reasons = error.CancellationReasons ?? [];
        const conflicted = new Set(
          pending
            .filter((_, index) => reasons[index]?.Code === 'ConditionalCheckFailed')
            .map((c) => c.accountId),
        );
        // Cancelled for another reason (e.g. a transaction conflict): retry the same set after a pause.
        if (conflicted.size === 0)
          await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
        pending = pending.filter((change) => !conflicted.has(change.accountId));
      }
    }
    return [];
  }

  private update(change: AssessmentChange) {
    const unchanged = change.previousFingerprint
      ? 'treatment.fingerprint = :previous'
      : 'attribute_not_exists(treatment.fingerprint)';
    return {
      Update: {
        TableName: this.tableName,
        Key: { accountId: change.accountId },
        UpdateExpression: 'SET risk = :risk, treatment = :treatment, updatedAt = :at',
        ConditionExpression: `attribute_exists(accountId) AND ${unchanged}`,
        ExpressionAttributeValues: {
          ':risk': change.risk,
          ':treatment': change.treatment,
          ':at': change.treatment.assessedAt,
          ...(change.previousFingerprint ? { ':previous': change.previousFingerprint } : {}),
        },
      },
    };
  }
}
