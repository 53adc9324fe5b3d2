import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditLog } from '../../domain/ports';

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
    const entries: AuditEntry[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'accountId = :id',
          ExpressionAttributeValues: { ':id': accountId },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const { entryKey: _key, ...entry } of page.Items ?? []) entries.push(entry as AuditEntry);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return entries;
  }
}
