/**
 * Identity verification state in one table: an item per account (failures, back-off, the hashed pending
 * code, when codes went out), and an item per caller and window (`source#<ip>#<window start>`) counting that
 * caller's failed attempts. Account references never contain `#`, so the two kinds cannot meet. Every item
 * expires by itself (TTL) a day after it last mattered.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type {
  AttemptThrottle,
  VerificationRecord,
  VerificationStore,
} from '../../domain/auth/identity-verification';

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
    // Only what the record holds: anything older items carried (a pre-hashing lock, say) is dropped.
    const {
      accountId: id,
      version,
      failedAttempts,
      lastFailureAt,
      backoffUntil,
      codesSentAt,
      pending,
    } = Item;
    return {
      accountId: id,
      version,
      failedAttempts: failedAttempts ?? 0,
      codesSentAt: codesSentAt ?? [],
      ...(lastFailureAt ? { lastFailureAt } : {}),
      ...(backoffUntil ? { backoffUntil } : {}),
      ...(pending ? { pending } : {}),
      ...(Item.noticeSentAt ? { noticeSentAt: Item.noticeSentAt } : {}),
    } as VerificationRecord;
  }

  async save(record: VerificationRecord): Promise<boolean> {
    const lastUse = [
      record.backoffUntil,
      record.pending?.expiresAt,
      record.lastFailureAt,
      record.noticeSentAt,
      ...record.codesSentAt,
    ].map((at) => (at ? Date.parse(at) : 0));
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

/** Fixed windows per caller; a conditional increment takes an attempt, so the limit holds under any load. */
export class DynamoAttemptThrottle implements AttemptThrottle {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly limits: { readonly attempts: number; readonly windowSeconds: number },
  ) {}

  async take(source: string, now: Date) {
    const { key, endsAt } = this.window(source, now);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { accountId: key },
          UpdateExpression: 'ADD attempts :one SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
          ConditionExpression: 'attribute_not_exists(attempts) OR attempts < :limit',
          ExpressionAttributeValues: {
            ':one': 1,
            ':limit': this.limits.attempts,
            ':expiresAt': Math.floor(endsAt / 1000) + KEEP_SECONDS,
          },
        }),
      );
      return { allowed: true as const };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        return { allowed: false as const, retryAfterSeconds: (endsAt - now.getTime()) / 1000 };
      throw error;
    }
  }

  async giveBack(source: string, now: Date): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { accountId: this.window(source, now).key },
          UpdateExpression: 'ADD attempts :minusOne',
          ConditionExpression: 'attempts > :zero',
          ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
        }),
      );
    } catch (error) {
      // Taken in the window before: nothing to give back in this one.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  private window(source: string, now: Date) {
    const length = this.limits.windowSeconds * 1000;
    const startsAt = Math.floor(now.getTime() / length) * length;
    return {
      key: `source#${source}#${new Date(startsAt).toISOString()}`,
      endsAt: startsAt + length,
    };
  }
}
