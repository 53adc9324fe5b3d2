/**
 * The portal chat: a customer's message stored once, answered by the assistant (unless an agent has taken
 * the chat over), the reply checked by the message linter before it is stored or shown, and whatever the
 * customer decided (a plan, a promise, a dispute, …) announced as events for customer decisions, payments,
 * the contact policy and the agent queue. Nothing the customer types reaches policy: replies only state figures code computed.
 */
import { type DetailInput, domainEvent } from '../../../contracts/events';
import type { Account, Language } from '../accounts/account';
import { type BusinessMetrics, countBlocked } from '../business-metrics';
import { wallClockIn } from '../compliance/local-time';
import { recordBlocked } from '../dashboard/gate-blocks';
import type { LlmPort } from '../drafting/drafting-service';
import { conflict, DomainError, notFound } from '../errors';
import { OFFER_POLICY } from '../offers/offer-policy';
import { computeOffers, type OfferSet } from '../offers/plan-calculator';
import type { DraftStore } from '../outreach/outreach';
import { offersOf } from '../portal/account-overview';
import type { AccountRepository, AuditLog, Clock, DomainEvent, EventPublisher } from '../ports';
import { TREATMENT_POLICY } from '../treatment/treatment-policy';
import {
  type Budget,
  type ChatAction,
  type ChatState,
  lintReply,
  messageContextOf,
  readChatState,
  sessionDisclosures,
  type TurnInput,
  turnFor,
} from './assistant';
import {
  type Conversation,
  type ConversationMessage,
  type ConversationStore,
  validateNewMessage,
} from './conversation';
import { cleanText } from './dialogue-readers';
import { CHAT_PROMPT, CONTEXT_MESSAGES, modelTurn } from './model-turn';
import { conversationSuggestions, type Suggestion, suggestionsFor } from './suggestions';
import type { Understanding } from './taxonomy';
import { type MessageContext, understand } from './understanding';

/** Recorded on every offline reply, as a prompt version is on model replies. */
export const OFFLINE_ASSISTANT = {
  model: 'offline-classifier',
  promptId: 'chat-offline',
  promptVersion: '2026.12.1',
};

/** Reads a message into the taxonomy: `understand` in production. */
export type MessageReader = (text: string, context: MessageContext) => Understanding;

export interface PortalChatDeps {
  /** With a model, it reads the messages and picks the ask; without (or when it fails), the offline reader. */
  readonly llm?: LlmPort;
  /** The offline reader of the (cleaned) text; `understand` unless given (tests drive the dialogue with fixed readings). */
  readonly reader?: MessageReader;
  readonly accounts: AccountRepository;
  readonly drafts: DraftStore;
  readonly conversations: ConversationStore;
  readonly events: EventPublisher;
  readonly clock: Clock;
  /** Business figures counted here (catalog/metrics.ts); none: not counted. */
  readonly metrics?: BusinessMetrics;
  /** Where messages the gate stopped are kept as facts (the supervisor dashboard counts them); none: not kept. */
  readonly audit?: AuditLog;
}

export interface SendResult {
  readonly message: ConversationMessage;
  /** The assistant's answer; absent while an agent has the chat. */
  readonly reply?: ConversationMessage;
  /** What the customer might say next (quick replies), after this turn. */
  readonly suggestions: readonly Suggestion[];
}

const JOINED: Record<Account['customer']['language'], string> = {
  en: 'An agent has joined the chat and will reply here.',
  'zh-CN': '人工客服已加入对话，将在此回复您。',
};

/** The customer's conversation for today, started when there is none. */
export async function openConversation(
  deps: Pick<PortalChatDeps, 'accounts' | 'conversations' | 'clock' | 'metrics'>,
  accountId: string,
  newId: () => string,
): Promise<Conversation> {
  const account = await accountOf(deps, accountId);
  const now = deps.clock.now().toISOString();
  const [latest] = await deps.conversations.listForAccount(accountId);
  if (latest && latest.startedAt.slice(0, 10) === now.slice(0, 10)) return latest;
  const conversation: Conversation = {
    conversationId: newId(),
    accountId,
    channel: 'portal',
    language: account.customer.language,
    startedAt: now,
  };
  await deps.conversations.start(conversation);
  deps.metrics?.count('ChatsOpened');
  return conversation;
}

/** The conversation when it is the account's own; anyone else's does not exist. */
export async function ownConversation(
  conversations: ConversationStore,
  accountId: string | undefined,
  conversationId: string,
): Promise<Conversation> {
  const conversation = await conversations.get(conversationId);
  if (!conversation || (accountId !== undefined && conversation.accountId !== accountId)) {
    throw notFound('CONVERSATION_NOT_FOUND', `No conversation ${conversationId}.`);
  }
  return conversation;
}

export async function sendCustomerMessage(
  deps: PortalChatDeps,
  request: {
    accountId: string;
    conversationId: string;
    clientMessageId: string;
    text: string;
    /** The page's language when the message was sent (it may switch mid-chat): the reply is in it. */
    language?: Language;
  },
): Promise<SendResult> {
  validateNewMessage(request);
  // Read while the positions are taken and the message written: the turn needs both, neither waits.
  const context = turnContext(deps, request.accountId);
  context.catch(() => {}); // awaited below, or not needed (a repeat, an agent's chat)
  // Two positions: the message and the reply to it, so the reply needs no second reservation.
  const { firstSeq, conversation } = await deps.conversations.reserve(
    request.conversationId,
    2,
    request.accountId,
  );
  const stored = await deps.conversations.appendAt(conversation.conversationId, firstSeq, {
    clientMessageId: request.clientMessageId,
    author: 'customer',
    text: request.text,
    at: deps.clock.now().toISOString(),
  });
  if (!stored.created) {
    const reply = await replyTo(deps, stored.message);
    const now = await deps.conversations.get(conversation.conversationId);
    return { message: stored.message, reply, suggestions: conversationSuggestions(now ?? conversation) };
  }
  if (conversation.agent) return { message: stored.message, suggestions: [] };
  const language = request.language ?? conversation.language;
  const { reply, state } = await answer(deps, conversation, stored.message, language, await context);
  return { message: stored.message, reply, suggestions: suggestionsFor(state, false) };
}

async function turnContext(deps: PortalChatDeps, accountId: string) {
  const account = await accountOf(deps, accountId);
  return { account, offers: (await offersOf(deps, account)) ?? noOffers(account) };
}

/** The assistant's turn over the account's current offers: read, decided, linted, stored, announced. */
async function answer(
  deps: PortalChatDeps,
  conversation: Conversation,
  message: ConversationMessage,
  language: Language,
  { account, offers }: Awaited<ReturnType<typeof turnContext>>,
): Promise<{ reply: ConversationMessage; state: ChatState }> {
  const now = deps.clock.now();
  const input: TurnInput = {
    account,
    offers,
    state: readChatState(conversation.assistantState),
    text: message.text,
    today: wallClockIn(account.customer.timezone, now.getTime())?.date ?? now.toISOString().slice(0, 10),
    language,
    offersFor: (budget: Budget) => withBudget(account, budget, now),
  };
  const offline = (deps.reader ?? understand)(cleanText(input.text), messageContextOf(input));
  const { turn, record } = deps.llm
    ? await withModel(deps, deps.llm, conversation, message, input, offline)
    : {
        turn: turnFor(input, offline),
        record: { ...OFFLINE_ASSISTANT, tokens: { prompt: 0, completion: 0 } },
      };
  const { message: reply } = await deps.conversations.appendAt(
    conversation.conversationId,
    message.seq + 1,
    {
      clientMessageId: `reply-${message.seq}`,
      author: 'assistant',
      text: turn.reply,
      ...(turn.disclosures.length > 0 ? { disclosures: turn.disclosures } : {}),
      at: deps.clock.now().toISOString(),
      inReplyTo: message.seq,
      turn: {
        ...record,
        reading: {
          intent: turn.reading.intent,
          confidence: turn.reading.confidence,
          injection: turn.reading.injection,
        },
        verdict: turn.verdict,
      },
    },
    { ...turn.state },
  );
  if (turn.blocked) {
    countBlocked(deps.metrics, [turn.blocked]);
    await recordBlocked(deps.audit, {
      accountId: conversation.accountId,
      source: 'assistant_reply',
      ref: `${conversation.conversationId}#${message.seq}`,
      at: reply.at,
      verdict: turn.blocked,
    });
  }
  await deps.events.publish(turn.actions.map((action) => customerDecision(conversation, message, action)));
  return { reply, state: turn.state };
}

/** The model picks the ask from a fixed window of the conversation; the reply is the dialogue's. */
async function withModel(
  deps: PortalChatDeps,
  llm: LlmPort,
  conversation: Conversation,
  message: ConversationMessage,
  input: TurnInput,
  offline: Understanding,
) {
  const earlier = await deps.conversations.messages(conversation.conversationId, {
    afterSeq: Math.max(0, message.seq - 2 * CONTEXT_MESSAGES - 1),
  });
  const recent = earlier.filter((m) => m.seq < message.seq).map(({ author, text }) => ({ author, text }));
  const turn = await modelTurn(llm, { ...input, recent, offline });
  const record = turn.ruleFallback
    ? { ...OFFLINE_ASSISTANT, tokens: { prompt: 0, completion: 0 } }
    : {
        model: turn.model,
        promptId: CHAT_PROMPT.id,
        promptVersion: CHAT_PROMPT.version,
        tokens: { prompt: turn.promptTokens, completion: turn.completionTokens },
      };
  return { turn, record };
}

export async function takeOverConversation(
  deps: Pick<PortalChatDeps, 'conversations' | 'events' | 'clock'>,
  request: { conversationId: string; agentId: string },
): Promise<Conversation> {
  const conversation = await ownConversation(deps.conversations, undefined, request.conversationId);
  const joinedAt = deps.clock.now().toISOString();
  if (
    await deps.conversations.takeOver(conversation.conversationId, { agentId: request.agentId, joinedAt })
  ) {
    await deps.conversations.append(conversation.conversationId, {
      clientMessageId: `agent-joined-${request.agentId.replace(/[^\w-]/g, '_')}`.slice(0, 64).padEnd(8, '_'),
      author: 'system',
      text: JOINED[conversation.language],
      at: joinedAt,
    });
    await deps.events.publish([
      domainEvent('AgentJoined', {
        accountId: conversation.accountId,
        conversationId: conversation.conversationId,
        agentId: request.agentId,
        joinedAt,
      }),
    ]);
  }
  return (await deps.conversations.get(conversation.conversationId))!;
}

/** An agent's message, checked by the same linter as the assistant's, once the agent has the chat. */
export async function sendAgentMessage(
  deps: PortalChatDeps,
  request: { conversationId: string; agentId: string; clientMessageId: string; text: string },
): Promise<ConversationMessage> {
  validateNewMessage(request);
  const conversation = await ownConversation(deps.conversations, undefined, request.conversationId);
  if (conversation.agent?.agentId !== request.agentId) {
    throw conflict('NOT_TAKEN_OVER', 'Take the chat over before writing in it.');
  }
  const account = await accountOf(deps, conversation.accountId);
  const offers = (await offersOf(deps, account)) ?? noOffers(account);
  const text = request.text;
  // Checked within the session, as the assistant's replies are: with the disclosures the chat shows once.
  const verdict = lintReply({
    jurisdiction: account.jurisdiction,
    language: conversation.language,
    reply: text,
    offers,
    authored: 'free_text',
  });
  if (!verdict.allowed) {
    countBlocked(deps.metrics, [verdict]);
    await recordBlocked(deps.audit, {
      accountId: account.accountId,
      source: 'agent_message',
      ref: `${conversation.conversationId}#${request.clientMessageId}`,
      at: deps.clock.now().toISOString(),
      verdict,
      agentId: request.agentId,
    });
    throw new DomainError(
      'invalid',
      'MESSAGE_REJECTED',
      `The compliance check stopped this message: ${verdict.violations.map((v) => `${v.rule} (${v.detail})`).join('; ')}`,
      { violations: verdict.violations, text },
    );
  }
  const state = readChatState(conversation.assistantState);
  const disclosed = state.disclosed ?? [];
  const disclosures = disclosed.includes(conversation.language)
    ? []
    : sessionDisclosures(account.jurisdiction, conversation.language);
  const message = {
    clientMessageId: request.clientMessageId,
    author: 'agent' as const,
    authorId: request.agentId,
    text,
    ...(disclosures.length > 0 ? { disclosures } : {}),
    at: deps.clock.now().toISOString(),
  };
  if (disclosures.length === 0)
    return (await deps.conversations.append(conversation.conversationId, message)).message;
  // The first message of the conversation to show the disclosures records that they were shown.
  const { firstSeq } = await deps.conversations.reserve(conversation.conversationId, 1);
  const stored = await deps.conversations.appendAt(conversation.conversationId, firstSeq, message, {
    ...state,
    disclosed: [...disclosed, conversation.language],
  });
  return stored.message;
}

async function replyTo(deps: PortalChatDeps, message: ConversationMessage) {
  const after = await deps.conversations.messages(message.conversationId, { afterSeq: message.seq });
  return after.find((candidate) => candidate.inReplyTo === message.seq);
}

async function accountOf(deps: { accounts: AccountRepository }, accountId: string): Promise<Account> {
  const account = await deps.accounts.get(accountId);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  return account;
}

/** Accounts on hold (or not yet scored) have no options: the assistant still answers, offering none. */
function noOffers(account: Account): OfferSet {
  return {
    policyVersion: OFFER_POLICY.version,
    currency: account.currency,
    totalDueMinor: account.balanceMinor,
    options: [],
  };
}

function withBudget(account: Account, affordability: Budget, now: Date) {
  const { treatment, risk } = account;
  if (!treatment || !risk) return noOffers(account);
  return computeOffers({
    account,
    bucket: treatment.bucket,
    riskBand: risk.band,
    eligible: TREATMENT_POLICY.tiers[treatment.tier].offers,
    today: now.toISOString().slice(0, 10),
    affordability,
    policy: OFFER_POLICY,
  });
}

/** Every chat decision is an event of the same name whose detail is the decision plus its keys. */
type DecisionKeys = 'requestId' | 'accountId' | 'conversationId' | 'decidedAt';
type ActionFitsContract = {
  [A in ChatAction as A['type']]: Omit<A, 'type'> extends Omit<DetailInput<A['type']>, DecisionKeys>
    ? // and no field of the action is missing from the contract (it would be dropped on the way)
      [Exclude<keyof Omit<A, 'type'>, keyof DetailInput<A['type']>>] extends [never]
      ? true
      : false
    : false;
};
const actionsFitContracts: false extends ActionFitsContract[ChatAction['type']] ? never : true = true;
void actionsFitContracts;

/** One event per decision; `requestId` (conversation and message) lets consumers apply it once. */
function customerDecision(
  conversation: Conversation,
  message: ConversationMessage,
  { type, ...decision }: ChatAction,
): DomainEvent {
  return domainEvent(type, {
    requestId: `${conversation.conversationId}#${message.seq}#${type}`,
    accountId: conversation.accountId,
    conversationId: conversation.conversationId,
    decidedAt: message.at,
    ...decision,
  } as DetailInput<typeof type>);
}
