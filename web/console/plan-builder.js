// @ts-check
// The plan builder: an agent works out a plan within the offer policy (an amount per month or a number of
// months, and a start date), computed by the server's plan calculator, then offers it. The customer sees it
// in the portal and can accept it; messages may quote its figures (the gate finds them in the offer).
import { parseAmountMinor } from '/lib/amounts.js';
import { h, replace, say } from '/lib/dom.js';
import { formatDate } from '/lib/format.js';
import { scheduleList } from '/lib/payments.js';
import { chip, loading, notice, section } from '/lib/ui.js';
import { lang, t } from './i18n.js';
import { label } from './labels.js';

/** @typedef {import('./console.js').ConsoleContext} ConsoleContext */

const enc = encodeURIComponent;

/**
 * The "Build a plan" section of an account.
 * @param {ConsoleContext} ctx
 * @param {any} account GET /accounts/{id}'s answer
 * @param {(minor: number | undefined) => string} money
 */
export function planBuilderSection(ctx, account, money) {
  const body = h('div', { id: 'plan-builder-body' }, loading());
  const card = section(t('plan.title'), { id: 'plan-builder' }, body);
  const id = enc(account.accountId);

  (async () => {
    try {
      const state = await ctx.api('GET', `/accounts/${id}/agent-plans`);
      if (!ctx.signal.aborted) replace(body, builder(state));
    } catch (error) {
      if (ctx.signal.aborted || error.status === 401) return;
      replace(body, notice(`${t('plan.couldNotLoad')}: ${error.message}`, 'error'));
    }
  })();

  /** @param {any} state GET …/agent-plans */
  function builder(state) {
    const current = state.current ? currentOffer(state.current.option) : null;
    if (!state.limits)
      return [current, notice(t(`plan.none.${state.reason}`), 'info', { id: 'plan-unavailable' })];
    const limits = state.limits;
    const result = h('div', { id: 'plan-result', 'aria-live': 'polite' });
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true, id: 'plan-error' });
    const byAmount = h('input', {
      type: 'radio',
      name: 'plan-by',
      value: 'amount',
      id: 'plan-by-amount',
      checked: true,
    });
    const byMonths = h('input', { type: 'radio', name: 'plan-by', value: 'months', id: 'plan-by-months' });
    const amount = h('input', { id: 'plan-amount', inputmode: 'decimal', autocomplete: 'off' });
    const months = h('input', {
      id: 'plan-months',
      type: 'number',
      min: '1',
      max: String(limits.maxMonths),
      step: '1',
    });
    const start = h('input', {
      id: 'plan-start',
      type: 'date',
      min: limits.earliestFirstDueDate,
      max: limits.latestFirstDueDate,
      value: limits.earliestFirstDueDate,
    });
    const amountField = h(
      'div',
      { class: 'field' },
      h('label', { for: 'plan-amount' }, t('plan.amount', limits.currency)),
      amount,
      h('p', { class: 'hint' }, t('plan.amountHint', money(limits.minMonthlyMinor))),
    );
    const monthsField = h(
      'div',
      { class: 'field', hidden: true },
      h('label', { for: 'plan-months' }, t('plan.months')),
      months,
      h('p', { class: 'hint' }, t('plan.monthsHint', limits.maxMonths)),
    );
    const form = h(
      'form',
      { id: 'plan-form', class: 'plan-form', novalidate: true },
      h(
        'fieldset',
        { class: 'choices' },
        h('legend', {}, t('plan.by')),
        h('label', { class: 'check' }, byAmount, h('span', {}, t('plan.byAmount'))),
        h('label', { class: 'check' }, byMonths, h('span', {}, t('plan.byMonths'))),
      ),
      amountField,
      monthsField,
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'plan-start' }, t('plan.start')),
        start,
        h(
          'p',
          { class: 'hint' },
          t(
            'plan.startHint',
            formatDate(limits.earliestFirstDueDate, lang()),
            formatDate(limits.latestFirstDueDate, lang()),
          ),
        ),
      ),
      error,
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'primary', id: 'plan-quote' }, t('plan.quote')),
      ),
    );
    form.addEventListener('change', () => {
      const bySum = byAmount.checked;
      amountField.hidden = !bySum;
      monthsField.hidden = bySum;
    });

    /** What the agent typed, as the API's body; null (with the error said) when it is not a plan yet. */
    const request = () => {
      say(error, '');
      /** @type {{ monthlyAmountMinor?: number, months?: number, firstDueDate?: string }} */
      const plan = {};
      if (byAmount.checked) {
        const minor = parseAmountMinor(amount.value, limits.currency);
        if (!minor) {
          amount.focus();
          say(error, t('plan.enterAmount', limits.currency));
          return null;
        }
        plan.monthlyAmountMinor = minor;
      } else {
        const count = Number(months.value);
        if (!Number.isInteger(count) || count < 1 || count > limits.maxMonths) {
          months.focus();
          say(error, t('plan.enterMonths', limits.maxMonths));
          return null;
        }
        plan.months = count;
      }
      if (start.value) plan.firstDueDate = start.value;
      return plan;
    };

    /**
     * @param {Record<string, unknown>} plan
     * @param {boolean} offer
     */
    async function send(plan, offer) {
      try {
        return await ctx.api('POST', `/accounts/${id}/agent-plans`, { ...plan, offer });
      } catch (failure) {
        if (failure.status === 401) return null;
        const code = String(failure.code ?? '');
        say(
          error,
          code === 'PLAN_OUTSIDE_POLICY'
            ? t('plan.outside', money(limits.minMonthlyMinor), limits.maxMonths)
            : code === 'INVALID_START_DATE'
              ? t(
                  'plan.badStart',
                  formatDate(limits.earliestFirstDueDate, lang()),
                  formatDate(limits.latestFirstDueDate, lang()),
                )
              : `${t('plan.failed')}: ${failure.message}`,
        );
        error.dataset.code = code;
        return null;
      }
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      replace(result);
      const plan = request();
      if (!plan) return;
      const button = /** @type {HTMLButtonElement} */ (form.querySelector('#plan-quote'));
      button.disabled = true;
      const quote = await send(plan, false);
      button.disabled = false;
      if (!quote || ctx.signal.aborted) return;
      const offerButton = h(
        'button',
        { type: 'button', class: 'primary', id: 'plan-offer' },
        t('plan.offer'),
      );
      replace(result, planView(quote.option), h('div', { class: 'actions' }, offerButton));
      offerButton.addEventListener('click', async () => {
        offerButton.disabled = true;
        const offered = await send(plan, true);
        if (!offered || ctx.signal.aborted) {
          offerButton.disabled = false;
          return;
        }
        replace(result, notice(t('plan.offered'), 'ok', { id: 'plan-offered' }), planView(offered.option));
        if (current) current.remove();
      });
    });
    return [current, form, result];
  }

  /** @param {any} option */
  function planView(option) {
    const payments = option.instalments ?? [];
    const last = payments.at(-1);
    const regular = payments[0];
    const shape =
      payments.length === 1
        ? t('plan.single', money(option.totalMinor), formatDate(option.firstDueDate, lang()))
        : last &&
            regular &&
            last.amountMinor !== regular.amountMinor &&
            payments.every(
              (/** @type {any} */ p, /** @type {number} */ i) =>
                i === payments.length - 1 || p.amountMinor === regular.amountMinor,
            )
          ? t('plan.shapeLast', payments.length - 1, money(regular.amountMinor), money(last.amountMinor))
          : t('plan.shape', payments.length, money(option.monthlyAmountMinor));
    return h(
      'div',
      { class: 'plan-view', dataset: { optionId: option.id } },
      h(
        'p',
        {},
        h('strong', { id: 'plan-shape' }, shape),
        ' ',
        chip(label(option.kind), 'info'),
        option.affordable === false && chip(t('plan.aboveBudget'), 'warn'),
      ),
      h('p', {}, t('plan.summary', money(option.totalMinor), formatDate(option.firstDueDate, lang()))),
      h(
        'details',
        {},
        h('summary', {}, t('acct.schedule', payments.length)),
        scheduleList(payments, { money, date: (iso) => formatDate(iso, lang()) }),
      ),
    );
  }

  /** @param {any} option */
  function currentOffer(option) {
    return h(
      'div',
      { class: 'notice info', id: 'plan-current' },
      h('p', {}, t('plan.onOffer')),
      planView(option),
    );
  }

  return card;
}
