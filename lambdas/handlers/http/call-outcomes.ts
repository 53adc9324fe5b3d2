import { randomUUID } from 'node:crypto';
import { callOutcomeBody, logCallOutcome } from '../../domain/console/call-outcomes';
import { callWindow } from '../../domain/console/call-window';
import { accountIdPath } from '../../http/account-path';
import { byRoute, httpHandler } from '../../http/http-handler';
import { clock } from '../../wiring/clock';
import { accountRepository, contactStore } from '../../wiring/dynamo';
import { eventPublisher } from '../../wiring/events';

const deps = {
  accounts: accountRepository(),
  contactLog: contactStore(),
  events: eventPublisher(),
  clock: clock(),
};

/** POST /accounts/{accountId}/calls: the signed-in agent logs a call's outcome (201 with what was logged). */
const logCall = httpHandler(
  { route: 'POST /accounts/{accountId}/calls', path: accountIdPath, body: callOutcomeBody },
  async ({ path, body, principal }) => ({
    statusCode: 201,
    body: await logCallOutcome(deps, {
      accountId: path.accountId,
      agentId: principal!.sub,
      // The console's name for the call makes a retry the same call; without one, every request is a call.
      callId: body.clientCallId ?? randomUUID(),
      body,
    }),
  }),
);

/** GET /accounts/{accountId}/call-window: may I call now? The customer's time, the verdict, the next moment. */
const mayICall = httpHandler(
  { route: 'GET /accounts/{accountId}/call-window', path: accountIdPath },
  async ({ path }) => ({ body: await callWindow(deps, path.accountId) }),
);

export const handler = byRoute({
  'POST /accounts/{accountId}/calls': logCall,
  'GET /accounts/{accountId}/call-window': mayICall,
});
