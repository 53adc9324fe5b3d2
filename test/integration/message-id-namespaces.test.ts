/**
 * Client message ids live in their author's namespace: a customer (or an agent) who sends the ids the system
 * gives its own messages (`reply-<seq>` for the assistant's answers, `agent-joined-<agent>` for "an agent has
 * joined") takes nothing from the system. Every such id is planted first, then the conversation goes on.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoAccountRepository } from '../../lambdas/adapters/dynamodb/account-repository';
import { DynamoConversationStore } from '../../lambdas/adapters/dynamodb/conversation-store';
import { DynamoDraftStore } from '../../lambdas/adapters/dynamodb/draft-store';
import {
  openConversation,
  type PortalChatDeps,
  sendAgentMessage,
  sendCustomerMessage,
  takeOverConversation,
} from '../../lambdas/domain/chat/portal-chat';
import type { DomainEvent } from '../../lambdas/domain/ports';
import { aScoredAccount } from '../support/accounts';
import { freshTables } from '../support/dynamodb';

const NOW = new Date('2026-11-23T15:00:00.000Z');
const AGENTS = ['alice', 'ben', 'sam', 'agent-with-a-much-longer-identifier@example.com'];
/** Every id the system writes under: the assistant's replies to each position, each agent joining. */
const SYSTEM_IDS = [
  ...Array.from({ length: 60 }, (_, seq) => `reply-${seq}`),
  ...AGENTS.map((agent) => `agent-joined-${agent.replace(/[^\w-]/g, '_')}`.slice(0, 64).padEnd(8, '_')),
];
let tables: Awaited<ReturnType<typeof freshTables>>;
let sequence = 0;

beforeAll(async () => {
  tables = await freshTables();
});

async function chat() {
  sequence += 1;
  const accountId = `ACC-${String(810_000 + sequence)}`;
  const account = aScoredAccount({ accountId }, { assessedAt: NOW.toISOString() });
  await tables.db.send(new PutCommand({ TableName: tables.names.accounts, Item: account }));
  const events: DomainEvent[] = [];
  const deps: PortalChatDeps = {
    accounts: new DynamoAccountRepository(tables.db, tables.names.accounts),
    drafts: new DynamoDraftStore(tables.db, tables.names.offers),
    conversations: new DynamoConversationStore(tables.db, tables.names.conversations),
    events: { publish: async (batch) => void events.push(...batch) },
    clock: { now: () => NOW },
  };
  const { conversationId } = await openConversation(deps, accountId, randomUUID);
  const say = (clientMessageId: string, text = 'show my options') =>
    sendCustomerMessage(deps, { accountId, conversationId, clientMessageId, text });
  return { deps, conversationId, say, events };
}

describe('client message ids in their author’s namespace', () => {
  it('a customer planting every system id takes none of them: every send still gets its own reply', async () => {
    const c = await chat();
    const valid = SYSTEM_IDS.filter((id) => /^[A-Za-z0-9_-]{8,64}$/.test(id));
    // reply-0 … reply-9 are too short for a client id: nobody can send them.
    for (const id of valid) {
      const { message, reply } = await c.say(id);
      expect(message).toMatchObject({ author: 'customer', clientMessageId: id });
      expect(reply).toMatchObject({ author: 'assistant', inReplyTo: message.seq });
      expect(reply!.text).not.toBe(message.text);
    }
    // Then the system's ids for the positions the customer's messages reached: replies still stored.
    const messages = await c.deps.conversations.messages(c.conversationId);
    const fromCustomer = messages.filter((m) => m.author === 'customer');
    const replies = messages.filter((m) => m.author === 'assistant');
    expect(fromCustomer).toHaveLength(valid.length);
    expect(replies).toHaveLength(valid.length);
    expect(replies.map((m) => m.inReplyTo)).toEqual(fromCustomer.map((m) => m.seq));
    // A retry of a planted id is still the customer's own message, answered once.
    const retried = await c.say(valid[0]!);
    expect(retried.message.seq).toBe(fromCustomer[0]!.seq);
    expect(await c.deps.conversations.messages(c.conversationId)).toHaveLength(messages.length);
  });

  it('the customer’s planted reply ids for the positions still to come do not silence the assistant', async () => {
    const c = await chat();
    // reply-<n> is the id of the answer to position n. Ten planted messages fill positions 1–20 (each with its
    // reply); the turns after them sit at 21, 23, … and their answers would be reply-21, reply-23, …
    const planted = Array.from({ length: 10 }, (_, index) => `reply-${21 + 2 * index}`);
    for (const id of planted) await c.say(id, 'hello');
    for (let turn = 0; turn < 20; turn++) {
      const { message, reply } = await c.say(randomUUID(), 'what are my options?');
      expect(reply, `turn ${turn} (position ${message.seq})`).toMatchObject({
        author: 'assistant',
        inReplyTo: message.seq,
      });
    }
  });

  it('an agent joins though the customer sent "agent-joined-<agent>" first, and agents and customers may share an id', async () => {
    for (const agent of AGENTS) {
      const c = await chat();
      const joinedId = `agent-joined-${agent.replace(/[^\w-]/g, '_')}`.slice(0, 64).padEnd(8, '_');
      await c.say(joinedId, 'I would like to talk to a person');
      const taken = await takeOverConversation(c.deps, { conversationId: c.conversationId, agentId: agent });
      expect(taken.agent?.agentId).toBe(agent);
      const messages = await c.deps.conversations.messages(c.conversationId);
      const joined = messages.filter((m) => m.author === 'system');
      expect(joined).toHaveLength(1);
      expect(joined[0]).toMatchObject({ clientMessageId: joinedId });
      expect(c.events.map((event) => event.detailType)).toContain('AgentJoined');

      // The same id from an agent and from the customer: two messages, each its author's.
      const shared = `shared-id-${sequence}`;
      const fromAgent = await sendAgentMessage(c.deps, {
        conversationId: c.conversationId,
        agentId: agent,
        clientMessageId: shared,
        text: 'Hello, I can help with your account.',
      });
      const fromCustomer = await c.say(shared, 'thank you');
      expect(fromAgent).toMatchObject({ author: 'agent', clientMessageId: shared });
      expect(fromCustomer.message).toMatchObject({ author: 'customer', clientMessageId: shared });
      expect(fromCustomer.message.seq).not.toBe(fromAgent.seq);
    }
  });
});
