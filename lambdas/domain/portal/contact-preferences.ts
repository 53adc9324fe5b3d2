/**
 * The customer's own view of how we contact them: what we sent, the contacts made, their preferences; and
 * changing them. A change takes effect through the same events as in the chat (`ContactPreferencesChanged`,
 * `CeaseRequested`), so the account and the audit trail see one kind of decision whichever way it came.
 */
import { domainEvent } from '../../../contracts/events';
import type { ContactChannel } from '../compliance';
import { notFound } from '../errors';
import type { ContactLog, Outbox } from '../outreach/outreach';
import type { AccountRepository, Clock, EventPublisher } from '../ports';

export interface ContactPreferencesView {
  readonly smsConsent: boolean;
  readonly refusedChannels: readonly ContactChannel[];
  readonly ceaseRequested: boolean;
}

const EPOCH = '1970-01-01T00:00:00.000Z';

export async function customerContacts(
  deps: { accounts: AccountRepository; outbox: Outbox; contactLog: ContactLog },
  accountId: string,
) {
  const [account, messages, contacts] = await Promise.all([
    deps.accounts.get(accountId),
    deps.outbox.list(accountId),
    deps.contactLog.since(accountId, EPOCH),
  ]);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  return {
    // What reached the customer: sent messages, not drafts the gate stopped or that still wait.
    messages: messages
      .filter((message) => message.status === 'sent')
      .map(({ channel, subject, text, sentAt, status }) => ({ channel, subject, text, sentAt, status }))
      .sort((a, b) => String(b.sentAt).localeCompare(String(a.sentAt))),
    contacts: contacts.reverse().map(({ at, channel, kind }) => ({ at, channel, kind })),
    preferences: preferencesOf(account),
  };
}

export async function changePreferences(
  deps: { accounts: AccountRepository; events: EventPublisher; clock: Clock },
  accountId: string,
  change: { refusedChannels: readonly ContactChannel[]; stopContact: boolean },
): Promise<ContactPreferencesView> {
  const account = await deps.accounts.get(accountId);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  const decidedAt = deps.clock.now().toISOString();
  const refusedChannels = [...new Set(change.refusedChannels)].sort();
  const base = { accountId, decidedAt };
  await deps.events.publish([
    domainEvent('ContactPreferencesChanged', {
      ...base,
      requestId: `preferences#${accountId}#${decidedAt}`,
      refusedChannels,
    }),
    ...(change.stopContact && !account.flags.ceaseRequested
      ? [domainEvent('CeaseRequested', { ...base, requestId: `cease#${accountId}#${decidedAt}` })]
      : []),
  ]);
  return {
    smsConsent: account.customer.contactPreferences.smsConsent,
    refusedChannels,
    ceaseRequested: account.flags.ceaseRequested || change.stopContact,
  };
}

function preferencesOf(account: {
  customer: { contactPreferences: { smsConsent: boolean; refusedChannels: readonly ContactChannel[] } };
  flags: { ceaseRequested: boolean };
}): ContactPreferencesView {
  return {
    smsConsent: account.customer.contactPreferences.smsConsent,
    refusedChannels: account.customer.contactPreferences.refusedChannels,
    ceaseRequested: account.flags.ceaseRequested,
  };
}
