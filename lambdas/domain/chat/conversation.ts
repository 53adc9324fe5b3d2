/**
 * Conversations between a customer, the assistant and agents: ordered messages, each stored once however
 * often its sender retries (the client's message id makes a send idempotent), none lost when several arrive at
 * once, each of bounded size. Every assistant turn records what produced it: model, prompt version, tokens and
 * the gate's verdict.
 */
import { DomainError } from '../errors';

export type Author = 'customer' | 'assistant' | 'agent' | 'system';

/** Longest message text, in characters: a chat turn, not a document. */
export const MAX_MESSAGE_CHARS = 2_000;
/** Client message ids: a UUID or any opaque token of this shape. */
const CLIENT_MESSAGE_ID = /^[A-Za-z0-9_-]{8,64}$/;

export interface TurnRecord {
  readonly model: string;
  readonly promptId: string;
  readonly promptVersion: string;
  readonly tokens: { readonly prompt: number; readonly completion: number };
  /** How the customer's message was read: the ask, how sure, and whether it tried to manipulate. */
  readonly reading?: { readonly intent: string; readonly confidence: number; readonly injection: boolean };
  readonly verdict: {
    readonly allowed: boolean;
    readonly violations: readonly { rule: string; detail: string }[];
  };
}

export interface ConversationMessage {
  readonly conversationId: string;
  /** For an assistant reply: the position of the customer message it answers. */
  readonly inReplyTo?: number;
  /** Position in the conversation: strictly increasing, not necessarily contiguous. */
  readonly seq: number;
  readonly clientMessageId: string;
  readonly author: Author;
  /** The agent's or the system's id; none for the customer and the assistant. */
  readonly authorId?: string;
  readonly text: string;
  /**
   * The disclosures the policy pack requires (the US mini-Miranda), shown with this message because it is
   * the first of the conversation in its language; the chat shows them once, not under every message.
   */
  readonly disclosures?: readonly string[];
  readonly at: string;
  readonly turn?: TurnRecord;
}

export interface Conversation {
  readonly conversationId: string;
  readonly accountId: string;
  readonly channel: 'portal';
  readonly language: 'en' | 'zh-CN';
  readonly startedAt: string;
  /** The agent who took the chat over; from then on the assistant stays silent. */
  readonly agent?: { readonly agentId: string; readonly joinedAt: string };
  /** What the assistant remembers between turns (plain JSON). */
  readonly assistantState?: Record<string, unknown>;
}

export type NewMessage = Omit<ConversationMessage, 'seq' | 'conversationId'>;

export interface AppendResult {
  readonly message: ConversationMessage;
  /** False when the client message id was stored before: the earlier message is returned. */
  readonly created: boolean;
}

export interface Reservation {
  readonly firstSeq: number;
  readonly conversation: Conversation;
}

export interface ConversationStore {
  /** Creates the conversation; false when one with that id exists. */
  start(conversation: Conversation): Promise<boolean>;
  get(conversationId: string): Promise<Conversation | undefined>;
  listForAccount(accountId: string): Promise<Conversation[]>;
  /** Appends at the next position, once per client message id. Throws not-found for an unknown conversation. */
  append(conversationId: string, message: NewMessage): Promise<AppendResult>;
  /**
   * Takes the next `count` positions (one round trip) and returns the conversation as it is now. With
   * `accountId`, a conversation of another account is not found.
   */
  reserve(conversationId: string, count: number, accountId?: string): Promise<Reservation>;
  /**
   * Writes a message at a reserved position, once per client message id (a repeat returns the stored one),
   * and the assistant's memory after the turn with it when given.
   */
  appendAt(
    conversationId: string,
    seq: number,
    message: NewMessage,
    assistantState?: Record<string, unknown>,
  ): Promise<AppendResult>;
  /** Hands the chat to an agent; false when an agent already has it. */
  takeOver(conversationId: string, agent: NonNullable<Conversation['agent']>): Promise<boolean>;
  /** Messages in order, after `afterSeq` when given, at most `limit`. */
  messages(
    conversationId: string,
    options?: { afterSeq?: number; limit?: number },
  ): Promise<ConversationMessage[]>;
}

/** Checks what a sender controls before anything is stored. */
export function validateNewMessage(message: Pick<NewMessage, 'clientMessageId' | 'text'>): void {
  if (!CLIENT_MESSAGE_ID.test(message.clientMessageId)) {
    throw new DomainError(
      'invalid',
      'INVALID_CLIENT_MESSAGE_ID',
      'clientMessageId must be 8 to 64 letters, digits, "-" or "_".',
    );
  }
  if (message.text.trim().length === 0) {
    throw new DomainError('invalid', 'EMPTY_MESSAGE', 'A message needs some text.');
  }
  if ([...message.text].length > MAX_MESSAGE_CHARS) {
    throw new DomainError(
      'invalid',
      'MESSAGE_TOO_LONG',
      `A message may be at most ${MAX_MESSAGE_CHARS} characters.`,
    );
  }
}
