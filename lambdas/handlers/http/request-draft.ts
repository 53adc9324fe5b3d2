import { draftOnRequest } from '../../domain/outreach/draft-on-request';
import { accountIdPath } from '../../http/account-path';
import { httpHandler } from '../../http/http-handler';
import { clock } from '../../wiring/clock';
import { accountRepository, draftStore } from '../../wiring/dynamo';
import { eventPublisher } from '../../wiring/events';
import { businessMetrics } from '../../wiring/metrics';
import { configuredModel } from '../../wiring/model';

const stores = {
  accounts: accountRepository(),
  drafts: draftStore(),
  events: eventPublisher(),
  clock: clock(),
  metrics: businessMetrics(),
};
const deps = configuredModel('drafting').then((llm) => ({ ...stores, llm }));

export const handler = httpHandler(
  { route: 'POST /accounts/{accountId}/drafts', path: accountIdPath },
  async ({ path, principal }) => ({
    statusCode: 201,
    body: await draftOnRequest(await deps, { accountId: path.accountId, agentId: principal!.sub }),
  }),
);
