import * as z from '../../../contracts/schema';
import { debitView, paymentsView, requestDebit } from '../../domain/payments/payments-view';
import { accountIdPath } from '../../http/account-path';
import { byRoute, httpHandler } from '../../http/http-handler';
import { amountBody, instalmentPath } from '../../http/payment-requests';
import { debitPlanningDeps } from '../../wiring/payments';

const deps = debitPlanningDeps();

const overview = httpHandler(
  { route: 'GET /accounts/{accountId}/payments', path: accountIdPath },
  async ({ path }) => ({ body: await paymentsView(deps, path.accountId, 'staff') }),
);

/** The customer agreed on a call: the debit is the agent's, recorded with their id. */
const debitNow = httpHandler(
  {
    route: 'POST /accounts/{accountId}/instalments/{instalmentId}/debits',
    path: z.extend(accountIdPath, { instalmentId: instalmentPath.shape.instalmentId }),
    body: amountBody,
  },
  async ({ principal, path, body }) => ({
    statusCode: 202,
    body: {
      debit: debitView(
        await requestDebit(deps, {
          accountId: path.accountId,
          instalmentId: path.instalmentId,
          amountMinor: body.amountMinor,
          requestedBy: `agent:${principal!.sub}`,
        }),
        'staff',
      ),
    },
  }),
);

const ROUTES: Record<string, typeof overview> = {
  'GET /accounts/{accountId}/payments': overview,
  'POST /accounts/{accountId}/instalments/{instalmentId}/debits': debitNow,
};

/** Agents' view of an account's mandate, instalments and debits; a debit the customer agreed to. */
export const handler = byRoute(ROUTES);
