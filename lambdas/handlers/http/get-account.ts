import { getAccountView } from '../../domain/accounts/account-view';
import { accountIdPath } from '../../http/account-path';
import { httpHandler } from '../../http/http-handler';
import { clock } from '../../wiring/clock';
import { accountRepository } from '../../wiring/dynamo';

const accounts = accountRepository();
const today = () => clock().now().toISOString().slice(0, 10);

export const handler = httpHandler(
  { route: 'GET /accounts/{accountId}', path: accountIdPath },
  async ({ path }) => ({
    body: await getAccountView(accounts, path.accountId, today()),
  }),
);
