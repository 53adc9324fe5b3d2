/**
 * Debit mandates: the customer reads the exact authorisation text for their own choices (bank account,
 * maximum per debit, partial sweeps), accepts it, and it is stored word for word with when and where it was
 * given. The hash the page sends back proves the text accepted is the text stored. Revocation is honoured at
 * once: every scheduled debit of the account is cancelled.
 */
import { createHash } from 'node:crypto';
import { DETAIL_TYPES, domainEvent } from '../../../contracts/events';
import type { Account } from '../accounts/account';
import type { SessionVerification } from '../auth/session-token';
import { DomainError, notFound } from '../errors';
import { formatMoney } from '../kernel/format';
import type { AccountRepository, AuditLog, Clock, EventPublisher } from '../ports';
import { DEBIT_POLICY, type DebitPolicy } from './debit-policy';
import { canonicalDebtorAccount } from './debtor-accounts';
import { cancelScheduled } from './payment-reactions';
import type { PaymentStore } from './payment-store';
import type { Mandate } from './payments';

export const MANDATE_TERMS_VERSION = 'mandate-terms.v1';
/** The largest single debit a mandate may allow: far above any instalment, a guard against typos. */
export const MAX_MANDATE_AMOUNT_MINOR = 100_000_000;

export interface MandateChoices {
  readonly debtorAccount: string;
  /** US accounts: the bank's routing number (see `debtor-accounts.ts`). */
  readonly routingNumber?: string;
  readonly maxAmountMinor: number;
  readonly partialAllowed: boolean;
  /** Also collect each instalment of the agreed plan on its due date (not only after one is missed). */
  readonly collectOnDueDate?: boolean;
}

export interface MandateTerms {
  readonly termsVersion: string;
  readonly text: string;
  readonly termsHash: string;
}

export const maskDebtorAccount = (account: string): string => `••••${account.slice(-4)}`;

/** The choices with the bank account in its canonical form, checked as its country numbers accounts. */
function validated(account: Account, choices: MandateChoices, policy: DebitPolicy): MandateChoices {
  const format = policy.jurisdictions[account.jurisdiction].debtorAccountFormat;
  const debtorAccount = canonicalDebtorAccount(format, choices);
  const max = choices.maxAmountMinor;
  if (!Number.isSafeInteger(max) || max <= 0 || max > MAX_MANDATE_AMOUNT_MINOR) {
    throw new DomainError(
      'invalid',
      'INVALID_AMOUNT',
      `The maximum is a whole number of minor units from 1 to ${MAX_MANDATE_AMOUNT_MINOR}.`,
    );
  }
  const { routingNumber: _inCanonical, ...rest } = choices;
  return { ...rest, debtorAccount };
}

/** The exact text the customer accepts, in their language, for their choices. */
export function mandateTerms(
  account: Account,
  raw: MandateChoices,
  policy: DebitPolicy = DEBIT_POLICY,
): MandateTerms {
  const choices = validated(account, raw, policy);
  const rules = policy.jurisdictions[account.jurisdiction];
  const money = (minor: number) => formatMoney(minor, account.currency, account.customer.language);
  const masked = maskDebtorAccount(choices.debtorAccount);
  const text =
    account.customer.language === 'en'
      ? [
          `I authorise the bank to take payments for my credit card account ending ${account.accountId.slice(-4)} ` +
            `from my bank account ending ${masked.slice(-4)}, when a payment I owe is overdue.`,
          ...(choices.collectOnDueDate
            ? [
                'I also authorise the bank to take each instalment of the repayment plan I agreed on its due date, so that it is paid on time.',
              ]
            : []),
          `No single payment will be more than ${money(choices.maxAmountMinor)} or more than what is ${choices.collectOnDueDate ? 'due' : 'overdue'}.`,
          choices.partialAllowed
            ? `If my bank account does not hold enough, the bank may take part of the amount, always leaving at least ${money(rules.protectedMinimumMinor)} in it.`
            : `The bank will only take the full amount, and never if that would leave less than ${money(rules.protectedMinimumMinor)} in my bank account.`,
          `I will be told the amount and date at least ${rules.noticeLeadBusinessDays} business days before each payment.`,
          `A payment that does not go through may be tried again at most ${rules.maxRepresentments} times, each after a new notice.`,
          `I can stop a payment, or cancel this authorisation, in the repayment portal or by calling the bank; a request at least ${rules.stopNoticeBusinessDays} business days before a payment always stops it.`,
        ].join('\n')
      : [
          `本人授权银行在本人尾号${account.accountId.slice(-4)}的信用卡账户出现逾期还款时，从本人尾号${masked.slice(-4)}的银行账户扣款。`,
          ...(choices.collectOnDueDate
            ? ['本人同时授权银行在本人已约定的还款计划每期到期日扣收该期款项，以便按时还款。']
            : []),
          `每笔扣款不超过${money(choices.maxAmountMinor)}，且不超过${choices.collectOnDueDate ? '应还' : '逾期'}金额。`,
          choices.partialAllowed
            ? `如本人银行账户余额不足，银行可扣除部分金额，但账户中始终保留至少${money(rules.protectedMinimumMinor)}。`
            : `银行只会扣除全额；如扣款后账户余额将低于${money(rules.protectedMinimumMinor)}，则不会扣款。`,
          `每次扣款前至少${rules.noticeLeadBusinessDays}个工作日，本人会收到扣款金额和日期的通知。`,
          `扣款未成功的，最多再尝试${rules.maxRepresentments}次，每次均会事先通知。`,
          `本人可通过还款平台或致电银行取消某笔扣款或撤销本授权；在扣款日前至少${rules.stopNoticeBusinessDays}个工作日提出的，必定停止扣款。`,
        ].join('\n');
  // The text shows only the account's last digits; the hash binds the whole number and every choice.
  const { debtorAccount, maxAmountMinor, partialAllowed } = choices;
  const accepted = JSON.stringify([
    MANDATE_TERMS_VERSION,
    text,
    debtorAccount,
    maxAmountMinor,
    partialAllowed,
    // Only when chosen, so a mandate without it keeps the hash it always had.
    ...(choices.collectOnDueDate ? ['collectOnDueDate'] : []),
  ]);
  return {
    termsVersion: MANDATE_TERMS_VERSION,
    text,
    termsHash: createHash('sha256').update(accepted).digest('hex'),
  };
}

export interface MandateDeps {
  readonly accounts: AccountRepository;
  readonly store: PaymentStore;
  readonly events: EventPublisher;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly newId?: () => string;
}

/**
 * A mandate given in the portal is only as good as the session it comes from: it needs one verified by a
 * code that only the customer could read, and records that verification with the mandate.
 */
export async function authoriseMandate(
  deps: MandateDeps,
  accountId: string,
  request: MandateChoices & {
    termsHash: string;
    channel: Mandate['channel'];
    verification: SessionVerification | undefined;
  },
): Promise<Mandate> {
  const { verification } = request;
  if (request.channel === 'portal' && (!verification || verification.codeVisibleToStaff)) {
    throw new DomainError(
      'forbidden',
      'REVERIFICATION_REQUIRED',
      'Sign in again with a new security code to set up automatic payments.',
    );
  }
  const account = await deps.accounts.get(accountId);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  const terms = mandateTerms(account, request);
  if (terms.termsHash !== request.termsHash) {
    throw new DomainError(
      'conflict',
      'TERMS_CHANGED',
      'The authorisation text changed: read it again before accepting.',
    );
  }
  const now = deps.clock.now().toISOString();
  const choices = validated(account, request, DEBIT_POLICY);
  const mandate: Mandate = {
    accountId,
    mandateId: deps.newId?.() ?? crypto.randomUUID(),
    status: 'active',
    debtorAccount: choices.debtorAccount,
    currency: account.currency,
    maxAmountMinor: choices.maxAmountMinor,
    partialAllowed: choices.partialAllowed,
    ...(choices.collectOnDueDate ? { collectOnDueDate: true } : {}),
    authorisationText: terms.text,
    termsVersion: terms.termsVersion,
    authorisedAt: now,
    channel: request.channel,
    ...(verification ? { verification } : {}),
  };
  if (!(await deps.store.createMandate(mandate))) {
    throw new DomainError(
      'conflict',
      'MANDATE_ACTIVE',
      'Automatic payments are already set up: cancel them first to change them.',
    );
  }
  await deps.audit.append({
    accountId,
    entryId: `mandate#${mandate.mandateId}#authorised`,
    at: now,
    kind: DETAIL_TYPES.mandateAuthorised,
    summary: `Debit mandate authorised in the ${mandate.channel}: up to ${mandate.maxAmountMinor} per debit${mandate.partialAllowed ? ', partial sweeps allowed' : ''}${mandate.collectOnDueDate ? ', plan instalments collected on their due dates' : ''}`,
    data: { ...mandate, debtorAccount: maskDebtorAccount(mandate.debtorAccount) },
  });
  await deps.events.publish([
    domainEvent('MandateAuthorised', {
      accountId,
      mandateId: mandate.mandateId,
      authorisedAt: now,
      channel: mandate.channel,
    }),
  ]);
  return mandate;
}

/** Revokes the active mandate and cancels every scheduled debit of the account at once. */
export async function revokeMandate(
  deps: MandateDeps,
  accountId: string,
  via: 'portal' | 'agent',
): Promise<{ mandate: Mandate; cancelledDebits: string[] }> {
  const current = await deps.store.currentMandate(accountId);
  if (current?.status !== 'active')
    throw notFound('NO_MANDATE', 'There are no automatic payments to cancel.');
  const at = deps.clock.now().toISOString();
  if (!(await deps.store.revokeMandate(accountId, current.mandateId, at, via))) {
    throw notFound('NO_MANDATE', 'There are no automatic payments to cancel.');
  }
  const cancelledDebits = await cancelScheduled(deps, accountId, () => ['MANDATE_REVOKED']);
  await deps.audit.append({
    accountId,
    entryId: `mandate#${current.mandateId}#revoked`,
    at,
    kind: DETAIL_TYPES.mandateRevoked,
    summary: `Debit mandate revoked in the ${via}; ${cancelledDebits.length} scheduled debit(s) cancelled`,
    data: { mandateId: current.mandateId, via, cancelledDebits },
  });
  await deps.events.publish([
    domainEvent('MandateRevoked', { accountId, mandateId: current.mandateId, revokedAt: at, via }),
  ]);
  return { mandate: { ...current, status: 'revoked', revokedAt: at, revokedVia: via }, cancelledDebits };
}
