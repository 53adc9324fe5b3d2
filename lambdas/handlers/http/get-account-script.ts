import { suggestedScript } from '../../domain/drafting/agent-script';
import { notFound } from '../../domain/errors';
import { accountIdPath } from '../../http/account-path';
import { byRoute, httpHandler } from '../../http/http-handler';
import { clock } from '../../wiring/clock';
import { accountRepository, draftStore, paymentStore } from '../../wiring/dynamo';

const deps = {
  accounts: accountRepository(),
  drafts: draftStore(),
  store: paymentStore(),
  // The agent is on the phone: the stored draft (model-written when a model is configured) or, when it no
  // longer fits, the offline drafter at once. That also keeps the openai SDK out of this bundle.
  llm: undefined,
  clock: clock(),
};

const script = httpHandler(
  { route: 'GET /accounts/{accountId}/script', path: accountIdPath },
  async ({ path }) => ({
    body: await suggestedScript(deps, path.accountId),
  }),
);

/** The last drafts, each with the gate's verdict per channel: what an agent reviews and approves. */
const drafts = httpHandler(
  { route: 'GET /accounts/{accountId}/drafts', path: accountIdPath },
  async ({ path }) => {
    if (!(await deps.accounts.get(path.accountId))) {
      throw notFound('ACCOUNT_NOT_FOUND', `No account ${path.accountId}.`);
    }
    return { body: { drafts: await deps.drafts.recent(path.accountId, RECENT_DRAFTS) } };
  },
);

const RECENT_DRAFTS = 10;

export const handler = byRoute({
  'GET /accounts/{accountId}/script': script,
  'GET /accounts/{accountId}/drafts': drafts,
});
