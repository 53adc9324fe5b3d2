/** Conversations on DynamoDB Local: ordered, idempotent by client message id, nothing lost under concurrency. */
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoConversationStore } from '../../lambdas/adapters/dynamodb/conversation-store';
import {
  type Conversation,
  MAX_MESSAGE_CHARS,
  validateNewMessage,
} from '../../lambdas/domain/chat/conversation';
import { freshTables } from '../support/dynamodb';

let store: DynamoConversationStore;
let sequence = 0;

beforeAll(async () => {
  const tables = await freshTables();
  store = new DynamoConversationStore(tables.db, tables.names.conversations);
});

async function started(accountId = 'ACC-000001'): Promise<Conversation> {
  sequence += 1;
  const conversation: Conversation = {
    conversationId: `conv-${sequence}-${Date.now()}`,
    accountId,
    channel: 'portal',
    language: 'en',
    startedAt: new Date(Date.UTC(2026, 10, 23, 10, sequence)).toISOString(),
  };
  expect(await store.start(conversation)).toBe(true);
  return conversation;
}

const customerSays = (clientMessageId: string, text: string) => ({
  clientMessageId,
  author: 'customer' as const,
  text,
  at: '2026-11-23T10:00:00.000Z',
});

describe('conversation store', () => {
  it('stores messages in order and reads them back, or those after a position', async () => {
    const { conversationId } = await started();
    for (const [index, text] of ['hello', 'I lost my job', 'can I pay less?'].entries()) {
      await store.append(conversationId, customerSays(`client-msg-${index}`, text));
    }
    const all = await store.messages(conversationId);
    expect(all.map((m) => [m.seq, m.text])).toEqual([
      [1, 'hello'],
      [2, 'I lost my job'],
      [3, 'can I pay less?'],
    ]);
    expect((await store.messages(conversationId, { afterSeq: 1 })).map((m) => m.seq)).toEqual([2, 3]);
    expect((await store.messages(conversationId, { limit: 2 })).map((m) => m.seq)).toEqual([1, 2]);
  });

  it('stores a retried send once and returns the first copy', async () => {
    const { conversationId } = await started();
    const first = await store.append(conversationId, customerSays('retry-me-0001', 'first'));
    const again = await store.append(conversationId, customerSays('retry-me-0001', 'first'));
    expect(first.created).toBe(true);
    expect(again).toEqual({ message: first.message, created: false });
    expect(await store.messages(conversationId)).toHaveLength(1);
  });

  it('keeps all of 200 concurrent sends once each, in strictly increasing order, with replays in the mix', async () => {
    const { conversationId } = await started();
    const ids = Array.from({ length: 200 }, (_, index) => `concurrent-${String(index).padStart(4, '0')}`);
    // Every fifth send is also replayed at the same moment, as a client retrying a timed-out request would.
    const sends = [...ids, ...ids.filter((_, index) => index % 5 === 0)];
    const results = await Promise.all(
      sends.map((id) => store.append(conversationId, customerSays(id, `message ${id}`))),
    );
    expect(results.filter((result) => result.created)).toHaveLength(200);
    const stored = await store.messages(conversationId);
    expect(stored).toHaveLength(200);
    expect(new Set(stored.map((m) => m.clientMessageId))).toEqual(new Set(ids));
    for (let index = 1; index < stored.length; index++) {
      expect(stored[index]!.seq).toBeGreaterThan(stored[index - 1]!.seq);
    }
    // Each replay got the very message its original stored.
    for (const [index, id] of sends.entries()) {
      expect(results[index]!.message.clientMessageId).toBe(id);
    }
  }, 60_000);

  it('refuses a message for a conversation that does not exist', async () => {
    await expect(
      store.append('no-such-conversation', customerSays('lost-msg-01', 'hi')),
    ).rejects.toMatchObject({
      kind: 'not_found',
      code: 'CONVERSATION_NOT_FOUND',
    });
  });

  it('lists an account’s conversations newest first, and only its own', async () => {
    const older = await started('ACC-LIST-1');
    const newer = await started('ACC-LIST-1');
    await started('ACC-LIST-2');
    expect((await store.listForAccount('ACC-LIST-1')).map((c) => c.conversationId)).toEqual([
      newer.conversationId,
      older.conversationId,
    ]);
    expect(await store.get(older.conversationId)).toEqual(older);
    expect(await store.start(older)).toBe(false);
  });
});

describe('message validation', () => {
  it.each([
    ['short', 'hi', 'INVALID_CLIENT_MESSAGE_ID'],
    ['has spaces in it', 'hi', 'INVALID_CLIENT_MESSAGE_ID'],
    ['valid-id-001', '   ', 'EMPTY_MESSAGE'],
    ['valid-id-002', 'x'.repeat(MAX_MESSAGE_CHARS + 1), 'MESSAGE_TOO_LONG'],
  ])('rejects clientMessageId %j with text of %#', (clientMessageId, text, code) => {
    expect(() => validateNewMessage({ clientMessageId, text })).toThrow(expect.objectContaining({ code }));
  });

  it('counts characters, not UTF-16 units: the longest Chinese or emoji message still fits', () => {
    expect(() =>
      validateNewMessage({ clientMessageId: 'valid-id-003', text: '😀'.repeat(MAX_MESSAGE_CHARS) }),
    ).not.toThrow();
  });
});
