import { randomUUID } from 'node:crypto';
import { callOutcomeBody, logCallOutcome } from '../../domain/console/call-outcomes';
import { accountIdPath } from '../../http/account-path';
import { httpHandler } from '../../http/http-handler';
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
export const handler = httpHandler(
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
