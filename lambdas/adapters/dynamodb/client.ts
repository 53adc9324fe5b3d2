import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * One document client per process, reused across invocations. The endpoint comes from the SDK's own
 * `AWS_ENDPOINT_URL_DYNAMODB`, which the local runtime and tests point at DynamoDB Local.
 */
let shared: DynamoDBDocumentClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  shared ??= createDocumentClient(new DynamoDBClient({}));
  return shared;
}

export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
