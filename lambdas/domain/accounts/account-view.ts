import { notFound } from '../errors';
import type { AccountRepository } from '../ports';
import { type TierStrategy, TREATMENT_POLICY } from '../treatment/treatment-policy';
import type { Account } from './account';
import { daysPastDue } from './delinquency';
import { type MaskedCustomer, maskedCustomer } from './personal-data';

/**
 * What an agent sees of an account: what the bank holds (statements, last score with its reasons, bucket,
 * tier, variant, when it was scored) plus today's days past due and the tier's strategy. The customer's
 * personal data is masked (date of birth as its year, phone and e-mail partly): revealing it is audited.
 */
export type AccountView = Omit<Account, 'customer'> & {
  readonly customer: MaskedCustomer;
  readonly daysPastDue: number | null;
  readonly strategy: TierStrategy | null;
};

export async function getAccountView(
  accounts: AccountRepository,
  accountId: string,
  today: string,
): Promise<AccountView> {
  const account = await accounts.get(accountId);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  let days: number | null;
  try {
    days = daysPastDue(account.oldestUnpaidDueDate, today);
  } catch {
    days = null; // unreadable due date: shown as unknown, flagged by the scoring run
  }
  const strategy = account.treatment ? TREATMENT_POLICY.tiers[account.treatment.tier] : null;
  return { ...account, customer: maskedCustomer(account.customer), daysPastDue: days, strategy };
}
