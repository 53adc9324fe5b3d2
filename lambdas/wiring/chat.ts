/** The portal chat wired to DynamoDB and the bus, for the customer's and the agents' conversation routes. */
import * as z from 'zod';
import { DynamoAccountRepository } from '../adapters/dynamodb/account-repository';
import { documentClient } from '../adapters/dynamodb/client';
import { DynamoConversationStore } from '../adapters/dynamodb/conversation-store';
import { DynamoDraftStore } from '../adapters/dynamodb/draft-store';
import { EventBridgePublisher, eventBridgeClient } from '../adapters/eventbridge/event-publisher';
import { systemClock } from '../adapters/system-clock';
import type { PortalChatDeps } from '../domain/conversations/portal-chat';
import type { LlmPort } from '../domain/drafting/drafting-service';
import { loadConfig, tableNames } from '../runtime/config';

/**
 * The chat's stores and bus. The customer's side passes the model (if any) to run the assistant; the agents'
 * side passes none, so its bundle carries no model client.
 */
export function portalChatDeps(llm: LlmPort | undefined): PortalChatDeps {
  const config = loadConfig({
    ...tableNames('accounts', 'offers', 'conversations'),
    EVENT_BUS_NAME: z.string().min(1),
  });
  const db = documentClient();
  return {
    llm,
    accounts: new DynamoAccountRepository(db, config.ACCOUNTS_TABLE),
    drafts: new DynamoDraftStore(db, config.OFFERS_TABLE),
    conversations: new DynamoConversationStore(db, config.CONVERSATIONS_TABLE),
    events: new EventBridgePublisher(eventBridgeClient(), config.EVENT_BUS_NAME),
    clock: systemClock,
  };
}

export const conversationPath = z.object({ conversationId: z.uuid() });
export const messagesQuery = z.object({ after: z.coerce.number().int().min(0).optional() });
export const newMessageBody = z.strictObject({
  clientMessageId: z.string(),
  text: z.string(),
  /** The page's language when sent (it can switch mid-chat): the assistant replies in it. */
  language: z.enum(['en', 'zh-CN']).optional(),
});
