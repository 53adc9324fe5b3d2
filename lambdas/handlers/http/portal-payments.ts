import * as z from '../../../contracts/schema';
import { notFound } from '../../domain/errors';
import { authoriseMandate, mandateTerms, revokeMandate } from '../../domain/payments/mandates';
import { debitView, mandateView, paymentsView, requestDebit } from '../../domain/payments/payments-view';
import { byRoute, httpHandler } from '../../http/http-handler';
import { amountBody, instalmentPath, mandateChoices } from '../../http/payment-requests';
import { mandateDeps } from '../../wiring/payments';

const deps = mandateDeps();

// The session names the customer's account: no account id is ever taken from the request.
const overview = httpHandler({ route: 'GET /portal/payments' }, async ({ principal }) => ({
  body: await paymentsView(deps, principal!.accountId!, 'customer'),
}));

const terms = httpHandler(
  { route: 'GET /portal/mandate/terms', query: mandateChoices },
  async ({ principal, query }) => {
    const account = await deps.accounts.get(principal!.accountId!);
    if (!account) throw notFound('ACCOUNT_NOT_FOUND', 'No such account.');
    return { body: mandateTerms(account, query) };
  },
);

const authorise = httpHandler(
  {
    route: 'POST /portal/mandate',
    body: z.strictObject({
      debtorAccount: z.string().check(z.minLength(1), z.maxLength(64)),
      routingNumber: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
      maxAmountMinor: z.number().check(z.int(), z.positive(), z.lte(Number.MAX_SAFE_INTEGER)),
      partialAllowed: z.boolean(),
      collectOnDueDate: z.optional(z.boolean()),
      termsHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    }),
  },
  async ({ principal, body }) => {
    const mandate = await authoriseMandate(deps, principal!.accountId!, {
      ...body,
      channel: 'portal',
      verification: principal!.verification,
    });
    return { statusCode: 201, body: { mandate: mandateView(mandate) } };
  },
);

const revoke = httpHandler({ route: 'DELETE /portal/mandate' }, async ({ principal }) => {
  const { mandate, cancelledDebits } = await revokeMandate(deps, principal!.accountId!, 'portal');
  return { body: { mandate: mandateView(mandate), cancelledDebits } };
});

const payNow = httpHandler(
  { route: 'POST /portal/instalments/{instalmentId}/debits', path: instalmentPath, body: amountBody },
  async ({ principal, path, body }) => ({
    statusCode: 202,
    body: {
      debit: debitView(
        await requestDebit(deps, {
          accountId: principal!.accountId!,
          instalmentId: path.instalmentId,
          amountMinor: body.amountMinor,
          requestedBy: 'customer',
        }),
        'customer',
      ),
    },
  }),
);

const ROUTES: Record<string, typeof overview> = {
  'GET /portal/payments': overview,
  'GET /portal/mandate/terms': terms,
  'POST /portal/mandate': authorise,
  'DELETE /portal/mandate': revoke,
  'POST /portal/instalments/{instalmentId}/debits': payNow,
};

/** The signed-in customer's automatic payments: mandate, instalments, debits, pay now. */
export const handler = byRoute(ROUTES);
