/**
 * What the portal and the console show of an account's automatic payments, and a debit asked for by a
 * person: the customer paying an instalment now from their mandated bank account, or an agent after the
 * customer agreed on a call.
 */
import type { Currency } from '../accounts/account';
import { DomainError, notFound } from '../errors';
import { DEBIT_POLICY } from './debit-policy';
import type { DebtorAccountFormat } from './debtor-accounts';
import { trackStatements } from './instalment-monitor';
import { maskDebtorAccount } from './mandates';
import { cancelScheduled, type ServicingDeps } from './payment-reactions';
import type { DebitAttempt, Instalment, Mandate } from './payments';
import { NOTICED_REQUESTERS, outstandingOf, planDebit } from './plan-debit';
import { customerToday, type PlanStatus, planStatus } from './plan-status';

export interface PaymentsView {
  readonly accountId: string;
  readonly currency: Currency;
  readonly mandate: (Omit<Mandate, 'debtorAccount'> & { readonly debtorAccountMasked: string }) | null;
  readonly instalments: readonly Omit<Instalment, 'accountId' | 'createdAt' | 'currency'>[];
  /** The agreed plan and where the customer stands on it (the overview reads the same). */
  readonly plan?: PlanStatus;
  readonly debits: readonly Omit<
    DebitAttempt,
    'idempotencyKey' | 'debtorAccount' | 'leaseId' | 'leaseUntil' | 'mandateId'
  >[];
  readonly policy: {
    readonly stopNoticeBusinessDays: number;
    readonly noticeLeadBusinessDays: number;
    readonly protectedMinimumMinor: number;
    readonly maxRepresentments: number;
    /** How the bank account is asked for: US routing + account number, Chinese bank card, IBAN. */
    readonly debtorAccountFormat: DebtorAccountFormat;
  };
}

export async function paymentsView(
  deps: Pick<ServicingDeps, 'accounts' | 'store' | 'clock'>,
  accountId: string,
  audience: 'customer' | 'staff',
): Promise<PaymentsView> {
  const account = await deps.accounts.get(accountId);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  // Statement instalments are known as soon as the account's figures are: tracked when first shown (the
  // hourly monitor does the same), so this page never says "nothing due" beside an overview that shows arrears.
  await trackStatements(deps, account);
  const [mandate, instalments, attempts] = await Promise.all([
    deps.store.currentMandate(accountId),
    deps.store.listInstalments(accountId),
    deps.store.listAttempts(accountId),
  ]);
  const today = customerToday(account, deps.clock.now());
  const rules = DEBIT_POLICY.jurisdictions[account.jurisdiction];
  return {
    accountId,
    currency: account.currency,
    mandate: mandate ? mandateView(mandate) : null,
    instalments: instalments
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .map(({ accountId: _a, createdAt: _c, currency: _cur, ...rest }) => rest),
    ...(account.repaymentPlan ? { plan: planStatus(account.repaymentPlan, instalments, today) } : {}),
    debits: attempts
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.number - a.number)
      .map((attempt) => debitView(attempt, audience)),
    policy: {
      stopNoticeBusinessDays: rules.stopNoticeBusinessDays,
      noticeLeadBusinessDays: rules.noticeLeadBusinessDays,
      protectedMinimumMinor: rules.protectedMinimumMinor,
      maxRepresentments: rules.maxRepresentments,
      debtorAccountFormat: rules.debtorAccountFormat,
    },
  };
}

/** An attempt as people see it: no bank account number, idempotency key or lease. */
export function debitView(
  attempt: DebitAttempt,
  audience: 'customer' | 'staff',
): PaymentsView['debits'][number] {
  const {
    idempotencyKey: _k,
    debtorAccount: _d,
    leaseId: _l,
    leaseUntil: _u,
    mandateId: _m,
    ...rest
  } = attempt;
  // Customers see that an agent asked, not which staff member.
  const requestedBy =
    audience === 'customer' && rest.requestedBy.startsWith('agent:') ? 'agent' : rest.requestedBy;
  return { ...rest, requestedBy };
}

export function mandateView(mandate: Mandate): NonNullable<PaymentsView['mandate']> {
  const { debtorAccount, ...rest } = mandate;
  return { ...rest, debtorAccountMasked: maskDebtorAccount(debtorAccount) };
}

/** A debit of `amountMinor` for one instalment, now, within what is due and what the mandate allows. */
export async function requestDebit(
  deps: ServicingDeps,
  request: { accountId: string; instalmentId: string; amountMinor: number; requestedBy: string },
): Promise<DebitAttempt> {
  const { accountId, instalmentId, amountMinor } = request;
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) {
    throw new DomainError(
      'invalid',
      'INVALID_AMOUNT',
      'The amount is a positive whole number of minor units.',
    );
  }
  const [account, mandate, instalment, attempts] = await Promise.all([
    deps.accounts.get(accountId),
    deps.store.currentMandate(accountId),
    deps.store.getInstalment({ accountId, instalmentId }),
    deps.store.listAttempts(accountId),
  ]);
  if (!account || !instalment)
    throw notFound('INSTALMENT_NOT_FOUND', `No instalment ${instalmentId} on this account.`);
  const outstanding = outstandingOf(instalment);
  if (instalment.status === 'paid' || outstanding === 0) {
    throw new DomainError('conflict', 'INSTALMENT_PAID', 'This instalment is already paid.');
  }
  if (amountMinor > outstanding) {
    throw new DomainError('invalid', 'AMOUNT_ABOVE_DUE', `At most ${outstanding} is due on this instalment.`);
  }
  if (mandate?.status === 'active' && amountMinor > mandate.maxAmountMinor) {
    throw new DomainError(
      'invalid',
      'AMOUNT_ABOVE_MANDATE',
      `The mandate allows at most ${mandate.maxAmountMinor} per debit.`,
    );
  }
  const own = attempts.filter((attempt) => attempt.instalmentId === instalmentId);
  const onItsWay = own.filter((attempt) => ['scheduled', 'executing', 'unknown'].includes(attempt.state));
  // An automatic debit still waiting for its day stands down for the customer paying now; one a person asked
  // for, or one already at the bank, does not.
  const standsDown = (attempt: DebitAttempt) =>
    request.requestedBy === 'customer' &&
    attempt.state === 'scheduled' &&
    NOTICED_REQUESTERS.has(attempt.requestedBy);
  if (onItsWay.some((attempt) => !standsDown(attempt))) {
    throw new DomainError('conflict', 'DEBIT_PENDING', 'A debit for this instalment is already on its way.');
  }
  const stoodDown = await cancelScheduled(deps, accountId, (_instalment, attempt) =>
    attempt && attempt.instalmentId === instalmentId && standsDown(attempt) ? ['PAID_NOW_BY_CUSTOMER'] : [],
  );
  if (stoodDown.length < onItsWay.length) {
    throw new DomainError('conflict', 'DEBIT_PENDING', 'A debit for this instalment is already on its way.');
  }
  const planned = await planDebit(deps, {
    account,
    mandate,
    instalment,
    number: Math.max(0, ...own.map((attempt) => attempt.number)) + 1,
    requestedBy: request.requestedBy,
    requestedMinor: amountMinor,
  });
  // `exists`: another request for this instalment won the race; its debit is the one on its way.
  if (planned.outcome !== 'scheduled') {
    throw new DomainError('conflict', 'DEBIT_PENDING', 'A debit for this instalment is already on its way.');
  }
  return planned.attempt;
}
