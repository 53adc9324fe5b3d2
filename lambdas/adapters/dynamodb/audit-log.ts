import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditLog } from '../../domain/ports';
import { queryAll } from './query-all';

/** Entries sort by time; the entry id after the timestamp makes each key unique and re-writes idempotent. */
const entryKey = (entry: Pick<AuditEntry, 'at' | 'entryId'>) => `${entry.at}#${entry.entryId}`;

export class DynamoAuditLog implements AuditLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...entry, entryKey: entryKey(entry) } }),
    );
  }

  async list(accountId: string): Promise<AuditEntry[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'accountId = :id',
      ExpressionAttributeValues: { ':id': accountId },
    });
    return items.map(({ entryKey: _key, ...entry }) => entry as unknown as AuditEntry);
  }
}
