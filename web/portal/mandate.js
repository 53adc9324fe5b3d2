// @ts-check
// The debit mandate in "Automatic payments": see it, read what was authorised, stop it; or set one up, where
// the exact terms are fetched and shown before "I authorise". Text only, through /lib/dom.js.
import { parseAmountMinor } from '/lib/amounts.js';
import { h, say } from '/lib/dom.js';
import { formatWhen } from '/lib/format.js';

/** @typedef {import('./common.js').PortalContext} PortalContext */

/**
 * What the payments view lends the mandate card: its data, redrawing and reloading, and saying how an action
 * ended.
 * @typedef {object} PaymentsHost
 * @property {PortalContext} ctx
 * @property {() => any} data GET /portal/payments's answer
 * @property {(mandate: any) => void} setMandate
 * @property {() => void} render
 * @property {() => Promise<void>} load
 * @property {(outcome: import('./payments.js').Outcome | null) => void} setOutcome shown at the next render
 * @property {(outcome: import('./payments.js').Outcome) => void} showOutcome rendered and focused now
 * @property {(minor: number | undefined) => string} money
 * @property {(error: any) => string} errorLine
 * @property {HTMLElement} body
 */

/** @typedef {'us_routing_and_account' | 'cn_bank_card' | 'iban'} AccountFormat */

/**
 * What a bank account looks like where the debits are taken (the API checks routing checksums and card
 * check digits; the page catches what is plainly not a number of the right length first).
 * @type {Record<AccountFormat, { account: RegExp, routing?: RegExp }>}
 */
const ACCOUNT_SHAPES = {
  us_routing_and_account: { account: /^\d{4,17}$/, routing: /^\d{9}$/ },
  cn_bank_card: { account: /^\d{16,19}$/ },
  iban: { account: /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/i },
};
/** Spaces, points and hyphens as people type them in account numbers. */
const digitsOnly = (/** @type {string} */ text) => text.replace(/[\s.-]/g, '');

/**
 * The authorisation text is in the account's language, which may differ from the page's.
 * @param {string | undefined} text
 */
const textLang = (text) => (/[\u3400-\u9fff]/.test(text ?? '') ? 'zh-CN' : 'en');

/**
 * The values the customer is asked to authorise, as POST /portal/mandate takes them (less the terms' hash).
 * @typedef {{ debtorAccount: string, routingNumber?: string, maxAmountMinor: number, partialAllowed: boolean,
 *   collectOnDueDate?: boolean }} MandateValues
 */

const emptySetup = () => ({
  debtorAccount: '',
  routingNumber: '',
  amount: '',
  partialAllowed: false,
  /** With an agreed plan: also take each of its payments on its due date (the customer's explicit choice). */
  collectOnDueDate: false,
  /** @type {any} the terms fetched for `termsFor` */
  terms: null,
  /** @type {MandateValues | null} */
  termsFor: null,
});

/**
 * The mandate card; `card()` draws it from the host's data, `reset()` forgets what was typed.
 * @param {PaymentsHost} host
 */
export function mandateCard(host) {
  const { api, t } = host.ctx;
  const lang = () => host.ctx.lang();
  /** What the customer typed in the set-up form, and the terms fetched for exactly those values. */
  let setup = emptySetup();
  let confirmingStop = false;

  function card() {
    const data = host.data();
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

  function reset() {
    setup = emptySetup();
    confirmingStop = false;
  }

  /** @param {any} mandate */
  function revokedNote(mandate) {
    return h(
      'p',
      { class: 'notice info', id: 'mandate-revoked' },
      t('pay.mandate.revoked', formatWhen(mandate.revokedAt, lang())),
    );
  }

  /** @param {any} mandate */
  function mandateDetails(mandate) {
    /**
     * @param {string} term
     * @param {string} value
     * @param {string} id
     */
    const figure = (term, value, id) => h('div', {}, h('dt', {}, term), h('dd', { id }, value));
    return [
      h(
        'dl',
        { class: 'figures', id: 'mandate-details' },
        figure(t('pay.mandate.account'), mandate.debtorAccountMasked ?? '—', 'mandate-account-masked'),
        figure(t('pay.mandate.max'), host.money(mandate.maxAmountMinor), 'mandate-max-amount'),
        figure(
          t('pay.mandate.partial'),
          t(mandate.partialAllowed ? 'pay.yes' : 'pay.no'),
          'mandate-partial-allowed',
        ),
        (mandate.collectOnDueDate || host.data()?.plan) &&
          figure(
            t('pay.mandate.collectOnDueDate'),
            t(mandate.collectOnDueDate ? 'pay.yes' : 'pay.no'),
            'mandate-collect-due-dates',
          ),
        figure(
          t('pay.mandate.authorisedAt'),
          formatWhen(mandate.authorisedAt, lang()),
          'mandate-authorised-at',
        ),
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
                  host.setOutcome(null);
                  host.render();
                  focus('#mandate-stop-confirm');
                },
              },
              t('pay.stop.button'),
            ),
          ),
    ];
  }

  /** @param {string} selector */
  const focus = (selector) => /** @type {HTMLElement | null} */ (host.body.querySelector(selector))?.focus();

  function stopConfirm() {
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    /** @type {any[]} */
    const debits = host.data().debits ?? [];
    const upcoming = debits.filter((debit) => debit.state === 'scheduled').length;
    const confirm = h(
      'button',
      { type: 'button', class: 'primary', id: 'mandate-stop-confirm' },
      t('pay.stop.confirm'),
    );
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      say(error, '');
      const before = debits;
      try {
        const result = await api('DELETE', '/portal/mandate');
        confirmingStop = false;
        /** @type {string[]} */
        const cancelled = result?.cancelledDebits ?? [];
        const stopped = cancelled.map(
          (attemptId) => before.find((debit) => debit.attemptId === attemptId) ?? { attemptId },
        );
        host.setMandate(result?.mandate ?? null);
        host.showOutcome({ tone: 'ok', key: 'pay.stop.done', stopped });
        host.load();
      } catch (failure) {
        if (failure.status === 401) return;
        confirm.disabled = false;
        if (failure.code === 'NO_MANDATE') {
          confirmingStop = false;
          host.showOutcome({ tone: 'info', key: 'pay.err.NO_MANDATE' });
          host.load();
          return;
        }
        say(error, host.errorLine(failure));
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
              host.render();
              focus('#mandate-stop');
            },
          },
          t('pay.stop.keep'),
        ),
      ),
    );
  }

  function setupForm() {
    const data = host.data();
    const currency = data.currency;
    /** @type {AccountFormat} */
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
    // Offered only with an agreed plan; never ticked for the customer (a hardship plan is debited only by choice).
    const collect = data.plan
      ? h('input', {
          type: 'checkbox',
          id: 'mandate-collect-on-due-date',
          name: 'collectOnDueDate',
          checked: setup.collectOnDueDate,
        })
      : null;
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
        h('span', {}, t('pay.setup.partial', host.money(data.policy?.protectedMinimumMinor ?? 0))),
      ),
      collect && h('label', { class: 'check' }, collect, h('span', {}, t('pay.setup.collectOnDueDate'))),
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
      setup.collectOnDueDate = collect?.checked === true;
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
      const values = readForm(format, routing, account, amount, partial, collect, error);
      if (!values) return;
      const button = /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]'));
      button.disabled = true;
      try {
        await fetchTerms(values);
        host.render();
        focus('#mandate-terms-heading');
      } catch (failure) {
        if (failure.status === 401) return;
        say(error, host.errorLine(failure));
      } finally {
        button.disabled = false;
      }
    });
    return [form, setup.terms && termsCard()];
  }

  /**
   * The form's values checked here first, so nonsense never leaves the page; null (and says why) if wrong.
   * @param {AccountFormat} format
   * @param {HTMLInputElement | null} routing
   * @param {HTMLInputElement} account
   * @param {HTMLInputElement} amount
   * @param {HTMLInputElement} partial
   * @param {HTMLInputElement | null} collect
   * @param {HTMLElement} error
   * @returns {MandateValues | null}
   */
  function readForm(format, routing, account, amount, partial, collect, error) {
    const shape = ACCOUNT_SHAPES[format] ?? ACCOUNT_SHAPES.iban;
    const routingNumber = routing?.value.trim();
    if (routing && !shape.routing?.test(digitsOnly(routingNumber ?? ''))) {
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
    const maxAmountMinor = parseAmountMinor(amount.value, host.data().currency);
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
      ...(collect?.checked ? { collectOnDueDate: true } : {}),
    };
  }

  /** @param {MandateValues} values */
  async function fetchTerms(values) {
    const query = new URLSearchParams({
      debtorAccount: values.debtorAccount,
      ...(values.routingNumber === undefined ? {} : { routingNumber: values.routingNumber }),
      maxAmountMinor: String(values.maxAmountMinor),
      partialAllowed: String(values.partialAllowed),
      ...(values.collectOnDueDate ? { collectOnDueDate: 'true' } : {}),
    });
    setup.terms = await api('GET', `/portal/mandate/terms?${query}`);
    setup.termsFor = values;
  }

  function termsCard() {
    const { terms } = setup;
    const termsFor = /** @type {MandateValues} */ (setup.termsFor);
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
        host.setOutcome({ tone: 'ok', key: 'pay.setup.done' });
        await host.load();
        focus('#payments-outcome');
      } catch (failure) {
        if (failure.status === 401) return;
        authorise.disabled = false;
        if (failure.code === 'TERMS_CHANGED') {
          // The wording changed since it was shown: show the new wording, to be read and accepted again.
          try {
            await fetchTerms(termsFor);
            host.setOutcome({ tone: 'warn', key: 'pay.err.TERMS_CHANGED' });
            host.render();
            focus('#payments-outcome');
          } catch (again) {
            say(error, host.errorLine(again));
          }
          return;
        }
        if (failure.code === 'MANDATE_ACTIVE') {
          setup.terms = null;
          host.showOutcome({ tone: 'info', key: 'pay.err.MANDATE_ACTIVE' });
          host.load();
          return;
        }
        say(error, host.errorLine(failure));
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
              host.render();
              focus('#mandate-account');
            },
          },
          t('pay.terms.change'),
        ),
      ),
    );
  }

  return { card, reset };
}
