// @ts-check
// Logging a call: its outcome, a promise to pay when one was made, and a note; the contact policy's verdict
// on the call comes back and is shown. Text only, through /lib/dom.js.
import { parseAmountMinor } from '/lib/amounts.js';
import { notBuiltYet } from '/lib/api.js';
import { h, replace, say } from '/lib/dom.js';
import { formatDate } from '/lib/format.js';
import { CALL_OUTCOMES } from '/lib/taxonomy.js';
import { notice, reasonText, section } from '/lib/ui.js';
import { lang, t } from './i18n.js';
import { label } from './labels.js';

/** @typedef {import('./console.js').ConsoleContext} ConsoleContext */

const enc = encodeURIComponent;

/**
 * @param {Date} date
 */
const isoDay = (date) => date.toISOString().slice(0, 10);

/**
 * The "Log a call" section; `onLogged` hears of each call logged.
 * @param {ConsoleContext} ctx
 * @param {any} account
 * @param {(minor: number | undefined) => string} money
 * @param {() => void} onLogged
 */
export function callSection(ctx, account, money, onLogged) {
  const result = h('div', { id: 'call-result', role: 'status' });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const amount = h('input', {
    id: 'promise-amount',
    name: 'amount',
    inputmode: 'decimal',
    autocomplete: 'off',
  });
  const today = new Date();
  const due = h('input', {
    id: 'promise-date',
    name: 'dueDate',
    type: 'date',
    min: isoDay(today),
    max: isoDay(new Date(today.getTime() + 30 * 86_400_000)),
  });
  const promiseFields = h(
    'div',
    { class: 'promise-fields', hidden: true },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'promise-amount' }, t('call.amount', account.currency)),
      amount,
    ),
    h('div', { class: 'field' }, h('label', { for: 'promise-date' }, t('To be paid by')), due),
  );
  const note = h('textarea', { id: 'call-note', name: 'note', rows: '2', maxlength: '500' });
  const form = h(
    'form',
    { id: 'call-form', novalidate: true },
    h(
      'fieldset',
      {},
      h('legend', {}, t('Outcome')),
      h(
        'div',
        { class: 'outcomes' },
        CALL_OUTCOMES.map((outcome) =>
          h(
            'label',
            { class: 'check' },
            h('input', { type: 'radio', name: 'outcome', value: outcome, required: true }),
            h('span', {}, label(outcome)),
          ),
        ),
      ),
    ),
    promiseFields,
    h('div', { class: 'field' }, h('label', { for: 'call-note' }, t('Note (optional)')), note),
    error,
    h('button', { type: 'submit', class: 'primary' }, t('Log the call')),
  );
  /** The outcome radio chosen, or '' when none is. */
  const chosenOutcome = () =>
    /** @type {'' | (typeof CALL_OUTCOMES)[number]} */ (
      /** @type {RadioNodeList} */ (form.elements.namedItem('outcome')).value
    );
  /** This call's name while it is being logged: a retry after a lost answer is the same call, logged once. */
  let callId = '';
  form.addEventListener('change', () => {
    promiseFields.hidden = chosenOutcome() !== 'promise_to_pay';
    callId = '';
  });
  form.addEventListener('input', () => {
    callId = '';
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    say(error, '');
    replace(result);
    const outcome = chosenOutcome();
    if (!outcome) return say(error, t('Choose what came of the call.'));
    /** @type {import('/lib/types').BodyOf<'POST', '/accounts/{accountId}/calls'>} */
    const body = { outcome };
    if (outcome === 'promise_to_pay') {
      const amountMinor = parseAmountMinor(amount.value, account.currency);
      if (!amountMinor) {
        amount.focus();
        return say(error, t('call.enterAmount', account.currency));
      }
      if (!due.value) {
        due.focus();
        return say(error, t('Enter the date the customer will pay by.'));
      }
      body.promise = { amountMinor, dueDate: due.value };
    }
    if (note.value.trim()) body.note = note.value.trim();
    callId ||= crypto.randomUUID();
    body.clientCallId = callId;
    const button = /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]'));
    button.disabled = true;
    try {
      const logged = await ctx.api('POST', `/accounts/${enc(account.accountId)}/calls`, body);
      if (ctx.signal.aborted) return;
      const allowed = logged?.allowedByPolicy ?? logged?.verdict?.allowed ?? true;
      /** @type {unknown[]} */
      const reasons = logged?.policyReasons ?? logged?.verdict?.reasons ?? logged?.verdict?.violations ?? [];
      replace(
        result,
        notice(
          body.promise
            ? t(
                'call.loggedPromise',
                label(outcome),
                money(body.promise.amountMinor),
                formatDate(body.promise.dueDate, lang()),
              )
            : t('call.logged', label(outcome)),
          'ok',
          { id: 'call-logged' },
        ),
        !allowed &&
          h(
            'div',
            { class: 'notice warn' },
            h('p', {}, t('The contact policy would not have allowed this call at that time:')),
            h(
              'ul',
              {},
              reasons.map((reason) => h('li', {}, reasonText(reason))),
            ),
          ),
      );
      form.reset();
      promiseFields.hidden = true;
      callId = '';
      onLogged();
    } catch (failure) {
      if (failure.status === 401) return;
      say(
        error,
        notBuiltYet(failure)
          ? t('Logging calls is not available yet.')
          : `${t('The call was not logged')}: ${failure.message}`,
      );
    } finally {
      button.disabled = false;
    }
  });
  return section(t('Log a call'), { id: 'call' }, form, result);
}
