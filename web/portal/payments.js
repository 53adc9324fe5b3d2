// @ts-check
// The portal's "Automatic payments" view: the customer's debit mandate (mandate.js), their instalments with
// "Pay now", and the debits taken or planned. Text only, through /lib/dom.js.
import { notBuiltYet } from '/lib/api.js';
import { h, replace } from '/lib/dom.js';
import { formatDate, formatMoney, formatWhen } from '/lib/format.js';
import {
  amountForm,
  collapsedList,
  hasPendingDebit,
  INSTALMENT_TONES,
  instalmentFacts,
  instalmentRow,
  PENDING_DEBIT,
  standsDownForPayNow,
} from '/lib/payments.js';
import { mandateCard } from './mandate.js';

/** @typedef {import('./common.js').PortalContext} PortalContext */
/** @typedef {import('/lib/payments.js').Instalment} Instalment */
/** @typedef {import('/lib/payments.js').Debit} Debit */

/**
 * How the last action ended, shown above the cards until the next one: its tone, words, and for a stopped
 * mandate the debits it cancelled.
 * @typedef {{ tone: string, key: string, args?: unknown[], stopped?: Partial<Debit>[] }} Outcome
 */

/** Reasons about the mandate, which no longer hold once one is active. */
const MANDATE_REASONS = new Set(['NO_MANDATE', 'MANDATE_REVOKED']);
/** The tone of a debit's state chip ('info' for the rest). */
const DEBIT_TONES = /** @type {Record<string, string>} */ ({
  succeeded: 'ok',
  failed: 'danger',
  unresolved: 'warn',
  cancelled: '',
});

/**
 * The view, drawn into `body`. `load()` fetches and draws, `render()` redraws (language changed), `reset()`
 * forgets everything (signed out).
 * @param {PortalContext} ctx
 * @param {HTMLElement} body
 */
export function paymentsView(ctx, body) {
  const { api, t } = ctx;
  const lang = () => ctx.lang();
  /** GET /portal/payments's answer, once loaded. */
  let data = /** @type {any} */ (null);
  /** @type {Outcome | null} */
  let outcome = null;
  let generation = 0;

  /** @param {number | undefined} minor */
  const money = (minor) => formatMoney(minor, data?.currency, lang());
  /**
   * @param {string} prefix
   * @param {unknown} code
   */
  const words = (prefix, code) => {
    const key = `${prefix}.${code}`;
    const text = t(key);
    return text === key ? String(code) : text;
  };
  /**
   * @param {any} error
   * @param {string} [fallbackKey]
   */
  const errorLine = (error, fallbackKey = 'err.generic') => {
    if (notBuiltYet(error)) return t('pay.unavailable');
    const key = `pay.err.${error?.code}`;
    const text = t(key);
    return text === key ? t(error?.code === 'NETWORK_ERROR' ? 'err.NETWORK_ERROR' : fallbackKey) : text;
  };
  /** @param {string} selector */
  const focus = (selector) => /** @type {HTMLElement | null} */ (body.querySelector(selector))?.focus();

  const mandate = mandateCard({
    ctx,
    data: () => data,
    setMandate: (next) => {
      data = { ...data, mandate: next };
    },
    render,
    load,
    setOutcome: (next) => {
      outcome = next;
    },
    showOutcome,
    money,
    errorLine,
    body,
  });

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
    mandate.reset();
    outcome = null;
    replace(body);
  }

  function render() {
    if (!data) return;
    replace(body, outcomeNotice(), mandate.card(), instalmentsCard(), debitsCard());
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
                          formatWhen(debit.debitAt, lang()),
                        )
                      : debit.attemptId,
                  ),
                ),
              ),
            ]),
    );
  }

  /** @param {Outcome} next */
  function showOutcome(next) {
    outcome = next;
    render();
    focus('#payments-outcome');
  }

  // -------------------------------------------------------------------------------------------------------
  // Instalments and "Pay now"

  /**
   * What is still to pay first (oldest first), then what was paid, then what a plan replaced; the first three
   * with "Pay now", the rest behind "show all".
   */
  function instalmentsCard() {
    /** @type {Instalment[]} */
    const instalments = data.instalments ?? [];
    /** @param {Instalment} instalment */
    const rank = (instalment) =>
      instalmentFacts(instalment, data.debits).unpaid ? 0 : instalment.status === 'superseded' ? 2 : 1;
    const ordered = [...instalments].sort(
      (a, b) => rank(a) - rank(b) || String(a.dueDate).localeCompare(String(b.dueDate)),
    );
    return h(
      'section',
      { class: 'card', id: 'instalments-card', 'aria-labelledby': 'instalments-heading' },
      h('h3', { id: 'instalments-heading' }, t('pay.instalments.title')),
      instalments.length === 0
        ? h('p', { class: 'empty' }, t('pay.instalments.none'))
        : collapsedList(ordered, {
            tag: 'ul',
            className: 'pay-list',
            id: 'instalments-list',
            showAll: (count) => t('schedule.showAll', count),
            item: instalmentItem,
          }),
    );
  }

  /** @param {Instalment} instalment */
  function instalmentItem(instalment) {
    const { owed, unpaid } = instalmentFacts(instalment, data.debits);
    const tone = INSTALMENT_TONES[instalment.status] ?? '';
    const blocked = whyNotCollected(instalment);
    return instalmentRow(instalment, {
      headlineClass: 'pay-headline',
      headline: [
        h('span', {}, money(instalment.amountMinor)),
        h('span', { class: 'muted' }, t('pay.instalments.due', formatDate(instalment.dueDate, lang()))),
        h('span', { class: ['chip', tone] }, words('pay.instalment', instalment.status)),
      ],
      details: [
        (instalment.paidMinor ?? 0) > 0 &&
          instalment.status !== 'paid' &&
          h(
            'p',
            { class: 'small' },
            t('pay.instalments.paidSoFar', money(instalment.paidMinor), money(owed)),
          ),
        unpaid &&
          blocked.length > 0 &&
          h(
            'p',
            { class: 'small muted' },
            t('pay.instalments.notCollected', blocked.map((reason) => words('pay.reason', reason)).join(' ')),
          ),
        unpaid && payNow(instalment, owed),
      ],
    });
  }

  /**
   * The recorded reasons no debit was planned, as far as they still hold: none while a debit is on its way,
   * and none about the mandate once one is active (they were recorded before it was given).
   * @param {Instalment} instalment
   */
  function whyNotCollected(instalment) {
    if (hasPendingDebit(instalment, data.debits)) return [];
    const active = data.mandate?.status === 'active';
    return (instalment.debitBlockedReasons ?? []).filter(
      (reason) => !(active && MANDATE_REASONS.has(reason)),
    );
  }

  /**
   * "Pay now" for an unpaid instalment, once a mandate is active and nothing is on its way already.
   * @param {Instalment} instalment
   * @param {number} owed
   */
  function payNow(instalment, owed) {
    /** @type {Debit[]} */
    const onItsWay = (data.debits ?? []).filter(
      (/** @type {Debit} */ debit) =>
        debit.instalmentId === instalment.instalmentId && PENDING_DEBIT.has(debit.state),
    );
    if (onItsWay.some((debit) => !standsDownForPayNow(debit)))
      return h('p', { class: 'small' }, t('pay.paynow.pending'));
    // An automatic payment waits for its day: the customer may pay now instead (it then stands down).
    const automatic = onItsWay[0];
    if (data.mandate?.status !== 'active')
      return h('p', { class: 'small muted' }, t('pay.paynow.needsMandate'));
    return [
      automatic && h('p', { class: 'small' }, t('pay.paynow.instead', formatWhen(automatic.debitAt, lang()))),
      amountForm({
        id: `pay-now-${String(instalment.instalmentId).replace(/[^\w-]/g, '_')}`,
        className: 'pay-now',
        label: t('pay.paynow.amount', data.currency),
        button: t('pay.paynow.button'),
        buttonClass: 'primary',
        owedMinor: owed,
        currency: data.currency,
        check: (amountMinor) =>
          amountMinor === null
            ? t('pay.setup.maxInvalid')
            : amountMinor > owed
              ? t('pay.err.AMOUNT_ABOVE_DUE')
              : null,
        submit: async (amountMinor) => {
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
                formatWhen(debit?.debitAt, lang()),
                formatWhen(debit?.stopBy, lang()),
              ],
            };
            await load();
            focus('#payments-outcome');
          } catch (failure) {
            if (failure.status === 401) return;
            if (['INSTALMENT_PAID', 'DEBIT_PENDING', 'NO_MANDATE'].includes(failure.code)) {
              // The page was out of date: say so above the fresh state.
              outcome = { tone: 'warn', key: `pay.err.${failure.code}` };
              await load();
              focus('#payments-outcome');
              return;
            }
            return errorLine(failure);
          }
        },
      }),
    ];
  }

  // -------------------------------------------------------------------------------------------------------
  // Debits

  function debitsCard() {
    /** @type {Debit[]} */
    const debits = data.debits ?? [];
    const upcoming = debits
      .filter((debit) => PENDING_DEBIT.has(debit.state))
      .sort((a, b) => String(a.debitAt).localeCompare(String(b.debitAt)));
    const past = debits.filter((debit) => !PENDING_DEBIT.has(debit.state));
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

  /** @param {Debit} debit */
  function debitItem(debit) {
    const amount = debit.amountMinor ?? debit.plannedMinor;
    const tone = DEBIT_TONES[debit.state] ?? 'info';
    const detail =
      debit.state === 'failed' && debit.failureReason
        ? words('pay.failure', debit.failureReason)
        : debit.state === 'cancelled' && (debit.cancelledReasons ?? []).length > 0
          ? (debit.cancelledReasons ?? []).map((reason) => words('pay.reason', reason)).join(' ')
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
        h('span', { class: 'muted' }, formatWhen(debit.finishedAt ?? debit.debitAt, lang())),
        h('span', { class: ['chip', tone] }, words('pay.state', debit.state)),
      ),
      detail && h('p', { class: 'small' }, detail),
      debit.state === 'scheduled' &&
        debit.stopBy &&
        h('p', { class: 'small muted' }, t('pay.debit.stopBy', formatWhen(debit.stopBy, lang()))),
      // A re-presentment after a refusal, not a payment made after an automatic one stood down.
      debit.afterRefusal && h('p', { class: 'small muted' }, t('pay.debit.retry', debit.number)),
    );
  }

  return { load, render, reset };
}
