import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DraftRecord, DraftStore } from '../../domain/outreach/outreach';

/** Drafts in the offers table: one item per draft, the sort key (`offerId`) the draft id, which sorts by time. */
export class DynamoDraftStore implements DraftStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(record: DraftRecord): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...record, offerId: record.draftId },
          ConditionExpression: 'attribute_not_exists(offerId)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async get(accountId: string, draftId: string): Promise<DraftRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { accountId, offerId: draftId },
        ConsistentRead: true,
      }),
    );
    return Item ? fromItem(Item) : undefined;
  }

  async latest(accountId: string): Promise<DraftRecord | undefined> {
    const [latest] = await this.recent(accountId, 1);
    return latest;
  }

  async recent(accountId: string, limit: number): Promise<DraftRecord[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'accountId = :id',
        ExpressionAttributeValues: { ':id': accountId },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).map(fromItem);
  }
}

const fromItem = ({ offerId: _key, ...record }: Record<string, unknown>) => record as unknown as DraftRecord;
