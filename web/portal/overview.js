// @ts-check
// "My account": what is owed, the plan or promise in place, the repayment options (each can be discussed in
// the chat), and the notices sent. Once a plan is agreed it is what the page shows: what is overdue and due
// next under it, its payments (the next three, then "show all"), and no other options. Text only, through
// /lib/dom.js.
import { h, replace } from '/lib/dom.js';
import { formatDate, formatDateTime, formatMoney, formatPercent } from '/lib/format.js';
import { collapsedList, scheduleList } from '/lib/payments.js';
import { errorText, translated } from './common.js';

/** @typedef {import('./common.js').PortalContext} PortalContext */

/** The tone of a plan payment's chip. */
const PLAN_TONES = /** @type {Record<string, string>} */ ({ paid: 'ok', overdue: 'warn', due: 'info' });

/**
 * The view, drawn into `body`. `loaded` hears of every fresh answer (the page takes the account's language from
 * it); `discuss` starts a chat about option `number`.
 * @param {PortalContext} ctx
 * @param {{ body: HTMLElement, loaded: (overview: any) => void, discuss: (number: number) => void }} parts
 */
export function overviewView(ctx, { body, loaded, discuss }) {
  const { api, t } = ctx;
  /** GET /portal/account's answer, once loaded. */
  let overview = /** @type {any} */ (null);

  async function load() {
    if (!overview)
      replace(body, h('p', { class: 'muted' }, h('span', { class: 'spinner' }), ' ', t('overview.loading')));
    try {
      overview = await api('GET', '/portal/account');
      loaded(overview);
      render();
    } catch (error) {
      if (error.status === 401) return;
      if (!overview) replace(body, h('p', { class: 'notice error', role: 'alert' }, errorText(t, error)));
    }
  }

  function reset() {
    overview = null;
    replace(body);
  }

  /** @param {unknown} kind */
  const optionLabel = (kind) => translated(t, `option.${kind}`, kind);

  function render() {
    if (!overview) return;
    const lang = ctx.lang();
    const currency = overview.offers?.currency ?? overview.currency;
    /** @param {number | undefined} minor */
    const money = (minor) => formatMoney(minor, currency, lang);
    /** @param {string | undefined} iso */
    const date = (iso) => formatDate(iso, lang);

    /** Where the customer stands on an agreed plan (GET /portal/account's `plan`). */
    const status = overview.plan;
    const summary = h(
      'section',
      { class: 'card summary', 'aria-labelledby': 'summary-heading' },
      h('h3', { id: 'summary-heading' }, t('overview.reference', overview.accountId)),
      h(
        'dl',
        { class: 'figures' },
        h(
          'div',
          {},
          h('dt', {}, t(status ? 'overview.overdueUnderPlan' : 'overview.overdue')),
          h('dd', { id: 'amount-overdue' }, money(overview.amountOverdueMinor)),
        ),
        h(
          'div',
          {},
          h('dt', {}, t('overview.balance')),
          h('dd', { id: 'balance' }, money(overview.balanceMinor)),
        ),
        h(
          'div',
          {},
          h('dt', {}, t(status ? 'overview.nextPayment' : 'overview.nextDue')),
          h(
            'dd',
            { id: 'next-due' },
            !status
              ? date(overview.nextDueDate)
              : overview.nextDueDate
                ? t('overview.nextPaymentValue', money(overview.nextAmountMinor), date(overview.nextDueDate))
                : t('overview.planDone'),
          ),
        ),
      ),
      h('p', { class: 'muted small' }, t(status ? 'overview.helpPlan' : 'overview.help')),
    );

    const plan = overview.repaymentPlan;
    const planCard =
      plan &&
      h(
        'section',
        { class: 'card plan', id: 'plan-card', 'aria-labelledby': 'plan-heading' },
        h('h3', { id: 'plan-heading' }, t('overview.planTitle')),
        h(
          'p',
          { class: 'headline' },
          optionLabel(plan.kind),
          ' · ',
          t('option.total'),
          ' ',
          money(plan.totalMinor),
        ),
        status
          ? planProgress(status, money, date)
          : scheduleList(plan.instalments, { money, date, className: 'schedule' }),
      );
    const promise = overview.promise;
    const promiseCard =
      promise &&
      h(
        'section',
        { class: 'card plan', 'aria-labelledby': 'promise-heading' },
        h('h3', { id: 'promise-heading' }, t('overview.promiseTitle')),
        h('p', {}, t('overview.promise', money(promise.amountMinor), date(promise.dueDate))),
      );

    /** @type {any[]} */
    const options = overview.offers?.options ?? [];
    // An agreed plan replaced the options it was chosen from: none are shown beside it.
    const optionsCard =
      !plan &&
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'options-heading', id: 'options' },
        h('h3', { id: 'options-heading' }, t('overview.optionsTitle')),
        options.length === 0
          ? h('p', { class: 'empty' }, t('overview.noOptions'))
          : [
              h('p', { class: 'muted' }, t('overview.optionsIntro')),
              h(
                'ol',
                { class: 'options' },
                options.map((option, index) => optionItem(option, index + 1, money, date)),
              ),
            ],
      );

    /** @type {{ sentAt: string, text: string }[]} */
    const notices = overview.notices ?? [];
    const noticesCard = h(
      'section',
      { class: 'card', 'aria-labelledby': 'notices-heading' },
      h('h3', { id: 'notices-heading' }, t('overview.noticesTitle')),
      notices.length === 0
        ? h('p', { class: 'empty' }, t('overview.noNotices'))
        : h(
            'ul',
            { class: 'notices' },
            notices.map((notice) =>
              h(
                'li',
                {},
                h('time', { datetime: notice.sentAt }, formatDateTime(notice.sentAt, lang)),
                h('p', { class: 'pre-wrap' }, notice.text),
              ),
            ),
          ),
    );

    replace(body, summary, planCard, promiseCard, optionsCard, noticesCard);
  }

  /**
   * The plan as it stands: what is paid and left, what is overdue (with the way to pay it), and its payments,
   * the next three first, the rest behind "show all".
   * @param {any} status
   * @param {(minor: number | undefined) => string} money
   * @param {(iso: string | undefined) => string} date
   */
  function planProgress(status, money, date) {
    /** @type {any[]} */
    const instalments = status.instalments ?? [];
    const unpaid = instalments.filter((instalment) => instalment.state !== 'paid');
    const paid = instalments.filter((instalment) => instalment.state === 'paid');
    const payable = unpaid.some((instalment) => instalment.state === 'overdue' || instalment.state === 'due');
    return [
      h(
        'p',
        { id: 'plan-progress' },
        t('overview.planProgress', status.paidCount, status.instalmentCount, money(status.remainingMinor)),
      ),
      status.overdueMinor > 0 &&
        h(
          'p',
          { class: 'notice warn', id: 'plan-overdue' },
          t('overview.planOverdue', money(status.overdueMinor), status.overdueCount),
        ),
      collapsedList([...unpaid, ...paid], {
        className: 'schedule plan-schedule',
        id: 'plan-schedule',
        showAll: (count) => t('schedule.showAll', count),
        item: (instalment) =>
          h(
            'li',
            { dataset: { state: String(instalment.state) } },
            `${date(instalment.dueDate)}: ${money(instalment.owedMinor > 0 ? instalment.owedMinor : instalment.amountMinor)} `,
            h(
              'span',
              { class: ['chip', PLAN_TONES[instalment.state] ?? ''] },
              translated(t, `plan.state.${instalment.state}`, instalment.state),
            ),
          ),
      }),
      payable &&
        h('p', {}, h('a', { href: '#payments', class: 'button', id: 'plan-pay-link' }, t('overview.payNow'))),
    ];
  }

  /**
   * One repayment option: what it costs, when, and a button to talk it through in the chat.
   * @param {any} option
   * @param {number} number
   * @param {(minor: number | undefined) => string} money
   * @param {(iso: string | undefined) => string} date
   */
  function optionItem(option, number, money, date) {
    const single = option.kind === 'pay_in_full' || (option.instalments?.length ?? 0) <= 1;
    const headline = single
      ? t(
          'option.single',
          money(option.totalMinor),
          date(option.firstDueDate ?? option.instalments?.[0]?.dueDate),
        )
      : t(
          'option.monthly',
          money(option.monthlyAmountMinor),
          option.termMonths ?? option.instalments?.length,
        );
    return h(
      'li',
      { class: 'option', dataset: { optionId: String(option.id ?? '') } },
      h('h4', {}, t('option.number', number), ' · ', optionLabel(option.kind)),
      h('p', { class: 'headline' }, headline),
      h('p', {}, t('option.total'), ': ', money(option.totalMinor)),
      option.discountMinor > 0 &&
        h(
          'p',
          { class: 'saving' },
          t(
            'option.discount',
            money(option.discountMinor),
            // Two decimals, as stored: a percentage is never shown rounded up (the chat writes it the same way).
            formatPercent((option.discountPercent ?? 0) / 100, ctx.lang(), 2),
          ),
        ),
      !single &&
        option.firstDueDate &&
        h('p', { class: 'muted' }, t('option.firstDue', date(option.firstDueDate))),
      option.instalments?.length > 1 &&
        h(
          'details',
          {},
          h('summary', {}, t('overview.schedule')),
          scheduleList(option.instalments, { money, date, className: 'schedule' }),
        ),
      h(
        'button',
        { type: 'button', class: 'small', onclick: () => discuss(number) },
        t('overview.choose', number),
      ),
    );
  }

  return { load, render, reset, loaded: () => overview !== null };
}
