import * as z from 'zod';
import { DynamoAccountRepository } from '../../adapters/dynamodb/account-repository';
import { documentClient } from '../../adapters/dynamodb/client';
import { DynamoContactStore } from '../../adapters/dynamodb/contact-store';
import { DynamoDraftStore } from '../../adapters/dynamodb/draft-store';
import { EventBridgePublisher, eventBridgeClient } from '../../adapters/eventbridge/event-publisher';
import { systemClock } from '../../adapters/system-clock';
import { portalOverview } from '../../domain/portal/account-overview';
import { changePreferences, customerContacts } from '../../domain/portal/contact-preferences';
import { byRoute, httpHandler } from '../../http/http-handler';
import { loadConfig, tableNames } from '../../runtime/config';

const config = loadConfig({
  ...tableNames('accounts', 'offers', 'contacts'),
  EVENT_BUS_NAME: z.string().min(1),
});
const db = documentClient();
const contacts = new DynamoContactStore(db, config.CONTACTS_TABLE);
const deps = {
  accounts: new DynamoAccountRepository(db, config.ACCOUNTS_TABLE),
  drafts: new DynamoDraftStore(db, config.OFFERS_TABLE),
  outbox: contacts,
  contactLog: contacts,
  events: new EventBridgePublisher(eventBridgeClient(), config.EVENT_BUS_NAME),
  clock: systemClock,
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
      refusedChannels: z.array(z.enum(['call', 'sms', 'email'])).max(3),
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
