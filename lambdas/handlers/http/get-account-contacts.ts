import { contactHistory } from '../../domain/outreach/contact-history';
import { accountIdPath } from '../../http/account-path';
import { httpHandler } from '../../http/http-handler';
import { accountRepository, contactStore } from '../../wiring/dynamo';

const deps = { accounts: accountRepository(), outbox: contactStore(), contactLog: contactStore() };

export const handler = httpHandler(
  { route: 'GET /accounts/{accountId}/contacts', path: accountIdPath },
  async ({ path }) => ({
    body: await contactHistory(deps, path.accountId),
  }),
);
