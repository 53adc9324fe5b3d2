import * as z from '../../../contracts/schema';
import { portalOverview } from '../../domain/portal/account-overview';
import { changePreferences, customerContacts } from '../../domain/portal/contact-preferences';
import { byRoute, httpHandler } from '../../http/http-handler';
import { clock } from '../../wiring/clock';
import { accountRepository, contactStore, draftStore, paymentStore } from '../../wiring/dynamo';
import { eventPublisher } from '../../wiring/events';

const deps = {
  accounts: accountRepository(),
  drafts: draftStore(),
  outbox: contactStore(),
  contactLog: contactStore(),
  events: eventPublisher(),
  store: paymentStore(),
  clock: clock(),
};

// The session names the customer's account: no account id is ever taken from the request.
const overview = httpHandler({ route: 'GET /portal/account' }, async ({ principal }) => ({
  body: await portalOverview(deps, principal!.accountId!),
}));

const history = httpHandler({ route: 'GET /portal/contacts' }, async ({ principal }) => ({
  body: await customerContacts(deps, principal!.accountId!),
}));

const preferences = httpHandler(
  {
    route: 'PUT /portal/preferences',
    body: z.strictObject({
      refusedChannels: z.array(z.enum(['call', 'sms', 'email'])).check(z.maxLength(3)),
      stopContact: z.boolean(),
    }),
  },
  async ({ principal, body }) => ({ body: await changePreferences(deps, principal!.accountId!, body) }),
);

const ROUTES: Record<string, typeof overview> = {
  'GET /portal/account': overview,
  'GET /portal/contacts': history,
  'PUT /portal/preferences': preferences,
};

/** The signed-in customer's account, contact history and contact preferences. */
export const handler = byRoute(ROUTES);
