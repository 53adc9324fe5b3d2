import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountPatch, AccountUpdater } from '../../domain/servicing/customer-decisions';

/**
 * One UpdateItem per patch, touching only the attributes it names: a concurrent scoring run's write to the
 * risk and treatment attributes is never overwritten.
 */
export class DynamoAccountUpdater implements AccountUpdater {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async update(accountId: string, patch: AccountPatch): Promise<boolean> {
    const sets: string[] = ['updatedAt = :updatedAt'];
    const removes: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':updatedAt': this.now().toISOString() };
    const set = (path: string[], value: unknown) => {
      const placeholder = `:v${Object.keys(values).length}`;
      sets.push(`${path.map((part) => nameOf(names, part)).join('.')} = ${placeholder}`);
      values[placeholder] = value;
    };
    for (const [flag, value] of Object.entries(patch.flags ?? {})) set(['flags', flag], value);
    for (const field of ['repaymentPlan', 'promise', 'affordability', 'escalation'] as const) {
      const value = patch[field];
      if (value === null) removes.push(nameOf(names, field));
      else if (value !== undefined) set([field], value);
    }
    if (patch.refusedChannels)
      set(['customer', 'contactPreferences', 'refusedChannels'], patch.refusedChannels);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { accountId },
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: 'attribute_exists(accountId)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

function nameOf(names: Record<string, string>, attribute: string): string {
  const placeholder = `#${attribute}`;
  names[placeholder] = attribute;
  return placeholder;
}
