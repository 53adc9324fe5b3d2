/**
 * Chat benchmark (issue #5): server time of a portal chat turn with the offline assistant on DynamoDB Local,
 * next to a bare DynamoDB write + query on the same DynamoDB Local in the same run; and the model prompt's
 * tokens at turns 5 and 50 of a scripted conversation (the window keeps it flat).
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { DynamoAccountRepository } from '../lambdas/adapters/dynamodb/account-repository';
import { createDocumentClient } from '../lambdas/adapters/dynamodb/client';
import { DynamoConversationStore } from '../lambdas/adapters/dynamodb/conversation-store';
import { DynamoDraftStore } from '../lambdas/adapters/dynamodb/draft-store';
import type { Account } from '../lambdas/domain/accounts/account';
import { INITIAL_CHAT_STATE } from '../lambdas/domain/chat/assistant';
import { type RecentMessage, renderChatPrompt } from '../lambdas/domain/chat/model-turn';
import { openConversation, sendCustomerMessage } from '../lambdas/domain/chat/portal-chat';
import { OFFER_POLICY } from '../lambdas/domain/offers/offer-policy';
import { computeOffers } from '../lambdas/domain/offers/plan-calculator';
import { startDynamoDbLocal } from '../local/dynamodb-local';
import { createTables, localTableNames } from '../local/tables';
import { aScoredAccount } from '../test/support/accounts';

const TURNS = 300;
const WARMUP = 30;
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
/**
 * What a customer says over and over in the benchmark: each line drives a different part of the dialogue
 * (options, a proposal and a no, hardship with an answer to the assistant's own question, a person, the
 * balance explained, a greeting).
 */
const SCRIPT = [
  'show my options',
  'option 2',
  'no',
  'I lost my job',
  '1800',
  'about 1,650 a month',
  'talk to a person',
  'hello',
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)) };
};
const round = (value: number) => Number(value.toFixed(2));

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function benchChat() {
  const dynamodb = await startDynamoDbLocal();
  try {
    const client = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: 'us-east-1', credentials });
    const db = createDocumentClient(client);
    const tables = localTableNames('chatbench');
    await createTables(client, tables);
    const account = scoredAccount();
    await db.send(new PutCommand({ TableName: tables.accounts, Item: account }));
    const deps = {
      accounts: new DynamoAccountRepository(db, tables.accounts),
      drafts: new DynamoDraftStore(db, tables.offers),
      conversations: new DynamoConversationStore(db, tables.conversations),
      events: { publish: async () => {} },
      clock: { now: () => new Date() },
    };
    const conversation = await openConversation(deps, account.accountId, randomUUID);

    const turn = (index: number) =>
      sendCustomerMessage(deps, {
        accountId: account.accountId,
        conversationId: conversation.conversationId,
        clientMessageId: randomUUID(),
        text: SCRIPT[index % SCRIPT.length]!,
      });
    // The baseline: one conditional-free write and one query of the same table, as a turn's floor.
    const bare = (index: number) => async () => {
      await db.send(
        new PutCommand({
          TableName: tables.conversations,
          Item: { conversationId: 'bare', itemKey: `msg#${String(index).padStart(12, '0')}`, text: 'x' },
        }),
      );
      await db.send(
        new QueryCommand({
          TableName: tables.conversations,
          KeyConditionExpression: 'conversationId = :id',
          ExpressionAttributeValues: { ':id': 'bare' },
          ScanIndexForward: false,
          Limit: 10,
        }),
      );
    };
    const turnMs: number[] = [];
    const bareMs: number[] = [];
    for (let index = 0; index < WARMUP + TURNS; index++) {
      // Interleaved, so both see the same machine load.
      const t = await timed(() => turn(index));
      const b = await timed(bare(index));
      if (index >= WARMUP) {
        turnMs.push(t);
        bareMs.push(b);
      }
    }
    const chatTurn = summary(turnMs);
    const bareRoundTrip = summary(bareMs);
    return {
      turns: TURNS,
      chatTurnMs: chatTurn,
      bareWritePlusQueryMs: bareRoundTrip,
      p50Ratio: round(chatTurn.p50 / bareRoundTrip.p50),
      target: 'p50 ≤ 1.5× the bare round trip',
      promptTokensPerTurn: promptTokens(account),
    };
  } finally {
    await dynamodb.stop();
  }
}

/** Tokens of the model prompt at turns 5 and 50 of the scripted conversation (o200k_base). */
function promptTokens(account: Account) {
  const offers = computeOffers({
    account,
    bucket: 'dpd_1_30',
    riskBand: 'B',
    eligible: ['pay_in_full', 'instalment'],
    today: new Date().toISOString().slice(0, 10),
    policy: OFFER_POLICY,
  });
  const at = (turnNumber: number) => {
    const recent: RecentMessage[] = Array.from({ length: 2 * (turnNumber - 1) }, (_, index) => ({
      author: index % 2 ? 'assistant' : 'customer',
      text:
        index % 2 ? 'Here are your options, each with its schedule.' : SCRIPT[(index / 2) % SCRIPT.length]!,
    }));
    const prompt = renderChatPrompt({
      account,
      offers,
      state: INITIAL_CHAT_STATE,
      text: SCRIPT[turnNumber % SCRIPT.length]!,
      today: new Date().toISOString().slice(0, 10),
      language: 'en',
      offersFor: () => offers,
      recent,
    });
    return countTokens(prompt.system) + countTokens(prompt.user);
  };
  const turn5 = at(5);
  const turn50 = at(50);
  return { turn5, turn50, ratio: round(turn50 / turn5), target: 'turn 50 ≤ 1.2× turn 5' };
}

function scoredAccount(): Account {
  return aScoredAccount({ accountId: 'ACC-BENCH-1' }, { assessedAt: new Date().toISOString() });
}
