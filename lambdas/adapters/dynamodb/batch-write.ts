import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sendInChunks } from '../send-in-chunks';

/** BatchWriteItem takes at most 25 items per call. */
const MAX_BATCH = 25;
const MAX_ATTEMPTS = 8;

/** Puts every item, 25 per call with `concurrency` calls in flight, re-sending whatever DynamoDB leaves unprocessed. */
export async function batchPutAll(
  db: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Record<string, unknown>[],
  concurrency = 8,
): Promise<void> {
  await sendInChunks(items, MAX_BATCH, concurrency, (batch) => putBatch(db, tableName, batch));
}

async function putBatch(db: DynamoDBDocumentClient, tableName: string, batch: Record<string, unknown>[]) {
  let requests = batch.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 1; requests.length > 0; attempt++) {
    if (attempt > MAX_ATTEMPTS)
      throw new Error(`${requests.length} items still unprocessed after ${MAX_ATTEMPTS} attempts.`);
    const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
    requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    if (requests.length > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
  }
}
