/**
 * Conversations in one table, per conversation: a header (`#header`, also in the `byAccount` index), one item
 * per message (`msg#<seq, zero-padded>` so key order is message order) and one per client message id
 * (`client#<namespace>#<id>` → seq), written in the same transaction as its message. Ids live in their
 * author's namespace (customer, agent, system for the assistant's and the system's own messages), so no
 * client can take an id the system will use, whatever the string.
 *
 * Appending takes the next position from an atomic counter on the header (never contended by a condition, so
 * 200 simultaneous sends each get one at once), then writes the message and its client-id item together,
 * each only if new. A retried send finds its client-id item and gets the stored message back; the position
 * it reserved stays unused, so positions increase but may skip.
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
import { CONVERSATIONS_BY_ACCOUNT_INDEX } from '../../../catalog/tables';
import type {
  AppendResult,
  Author,
  Conversation,
  ConversationMessage,
  ConversationStore,
  NewMessage,
  Reservation,
} from '../../domain/chat/conversation';
import { notFound } from '../../domain/errors';
import { queryAll } from './query-all';

const HEADER = '#header';
const MESSAGE = 'msg#';
const CLIENT = 'client#';
const MAX_APPEND_ATTEMPTS = 8;
/** Jittered, growing waits between writes that collided: 10–20 ms, then up to about a second. */
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, 2 ** Math.min(attempt, 6) * (5 + Math.random() * 10)));
const messageKey = (seq: number) => `${MESSAGE}${String(seq).padStart(12, '0')}`;

/** Whose ids a message's client id is one of: a customer's, an agent's, or the system's own. */
const ID_NAMESPACE: Record<Author, string> = {
  customer: 'customer',
  agent: 'agent',
  assistant: 'system',
  system: 'system',
};
const clientKey = (author: Author, clientMessageId: string) =>
  `${CLIENT}${ID_NAMESPACE[author]}#${clientMessageId}`;

export class DynamoConversationStore implements ConversationStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async start(conversation: Conversation): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...conversation, itemKey: HEADER, lastSeq: 0 },
          ConditionExpression: 'attribute_not_exists(itemKey)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async get(conversationId: string): Promise<Conversation | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { conversationId, itemKey: HEADER } }),
    );
    return Item ? toConversation(Item) : undefined;
  }

  async listForAccount(accountId: string): Promise<Conversation[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: CONVERSATIONS_BY_ACCOUNT_INDEX,
      KeyConditionExpression: 'accountId = :id',
      ExpressionAttributeValues: { ':id': accountId },
      ScanIndexForward: false,
    });
    return items.map(toConversation);
  }

  async append(conversationId: string, message: NewMessage): Promise<AppendResult> {
    const { firstSeq } = await this.reserve(conversationId, 1);
    return this.appendAt(conversationId, firstSeq, message);
  }

  async reserve(conversationId: string, count: number, accountId?: string): Promise<Reservation> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { conversationId, itemKey: HEADER },
          UpdateExpression: 'ADD lastSeq :count',
          ConditionExpression:
            accountId === undefined
              ? 'attribute_exists(itemKey)'
              : 'attribute_exists(itemKey) AND accountId = :account',
          ExpressionAttributeValues: {
            ':count': count,
            ...(accountId === undefined ? {} : { ':account': accountId }),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { firstSeq: Number(Attributes!.lastSeq) - count + 1, conversation: toConversation(Attributes!) };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw notFound('CONVERSATION_NOT_FOUND', `No conversation ${conversationId}.`);
      }
      throw error;
    }
  }

  async appendAt(
    conversationId: string,
    seq: number,
    message: NewMessage,
    assistantState?: Record<string, unknown>,
  ): Promise<AppendResult> {
    const stored: ConversationMessage = { ...message, conversationId, seq };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.send(this.appendTransaction(stored, assistantState));
        return { message: stored, created: true };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
        if (codes.includes('ConditionalCheckFailed')) {
          // The client message id is stored already, or is being stored by a retry of the same send.
          const existing = await this.byClientId(conversationId, message.author, message.clientMessageId);
          if (existing) return { message: existing, created: false };
        }
        // Another write to one of the same items (the header) was in flight: write again shortly.
        if (attempt === MAX_APPEND_ATTEMPTS) throw error;
        await pause(attempt);
      }
    }
  }

  private appendTransaction(stored: ConversationMessage, assistantState?: Record<string, unknown>) {
    const { conversationId, seq } = stored;
    return new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: this.tableName,
            Item: { conversationId, itemKey: clientKey(stored.author, stored.clientMessageId), seq },
            ConditionExpression: 'attribute_not_exists(itemKey)',
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: { ...stored, itemKey: messageKey(seq) },
            ConditionExpression: 'attribute_not_exists(itemKey)',
          },
        },
        ...(assistantState
          ? [
              {
                Update: {
                  TableName: this.tableName,
                  Key: { conversationId, itemKey: HEADER },
                  UpdateExpression: 'SET assistantState = :state',
                  ExpressionAttributeValues: { ':state': assistantState },
                },
              },
            ]
          : []),
      ],
    });
  }

  async takeOver(conversationId: string, agent: NonNullable<Conversation['agent']>): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { conversationId, itemKey: HEADER },
          UpdateExpression: 'SET #agent = :agent',
          ConditionExpression: 'attribute_exists(itemKey) AND attribute_not_exists(#agent)',
          // `agent` is a DynamoDB reserved word.
          ExpressionAttributeNames: { '#agent': 'agent' },
          ExpressionAttributeValues: { ':agent': agent },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async messages(
    conversationId: string,
    options: { afterSeq?: number; limit?: number } = {},
  ): Promise<ConversationMessage[]> {
    const from = options.afterSeq === undefined ? MESSAGE : messageKey(options.afterSeq + 1);
    const input = {
      TableName: this.tableName,
      KeyConditionExpression: 'conversationId = :id AND itemKey BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':id': conversationId, ':from': from, ':to': `${MESSAGE}\uffff` },
      ConsistentRead: true,
    };
    const items = options.limit
      ? ((await this.db.send(new QueryCommand({ ...input, Limit: options.limit }))).Items ?? [])
      : await queryAll(this.db, input);
    return items.map(toMessage);
  }

  private async byClientId(
    conversationId: string,
    author: Author,
    clientMessageId: string,
  ): Promise<ConversationMessage | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { conversationId, itemKey: clientKey(author, clientMessageId) },
        ConsistentRead: true,
      }),
    );
    if (!Item) return undefined;
    const { Item: message } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { conversationId, itemKey: messageKey(Number(Item.seq)) },
        ConsistentRead: true,
      }),
    );
    return message ? toMessage(message) : undefined;
  }
}

function toConversation({ itemKey: _key, lastSeq: _last, ...header }: Record<string, unknown>): Conversation {
  return header as unknown as Conversation;
}

function toMessage({ itemKey: _key, ...message }: Record<string, unknown>): ConversationMessage {
  return message as unknown as ConversationMessage;
}
