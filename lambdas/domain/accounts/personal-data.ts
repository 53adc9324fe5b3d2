/**
 * Personal data staff see by default: enough to recognise the customer, not enough to impersonate them. The
 * date of birth (an identity check in the portal and on calls) shows as its year; phone numbers and e-mail
 * addresses keep only what tells two apart. Revealing a field in full is an explicit action, written to the
 * audit trail (who, which field, why, when) before the value is shown, for supervisors to review.
 */
import { DomainError, notFound } from '../errors';
import type { AccountRepository, AuditEntry, Clock } from '../ports';
import type { Customer } from './account';

/** The fields shown masked until revealed. */
export const REVEALABLE_FIELDS = ['dateOfBirth', 'phone', 'email'] as const;
export type RevealableField = (typeof REVEALABLE_FIELDS)[number];

/** `+1-202-555-0100` → `+1-•••-•••-••00`: separators and the country code stay, the last two digits show. */
export function maskPhone(phone: string): string {
  const trimmed = phone.trim();
  const country = /^\+\d{1,3}(?=[\s-])/.exec(trimmed)?.[0] ?? '';
  const rest = trimmed.slice(country.length);
  let toMask = rest.replace(/\D/g, '').length - 2;
  return country + rest.replace(/\d/g, (digit) => (toMask-- > 0 ? '•' : digit));
}

/** `alex.lee@example.com` → `a•••@example.com`. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '•••';
  return `${email[0]}•••${email.slice(at)}`;
}

/** `1980-04-02` → `1980`. */
export const birthYearOf = (dateOfBirth: string): number | null => {
  const year = Number(dateOfBirth.slice(0, 4));
  return Number.isInteger(year) && /^\d{4}-/.test(dateOfBirth) ? year : null;
};

/** The customer as staff see them until they reveal a field. */
export type MaskedCustomer = Omit<Customer, 'dateOfBirth'> & {
  readonly birthYear: number | null;
  /** Which fields are masked here: each can be revealed, audited. */
  readonly masked: readonly RevealableField[];
};

export function maskedCustomer(customer: Customer): MaskedCustomer {
  const { dateOfBirth, phone, email, ...rest } = customer;
  return {
    ...rest,
    birthYear: birthYearOf(dateOfBirth),
    phone: phone ? maskPhone(phone) : '',
    email: email ? maskEmail(email) : '',
    masked: REVEALABLE_FIELDS,
  };
}

/** Audit entries of reveals carry this review mark: supervisors list them across accounts. */
export const REVEAL_REVIEW = 'personal_data_reveal';
export const PERSONAL_DATA_REVEALED = 'PersonalDataRevealed';

export interface RevealRequest {
  readonly accountId: string;
  readonly field: RevealableField;
  /** Why the staff member needs it, in their words: what a supervisor reads when reviewing. */
  readonly reason: string;
  readonly staffId: string;
  readonly role: 'agent' | 'supervisor';
}

export interface RevealDeps {
  readonly accounts: AccountRepository;
  readonly audit: { append(entry: AuditEntry): Promise<void> };
  readonly clock: Clock;
  readonly newId: () => string;
}

const FIELD_NAMES: Record<RevealableField, string> = {
  dateOfBirth: 'date of birth',
  phone: 'phone number',
  email: 'e-mail address',
};

/** The field in full, once the reveal is on the audit trail (no entry, no value). */
export async function revealPersonalData(
  deps: RevealDeps,
  request: RevealRequest,
): Promise<{ field: RevealableField; value: string; revealedAt: string }> {
  const reason = request.reason.trim();
  if (reason.length < 5) {
    throw new DomainError(
      'invalid',
      'REASON_REQUIRED',
      'Say why you need to see this (5 characters or more).',
    );
  }
  const account = await deps.accounts.get(request.accountId);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${request.accountId}.`);
  const at = deps.clock.now().toISOString();
  await deps.audit.append({
    accountId: request.accountId,
    entryId: `reveal#${deps.newId()}`,
    at,
    kind: PERSONAL_DATA_REVEALED,
    summary: `${request.staffId} (${request.role}) revealed the customer's ${FIELD_NAMES[request.field]}: ${reason}`,
    data: { field: request.field, by: request.staffId, role: request.role, reason },
    review: REVEAL_REVIEW,
  });
  return { field: request.field, value: account.customer[request.field], revealedAt: at };
}

/** A reveal as a supervisor reviews it. */
export interface RevealRecord {
  readonly accountId: string;
  readonly at: string;
  readonly field: RevealableField;
  readonly by: string;
  readonly role: string;
  readonly reason: string;
}

export const revealRecordOf = (entry: AuditEntry): RevealRecord => ({
  accountId: entry.accountId,
  at: entry.at,
  field: entry.data.field as RevealableField,
  by: String(entry.data.by),
  role: String(entry.data.role),
  reason: String(entry.data.reason),
});
