// The portal's "Automatic payments" view: the customer's debit mandate (see it, read what they authorised,
// stop it), setting one up (the exact terms are fetched and shown before "I authorise"), their instalments
// with "Pay now", and the debits taken or planned. Text only, through /lib/dom.js.
import { notBuiltYet } from '/lib/api.js';
import { h, replace, say } from '/lib/dom.js';
import { formatDate, formatDateTime, formatMoney } from '/lib/format.js';

const UPCOMING = new Set(['scheduled', 'executing', 'unknown']);
const UNPAID = new Set(['due', 'missed']);
const MANDATE_REASONS = new Set(['NO_MANDATE', 'MANDATE_REVOKED']);
/** 6 to 34 letters and digits (spaces and hyphens as people type them are fine): account numbers and IBANs. */
/**
 * What a bank account looks like where the debits are taken (the API checks routing checksums and card
 * check digits; the page catches what is plainly not a number of the right length first).
 */
const digitsOnly = (text) => text.replace(/[\s.-]/g, '');
const ACCOUNT_SHAPES = {
  us_routing_and_account: { account: /^\d{4,17}$/, routing: /^\d{9}$/ },
  cn_bank_card: { account: /^\d{16,19}$/ },
  iban: { account: /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/i },
};

/** Fraction digits of a currency (2 for USD and CNY). */
function digitsOf(currency) {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
}

/** Full-width digits and points (typed with a Chinese input method) as ASCII. */
const halfWidth = (text) =>
  String(text ?? '').replace(/[０-９．，]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));

/**
 * "12.34" → 1234 minor units, by string handling only (no floating point on the way): whole and fraction
 * digits are joined as text and read as one integer. Thousands separators ("1,234.50") are allowed;
 * null for anything else, more fraction digits than the currency has, or zero.
 */
export function parseAmountMinor(text, currency) {
  const digits = digitsOf(currency);
  const compact = halfWidth(text).trim().replace(/\s+/g, '');
  const match = /^(\d{1,3}(?:,\d{3})+|\d{1,12})(?:\.(\d*))?$/.exec(compact);
  if (!match) return null;
  const whole = match[1].replace(/,/g, '');
  const fraction = match[2] ?? '';
  if (whole.length > 12 || fraction.length > digits) return null;
  const minor = Number.parseInt(`${whole}${fraction.padEnd(digits, '0')}`, 10);
  return Number.isSafeInteger(minor) && minor > 0 ? minor : null;
}

/** 1234 → "12.34": what an amount field is prefilled with. */
export function minorToInput(minor, currency) {
  const digits = digitsOf(currency);
  const text = String(Math.max(0, Math.trunc(minor))).padStart(digits + 1, '0');
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** A calendar date ("2026-12-01") or an instant, in the reader's language. */
const when = (value, lang) =>
  /^\d{4}-\d{2}-\d{2}$/.test(String(value ?? '')) ? formatDate(value, lang) : formatDateTime(value, lang);

/** The authorisation text is in the account's language, which may differ from the page's. */
const textLang = (text) => (/[\u3400-\u9fff]/.test(text ?? '') ? 'zh-CN' : 'en');

/**
 * The view, bound to the portal's request function, words and language. `load()` fetches and draws,
 * `render()` redraws (language changed), `reset()` forgets everything (signed out).
 */
const emptySetup = () => ({
  debtorAccount: '',
  routingNumber: '',
  amount: '',
  partialAllowed: false,
  terms: null,
  termsFor: null,
});

export function paymentsView({ api, t, lang, body }) {
  let data = null;
  /** What the customer typed in the set-up form, and the terms fetched for exactly those values. */
  let setup = emptySetup();
  /** The outcome of the last action, shown until the next one: { tone, key, args, stopped? }. */
  let outcome = null;
  let confirmingStop = false;
  let generation = 0;

  const money = (minor) => formatMoney(minor, data?.currency, lang());
  const words = (prefix, code) => {
    const key = `${prefix}.${code}`;
    const text = t(key);
    return text === key ? String(code) : text;
  };
  const errorLine = (error, fallbackKey = 'err.generic') => {
    if (notBuiltYet(error)) return t('pay.unavailable');
    const key = `pay.err.${error?.code}`;
    const text = t(key);
    return text === key ? t(error?.code === 'NETWORK_ERROR' ? 'err.NETWORK_ERROR' : fallbackKey) : text;
  };

  /** Fetches and draws; only the latest request's answer is drawn (an action's reload wins over a stale one). */
  async function load() {
    const mine = ++generation;
    if (!data)
      replace(body, h('p', { class: 'muted' }, h('span', { class: 'spinner' }), ' ', t('pay.loading')));
    try {
      const fresh = await api('GET', '/portal/payments');
      if (mine !== generation) return;
      data = fresh;
      render();
    } catch (error) {
      if (error.status === 401 || mine !== generation || data) return;
      replace(
        body,
        h(
          'p',
          { class: notBuiltYet(error) ? 'notice info' : 'notice error', role: 'alert' },
          errorLine(error),
        ),
      );
    }
  }

  function reset() {
    generation += 1;
    data = null;
    setup = emptySetup();
    outcome = null;
    confirmingStop = false;
    replace(body);
  }

  function render() {
    if (!data) return;
    replace(body, outcomeNotice(), mandateCard(), instalmentsCard(), debitsCard());
  }

  function outcomeNotice() {
    if (!outcome) return null;
    return h(
      'div',
      { class: `notice ${outcome.tone}`, id: 'payments-outcome', role: 'status', tabindex: '-1' },
      h('p', { class: 'outcome-text' }, t(outcome.key, ...(outcome.args ?? []))),
      outcome.stopped &&
        (outcome.stopped.length === 0
          ? h('p', {}, t('pay.stop.none'))
          : [
              h('p', {}, t('pay.stop.cancelled')),
              h(
                'ul',
                { id: 'stopped-debits' },
                outcome.stopped.map((debit) =>
                  h(
                    'li',
                    {},
                    debit.debitAt
                      ? t(
                          'pay.debit.line',
                          money(debit.amountMinor ?? debit.plannedMinor),
                          when(debit.debitAt, lang()),
                        )
                      : debit.attemptId,
                  ),
                ),
              ),
            ]),
    );
  }

  function showOutcome(next) {
    outcome = next;
    render();
    body.querySelector('#payments-outcome')?.focus();
  }

  // -------------------------------------------------------------------------------------------------------
  // The mandate

  function mandateCard() {
    const mandate = data.mandate;
    const active = mandate?.status === 'active';
    return h(
      'section',
      { class: 'card', id: 'mandate-card', 'aria-labelledby': 'mandate-heading' },
      h('h3', { id: 'mandate-heading' }, t('pay.mandate.title')),
      h('p', { class: 'muted' }, t('pay.mandate.intro', data.policy?.stopNoticeBusinessDays ?? 3)),
      active ? mandateDetails(mandate) : [mandate?.revokedAt && revokedNote(mandate), setupForm()],
    );
  }

  function revokedNote(mandate) {
    return h(
      'p',
      { class: 'notice info', id: 'mandate-revoked' },
      t('pay.mandate.revoked', when(mandate.revokedAt, lang())),
    );
  }

  function mandateDetails(mandate) {
    const figure = (term, value, id) => h('div', {}, h('dt', {}, term), h('dd', { id }, value));
    return [
      h(
        'dl',
        { class: 'figures', id: 'mandate-details' },
        figure(t('pay.mandate.account'), mandate.debtorAccountMasked ?? '—', 'mandate-account-masked'),
        figure(t('pay.mandate.max'), money(mandate.maxAmountMinor), 'mandate-max-amount'),
        figure(
          t('pay.mandate.partial'),
          t(mandate.partialAllowed ? 'pay.yes' : 'pay.no'),
          'mandate-partial-allowed',
        ),
        figure(t('pay.mandate.authorisedAt'), when(mandate.authorisedAt, lang()), 'mandate-authorised-at'),
      ),
      h(
        'details',
        { class: 'terms-details' },
        h('summary', {}, t('pay.mandate.viewText')),
        h(
          'p',
          { class: 'terms-text', id: 'mandate-text', lang: textLang(mandate.authorisationText) },
          mandate.authorisationText ?? '',
        ),
        mandate.termsVersion && h('p', { class: 'hint' }, t('pay.terms.version', mandate.termsVersion)),
      ),
      confirmingStop
        ? stopConfirm()
        : h(
            'div',
            { class: 'actions' },
            h(
              'button',
              {
                type: 'button',
                id: 'mandate-stop',
                onclick: () => {
                  confirmingStop = true;
                  outcome = null;
                  render();
                  body.querySelector('#mandate-stop-confirm')?.focus();
                },
              },
              t('pay.stop.button'),
            ),
          ),
    ];
  }

  function stopConfirm() {
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const upcoming = (data.debits ?? []).filter((debit) => debit.state === 'scheduled').length;
    const confirm = h(
      'button',
      { type: 'button', class: 'primary', id: 'mandate-stop-confirm' },
      t('pay.stop.confirm'),
    );
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      say(error, '');
      const before = data.debits ?? [];
      try {
        const result = await api('DELETE', '/portal/mandate');
        confirmingStop = false;
        const stopped = (result?.cancelledDebits ?? []).map(
          (attemptId) => before.find((debit) => debit.attemptId === attemptId) ?? { attemptId },
        );
        data = { ...data, mandate: result?.mandate ?? null };
        showOutcome({ tone: 'ok', key: 'pay.stop.done', stopped });
        load();
      } catch (failure) {
        if (failure.status === 401) return;
        confirm.disabled = false;
        if (failure.code === 'NO_MANDATE') {
          confirmingStop = false;
          showOutcome({ tone: 'info', key: 'pay.err.NO_MANDATE' });
          load();
          return;
        }
        say(error, errorLine(failure));
      }
    });
    return h(
      'div',
      { class: 'notice warn stop-confirm', role: 'group', 'aria-labelledby': 'stop-question' },
      h('p', { id: 'stop-question' }, h('strong', {}, t('pay.stop.question'))),
      h('p', {}, upcoming > 0 ? t('pay.stop.willCancel', upcoming) : t('pay.stop.nothingScheduled')),
      error,
      h(
        'div',
        { class: 'actions' },
        confirm,
        h(
          'button',
          {
            type: 'button',
            class: 'quiet',
            onclick: () => {
              confirmingStop = false;
              render();
              body.querySelector('#mandate-stop')?.focus();
            },
          },
          t('pay.stop.keep'),
        ),
      ),
    );
  }

  function setupForm() {
    const currency = data.currency;
    const format = data.policy?.debtorAccountFormat ?? 'iban';
    const error = h('p', { class: 'form-error', id: 'mandate-error', role: 'alert', hidden: true });
    // US accounts are a routing number and an account number; elsewhere, one number.
    const routing =
      format === 'us_routing_and_account'
        ? h('input', {
            id: 'mandate-routing',
            name: 'routingNumber',
            inputmode: 'numeric',
            autocomplete: 'off',
            spellcheck: 'false',
            maxlength: '20',
            'aria-describedby': 'mandate-routing-hint',
            value: setup.routingNumber,
          })
        : null;
    const account = h('input', {
      id: 'mandate-account',
      name: 'debtorAccount',
      autocomplete: 'off',
      spellcheck: 'false',
      maxlength: '60',
      'aria-describedby': 'mandate-account-hint',
      value: setup.debtorAccount,
    });
    const amount = h('input', {
      id: 'mandate-max',
      name: 'maxAmount',
      inputmode: 'decimal',
      autocomplete: 'off',
      'aria-describedby': 'mandate-max-hint',
      value: setup.amount,
    });
    const partial = h('input', {
      type: 'checkbox',
      id: 'mandate-partial',
      name: 'partialAllowed',
      checked: setup.partialAllowed,
    });
    const form = h(
      'form',
      { id: 'mandate-form', novalidate: true, 'aria-labelledby': 'mandate-form-heading' },
      h('h4', { id: 'mandate-form-heading' }, t('pay.setup.title')),
      routing &&
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'mandate-routing' }, t('pay.setup.routing')),
          h('p', { class: 'hint', id: 'mandate-routing-hint' }, t('pay.setup.routingHint')),
          routing,
        ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'mandate-account' }, t('pay.setup.account')),
        h('p', { class: 'hint', id: 'mandate-account-hint' }, t(`pay.setup.accountHint.${format}`)),
        account,
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'mandate-max' }, t('pay.setup.max', currency)),
        h('p', { class: 'hint', id: 'mandate-max-hint' }, t('pay.setup.maxHint')),
        amount,
      ),
      h(
        'label',
        { class: 'check' },
        partial,
        h('span', {}, t('pay.setup.partial', money(data.policy?.protectedMinimumMinor ?? 0))),
      ),
      error,
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'primary' }, t('pay.setup.review')),
      ),
    );
    form.addEventListener('input', () => {
      setup.debtorAccount = account.value;
      setup.routingNumber = routing?.value ?? '';
      setup.amount = amount.value;
      setup.partialAllowed = partial.checked;
      // Terms shown for other values no longer apply: they are fetched again for what is typed now.
      if (setup.terms) {
        setup.terms = null;
        form.parentElement?.querySelector('#mandate-terms-card')?.remove();
      }
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      say(error, '');
      account.removeAttribute('aria-invalid');
      routing?.removeAttribute('aria-invalid');
      amount.removeAttribute('aria-invalid');
      const values = readForm(format, routing, account, amount, partial, error);
      if (!values) return;
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        await fetchTerms(values);
        render();
        body.querySelector('#mandate-terms-heading')?.focus();
      } catch (failure) {
        if (failure.status === 401) return;
        say(error, errorLine(failure));
      } finally {
        button.disabled = false;
      }
    });
    return [form, setup.terms && termsCard()];
  }

  /** The form's values checked here first, so nonsense never leaves the page; null (and says why) if wrong. */
  function readForm(format, routing, account, amount, partial, error) {
    const shape = ACCOUNT_SHAPES[format] ?? ACCOUNT_SHAPES.iban;
    const routingNumber = routing?.value.trim();
    if (routing && !shape.routing.test(digitsOnly(routingNumber))) {
      routing.setAttribute('aria-invalid', 'true');
      say(error, t('pay.err.INVALID_ROUTING_NUMBER'));
      routing.focus();
      return null;
    }
    const debtorAccount = account.value.trim();
    if (!shape.account.test(digitsOnly(debtorAccount))) {
      account.setAttribute('aria-invalid', 'true');
      say(error, t(`pay.setup.accountInvalid.${format}`));
      account.focus();
      return null;
    }
    const maxAmountMinor = parseAmountMinor(amount.value, data.currency);
    if (maxAmountMinor === null) {
      amount.setAttribute('aria-invalid', 'true');
      say(error, t('pay.setup.maxInvalid'));
      amount.focus();
      return null;
    }
    return {
      debtorAccount,
      ...(routing ? { routingNumber } : {}),
      maxAmountMinor,
      partialAllowed: partial.checked,
    };
  }

  async function fetchTerms(values) {
    const query = new URLSearchParams({
      debtorAccount: values.debtorAccount,
      ...(values.routingNumber === undefined ? {} : { routingNumber: values.routingNumber }),
      maxAmountMinor: String(values.maxAmountMinor),
      partialAllowed: String(values.partialAllowed),
    });
    setup.terms = await api('GET', `/portal/mandate/terms?${query}`);
    setup.termsFor = values;
  }

  function termsCard() {
    const { terms, termsFor } = setup;
    const error = h('p', { class: 'form-error', id: 'mandate-authorise-error', role: 'alert', hidden: true });
    const authorise = h(
      'button',
      { type: 'button', class: 'primary', id: 'mandate-authorise' },
      t('pay.terms.authorise'),
    );
    authorise.addEventListener('click', async () => {
      authorise.disabled = true;
      say(error, '');
      try {
        await api('POST', '/portal/mandate', { ...termsFor, termsHash: terms.termsHash });
        setup = emptySetup();
        outcome = { tone: 'ok', key: 'pay.setup.done' };
        await load();
        body.querySelector('#payments-outcome')?.focus();
      } catch (failure) {
        if (failure.status === 401) return;
        authorise.disabled = false;
        if (failure.code === 'TERMS_CHANGED') {
          // The wording changed since it was shown: show the new wording, to be read and accepted again.
          try {
            await fetchTerms(termsFor);
            outcome = { tone: 'warn', key: 'pay.err.TERMS_CHANGED' };
            render();
            body.querySelector('#payments-outcome')?.focus();
          } catch (again) {
            say(error, errorLine(again));
          }
          return;
        }
        if (failure.code === 'MANDATE_ACTIVE') {
          setup.terms = null;
          showOutcome({ tone: 'info', key: 'pay.err.MANDATE_ACTIVE' });
          load();
          return;
        }
        say(error, errorLine(failure));
      }
    });
    return h(
      'section',
      { class: 'terms-card', id: 'mandate-terms-card', 'aria-labelledby': 'mandate-terms-heading' },
      h('h4', { id: 'mandate-terms-heading', tabindex: '-1' }, t('pay.terms.title')),
      h('p', { class: 'muted' }, t('pay.terms.intro')),
      h('p', { class: 'terms-text', id: 'mandate-terms', lang: textLang(terms.text) }, terms.text ?? ''),
      terms.termsVersion && h('p', { class: 'hint' }, t('pay.terms.version', terms.termsVersion)),
      error,
      h(
        'div',
        { class: 'actions' },
        authorise,
        h(
          'button',
          {
            type: 'button',
            class: 'quiet',
            onclick: () => {
              setup.terms = null;
              render();
              body.querySelector('#mandate-account')?.focus();
            },
          },
          t('pay.terms.change'),
        ),
      ),
    );
  }

  // -------------------------------------------------------------------------------------------------------
  // Instalments and "Pay now"

  function instalmentsCard() {
    const instalments = data.instalments ?? [];
    return h(
      'section',
      { class: 'card', id: 'instalments-card', 'aria-labelledby': 'instalments-heading' },
      h('h3', { id: 'instalments-heading' }, t('pay.instalments.title')),
      instalments.length === 0
        ? h('p', { class: 'empty' }, t('pay.instalments.none'))
        : h('ul', { class: 'pay-list', id: 'instalments-list' }, instalments.map(instalmentItem)),
    );
  }

  function instalmentItem(instalment) {
    const owed = Math.max(0, (instalment.amountMinor ?? 0) - (instalment.paidMinor ?? 0));
    const unpaid = UNPAID.has(instalment.status) && owed > 0;
    const tone = { missed: 'warn', paid: 'ok', due: 'info' }[instalment.status] ?? '';
    const blocked = whyNotCollected(instalment);
    return h(
      'li',
      {
        dataset: {
          instalmentId: String(instalment.instalmentId ?? ''),
          status: String(instalment.status ?? ''),
        },
      },
      h(
        'p',
        { class: 'pay-headline' },
        h('span', {}, money(instalment.amountMinor)),
        h('span', { class: 'muted' }, t('pay.instalments.due', formatDate(instalment.dueDate, lang()))),
        h('span', { class: ['chip', tone] }, words('pay.instalment', instalment.status)),
      ),
      instalment.paidMinor > 0 &&
        instalment.status !== 'paid' &&
        h('p', { class: 'small' }, t('pay.instalments.paidSoFar', money(instalment.paidMinor), money(owed))),
      unpaid &&
        blocked.length > 0 &&
        h(
          'p',
          { class: 'small muted' },
          t('pay.instalments.notCollected', blocked.map((reason) => words('pay.reason', reason)).join(' ')),
        ),
      unpaid && payNow(instalment, owed),
    );
  }

  /**
   * The recorded reasons no debit was planned, as far as they still hold: none while a debit is on its way,
   * and none about the mandate once one is active (they were recorded before it was given).
   */
  function whyNotCollected(instalment) {
    if (hasPendingDebit(instalment)) return [];
    const active = data.mandate?.status === 'active';
    return (instalment.debitBlockedReasons ?? []).filter(
      (reason) => !(active && MANDATE_REASONS.has(reason)),
    );
  }

  const hasPendingDebit = (instalment) =>
    (data.debits ?? []).some(
      (debit) => debit.instalmentId === instalment.instalmentId && UPCOMING.has(debit.state),
    );

  function payNow(instalment, owed) {
    if (hasPendingDebit(instalment)) return h('p', { class: 'small' }, t('pay.paynow.pending'));
    if (data.mandate?.status !== 'active')
      return h('p', { class: 'small muted' }, t('pay.paynow.needsMandate'));
    const id = `pay-now-${String(instalment.instalmentId).replace(/[^\w-]/g, '_')}`;
    const amount = h('input', {
      id,
      name: 'amount',
      inputmode: 'decimal',
      autocomplete: 'off',
      value: minorToInput(owed, data.currency),
    });
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const form = h(
      'form',
      { class: 'pay-now', novalidate: true },
      h('label', { for: id }, t('pay.paynow.amount', data.currency)),
      h(
        'div',
        { class: 'pay-now-row' },
        amount,
        h('button', { type: 'submit', class: 'primary' }, t('pay.paynow.button')),
      ),
      error,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      say(error, '');
      amount.removeAttribute('aria-invalid');
      const amountMinor = parseAmountMinor(amount.value, data.currency);
      if (amountMinor === null || amountMinor > owed) {
        amount.setAttribute('aria-invalid', 'true');
        say(error, amountMinor === null ? t('pay.setup.maxInvalid') : t('pay.err.AMOUNT_ABOVE_DUE'));
        amount.focus();
        return;
      }
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const { debit } = await api(
          'POST',
          `/portal/instalments/${encodeURIComponent(instalment.instalmentId)}/debits`,
          { amountMinor },
        );
        outcome = {
          tone: 'ok',
          key: 'pay.paynow.done',
          args: [
            money(debit?.plannedMinor ?? amountMinor),
            when(debit?.debitAt, lang()),
            when(debit?.stopBy, lang()),
          ],
        };
        await load();
        body.querySelector('#payments-outcome')?.focus();
      } catch (failure) {
        if (failure.status === 401) return;
        button.disabled = false;
        if (['INSTALMENT_PAID', 'DEBIT_PENDING', 'NO_MANDATE'].includes(failure.code)) {
          // The page was out of date: say so above the fresh state.
          outcome = { tone: 'warn', key: `pay.err.${failure.code}` };
          await load();
          body.querySelector('#payments-outcome')?.focus();
          return;
        }
        say(error, errorLine(failure));
      }
    });
    return form;
  }

  // -------------------------------------------------------------------------------------------------------
  // Debits

  function debitsCard() {
    const debits = data.debits ?? [];
    const upcoming = debits
      .filter((debit) => UPCOMING.has(debit.state))
      .sort((a, b) => String(a.debitAt).localeCompare(String(b.debitAt)));
    const past = debits.filter((debit) => !UPCOMING.has(debit.state));
    const policy = data.policy ?? {};
    return h(
      'section',
      { class: 'card', id: 'debits-card', 'aria-labelledby': 'debits-heading' },
      h('h3', { id: 'debits-heading' }, t('pay.debits.title')),
      h('h4', {}, t('pay.debits.upcoming')),
      upcoming.length === 0
        ? h('p', { class: 'empty' }, t('pay.debits.noneUpcoming'))
        : h('ul', { class: 'pay-list', id: 'upcoming-debits' }, upcoming.map(debitItem)),
      h('h4', {}, t('pay.debits.past')),
      past.length === 0
        ? h('p', { class: 'empty' }, t('pay.debits.nonePast'))
        : h('ul', { class: 'pay-list', id: 'past-debits' }, past.map(debitItem)),
      Number.isInteger(policy.maxRepresentments) &&
        h('p', { class: 'hint' }, t('pay.debits.retries', policy.maxRepresentments)),
    );
  }

  function debitItem(debit) {
    const amount = debit.amountMinor ?? debit.plannedMinor;
    const tone =
      { succeeded: 'ok', failed: 'danger', unresolved: 'warn', cancelled: '' }[debit.state] ?? 'info';
    const detail =
      debit.state === 'failed' && debit.failureReason
        ? words('pay.failure', debit.failureReason)
        : debit.state === 'cancelled' && (debit.cancelledReasons ?? []).length > 0
          ? debit.cancelledReasons.map((reason) => words('pay.reason', reason)).join(' ')
          : null;
    return h(
      'li',
      { dataset: { attemptId: String(debit.attemptId ?? ''), state: String(debit.state ?? '') } },
      h(
        'p',
        { class: 'pay-headline' },
        h(
          'span',
          {},
          debit.state === 'scheduled' && debit.amountMinor === undefined
            ? t('pay.debit.upTo', money(amount))
            : money(amount),
        ),
        h('span', { class: 'muted' }, when(debit.finishedAt ?? debit.debitAt, lang())),
        h('span', { class: ['chip', tone] }, words('pay.state', debit.state)),
      ),
      detail && h('p', { class: 'small' }, detail),
      debit.state === 'scheduled' &&
        debit.stopBy &&
        h('p', { class: 'small muted' }, t('pay.debit.stopBy', when(debit.stopBy, lang()))),
      debit.number > 1 && h('p', { class: 'small muted' }, t('pay.debit.retry', debit.number)),
    );
  }

  return { load, render, reset };
}
