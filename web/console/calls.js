// @ts-check
// Logging a call: its outcome, a promise to pay when one was made, and a note; the contact policy's verdict
// on the call comes back and is shown. Text only, through /lib/dom.js.
import { parseAmountMinor } from '/lib/amounts.js';
import { notBuiltYet } from '/lib/api.js';
import { h, replace, say } from '/lib/dom.js';
import { formatDate, formatDateTime } from '/lib/format.js';
import { CALL_OUTCOMES } from '/lib/taxonomy.js';
import { chip, loading, notice, reasonText, section } from '/lib/ui.js';
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
              reasons.map((reason) =>
                h('li', {}, typeof reason === 'string' ? label(reason) : reasonText(reason)),
              ),
            ),
          ),
      );
      form.reset();
      promiseFields.hidden = true;
      callId = '';
      checkWindow();
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
  const window = h('div', { id: 'call-window', class: 'call-window', 'aria-live': 'polite' }, loading());
  async function checkWindow() {
    try {
      const answer = await ctx.api('GET', `/accounts/${enc(account.accountId)}/call-window`);
      if (!ctx.signal.aborted) replace(window, callWindowView(answer, checkWindow));
    } catch (failure) {
      if (ctx.signal.aborted || failure.status === 401) return;
      replace(window, notice(`${t('call.windowFailed')}: ${failure.message}`, 'error'));
    }
  }
  checkWindow();
  // The answer changes with the clock: asked again every minute while the account is open.
  const timer = setInterval(() => {
    if (document.visibilityState === 'visible') checkWindow();
  }, 60_000);
  ctx.signal.addEventListener('abort', () => clearInterval(timer));
  return section(t('Log a call'), { id: 'call' }, window, form, result);
}

/**
 * "May I call now?": the customer's time, the policy's verdict and reasons, and the next allowed moment.
 * @param {any} w GET /accounts/{accountId}/call-window's answer
 * @param {() => void} again
 */
function callWindowView(w, again) {
  const local = w.local
    ? t('call.theirTime', w.local.time, formatDate(w.local.date, lang()), w.timezone)
    : '';
  /** @type {string[]} */
  const reasons = Array.isArray(w.reasons) ? w.reasons : [];
  const next = w.next
    ? t('call.nextAt', w.next.time, formatDate(w.next.date, lang()), formatDateTime(w.next.at, lang()))
    : w.hold
      ? t('call.noNextHold')
      : t('call.noNext');
  const hours = w.customerHours
    ? t('call.customerHours', w.customerHours.from ?? '—', w.customerHours.to ?? '—')
    : '';
  return h(
    'div',
    {
      class: ['notice', w.allowed ? 'ok' : w.hold ? 'error' : 'warn'],
      dataset: { allowed: String(w.allowed) },
    },
    h(
      'p',
      { class: 'call-window-head' },
      h('strong', {}, t('call.mayICall')),
      ' ',
      chip(w.allowed ? t('call.yes') : t('call.no'), w.allowed ? 'ok' : 'danger'),
      ' ',
      h('button', { type: 'button', class: 'small quiet', onclick: again }, t('call.checkAgain')),
    ),
    local && h('p', { id: 'call-window-local' }, local),
    reasons.length > 0 &&
      h(
        'ul',
        { class: 'call-window-reasons' },
        reasons.map((reason) => h('li', {}, label(reason))),
      ),
    !w.allowed && h('p', { id: 'call-window-next' }, next),
    hours && h('p', { class: 'small muted' }, hours),
    reasons.length > 0 &&
      h('p', { class: 'finding-details' }, `${t('common.details')}: ${reasons.join(' · ')}`),
  );
}
