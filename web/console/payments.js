// @ts-check
// The account view's Payments panel: the customer's debit mandate, tracked instalments and debit attempts
// with their states and reasons, and "Debit now (customer agreed)" per unpaid instalment. Text only.

import { minorToInput } from '/lib/amounts.js';
import { notBuiltYet } from '/lib/api.js';
import { h, replace } from '/lib/dom.js';
import { formatDate, formatDateTime, formatMoney, formatWhen } from '/lib/format.js';
import {
  amountForm,
  collapsedList,
  hasPendingDebit,
  INSTALMENT_TONES,
  instalmentFacts,
  instalmentRow,
} from '/lib/payments.js';
import { chip, empty, figures, loading, notice, section, table } from '/lib/ui.js';
import { lang, t } from './i18n.js';
import { label } from './labels.js';

const enc = encodeURIComponent;
/** The tone of a debit's state chip. */
const STATE_TONES = /** @type {Record<string, string>} */ ({
  scheduled: 'info',
  executing: 'info',
  unknown: 'warn',
  succeeded: 'ok',
  failed: 'danger',
  cancelled: '',
  unresolved: 'danger',
});

/** @typedef {import('./console.js').ConsoleContext} ConsoleContext */
/** @typedef {import('/lib/payments.js').Instalment} Instalment */
/** @typedef {import('/lib/payments.js').Debit} Debit */
/** @typedef {(status: HTMLElement) => Promise<void>} Reload draws the panel again, with a line saying what was done */

/**
 * The panel: drawn now with a spinner, filled when GET /accounts/{id}/payments answers.
 * @param {ConsoleContext} ctx
 * @param {string} accountId
 * @param {(payments: any) => void} [loaded] told each time the payments are read
 */
export function paymentsPanel(ctx, accountId, loaded = () => {}) {
  const card = section(t('Payments'), { id: 'payments' }, loading());
  loadPayments(ctx, accountId, card, loaded);
  return card;
}

/**
 * @param {ConsoleContext} ctx
 * @param {string} accountId
 * @param {HTMLElement} card
 * @param {(payments: any) => void} loaded told each time the payments are read (the summary shows the plan)
 * @param {HTMLElement} [status]
 */
async function loadPayments(ctx, accountId, card, loaded, status) {
  const body = h('div', { class: 'payments-body' });
  try {
    const payments = await ctx.api('GET', `/accounts/${enc(accountId)}/payments`);
    if (ctx.signal.aborted) return;
    loaded(payments);
    /** @type {Reload} */
    const reload = (message) => loadPayments(ctx, accountId, card, loaded, message);
    replace(
      body,
      status,
      mandateBlock(payments),
      instalmentsBlock(ctx, accountId, payments, reload),
      debitsBlock(payments),
    );
  } catch (error) {
    if (ctx.signal.aborted || error.status === 401) return;
    replace(
      body,
      notBuiltYet(error)
        ? notice(t('Payments are not available yet.'), 'info')
        : notice(`${t('Could not load the payments')}: ${error.message}`, 'error', { role: 'alert' }),
    );
  }
  card.querySelector('.spinner')?.parentElement?.remove();
  card.querySelector('.payments-body')?.remove();
  card.append(body);
}

/** @param {any} payments GET /accounts/{id}/payments's answer */
function mandateBlock(payments) {
  const mandate = payments.mandate;
  /** @param {number | undefined} minor */
  const money = (minor) => formatMoney(minor, payments.currency, lang());
  const policy = payments.policy ?? {};
  return h(
    'div',
    { id: 'payments-mandate' },
    h('h3', {}, t('Debit mandate')),
    !mandate
      ? empty(t('No debit mandate: the customer has not authorised debits.'))
      : [
          h(
            'p',
            { class: 'meta' },
            chip(
              mandate.status === 'active' ? t('Active') : t('Revoked'),
              mandate.status === 'active' ? 'ok' : 'warn',
            ),
            h(
              'span',
              {},
              t('pay.authorised', formatDateTime(mandate.authorisedAt, lang()), label(mandate.channel)),
            ),
            mandate.revokedAt && h('span', {}, t('pay.revoked', formatDateTime(mandate.revokedAt, lang()))),
          ),
          figures([
            [t('Bank account'), mandate.debtorAccountMasked ?? '—'],
            [t('Maximum per debit'), money(mandate.maxAmountMinor)],
            [t('Partial sweeps'), mandate.partialAllowed ? t('Allowed') : t('Not allowed')],
          ]),
          h(
            'details',
            {},
            h(
              'summary',
              {},
              t('Authorisation text the customer accepted'),
              mandate.termsVersion && ` (${mandate.termsVersion})`,
            ),
            h('p', { class: 'message-text', id: 'payments-mandate-text' }, mandate.authorisationText ?? ''),
          ),
        ],
    h(
      'p',
      { class: 'small muted' },
      t(
        'pay.policy',
        policy.stopNoticeBusinessDays ?? '—',
        money(policy.protectedMinimumMinor),
        policy.maxRepresentments ?? '—',
      ),
    ),
  );
}

/**
 * The instalments, what is still to pay first (oldest first) then what was paid; the first three shown, the
 * rest behind "show all". With an agreed plan, the plan's own instalments (the statement ones it replaced
 * are only counted).
 * @param {ConsoleContext} ctx
 * @param {string} accountId
 * @param {any} payments
 * @param {Reload} reload
 */
function instalmentsBlock(ctx, accountId, payments, reload) {
  if (payments.plan) return planInstalmentsBlock(ctx, accountId, payments, reload);
  /** @type {Instalment[]} */
  const instalments = payments.instalments ?? [];
  /** @param {Instalment} instalment */
  const rank = (instalment) =>
    instalmentFacts(instalment, payments.debits).unpaid ? 0 : instalment.status === 'superseded' ? 2 : 1;
  const ordered = [...instalments].sort(
    (a, b) => rank(a) - rank(b) || String(a.dueDate).localeCompare(String(b.dueDate)),
  );
  return h(
    'div',
    { id: 'payments-instalments' },
    h('h3', {}, t('Instalments')),
    instalments.length === 0
      ? empty(t('No instalments tracked.'))
      : collapsedList(ordered, {
          tag: 'ul',
          className: 'instalment-list',
          id: 'instalment-list',
          showAll: (count) => t('pay.showAll', count),
          item: (instalment) => instalmentItem(ctx, accountId, payments, instalment, reload),
        }),
  );
}

/** The order a plan's instalments are listed in: what is to pay now first, then later ones, then paid. */
const PLAN_ORDER = /** @type {Record<string, number>} */ ({ overdue: 0, due: 1, upcoming: 2, paid: 3 });
/** The tone of a plan instalment's state chip. */
const PLAN_TONES = /** @type {Record<string, string>} */ ({
  overdue: 'warn',
  due: 'info',
  upcoming: '',
  paid: 'ok',
});

/**
 * @param {ConsoleContext} ctx
 * @param {string} accountId
 * @param {any} payments
 * @param {Reload} reload
 */
function planInstalmentsBlock(ctx, accountId, payments, reload) {
  /** @type {any[]} */
  const planned = payments.plan.instalments ?? [];
  const ordered = [...planned].sort(
    (a, b) =>
      (PLAN_ORDER[a.state] ?? 9) - (PLAN_ORDER[b.state] ?? 9) ||
      String(a.dueDate).localeCompare(String(b.dueDate)),
  );
  /** @type {Instalment[]} */
  const replaced = (payments.instalments ?? []).filter(
    (/** @type {Instalment} */ instalment) => instalment.source !== 'plan',
  );
  return h(
    'div',
    { id: 'payments-instalments' },
    h('h3', {}, t('pay.planInstalments')),
    planned.length === 0
      ? empty(t('No instalments tracked.'))
      : collapsedList(ordered, {
          tag: 'ul',
          className: 'instalment-list plan-instalments',
          id: 'instalment-list',
          showAll: (count) => t('pay.showAll', count),
          item: (planInstalment) => planInstalmentItem(ctx, accountId, payments, planInstalment, reload),
        }),
    replaced.length > 0 && h('p', { class: 'small muted' }, t('pay.replacedByPlan', replaced.length)),
  );
}

/**
 * One payment of the plan: its number, date, amount and state; "Debit now" only when it is due or overdue
 * (a later one is paid on its date).
 * @param {ConsoleContext} ctx
 * @param {string} accountId
 * @param {any} payments
 * @param {any} planInstalment plan-status.ts's PlanInstalment
 * @param {Reload} reload
 */
function planInstalmentItem(ctx, accountId, payments, planInstalment, reload) {
  /** @param {number | undefined} minor */
  const money = (minor) => formatMoney(minor, payments.currency, lang());
  /** @type {Instalment | undefined} */
  const tracked = (payments.instalments ?? []).find(
    (/** @type {Instalment} */ instalment) => instalment.instalmentId === planInstalment.instalmentId,
  );
  const payable = planInstalment.state === 'due' || planInstalment.state === 'overdue';
  const pending = tracked ? hasPendingDebit(tracked, payments.debits) : false;
  const blocked = tracked?.debitBlockedReasons ?? [];
  const row = /** @type {Instalment} */ ({
    instalmentId: planInstalment.instalmentId ?? `plan-${planInstalment.number}`,
    dueDate: planInstalment.dueDate,
    amountMinor: planInstalment.amountMinor,
    paidMinor: planInstalment.paidMinor,
    status: planInstalment.state,
  });
  return instalmentRow(row, {
    headlineClass: 'meta',
    headline: [
      h(
        'strong',
        {},
        `#${planInstalment.number} · ${formatDate(planInstalment.dueDate, lang())} · ${money(planInstalment.amountMinor)}`,
      ),
      chip(label(planInstalment.state), PLAN_TONES[planInstalment.state] ?? ''),
      planInstalment.paidMinor > 0 &&
        planInstalment.state !== 'paid' &&
        h('span', {}, t('pay.paid', money(planInstalment.paidMinor))),
    ],
    details: [
      payable &&
        blocked.length > 0 &&
        h('p', { class: 'small' }, t('No debit: '), blocked.map((reason) => label(reason)).join(', ')),
      payable && pending && h('p', { class: 'small muted' }, t('A debit is pending.')),
      payable &&
        !pending &&
        tracked &&
        planInstalment.owedMinor > 0 &&
        debitForm(ctx, accountId, payments.currency, tracked, planInstalment.owedMinor, reload),
    ],
  });
}

/**
 * @param {ConsoleContext} ctx
 * @param {string} accountId
 * @param {any} payments
 * @param {Instalment} instalment
 * @param {Reload} reload
 */
function instalmentItem(ctx, accountId, payments, instalment, reload) {
  const currency = payments.currency;
  /** @param {number | undefined} minor */
  const money = (minor) => formatMoney(minor, currency, lang());
  const { owed, unpaid, pending } = instalmentFacts(instalment, payments.debits);
  const blocked = instalment.debitBlockedReasons ?? [];
  return instalmentRow(instalment, {
    headlineClass: 'meta',
    headline: [
      h('strong', {}, `${formatDate(instalment.dueDate, lang())} · ${money(instalment.amountMinor)}`),
      chip(label(instalment.status), INSTALMENT_TONES[instalment.status] ?? ''),
      chip(label(instalment.source)),
      (instalment.paidMinor ?? 0) > 0 && h('span', {}, t('pay.paid', money(instalment.paidMinor))),
      h('span', { class: 'small muted' }, instalment.instalmentId),
    ],
    details: [
      blocked.length > 0 &&
        h('p', { class: 'small' }, t('No debit: '), blocked.map((reason) => label(reason)).join(', ')),
      unpaid && pending && h('p', { class: 'small muted' }, t('A debit is pending.')),
      unpaid && !pending && debitForm(ctx, accountId, currency, instalment, owed, reload),
    ],
  });
}

/**
 * "Debit now (customer agreed)" for an unpaid instalment with nothing on its way.
 * @param {ConsoleContext} ctx
 * @param {string} accountId
 * @param {string} currency
 * @param {Instalment} instalment
 * @param {number} owed
 * @param {Reload} reload
 */
function debitForm(ctx, accountId, currency, instalment, owed, reload) {
  return amountForm({
    id: `debit-${String(instalment.instalmentId).replace(/[^\w-]/g, '_')}`,
    className: 'debit-now',
    label: t('pay.amount', currency),
    button: t('Debit now (customer agreed)'),
    buttonClass: 'small primary',
    owedMinor: owed,
    currency,
    check: (amountMinor) =>
      amountMinor === null ? t('pay.enterAmount', minorToInput(owed, currency), currency) : null,
    submit: async (amountMinor) => {
      try {
        const { debit } = await ctx.api(
          'POST',
          `/accounts/${enc(accountId)}/instalments/${enc(instalment.instalmentId)}/debits`,
          { amountMinor },
        );
        if (ctx.signal.aborted) return;
        reload(
          notice(
            t(
              'pay.scheduled',
              formatMoney(debit?.plannedMinor ?? amountMinor, currency, lang()),
              formatWhen(debit?.debitAt, lang()),
              formatWhen(debit?.stopBy, lang()),
            ),
            'ok',
            { id: 'debit-requested', role: 'status' },
          ),
        );
      } catch (failure) {
        if (failure.status === 401) return;
        // The API's code in the agent's words; its own sentence for anything else (never the raw code).
        const key = `pay.error.${failure.code}`;
        const words = t(key, formatMoney(owed, currency, lang()));
        return words === key ? failure.message : words;
      }
    },
  });
}

/** @param {any} payments */
function debitsBlock(payments) {
  /** @type {Debit[]} */
  const debits = payments.debits ?? [];
  /** @param {number | undefined} minor */
  const money = (minor) => formatMoney(minor, payments.currency, lang());
  return h(
    'div',
    { id: 'payments-debits' },
    h('h3', {}, t('Debit attempts')),
    debits.length === 0
      ? empty(t('No debit attempts.'))
      : table(
          [
            { label: t('Debit at'), value: (d) => formatWhen(d.debitAt, lang()), header: true },
            { label: t('Instalment'), value: (d) => `${d.instalmentId} #${d.number}` },
            { label: t('State'), value: (d) => chip(label(d.state), STATE_TONES[d.state] ?? '') },
            { label: t('Planned'), value: (d) => money(d.plannedMinor), num: true },
            {
              label: t('Taken'),
              value: (d) => (d.amountMinor === undefined ? '—' : money(d.amountMinor)),
              num: true,
            },
            {
              label: t('Reason'),
              value: (d) =>
                d.failureReason
                  ? label(d.failureReason)
                  : (d.cancelledReasons ?? []).map((reason) => label(reason)).join(', ') || '—',
            },
            { label: t('Stop by'), value: (d) => formatWhen(d.stopBy, lang()) },
            { label: t('Requested by'), value: (d) => d.requestedBy ?? '—' },
            {
              label: t('Finished'),
              value: (d) => (d.finishedAt ? formatDateTime(d.finishedAt, lang()) : '—'),
            },
          ],
          debits,
          { className: 'debits-table' },
        ),
  );
}
