import { suggestedScript } from '../../domain/drafting/agent-script';
import { notFound } from '../../domain/errors';
import { pitchStillStands } from '../../domain/outreach/approve-draft';
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

/**
 * The last drafts, each with the gate's verdict per channel: what an agent reviews and approves. Drafts that
 * pitched the options an agreed plan replaced are not offered any more (the contact history keeps what was sent).
 */
const drafts = httpHandler(
  { route: 'GET /accounts/{accountId}/drafts', path: accountIdPath },
  async ({ path }) => {
    const account = await deps.accounts.get(path.accountId);
    if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${path.accountId}.`);
    const recent = await deps.drafts.recent(path.accountId, RECENT_DRAFTS);
    return { body: { drafts: recent.filter((draft) => pitchStillStands(account, draft)) } };
  },
);

const RECENT_DRAFTS = 10;

export const handler = byRoute({
  'GET /accounts/{accountId}/script': script,
  'GET /accounts/{accountId}/drafts': drafts,
});
