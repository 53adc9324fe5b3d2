// @ts-check
// What the portal's "Automatic payments" and the console's Payments panel both know and draw: which
// instalments are still owed, whether a debit is on its way, a plan's schedule, and the "debit this amount
// now" form. Each page keeps its own words.
import { minorToInput, parseAmountMinor } from './amounts.js';
import { h, say } from './dom.js';

/** @typedef {import('./types').Child} Child */

/**
 * An instalment as GET /portal/payments and GET /accounts/{id}/payments give it.
 * @typedef {{ instalmentId: string, dueDate: string, amountMinor: number, paidMinor?: number,
 *   status: string, source?: string, debitBlockedReasons?: string[] }} Instalment
 */

/**
 * A debit attempt as the same answers give it.
 * @typedef {{ attemptId: string, instalmentId: string, number: number, state: string, debitAt?: string,
 *   stopBy?: string, plannedMinor?: number, amountMinor?: number, finishedAt?: string,
 *   failureReason?: string, cancelledReasons?: string[], requestedBy?: string, afterRefusal?: boolean }} Debit
 */

/** Instalment states with money still to collect. */
export const UNPAID = new Set(['due', 'missed']);
/** Debit states still on their way (the bank has not said how it ended). */
export const PENDING_DEBIT = new Set(['scheduled', 'executing', 'unknown']);
/** Who starts automatic debits: one of theirs still waiting for its day stands down for a customer paying now. */
const AUTOMATIC = new Set(['monitor', 'schedule']);

/**
 * An automatic debit that has not reached the bank yet: the customer may still pay the instalment now instead.
 * @param {Debit} debit
 */
export const standsDownForPayNow = (debit) =>
  debit.state === 'scheduled' && AUTOMATIC.has(String(debit.requestedBy ?? ''));
/** The tone of an instalment's status chip. */
export const INSTALMENT_TONES = /** @type {Record<string, string>} */ ({
  due: 'info',
  missed: 'warn',
  paid: 'ok',
});

/**
 * What is still owed on an instalment, never below zero.
 * @param {Pick<Instalment, 'amountMinor' | 'paidMinor'>} instalment
 */
export const owedMinor = (instalment) =>
  Math.max(0, (instalment.amountMinor ?? 0) - (instalment.paidMinor ?? 0));

/**
 * A debit for this instalment is on its way.
 * @param {Pick<Instalment, 'instalmentId'>} instalment
 * @param {readonly Debit[] | undefined} debits
 */
export const hasPendingDebit = (instalment, debits) =>
  (debits ?? []).some(
    (debit) => debit.instalmentId === instalment.instalmentId && PENDING_DEBIT.has(debit.state),
  );

/**
 * What both pages need to know of an instalment: what is owed, whether it is still to collect, whether a
 * debit for it is on its way.
 * @param {Instalment} instalment
 * @param {readonly Debit[] | undefined} debits
 */
export function instalmentFacts(instalment, debits) {
  const owed = owedMinor(instalment);
  return {
    owed,
    unpaid: UNPAID.has(instalment.status) && owed > 0,
    pending: hasPendingDebit(instalment, debits),
  };
}

/**
 * One instalment in a list: its id and status on the row (what tests and styles find it by), a headline,
 * then notes and the action the page offers, each page in its own words.
 * @param {Instalment} instalment
 * @param {{ headlineClass: string, headline: Child[], details: Child[] }} parts
 */
export function instalmentRow(instalment, { headlineClass, headline, details }) {
  return h(
    'li',
    {
      dataset: {
        instalmentId: String(instalment.instalmentId ?? ''),
        status: String(instalment.status ?? ''),
      },
    },
    h('p', { class: headlineClass }, headline),
    details,
  );
}

/**
 * A plan's schedule: one line a payment, "date: amount".
 * @param {readonly { dueDate?: string, amountMinor?: number }[] | null | undefined} instalments
 * @param {{ money: (minor: number | undefined) => string, date: (iso: string | undefined) => string,
 *   className?: string }} options
 */
export function scheduleList(instalments, { money, date, className }) {
  return h(
    'ol',
    { class: className },
    (instalments ?? []).map((instalment) =>
      h('li', {}, `${date(instalment.dueDate)}: ${money(instalment.amountMinor)}`),
    ),
  );
}

/**
 * The "debit this amount now" form of an unpaid instalment: an amount field prefilled with what is owed and a
 * button. `check` says what is wrong with a typed amount (null when it is fine); `submit` does the work with
 * the button disabled, and gives back an error line to show (or nothing).
 * @param {{ id: string, className: string, label: string, button: string, buttonClass: string,
 *   owedMinor: number, currency: string,
 *   check: (amountMinor: number | null) => string | null,
 *   submit: (amountMinor: number) => Promise<string | undefined> }} options
 */
export function amountForm({
  id,
  className,
  label,
  button,
  buttonClass,
  owedMinor,
  currency,
  check,
  submit,
}) {
  const amount = h('input', {
    id,
    name: 'amount',
    inputmode: 'decimal',
    autocomplete: 'off',
    value: minorToInput(owedMinor, currency),
  });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submitButton = h('button', { type: 'submit', class: buttonClass }, button);
  const form = h(
    'form',
    { class: className, novalidate: true },
    h('label', { for: id }, label),
    h('div', { class: `${className}-row` }, amount, submitButton),
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    say(error, '');
    amount.removeAttribute('aria-invalid');
    const amountMinor = parseAmountMinor(amount.value, currency);
    const problem = check(amountMinor);
    if (problem !== null || amountMinor === null) {
      amount.setAttribute('aria-invalid', 'true');
      say(error, problem);
      amount.focus();
      return;
    }
    submitButton.disabled = true;
    const failed = await submit(amountMinor);
    submitButton.disabled = false;
    if (failed) say(error, failed);
  });
  return form;
}

/** A long schedule shows this many first; the rest behind "show all". */
export const SCHEDULE_SHOWN = 3;

/**
 * A long list collapsed: the first `shown` items as a list, the rest in a closed "show all" disclosure (60
 * monthly payments to 2031 are not one page of "Due"). Short lists are drawn whole.
 * @template T
 * @param {readonly T[]} items
 * @param {{ item: (item: T) => Child, showAll: (count: number) => string, className?: string, id?: string,
 *   shown?: number, tag?: 'ol' | 'ul' }} options
 */
export function collapsedList(items, { item, showAll, className, id, shown = SCHEDULE_SHOWN, tag = 'ol' }) {
  const first = items.slice(0, shown);
  const rest = items.slice(shown);
  return [
    h(tag, { class: className, ...(id ? { id } : {}) }, first.map(item)),
    rest.length > 0 &&
      h(
        'details',
        { class: 'show-all', ...(id ? { id: `${id}-more` } : {}) },
        h('summary', {}, showAll(items.length)),
        h(tag, { class: className }, rest.map(item)),
      ),
  ];
}
