/**
 * The model never sees who the customer is. Before a call, any personal value in the outbound text is
 * replaced by a placeholder; after it, placeholders are replaced by the real values, and any personal data
 * the model wrote on its own (an echoed or invented e-mail or phone number) is removed first.
 */
import type { Account } from '../accounts/account';

export const PLACEHOLDERS = {
  customerName: '{{CUSTOMER_NAME}}',
  accountRef: '{{ACCOUNT_REF}}',
  phone: '{{PHONE}}',
  email: '{{EMAIL}}',
  dateOfBirth: '{{DATE_OF_BIRTH}}',
} as const;

type PersonalField = keyof typeof PLACEHOLDERS;

/** The account's personal values, keyed like PLACEHOLDERS. */
export type PersonalData = Readonly<Record<PersonalField, string>>;

export function personalDataOf(account: Account): PersonalData {
  const { customer } = account;
  return {
    customerName: customer.name,
    accountRef: maskedAccountRef(account.accountId),
    phone: customer.phone,
    email: customer.email,
    dateOfBirth: customer.dateOfBirth,
  };
}

/** Messages name the account by its last four characters only, as statements do. */
export const maskedAccountRef = (accountId: string): string => `****${accountId.slice(-4)}`;

/** Values that identify the customer, each with the placeholder that stands for it, longest first. */
function identifyingValues(data: PersonalData, accountId: string): [string, string][] {
  const nameParts = data.customerName.split(/\s+/).filter((part) => part.length >= 3);
  const pairs: [string, string][] = [
    [data.customerName, PLACEHOLDERS.customerName],
    ...nameParts.map((part): [string, string] => [part, PLACEHOLDERS.customerName]),
    [accountId, PLACEHOLDERS.accountRef],
    [data.accountRef, PLACEHOLDERS.accountRef],
    [data.email, PLACEHOLDERS.email],
    [data.phone, PLACEHOLDERS.phone],
    [digitsOnly(data.phone), PLACEHOLDERS.phone],
    [data.dateOfBirth, PLACEHOLDERS.dateOfBirth],
  ];
  return pairs.filter(([value]) => value.length > 0).sort(([a], [b]) => b.length - a.length);
}

const digitsOnly = (value: string): string => value.replace(/\D/g, '');

/** `text` with every personal value of the account replaced by its placeholder. */
export function pseudonymise(text: string, data: PersonalData, accountId: string): string {
  return identifyingValues(data, accountId).reduce(
    (rest, [value, placeholder]) => rest.replace(wholeValuePattern(value), placeholder),
    text,
  );
}

const EMAIL_ADDRESS = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/** International numbers (`+1 202…`, `+86 138…`): plain digit runs are left alone, amounts and dates among them. */
const PHONE_NUMBER = /\+\d[\d\s().-]{6,}\d/g;
const PLACEHOLDER = /\{\{([A-Z_]+)\}\}/g;

/**
 * The final text for the customer: e-mail addresses and phone numbers the model wrote are removed, any
 * other personal value it echoed is turned back into its placeholder, then placeholders become real values. Only the name and the
 * masked account reference are ever written out; other or unknown placeholders are dropped.
 */
export function reidentify(text: string, data: PersonalData, accountId: string): string {
  // Addresses and numbers go first, whole: a name part must not split "help@bank.example" before.
  const withoutContacts = text.replace(EMAIL_ADDRESS, '').replace(PHONE_NUMBER, '');
  const scrubbed = pseudonymise(withoutContacts, data, accountId);
  return scrubbed.replace(PLACEHOLDER, (token) => {
    if (token === PLACEHOLDERS.customerName) return data.customerName;
    if (token === PLACEHOLDERS.accountRef) return data.accountRef;
    return '';
  });
}

/** Every string of a JSON-like value passed through `transform`, structure kept. */
export function mapStrings<T>(value: T, transform: (text: string) => string): T {
  if (typeof value === 'string') return transform(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, transform)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapStrings(item, transform)]),
    ) as T;
  }
  return value;
}

/**
 * Case-insensitive; where the value starts or ends with a Latin letter or digit it must do so at a word
 * edge, so the name "Ann" is not found inside "annual" (Chinese text has no word edges to ask for).
 */
function wholeValuePattern(value: string): RegExp {
  const source = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const before = /^[A-Za-z0-9]/.test(value) ? '(?<![A-Za-z0-9])' : '';
  const after = /[A-Za-z0-9]$/.test(value) ? '(?![A-Za-z0-9])' : '';
  return new RegExp(`${before}${source}${after}`, 'gi');
}
