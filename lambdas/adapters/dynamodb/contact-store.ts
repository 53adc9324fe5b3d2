/**
 * The contacts table holds two kinds of item per account: outbox messages (`outbox#<messageId>`) and the
 * contact log (`log#<at>#<ref>`), so a sent message and its log entry are written in one transaction; an entry
 * appended once per request key also leaves a marker (`once#<key>`) naming it, so a retry finds it.
 *
 * Messages waiting to be sent (queued, or claimed by a sender) carry `dueShard`, which puts them in the sparse
 * `dueMessages` index sorted by `notBefore`; a message leaves the index when it reaches a final status. While
 * a sender holds a claim, `notBefore` is the claim's expiry, so an abandoned send shows up as due.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { CONTACTS_DUE_INDEX } from '../../../catalog/tables';
import type {
  ContactLog,
  ContactLogEntry,
  Outbox,
  OutboxKey,
  OutboxMessage,
} from '../../domain/outreach/outreach';
import { queryAll } from './query-all';

const OUTBOX = 'outbox#';
const LOG = 'log#';
const ONCE = 'once#';
/** Spreads due messages over partitions of the index; the sweep reads every shard. */
const DUE_SHARDS = 8;

const outboxKey = (key: OutboxKey) => ({ accountId: key.accountId, contactKey: `${OUTBOX}${key.messageId}` });
const logKey = (entry: ContactLogEntry) => `${LOG}${entry.at}#${entry.ref}`;

function dueShardOf(accountId: string): string {
  let hash = 0;
  for (const char of accountId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `due#${hash % DUE_SHARDS}`;
}

export class DynamoContactStore implements Outbox, ContactLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async enqueue(message: OutboxMessage): Promise<boolean> {
    return this.conditional(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...message, ...outboxKey(message), dueShard: dueShardOf(message.accountId) },
        ConditionExpression: 'attribute_not_exists(contactKey)',
      }),
    );
  }

  async recordSent(message: OutboxMessage): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...message, ...outboxKey(message) } }),
    );
  }

  async get(key: OutboxKey): Promise<OutboxMessage | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: outboxKey(key), ConsistentRead: true }),
    );
    return Item ? toMessage(Item) : undefined;
  }

  async list(accountId: string): Promise<OutboxMessage[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'accountId = :id AND begins_with(contactKey, :prefix)',
      ExpressionAttributeValues: { ':id': accountId, ':prefix': OUTBOX },
      ConsistentRead: true,
    });
    return items.map(toMessage);
  }

  async due(now: string, limit: number): Promise<OutboxKey[]> {
    const shards = Array.from({ length: DUE_SHARDS }, (_, shard) => `due#${shard}`);
    const pages = await Promise.all(
      shards.map((shard) =>
        this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: CONTACTS_DUE_INDEX,
            KeyConditionExpression: 'dueShard = :shard AND notBefore <= :now',
            ExpressionAttributeValues: { ':shard': shard, ':now': now },
            Limit: limit,
          }),
        ),
      ),
    );
    return pages
      .flatMap((page) => page.Items ?? [])
      .sort((a, b) => String(a.notBefore).localeCompare(String(b.notBefore)))
      .slice(0, limit)
      .map((item) => ({ accountId: String(item.accountId), messageId: String(item.messageId) }));
  }

  claim(key: OutboxKey, now: string, claimExpiresAt: string): Promise<boolean> {
    return this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: outboxKey(key),
        UpdateExpression: 'SET #status = :sending, notBefore = :claimEnd',
        ConditionExpression: '#status = :queued AND notBefore <= :now',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':queued': 'queued',
          ':now': now,
          ':claimEnd': claimExpiresAt,
        },
      }),
    );
  }

  markUnconfirmed(key: OutboxKey, now: string): Promise<boolean> {
    return this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: outboxKey(key),
        UpdateExpression: 'SET #status = :unconfirmed, blockedReasons = :reasons REMOVE dueShard',
        ConditionExpression: '#status = :sending AND notBefore <= :now',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':unconfirmed': 'unconfirmed',
          ':sending': 'sending',
          ':now': now,
          ':reasons': ['SEND_UNCONFIRMED: the sender stopped before recording the result'],
        },
      }),
    );
  }

  async requeue(key: OutboxKey, notBefore: string, sendAttempts: number): Promise<void> {
    await this.fromSending(key, 'SET #status = :queued, notBefore = :notBefore, sendAttempts = :attempts', {
      ':queued': 'queued',
      ':notBefore': notBefore,
      ':attempts': sendAttempts,
    });
  }

  async finish(
    key: OutboxKey,
    status: 'blocked' | 'failed',
    reasons: readonly string[],
    verdict?: OutboxMessage['sendVerdict'],
  ): Promise<void> {
    await this.fromSending(
      key,
      'SET #status = :final, blockedReasons = :reasons, sendVerdict = :verdict REMOVE dueShard',
      { ':final': status, ':reasons': reasons, ':verdict': verdict ?? null },
    );
  }

  async markSent(
    key: OutboxKey,
    sent: Pick<OutboxMessage, 'sentAt' | 'deliveredBy' | 'providerMessageId' | 'sendVerdict'>,
    contact: ContactLogEntry | undefined,
  ): Promise<void> {
    const update = {
      TableName: this.tableName,
      Key: outboxKey(key),
      UpdateExpression:
        'SET #status = :sent, sentAt = :sentAt, deliveredBy = :by, providerMessageId = :providerId, sendVerdict = :verdict REMOVE dueShard',
      ConditionExpression: '#status = :sending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':sent': 'sent',
        ':sending': 'sending',
        ':sentAt': sent.sentAt,
        ':by': sent.deliveredBy,
        ':providerId': sent.providerMessageId ?? null,
        ':verdict': sent.sendVerdict ?? null,
      },
    };
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Update: update },
          ...(contact
            ? [{ Put: { TableName: this.tableName, Item: { ...contact, contactKey: logKey(contact) } } }]
            : []),
        ],
      }),
    );
  }

  async append(entry: ContactLogEntry): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...entry, contactKey: logKey(entry) } }),
    );
  }

  async appendOnce(entry: ContactLogEntry, onceKey: string): Promise<ContactLogEntry | undefined> {
    const marker = { accountId: entry.accountId, contactKey: `${ONCE}${onceKey}` };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.tableName,
                  Item: { ...marker, loggedAs: logKey(entry) },
                  ConditionExpression: 'attribute_not_exists(contactKey)',
                },
              },
              { Put: { TableName: this.tableName, Item: { ...entry, contactKey: logKey(entry) } } },
            ],
          }),
        );
        return undefined;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reason = error.CancellationReasons?.[0]?.Code;
        if (reason === 'ConditionalCheckFailed') break;
        // Two retries of one request at the same moment: one wins, the other then finds its marker.
        if (reason !== 'TransactionConflict' || attempt === 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
      }
    }
    const { Item: found } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: marker, ConsistentRead: true }),
    );
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { accountId: entry.accountId, contactKey: found?.loggedAs },
        ConsistentRead: true,
      }),
    );
    if (!Item) throw new Error(`Contact log entry ${onceKey} of ${entry.accountId} is missing.`);
    const { contactKey: _key, ...earlier } = Item;
    return earlier as unknown as ContactLogEntry;
  }

  async since(accountId: string, since: string): Promise<ContactLogEntry[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'accountId = :id AND contactKey BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':id': accountId, ':from': `${LOG}${since}`, ':to': `${LOG}\uffff` },
      ConsistentRead: true,
    });
    return items.map(({ contactKey: _key, ...entry }) => entry as unknown as ContactLogEntry);
  }

  private async fromSending(
    key: OutboxKey,
    updateExpression: string,
    values: Record<string, unknown>,
  ): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: outboxKey(key),
        UpdateExpression: updateExpression,
        ConditionExpression: '#status = :sending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ...values, ':sending': 'sending' },
      }),
    );
  }

  private async conditional(command: PutCommand | UpdateCommand): Promise<boolean> {
    try {
      await this.db.send(command as PutCommand);
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

function toMessage({
  contactKey: _key,
  dueShard: _shard,
  ...message
}: Record<string, unknown>): OutboxMessage {
  return message as unknown as OutboxMessage;
}
