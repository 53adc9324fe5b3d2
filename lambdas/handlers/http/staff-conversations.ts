import { ownConversation, sendAgentMessage, takeOverConversation } from '../../domain/chat/portal-chat';
import { notFound } from '../../domain/errors';
import { accountIdPath } from '../../http/account-path';
import { conversationPath, messagesQuery, newMessageBody } from '../../http/conversation-requests';
import { byRoute, httpHandler } from '../../http/http-handler';
import { portalChatDeps } from '../../wiring/chat';

// No model: agents write their own messages; the assistant runs only on the customer's side.
const deps = portalChatDeps(undefined);

const forAccount = httpHandler(
  { route: 'GET /accounts/{accountId}/conversations', path: accountIdPath },
  async ({ path }) => {
    // An account with no conversations has an empty list; an account that does not exist has none at all.
    const [account, conversations] = await Promise.all([
      deps.accounts.get(path.accountId),
      deps.conversations.listForAccount(path.accountId),
    ]);
    if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${path.accountId}.`);
    return { body: { conversations } };
  },
);

const read = httpHandler(
  { route: 'GET /conversations/{conversationId}/messages', path: conversationPath, query: messagesQuery },
  async ({ path, query }) => {
    const { conversations } = deps;
    const conversation = await ownConversation(conversations, undefined, path.conversationId);
    const messages = await conversations.messages(conversation.conversationId, { afterSeq: query.after });
    return { body: { conversation, messages } };
  },
);

const takeOver = httpHandler(
  { route: 'POST /conversations/{conversationId}/takeover', path: conversationPath },
  async ({ path, principal }) => ({
    body: await takeOverConversation(deps, {
      conversationId: path.conversationId,
      agentId: principal!.sub,
    }),
  }),
);

const write = httpHandler(
  { route: 'POST /conversations/{conversationId}/messages', path: conversationPath, body: newMessageBody },
  async ({ path, principal, body }) => ({
    statusCode: 201,
    body: await sendAgentMessage(deps, {
      conversationId: path.conversationId,
      agentId: principal!.sub,
      ...body,
    }),
  }),
);

const ROUTES: Record<string, typeof read> = {
  'GET /accounts/{accountId}/conversations': forAccount,
  'GET /conversations/{conversationId}/messages': read,
  'POST /conversations/{conversationId}/takeover': takeOver,
  'POST /conversations/{conversationId}/messages': write,
};

/** Agents' side of the chat: find an account's conversations, read one, take it over, answer. */
export const handler = byRoute(ROUTES);
