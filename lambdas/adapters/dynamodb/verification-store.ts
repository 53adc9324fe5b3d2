import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { VerificationRecord, VerificationStore } from '../../domain/auth/identity-verification';

/** Kept a day past its last lock or code, then DynamoDB deletes it by itself. */
const KEEP_SECONDS = 24 * 3600;

export class DynamoVerificationStore implements VerificationStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(accountId: string): Promise<VerificationRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { accountId }, ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { expiresAt: _ttl, ...record } = Item;
    return record as VerificationRecord;
  }

  async save(record: VerificationRecord): Promise<boolean> {
    const lastUse = [record.lockedUntil, record.codeExpiresAt].map((at) => (at ? Date.parse(at) : 0));
    const expiresAt = Math.floor(Math.max(Date.now(), ...lastUse) / 1000) + KEEP_SECONDS;
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...record, expiresAt },
          ConditionExpression:
            record.version === 1 ? 'attribute_not_exists(accountId)' : 'version = :previous',
          ExpressionAttributeValues: record.version === 1 ? undefined : { ':previous': record.version - 1 },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
