import { agentPlanBody, agentPlanState, buildAgentPlan } from '../../domain/offers/agent-plan';
import { accountIdPath } from '../../http/account-path';
import { byRoute, httpHandler } from '../../http/http-handler';
import { clock } from '../../wiring/clock';
import { agentOfferStore, consistentAccountRepository } from '../../wiring/dynamo';

const deps = {
  // The builder reads the account it is about to change: a consistent read.
  accounts: consistentAccountRepository(),
  agentOffers: agentOfferStore(),
  clock: clock(),
};

/** GET /accounts/{accountId}/agent-plans: what the policy allows this account, and the plan on offer now. */
const state = httpHandler(
  { route: 'GET /accounts/{accountId}/agent-plans', path: accountIdPath },
  async ({ path }) => ({ body: await agentPlanState(deps, path.accountId) }),
);

/** POST /accounts/{accountId}/agent-plans: work a plan out (a quote), or offer it to the customer. */
const build = httpHandler(
  { route: 'POST /accounts/{accountId}/agent-plans', path: accountIdPath, body: agentPlanBody },
  async ({ path, body, principal }) => {
    const result = await buildAgentPlan(deps, { accountId: path.accountId, agentId: principal!.sub, body });
    return { statusCode: result.offered ? 201 : 200, body: result };
  },
);

export const handler = byRoute({
  'GET /accounts/{accountId}/agent-plans': state,
  'POST /accounts/{accountId}/agent-plans': build,
});
