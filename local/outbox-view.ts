/**
 * The local outbox across every account: what would have been sent (store-only delivery), what is waiting
 * and what the gate stopped, newest first. Per account, the API's `GET /accounts/{id}/contacts` says the same.
 */
import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';

const MAX_MESSAGES = 500;

export async function localOutbox(db: DynamoDBDocumentClient, contactsTable: string) {
  const messages: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: contactsTable,
        FilterExpression: 'begins_with(contactKey, :outbox)',
        ExpressionAttributeValues: { ':outbox': 'outbox#' },
        ExclusiveStartKey: startKey,
      }),
    );
    messages.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const newestFirst = messages
    .map(({ contactKey: _key, dueShard: _shard, ...message }) => message)
    .sort((a, b) => String(b.queuedAt).localeCompare(String(a.queuedAt)));
  return { total: newestFirst.length, messages: newestFirst.slice(0, MAX_MESSAGES) };
}
