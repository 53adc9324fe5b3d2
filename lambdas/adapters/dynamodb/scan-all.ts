import { type DynamoDBDocumentClient, ScanCommand, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * A projection over document paths (`customer.name`), every name aliased so reserved words (`status`,
 * `data`) need no special care. `extraNames` are merged in for a filter expression's own aliases.
 */
export function projectionOf(paths: readonly string[]): {
  ProjectionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
} {
  const names = [...new Set(paths.flatMap((path) => path.split('.')))];
  const alias = (name: string) => `#p${names.indexOf(name)}`;
  return {
    ProjectionExpression: paths.map((path) => path.split('.').map(alias).join('.')).join(', '),
    ExpressionAttributeNames: Object.fromEntries(names.map((name) => [alias(name), name])),
  };
}

/**
 * Every item a scan returns, following DynamoDB's pages to the end. For the console's reads of a demo-sized
 * portfolio; a production portfolio would read from an index or from aggregates kept up to date instead.
 */
export async function scanAll(
  db: DynamoDBDocumentClient,
  input: ScanCommandInput,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
