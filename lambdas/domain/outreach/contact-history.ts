import { notFound } from '../errors';
import type { AccountRepository } from '../ports';
import type { ContactLog, ContactLogEntry, Outbox, OutboxMessage } from './outreach';

export interface ContactHistory {
  readonly accountId: string;
  /** Every outbox message, newest first, with its status, send verdict and block reasons. */
  readonly messages: readonly OutboxMessage[];
  /** Contacts made, newest first: what the contact caps count. */
  readonly contacts: readonly ContactLogEntry[];
}

const EPOCH = '1970-01-01T00:00:00.000Z';

/** What was sent to the customer, what was stopped and why, and every contact made. */
export async function contactHistory(
  deps: { accounts: AccountRepository; outbox: Outbox; contactLog: ContactLog },
  accountId: string,
): Promise<ContactHistory> {
  const [account, messages, contacts] = await Promise.all([
    deps.accounts.get(accountId),
    deps.outbox.list(accountId),
    deps.contactLog.since(accountId, EPOCH),
  ]);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  return {
    accountId,
    messages: messages.sort((a, b) => b.queuedAt.localeCompare(a.queuedAt)),
    contacts: contacts.reverse(),
  };
}
