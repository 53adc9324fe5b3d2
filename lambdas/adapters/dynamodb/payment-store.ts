/**
 * Mandates, instalments, debit attempts and payment markers in the payments table (pk `accountId`, sk
 * `itemKey`). Every state change is an UpdateItem or a transaction with a condition on the state it moves
 * from, so duplicates and racing workers find nothing to do. Items waiting for a time carry `workShard` and
 * `workAt` and so appear in the sparse `paymentWork` index: instalments until they are missed and announced,
 * attempts until they ran and their result was announced.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { PAYMENTS_WORK_INDEX } from '../../../catalog/tables';
import type {
  ApplyResult,
  AttemptRef,
  DueWork,
  InstalmentKey,
  PaymentApplication,
  PaymentStore,
} from '../../domain/payments/payment-store';
import type {
  DebitAttempt,
  DebitBlockReason,
  DebitFailureReason,
  Instalment,
  Mandate,
} from '../../domain/payments/payments';
import { queryAll } from './query-all';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Work-index partitions per kind: spreads a busy day's writes; every sweep reads them all. */
const WORK_SHARDS = 4;
const ACTIVE_MANDATE_KEY = 'MANDATE_ACTIVE';
const INTERNAL = ['itemKey', 'itemType', 'workShard', 'workAt', 'openAttemptId'] as const;
const FINISHED: readonly DebitAttempt['state'][] = ['succeeded', 'failed', 'cancelled', 'unresolved'];

const mandateKey = (mandateId: string) => `MANDATE#${mandateId}`;
const instalmentKey = (instalmentId: string) => `INSTALMENT#${instalmentId}`;
const attemptKey = (attemptId: string) => `ATTEMPT#${attemptId}`;
const paymentKey = (paymentId: string) => `PAYMENT#${paymentId}`;

function shardOf(kind: 'I' | 'A', accountId: string): string {
  let hash = 0;
  for (const char of accountId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `${kind}#${hash % WORK_SHARDS}`;
}

function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const copy = { ...item };
  for (const name of INTERNAL) delete copy[name];
  return copy as T;
}

export class DynamoPaymentStore implements PaymentStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly accountsTable: string,
  ) {}

  // ---- Mandates ------------------------------------------------------------------------------------------

  async createMandate(mandate: Mandate): Promise<boolean> {
    return this.transact([
      {
        Put: {
          TableName: this.tableName,
          Item: { accountId: mandate.accountId, itemKey: ACTIVE_MANDATE_KEY, mandateId: mandate.mandateId },
          ConditionExpression: 'attribute_not_exists(itemKey)',
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: { ...mandate, itemKey: mandateKey(mandate.mandateId), itemType: 'mandate' },
          ConditionExpression: 'attribute_not_exists(itemKey)',
        },
      },
    ]);
  }

  async currentMandate(accountId: string): Promise<Mandate | undefined> {
    const mandates = (await this.listByPrefix(accountId, 'MANDATE#')) as unknown as Mandate[];
    mandates.sort((a, b) => b.authorisedAt.localeCompare(a.authorisedAt));
    return mandates.find((m) => m.status === 'active') ?? mandates[0];
  }

  async revokeMandate(
    accountId: string,
    mandateId: string,
    at: string,
    via: 'portal' | 'agent',
  ): Promise<boolean> {
    return this.transact([
      {
        Update: {
          TableName: this.tableName,
          Key: { accountId, itemKey: mandateKey(mandateId) },
          UpdateExpression: 'SET #status = :revoked, revokedAt = :at, revokedVia = :via',
          ConditionExpression: '#status = :active',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':revoked': 'revoked', ':active': 'active', ':at': at, ':via': via },
        },
      },
      {
        Delete: {
          TableName: this.tableName,
          Key: { accountId, itemKey: ACTIVE_MANDATE_KEY },
          ConditionExpression: 'mandateId = :id',
          ExpressionAttributeValues: { ':id': mandateId },
        },
      },
    ]);
  }

  // ---- Instalments ---------------------------------------------------------------------------------------

  async trackInstalment(instalment: Instalment): Promise<boolean> {
    const work =
      instalment.status === 'due'
        ? { workShard: shardOf('I', instalment.accountId), workAt: instalment.missAt }
        : {};
    return this.conditional(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...instalment,
          ...work,
          itemKey: instalmentKey(instalment.instalmentId),
          itemType: 'instalment',
        },
        ConditionExpression: 'attribute_not_exists(itemKey)',
      }),
    );
  }

  async getInstalment(key: InstalmentKey): Promise<Instalment | undefined> {
    return this.get<Instalment>(key.accountId, instalmentKey(key.instalmentId));
  }

  async listInstalments(accountId: string): Promise<Instalment[]> {
    return (await this.listByPrefix(accountId, 'INSTALMENT#')) as unknown as Instalment[];
  }

  async markMissed(key: InstalmentKey, at: string, announceBy: string): Promise<boolean> {
    return this.conditional(
      this.updateInstalment(
        key,
        'SET #status = :missed, missedAt = :at, workAt = :announceBy',
        '#status = :due',
        {
          ':missed': 'missed',
          ':due': 'due',
          ':at': at,
          ':announceBy': announceBy,
        },
      ),
    );
  }

  async markMissedAnnounced(key: InstalmentKey): Promise<void> {
    await this.conditional(
      this.updateInstalment(key, 'REMOVE workShard, workAt', '#status <> :due', { ':due': 'due' }),
    );
  }

  async recordDebitBlocked(key: InstalmentKey, reasons: readonly DebitBlockReason[]): Promise<void> {
    await this.conditional(
      this.updateInstalment(key, 'SET debitBlockedReasons = :reasons', 'attribute_exists(itemKey)', {
        ':reasons': [...reasons],
      }),
    );
  }

  async supersede(key: InstalmentKey, at: string): Promise<boolean> {
    return this.conditional(
      this.updateInstalment(
        key,
        'SET #status = :superseded, supersededAt = :at REMOVE workShard, workAt',
        '#status IN (:due, :missed)',
        { ':superseded': 'superseded', ':at': at, ':due': 'due', ':missed': 'missed' },
      ),
    );
  }

  // ---- Attempts ------------------------------------------------------------------------------------------

  async createAttempt(attempt: DebitAttempt): Promise<boolean> {
    return this.transact([
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...attempt,
            itemKey: attemptKey(attempt.attemptId),
            itemType: 'attempt',
            workShard: shardOf('A', attempt.accountId),
            workAt: attempt.debitAt,
          },
          ConditionExpression: 'attribute_not_exists(itemKey)',
        },
      },
      {
        // One open attempt per instalment: a monitor's debit and a customer's "pay now" cannot both go.
        Update: {
          TableName: this.tableName,
          Key: { accountId: attempt.accountId, itemKey: instalmentKey(attempt.instalmentId) },
          // A debit is on its way: reasons recorded earlier for having none no longer hold.
          UpdateExpression: 'SET openAttemptId = :id REMOVE debitBlockedReasons',
          ConditionExpression:
            'attribute_exists(itemKey) AND attribute_not_exists(openAttemptId) AND #status IN (:due, :missed)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':id': attempt.attemptId, ':due': 'due', ':missed': 'missed' },
        },
      },
    ]);
  }

  async getAttempt(ref: AttemptRef): Promise<DebitAttempt | undefined> {
    return this.get<DebitAttempt>(ref.accountId, attemptKey(ref.attemptId));
  }

  async listAttempts(accountId: string): Promise<DebitAttempt[]> {
    return (await this.listByPrefix(accountId, 'ATTEMPT#')) as unknown as DebitAttempt[];
  }

  async claimAttempt(ref: AttemptRef, now: string, leaseId: string, leaseUntil: string) {
    try {
      const result = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { accountId: ref.accountId, itemKey: attemptKey(ref.attemptId) },
          UpdateExpression:
            'SET #state = :executing, leaseId = :lease, leaseUntil = :until, workAt = :until, updatedAt = :now',
          ConditionExpression:
            '(#state = :scheduled AND debitAt <= :now) OR (#state IN (:executing, :unknown) AND workAt <= :now)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':executing': 'executing',
            ':scheduled': 'scheduled',
            ':unknown': 'unknown',
            ':lease': leaseId,
            ':until': leaseUntil,
            ':now': now,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return strip<DebitAttempt>(result.Attributes);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async recordAmount(ref: AttemptRef, leaseId: string, amountMinor: number): Promise<boolean> {
    return this.conditional(
      this.updateLeased(ref, leaseId, 'SET amountMinor = :amount', { ':amount': amountMinor }),
    );
  }

  async release(ref: AttemptRef, leaseId: string, debitAt: string): Promise<boolean> {
    return this.conditional(
      this.updateLeased(
        ref,
        leaseId,
        'SET #state = :scheduled, debitAt = :at, workAt = :at REMOVE leaseId, leaseUntil',
        {
          ':scheduled': 'scheduled',
          ':at': debitAt,
        },
      ),
    );
  }

  async recordUnknown(ref: AttemptRef, leaseId: string, reconcileAt: string): Promise<boolean> {
    return this.conditional(
      this.updateLeased(
        ref,
        leaseId,
        'SET #state = :unknown, workAt = :at ADD reconciliations :one REMOVE leaseId, leaseUntil',
        { ':unknown': 'unknown', ':at': reconcileAt, ':one': 1 },
      ),
    );
  }

  async recordUnresolved(ref: AttemptRef, leaseId: string, at: string, announceBy: string): Promise<boolean> {
    // The instalment keeps this attempt as its open one: nothing else is debited until a person resolves it.
    return this.conditional(
      this.updateLeased(
        ref,
        leaseId,
        'SET #state = :unresolved, finishedAt = :at, workAt = :announceBy REMOVE leaseId, leaseUntil',
        { ':unresolved': 'unresolved', ':at': at, ':announceBy': announceBy },
      ),
    );
  }

  async recordFailed(
    ref: AttemptRef,
    leaseId: string,
    reason: DebitFailureReason,
    at: string,
    announceBy: string,
  ): Promise<boolean> {
    const attempt = this.leasedItem(
      ref,
      leaseId,
      'SET #state = :failed, failureReason = :reason, finishedAt = :at, workAt = :announceBy REMOVE leaseId, leaseUntil',
      { ':failed': 'failed', ':reason': reason, ':at': at, ':announceBy': announceBy },
    );
    return this.transact([attempt, await this.closeOpenAttempt(ref)]);
  }

  async recordSucceeded(
    ref: AttemptRef,
    leaseId: string,
    outcome: { gatewayDebitId: string; amountMinor: number; at: string; announceBy: string },
    payment: PaymentApplication,
  ): Promise<ApplyResult | 'lost_lease'> {
    const attempt = this.leasedItem(
      ref,
      leaseId,
      'SET #state = :succeeded, amountMinor = :amount, gatewayDebitId = :debitId, finishedAt = :at, workAt = :announceBy REMOVE leaseId, leaseUntil',
      {
        ':succeeded': 'succeeded',
        ':amount': outcome.amountMinor,
        ':debitId': outcome.gatewayDebitId,
        ':at': outcome.at,
        ':announceBy': outcome.announceBy,
      },
    );
    const instalmentId = await this.instalmentOf(ref);
    return this.applyItems(payment, attempt, instalmentId, ref.attemptId);
  }

  async cancelAttempt(
    ref: AttemptRef,
    reasons: readonly DebitBlockReason[],
    at: string,
    announceBy: string,
    leaseId?: string,
  ): Promise<boolean> {
    const attempt: TransactItem = {
      Update: {
        TableName: this.tableName,
        Key: { accountId: ref.accountId, itemKey: attemptKey(ref.attemptId) },
        UpdateExpression:
          'SET #state = :cancelled, cancelledReasons = :reasons, finishedAt = :at, workAt = :announceBy REMOVE leaseId, leaseUntil',
        ConditionExpression: leaseId
          ? '#state = :scheduled OR (#state = :executing AND leaseId = :lease)'
          : '#state = :scheduled',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':cancelled': 'cancelled',
          ':reasons': [...reasons],
          ':at': at,
          ':announceBy': announceBy,
          ':scheduled': 'scheduled',
          ...(leaseId ? { ':executing': 'executing', ':lease': leaseId } : {}),
        },
      },
    };
    return this.transact([attempt, await this.closeOpenAttempt(ref)]);
  }

  async markAnnounced(ref: AttemptRef): Promise<void> {
    await this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { accountId: ref.accountId, itemKey: attemptKey(ref.attemptId) },
        UpdateExpression: 'SET announced = :yes REMOVE workShard, workAt',
        ConditionExpression: '#state IN (:s, :f, :c, :u)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':yes': true,
          ':s': FINISHED[0],
          ':f': FINISHED[1],
          ':c': FINISHED[2],
          ':u': FINISHED[3],
        },
      }),
    );
  }

  // ---- Payments ------------------------------------------------------------------------------------------

  async applyPayment(payment: PaymentApplication): Promise<ApplyResult> {
    const result = await this.applyItems(payment);
    return result === 'lost_lease' ? 'conflict' : result;
  }

  // ---- Work ----------------------------------------------------------------------------------------------

  async dueWork(now: string, limit: number): Promise<DueWork> {
    const shards = (kind: 'I' | 'A') => Array.from({ length: WORK_SHARDS }, (_, n) => `${kind}#${n}`);
    const read = async (shard: string) => {
      const items: Record<string, unknown>[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: PAYMENTS_WORK_INDEX,
            KeyConditionExpression: 'workShard = :shard AND workAt <= :now',
            ExpressionAttributeValues: { ':shard': shard, ':now': now },
            ExclusiveStartKey: startKey,
            Limit: limit,
          }),
        );
        items.push(...(page.Items ?? []));
        startKey = page.LastEvaluatedKey;
      } while (startKey && items.length < limit);
      return items.slice(0, limit);
    };
    const [instalments, attempts] = await Promise.all([
      Promise.all(shards('I').map(read)),
      Promise.all(shards('A').map(read)),
    ]);
    const byTime = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a.workAt).localeCompare(String(b.workAt));
    return {
      instalments: instalments
        .flat()
        .sort(byTime)
        .slice(0, limit)
        .map((item) => ({ accountId: String(item.accountId), instalmentId: String(item.instalmentId) })),
      attempts: attempts
        .flat()
        .sort(byTime)
        .slice(0, limit)
        .map((item) => ({ accountId: String(item.accountId), attemptId: String(item.attemptId) })),
    };
  }

  // ---- Helpers -------------------------------------------------------------------------------------------

  /**
   * The payment's marker, its instalment updates and the account update in one transaction (plus the
   * attempt's own transition for a debit). Each condition is on the figures the application was computed
   * from, so a concurrent payment makes this one re-read and retry instead of overwriting.
   */
  private async applyItems(
    payment: PaymentApplication,
    attemptItem?: TransactItem,
    attemptInstalmentId?: string,
    attemptId?: string,
  ): Promise<ApplyResult | 'lost_lease'> {
    const { accountId } = payment;
    const items: TransactItem[] = attemptItem ? [attemptItem] : [];
    items.push({
      Put: {
        TableName: this.tableName,
        Item: {
          accountId,
          itemKey: paymentKey(payment.paymentId),
          itemType: 'payment',
          paymentId: payment.paymentId,
          amountMinor: payment.amountMinor,
          currency: payment.currency,
          receivedAt: payment.receivedAt,
          via: payment.via,
          allocations: payment.allocations.map((a) => ({
            instalmentId: a.instalment.instalmentId,
            amountMinor: a.paidMinor - a.instalment.paidMinor,
          })),
        },
        ConditionExpression: 'attribute_not_exists(itemKey)',
      },
    });
    let attemptInstalmentTouched = false;
    for (const allocation of payment.allocations) {
      const closesAttempt = allocation.instalment.instalmentId === attemptInstalmentId;
      attemptInstalmentTouched ||= closesAttempt;
      const paid = allocation.status === 'paid';
      const removes = [...(paid ? ['workShard', 'workAt'] : []), ...(closesAttempt ? ['openAttemptId'] : [])];
      items.push({
        Update: {
          TableName: this.tableName,
          Key: { accountId, itemKey: instalmentKey(allocation.instalment.instalmentId) },
          UpdateExpression: `SET paidMinor = :paid, #status = :status${paid ? ', paidAt = :at' : ''}${
            removes.length ? ` REMOVE ${removes.join(', ')}` : ''
          }`,
          ConditionExpression: 'paidMinor = :before',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':paid': allocation.paidMinor,
            ':status': allocation.status,
            ':before': allocation.instalment.paidMinor,
            ...(paid ? { ':at': payment.receivedAt } : {}),
          },
        },
      });
    }
    if (attemptId && attemptInstalmentId && !attemptInstalmentTouched) {
      items.push(await this.closeOpenAttempt({ accountId, attemptId }));
    }
    const { before, after } = payment.account;
    const removes = [
      ...(after.cured ? ['oldestUnpaidDueDate'] : []),
      ...(after.promiseKept ? ['promise'] : []),
    ];
    items.push({
      Update: {
        TableName: this.accountsTable,
        Key: { accountId },
        UpdateExpression: `SET balanceMinor = :balance, amountOverdueMinor = :overdue, minimumDueMinor = :minimum, updatedAt = :at${
          after.promiseKept ? ', flags.promiseToPay = :no' : ''
        }${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: 'balanceMinor = :balanceBefore AND amountOverdueMinor = :overdueBefore',
        ExpressionAttributeValues: {
          ':balance': after.balanceMinor,
          ':overdue': after.amountOverdueMinor,
          ':minimum': after.minimumDueMinor,
          ':at': payment.receivedAt,
          ':balanceBefore': before.balanceMinor,
          ':overdueBefore': before.amountOverdueMinor,
          ...(after.promiseKept ? { ':no': false } : {}),
        },
      },
    });
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      return 'applied';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const failed = (error.CancellationReasons ?? []).map(
        (reason) => reason.Code === 'ConditionalCheckFailed',
      );
      const offset = attemptItem ? 1 : 0;
      if (attemptItem && failed[0]) return 'lost_lease';
      if (failed[offset]) return 'duplicate';
      if (failed.some(Boolean)) return 'conflict';
      // Transaction conflicts with another transaction in flight: retried like a condition failure.
      if ((error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict'))
        return 'conflict';
      throw error;
    }
  }

  /** The instalment lets go of its open attempt (it finished or was cancelled). */
  private async closeOpenAttempt(ref: AttemptRef): Promise<TransactItem> {
    return {
      Update: {
        TableName: this.tableName,
        Key: { accountId: ref.accountId, itemKey: instalmentKey(await this.instalmentOf(ref)) },
        UpdateExpression: 'REMOVE openAttemptId',
        ConditionExpression: 'openAttemptId = :id',
        ExpressionAttributeValues: { ':id': ref.attemptId },
      },
    };
  }

  /** The attempt's instalment: callers usually pass the attempt itself; otherwise it is read. */
  private async instalmentOf(ref: AttemptRef & { instalmentId?: string }): Promise<string> {
    return ref.instalmentId ?? (await this.getAttempt(ref))?.instalmentId ?? '';
  }

  private leasedItem(
    ref: AttemptRef,
    leaseId: string,
    updateExpression: string,
    values: Record<string, unknown>,
  ): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: { accountId: ref.accountId, itemKey: attemptKey(ref.attemptId) },
        UpdateExpression: updateExpression,
        ConditionExpression: '#state = :executing AND leaseId = :lease',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ...values, ':executing': 'executing', ':lease': leaseId },
      },
    };
  }

  private updateLeased(
    ref: AttemptRef,
    leaseId: string,
    updateExpression: string,
    values: Record<string, unknown>,
  ) {
    const { Update } = this.leasedItem(ref, leaseId, updateExpression, values);
    return new UpdateCommand(Update as ConstructorParameters<typeof UpdateCommand>[0]);
  }

  private updateInstalment(
    key: InstalmentKey,
    updateExpression: string,
    condition: string,
    values: Record<string, unknown>,
  ) {
    const usesStatus = `${updateExpression} ${condition}`.includes('#status');
    return new UpdateCommand({
      TableName: this.tableName,
      Key: { accountId: key.accountId, itemKey: instalmentKey(key.instalmentId) },
      UpdateExpression: updateExpression,
      ConditionExpression: condition,
      ...(usesStatus ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
      ExpressionAttributeValues: values,
    });
  }

  private async get<T>(accountId: string, itemKey: string): Promise<T | undefined> {
    const result = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { accountId, itemKey }, ConsistentRead: true }),
    );
    return strip<T>(result.Item);
  }

  private async listByPrefix(accountId: string, prefix: string): Promise<Record<string, unknown>[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'accountId = :id AND begins_with(itemKey, :prefix)',
      ExpressionAttributeValues: { ':id': accountId, ':prefix': prefix },
      ConsistentRead: true,
    });
    return items.map((item) => strip<Record<string, unknown>>(item) as Record<string, unknown>);
  }

  private async conditional(command: PutCommand | UpdateCommand): Promise<boolean> {
    try {
      await this.db.send(command as UpdateCommand);
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private async transact(items: TransactItem[]): Promise<boolean> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }
}
