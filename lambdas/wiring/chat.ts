/** The portal chat wired to DynamoDB and the bus, for the customer's and the agents' conversation routes. */
import type { PortalChatDeps } from '../domain/chat/portal-chat';
import type { LlmPort } from '../domain/drafting/drafting-service';
import { clock } from './clock';
import { accountRepository, auditLog, conversationStore, draftStore } from './dynamo';
import { eventPublisher } from './events';
import { businessMetrics } from './metrics';

/**
 * The chat's stores and bus. The customer's side passes the model (if any) to run the assistant; the agents'
 * side passes none, so its bundle carries no model client.
 */
export function portalChatDeps(llm: LlmPort | undefined): PortalChatDeps {
  return {
    llm,
    accounts: accountRepository(),
    drafts: draftStore(),
    conversations: conversationStore(),
    events: eventPublisher(),
    clock: clock(),
    metrics: businessMetrics(),
    audit: auditLog(),
  };
}
