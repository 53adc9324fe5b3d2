import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Account } from '../../domain/accounts/account';
import type { AccountRepository } from '../../domain/ports';

export class DynamoAccountRepository implements AccountRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** Strongly consistent reads, for code that writes conditionally on what it read (payments). */
    private readonly options: { consistentRead?: boolean } = {},
  ) {}

  async get(accountId: string): Promise<Account | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { accountId },
        ConsistentRead: this.options.consistentRead,
      }),
    );
    return Item as Account | undefined;
  }
}
