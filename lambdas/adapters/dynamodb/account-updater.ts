import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Treatment } from '../../domain/accounts/account';
import { escalationKind } from '../../domain/accounts/escalations';
import type { AccountPatch, AccountUpdater } from '../../domain/decisions/customer-decisions';
import type { TreatmentWriter } from '../../domain/treatment/retier';

/**
 * One UpdateItem per patch, touching only the attributes it names: a concurrent scoring run's write to the
 * risk and treatment attributes is never overwritten. A new escalation is a second, conditional write: it
 * replaces an open one only when at least as urgent, so a routine request never hides a crisis.
 */
export class DynamoAccountUpdater implements AccountUpdater, TreatmentWriter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async update(accountId: string, { escalation, ...patch }: AccountPatch): Promise<boolean> {
    const updated = await this.apply(accountId, escalation === null ? { ...patch, escalation } : patch);
    if (!updated || !escalation) return updated;
    const urgency = escalationKind(escalation.reason).urgency;
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { accountId },
          UpdateExpression: 'SET #escalation = :escalation',
          ConditionExpression:
            'attribute_exists(accountId) AND (attribute_not_exists(#escalation) OR attribute_not_exists(#escalation.#urgency) OR #escalation.#urgency <= :urgency)',
          ExpressionAttributeNames: { '#escalation': 'escalation', '#urgency': 'urgency' },
          ExpressionAttributeValues: { ':escalation': { ...escalation, urgency }, ':urgency': urgency },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    return true;
  }

  /** The treatment only (never the risk score), on the fingerprint read: a concurrent scoring write wins. */
  async writeTreatment(
    accountId: string,
    treatment: Treatment,
    previousFingerprint: string,
  ): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { accountId },
          UpdateExpression: 'SET treatment = :treatment, updatedAt = :at',
          ConditionExpression: 'attribute_exists(accountId) AND treatment.fingerprint = :previous',
          ExpressionAttributeValues: {
            ':treatment': treatment,
            ':at': treatment.assessedAt,
            ':previous': previousFingerprint,
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private async apply(accountId: string, patch: AccountPatch): Promise<boolean> {
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
    for (const [field, value] of Object.entries(patch.contactPreferences ?? {}))
      if (value !== undefined) set(['customer', 'contactPreferences', field], value);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { accountId },
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: 'attribute_exists(accountId)',
          ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
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
