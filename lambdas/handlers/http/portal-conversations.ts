import { randomUUID } from 'node:crypto';
import { openConversation, ownConversation, sendCustomerMessage } from '../../domain/chat/portal-chat';
import { conversationSuggestions } from '../../domain/chat/suggestions';
import { conversationPath, messagesQuery, newMessageBody } from '../../http/conversation-requests';
import { byRoute, httpHandler } from '../../http/http-handler';
import { portalChatDeps } from '../../wiring/chat';
import { configuredModel } from '../../wiring/model';

// A customer waits for the reply: one retry of 8 s at most before the rules answer, well inside the API's 29 s.
const ready = configuredModel('the chat assistant', { timeoutMs: 8_000, maxRetries: 1 }).then(portalChatDeps);

// The session names the customer's account: a conversation of another account is answered as unknown.
const open = httpHandler({ route: 'POST /portal/conversations' }, async ({ principal }) => ({
  body: await openConversation(await ready, principal!.accountId!, randomUUID),
}));

const list = httpHandler(
  {
    route: 'GET /portal/conversations/{conversationId}/messages',
    path: conversationPath,
    query: messagesQuery,
  },
  async ({ principal, path, query }) => {
    const { conversations } = await ready;
    const conversation = await ownConversation(conversations, principal!.accountId, path.conversationId);
    const messages = await conversations.messages(conversation.conversationId, { afterSeq: query.after });
    return { body: { conversation, messages, suggestions: conversationSuggestions(conversation) } };
  },
);

const send = httpHandler(
  {
    route: 'POST /portal/conversations/{conversationId}/messages',
    path: conversationPath,
    body: newMessageBody,
  },
  async ({ principal, path, body }) => ({
    statusCode: 201,
    body: await sendCustomerMessage(await ready, {
      accountId: principal!.accountId!,
      conversationId: path.conversationId,
      ...body,
    }),
  }),
);

const ROUTES: Record<string, typeof open> = {
  'POST /portal/conversations': open,
  'GET /portal/conversations/{conversationId}/messages': list,
  'POST /portal/conversations/{conversationId}/messages': send,
};

/** The customer's chat: open today's conversation, read it, write in it. */
export const handler = byRoute(ROUTES);
