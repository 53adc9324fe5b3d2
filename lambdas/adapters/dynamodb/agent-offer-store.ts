import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AgentOffer, AgentOfferStore } from '../../domain/offers/agent-plan';

/** An agent's plan on the account item: one attribute, so no other write to the account is touched. */
export class DynamoAgentOfferStore implements AgentOfferStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(accountId: string, offer: AgentOffer): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { accountId },
          UpdateExpression: 'SET #offer = :offer',
          ConditionExpression: 'attribute_exists(accountId)',
          ExpressionAttributeNames: { '#offer': 'agentOffer' },
          ExpressionAttributeValues: { ':offer': offer },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
