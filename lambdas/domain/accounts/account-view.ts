import { notFound } from '../errors';
import type { AccountRepository } from '../ports';
import type { Account } from './account';

/** What an agent sees of an account: everything the bank holds, including statements and treatment. */
export type AccountView = Account;

export async function getAccountView(accounts: AccountRepository, accountId: string): Promise<AccountView> {
  const account = await accounts.get(accountId);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  return account;
}
