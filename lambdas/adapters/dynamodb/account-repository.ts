import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Account, Treatment } from '../../domain/accounts/account';
import type { AccountRepository } from '../../domain/ports';

export class DynamoAccountRepository implements AccountRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(accountId: string): Promise<Account | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: { accountId } }));
    return Item as Account | undefined;
  }

  async *scan(): AsyncIterable<readonly Account[]> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new ScanCommand({ TableName: this.tableName, ExclusiveStartKey: startKey }),
      );
      yield (page.Items ?? []) as Account[];
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }

  async replaceTreatment(
    accountId: string,
    previous: Treatment | undefined,
    next: Treatment,
  ): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { accountId },
          UpdateExpression: 'SET treatment = :next, updatedAt = :at',
          ConditionExpression: previous
            ? 'attribute_exists(accountId) AND treatment.runId = :previousRun AND treatment.assessedAt = :previousAt'
            : 'attribute_exists(accountId) AND attribute_not_exists(treatment)',
          ExpressionAttributeValues: {
            ':next': next,
            ':at': next.assessedAt,
            ...(previous ? { ':previousRun': previous.runId, ':previousAt': previous.assessedAt } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
