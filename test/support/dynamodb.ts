import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { createDocumentClient } from '../../lambdas/adapters/dynamodb/client';
import { createTables, localTableNames, type TableNames } from '../../local/tables';

export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Fresh tables with a unique prefix in the run's DynamoDB Local, so test files never see each other's data. */
export async function freshTables() {
  const endpoint = inject('dynamodbEndpoint');
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: localCredentials });
  const names: TableNames = localTableNames(`t${randomBytes(4).toString('hex')}`);
  await createTables(client, names);
  return { endpoint, client, db: createDocumentClient(client), names };
}
