/** Creates the catalog's tables in DynamoDB Local, exactly as the CDK stack declares them. */
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { TABLE_IDS, TABLES, type TableDeclaration, type TableId } from '../catalog/tables';

export type TableNames = Record<TableId, string>;

export const localTableNames = (prefix: string): TableNames =>
  Object.fromEntries(TABLE_IDS.map((id) => [id, `${prefix}-${id}`])) as TableNames;

/** The env vars handlers read their table names from. */
export const tableNameEnvironment = (names: TableNames): Record<string, string> =>
  Object.fromEntries(TABLE_IDS.map((id) => [TABLES[id].envVar, names[id]]));

function createTableInput(declaration: TableDeclaration, tableName: string): CreateTableCommandInput {
  const keys = [
    declaration.partitionKey,
    declaration.sortKey,
    ...(declaration.indexes ?? []).flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  const attributes = new Map(keys.filter((k) => k !== undefined).map((k) => [k.name, k.type]));
  const keySchema = (partition: { name: string }, sort?: { name: string }) => [
    { AttributeName: partition.name, KeyType: 'HASH' as const },
    ...(sort ? [{ AttributeName: sort.name, KeyType: 'RANGE' as const }] : []),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType,
    })),
    KeySchema: keySchema(declaration.partitionKey, declaration.sortKey),
    GlobalSecondaryIndexes: declaration.indexes?.map((index) => ({
      IndexName: index.name,
      KeySchema: keySchema(index.partitionKey, index.sortKey),
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

/**
 * Creates every missing table; existing ones (a persisted local database) keep their data and get any index
 * the catalog has gained since, as a deployed stage would on its next deploy.
 */
export async function createTables(client: DynamoDBClient, names: TableNames): Promise<void> {
  await Promise.all(
    TABLE_IDS.map(async (id) => {
      const declaration: TableDeclaration = TABLES[id];
      try {
        await client.send(new CreateTableCommand(createTableInput(declaration, names[id])));
      } catch (error) {
        if (error instanceof ResourceInUseException) return addMissingIndexes(client, declaration, names[id]);
        throw error;
      }
      await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: names[id] });
      if (declaration.timeToLiveAttribute) {
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName: names[id],
            TimeToLiveSpecification: { AttributeName: declaration.timeToLiveAttribute, Enabled: true },
          }),
        );
      }
    }),
  );
}

async function addMissingIndexes(client: DynamoDBClient, declaration: TableDeclaration, tableName: string) {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const wanted = createTableInput(declaration, tableName);
  for (const index of wanted.GlobalSecondaryIndexes ?? []) {
    if (present.has(index.IndexName)) continue;
    // One index per update, as DynamoDB allows.
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: wanted.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
  }
}
