// @ts-check
// The supervisor dashboard: GET /dashboard, each section as an inline SVG chart with its table. Money is
// never summed across currencies: balances are charted per currency.
import { notBuiltYet } from '/lib/api.js';
import { h, replace } from '/lib/dom.js';
import { formatDateTime, formatMoney, formatNumber, formatPercent, humanise } from '/lib/format.js';
import { figures, loading, notice, section, table } from '/lib/ui.js';
import { barChart, heatMap } from './charts.js';
import { label } from './labels.js';

const CURRENCIES = ['USD', 'CNY'];
/** @typedef {import('./console.js').ConsoleContext} ConsoleContext */

/**
 * The dashboard's rows (any shape the API sends), or none.
 * @param {unknown} value
 * @returns {any[]}
 */
const list = (value) => (Array.isArray(value) ? value : []);
/** @param {number | null | undefined} value */
const percent = (value) => (value === null || value === undefined ? '—' : formatPercent(value));
const ORDINALS = ['1st', '2nd', '3rd'];
/** @param {number} n */
const ordinal = (n) => ORDINALS[n - 1] ?? `${n}th`;
/**
 * Compact money for bar labels: whole units.
 * @param {string} currency
 * @returns {(minor: unknown) => string}
 */
const shortMoney = (currency) => (minor) =>
  `${currency} ${formatNumber(Math.round((Number(minor) || 0) / 100))}`;

/**
 * @param {HTMLElement} view
 * @param {ConsoleContext} ctx
 */
export function renderDashboard(view, ctx) {
  const { signal } = ctx;
  const refresh = h('button', { type: 'button', class: 'small', onclick: () => load() }, 'Refresh');
  const body = h('div', { id: 'dashboard-body' }, loading('Loading the dashboard…'));
  const revealed = h('div', { id: 'reveals-body' }, loading());
  const reveals = section('Personal data revealed', { id: 'reveals' }, revealed);
  replace(view, section('Supervisor dashboard', { id: 'dashboard', actions: refresh }, body), reveals);

  /** Every reveal of a customer's personal data, newest first, with who, what and why: for review. */
  async function loadReveals() {
    try {
      const { reveals: rows } = await ctx.api('GET', '/personal-data-reveals?limit=50');
      if (signal.aborted) return;
      replace(
        revealed,
        rows.length === 0
          ? h('p', { class: 'empty' }, 'Nobody has revealed personal data.')
          : table(
              [
                { label: 'When', value: (r) => formatDateTime(r.at) },
                { label: 'Who', value: (r) => `${r.by} (${r.role})` },
                {
                  label: 'Account',
                  value: (r) =>
                    h('a', { href: `#/accounts/${encodeURIComponent(r.accountId)}` }, r.accountId),
                },
                { label: 'Field', value: (r) => humanise(r.field) },
                { label: 'Reason', value: (r) => r.reason },
              ],
              rows,
              { caption: 'Newest first; every reveal is logged before the value is shown.' },
            ),
      );
    } catch (error) {
      if (signal.aborted || error.status === 401) return;
      replace(revealed, notice(`Could not load: ${error.message}`, 'error'));
    }
  }

  async function load() {
    loadReveals();
    try {
      const dashboard = await ctx.api('GET', '/dashboard');
      if (signal.aborted) return;
      replace(body, drawDashboard(dashboard ?? {}));
    } catch (error) {
      if (signal.aborted || error.status === 401) return;
      replace(
        body,
        notBuiltYet(error)
          ? notice('The dashboard is not available yet.', 'info')
          : notice(`Could not load the dashboard: ${error.message}`, 'error', { role: 'alert' }),
      );
    }
  }
  load();
}

/**
 * @param {any} d GET /dashboard's answer
 */
function drawDashboard(d) {
  const portfolio = d.portfolio ?? {};
  return [
    h('p', { class: 'muted small' }, d.generatedAt ? `As of ${formatDateTime(d.generatedAt)}` : ''),
    figures([
      ['Accounts', formatNumber(portfolio.accounts)],
      ...CURRENCIES.map((currency) => [
        `Balance ${currency}`,
        formatMoney(portfolio.balanceMinor?.[currency], currency),
      ]),
      ...CURRENCIES.map((currency) => [
        `Overdue ${currency}`,
        formatMoney(portfolio.amountOverdueMinor?.[currency], currency),
      ]),
      ['Scored', formatNumber(d.scores?.scored)],
    ]),
    h(
      'div',
      { class: 'dashboard-grid' },
      portfolioSection('Portfolio by delinquency bucket', 'by-bucket', list(portfolio.byBucket), {
        balances: true,
      }),
      portfolioSection(
        'Portfolio by treatment tier',
        'by-tier',
        list(portfolio.byTier).filter((row) => row.accounts > 0),
      ),
      scoresSection(d.scores ?? {}),
      rollRateSection(d.rollRates ?? {}),
      offersSection(d.offers ?? {}),
      promisesSection(d.promises ?? {}),
      blockedSection(d.blockedContacts ?? {}),
      variantsSection(list(d.variants)),
      paymentsSection(d.payments),
    ),
  ];
}

/**
 * @param {string} title
 * @param {string} id
 * @param {any[]} rows
 * @param {{ balances?: boolean }} [options]
 */
function portfolioSection(title, id, rows, { balances = false } = {}) {
  if (rows.length === 0) return section(title, { id, level: 3 }, h('p', { class: 'empty' }, 'No accounts.'));
  const categories = rows.map((row) => label(row.key));
  return section(
    title,
    { id, level: 3 },
    barChart({
      title: 'Accounts',
      categories,
      series: [{ name: 'Accounts', values: rows.map((r) => r.accounts) }],
    }),
    balances &&
      CURRENCIES.map((currency) =>
        barChart({
          title: `Balance (${currency})`,
          categories,
          series: [
            {
              name: 'Balance',
              values: rows.map((r) => r.balanceMinor?.[currency] ?? 0),
              format: shortMoney(currency),
            },
          ],
        }),
      ),
    h(
      'details',
      {},
      h('summary', {}, 'Balances and arrears by currency'),
      table(
        [
          { label: '', value: (row) => label(row.key), header: true },
          { label: 'Accounts', value: (row) => formatNumber(row.accounts), num: true },
          ...CURRENCIES.flatMap((currency) => [
            {
              label: `Balance ${currency}`,
              value: (/** @type {any} */ row) => formatMoney(row.balanceMinor?.[currency], currency),
              num: true,
            },
            {
              label: `Overdue ${currency}`,
              value: (/** @type {any} */ row) => formatMoney(row.amountOverdueMinor?.[currency], currency),
              num: true,
            },
          ]),
        ],
        rows,
      ),
    ),
  );
}

/**
 * @param {any} scores
 */
function scoresSection(scores) {
  const histogram = list(scores.histogram);
  const bands = list(scores.byBand);
  return section(
    'Risk scores',
    { id: 'scores', level: 3 },
    histogram.length === 0
      ? h('p', { class: 'empty' }, 'No scores yet.')
      : barChart({
          title: 'Score histogram (higher = riskier)',
          orientation: 'vertical',
          categories: histogram.map((bin) => String(bin.from)),
          series: [{ name: 'Accounts', values: histogram.map((bin) => bin.accounts) }],
        }),
    bands.length > 0 &&
      barChart({
        title: 'Accounts by risk band',
        orientation: 'vertical',
        categories: bands.map((band) => band.band),
        series: [{ name: 'Accounts', values: bands.map((band) => band.accounts) }],
      }),
  );
}

/**
 * @param {any} roll
 */
function rollRateSection(roll) {
  const rows = list(roll.rows);
  /** @type {string[]} */
  const buckets = list(roll.buckets).length > 0 ? roll.buckets : rows.map((row) => row.from);
  return section(
    'Roll rates',
    { id: 'roll-rates', level: 3 },
    h(
      'p',
      { class: 'small muted' },
      `From the bucket before the last tier change to the bucket now; ${formatNumber(roll.accounts ?? 0)} accounts moved.`,
    ),
    rows.length === 0
      ? h('p', { class: 'empty' }, 'No movements yet.')
      : heatMap({
          title: 'Share of accounts rolling from one bucket to another',
          rowLabels: rows.map((row) => label(row.from)),
          columnLabels: buckets.map(label),
          rates: rows.map((row) => buckets.map((bucket) => row.rates?.[bucket] ?? 0)),
          counts: rows.map((row) => buckets.map((bucket) => row.counts?.[bucket] ?? 0)),
          totals: rows.map((row) => row.total ?? 0),
          formatRate: (rate) => formatPercent(rate, 'en', 0),
        }),
  );
}

/**
 * @param {any} offers
 */
function offersSection(offers) {
  const byTier = list(offers.byTier);
  const byKind = Object.entries(offers.accepted?.byKind ?? {});
  return section(
    'Offers',
    { id: 'offers', level: 3 },
    figures([
      ['Drafts', formatNumber(offers.drafts)],
      ['Ready', formatNumber(offers.ready)],
      ['Blocked', formatNumber(offers.blocked)],
      ['Accounts offered', formatNumber(offers.accountsOffered)],
      ['Plans accepted', formatNumber(offers.accepted?.accounts)],
      ['Acceptance (offered)', percent(offers.accepted?.rateAmongOffered)],
    ]),
    byTier.length > 0 &&
      barChart({
        title: 'Drafts by tier',
        categories: byTier.map((row) => label(row.tier)),
        series: [
          { name: 'Ready', values: byTier.map((row) => row.ready) },
          { name: 'Blocked', values: byTier.map((row) => row.blocked) },
        ],
      }),
    byKind.length > 0 &&
      barChart({
        title: 'Plans accepted by kind',
        categories: byKind.map(([kind]) => label(kind)),
        series: [{ name: 'Plans', values: byKind.map(([, count]) => count) }],
      }),
  );
}

/**
 * @param {any} promises
 */
function promisesSection(promises) {
  const states = ['recorded', 'pending', 'kept', 'broken', 'superseded'];
  return section(
    'Promises to pay',
    { id: 'promises', level: 3 },
    figures([
      ['Open now', formatNumber(promises.open)],
      ['Kept rate', percent(promises.keptRate)],
    ]),
    barChart({
      title: 'Promises made, kept and broken',
      categories: states.map(humanise),
      series: [{ name: 'Promises', values: states.map((key) => promises[key] ?? 0) }],
    }),
  );
}

/**
 * @param {any} blocked
 */
function blockedSection(blocked) {
  const reasons = list(blocked.byReason);
  const channels = Object.entries(blocked.byChannel ?? {});
  return section(
    'Blocked contacts',
    { id: 'blocked', level: 3 },
    h(
      'p',
      { class: 'small muted' },
      `${formatNumber(blocked.messages ?? 0)} messages stopped by the compliance gate.`,
    ),
    reasons.length === 0
      ? h('p', { class: 'empty' }, 'Nothing blocked.')
      : barChart({
          title: 'Blocked messages by rule',
          categories: reasons.map((row) => row.reason),
          series: [{ name: 'Messages', values: reasons.map((row) => row.messages) }],
        }),
    channels.length > 0 &&
      barChart({
        title: 'Blocked messages by channel',
        orientation: 'vertical',
        categories: channels.map(([channel]) => label(channel)),
        series: [{ name: 'Messages', values: channels.map(([, count]) => count) }],
      }),
  );
}

/**
 * @param {any[]} variants
 */
function variantsSection(variants) {
  if (variants.length === 0)
    return section(
      'Champion and challenger',
      { id: 'variants', level: 3 },
      h('p', { class: 'empty' }, 'No variants.'),
    );
  return section(
    'Champion and challenger',
    { id: 'variants', level: 3 },
    barChart({
      title: 'In arrears and plans accepted (share of the variant’s accounts)',
      categories: variants.map((row) => label(row.variant)),
      series: [
        { name: 'In arrears', values: variants.map((row) => row.inArrearsShare), format: percent },
        { name: 'Plan accepted', values: variants.map((row) => row.planAcceptanceRate), format: percent },
      ],
    }),
    table(
      [
        { label: 'Variant', value: (row) => label(row.variant), header: true },
        { label: 'Accounts', value: (row) => formatNumber(row.accounts), num: true },
        { label: 'Avg score', value: (row) => formatNumber(row.averageScore), num: true },
        { label: 'In arrears', value: (row) => percent(row.inArrearsShare), num: true },
        { label: 'Plans', value: (row) => formatNumber(row.plansAccepted), num: true },
      ],
      variants,
    ),
  );
}

/**
 * Real-time debit: cure rate, amount recovered by presentment (per currency), failures and cancellations.
 * @param {any} payments
 */
function paymentsSection(payments) {
  const title = 'Automatic payments (debits)';
  if (!payments)
    return section(title, { id: 'payments', level: 3 }, h('p', { class: 'empty' }, 'No figures.'));
  const cure = payments.cure ?? {};
  const byAttempt = list(payments.recovery?.byAttempt);
  const currencies = CURRENCIES.filter((currency) => byAttempt.some((row) => row.currency === currency));
  /**
   * @param {string} chartTitle
   * @param {any[]} rows
   * @param {string} empty
   */
  const reasonChart = (chartTitle, rows, empty) =>
    rows.length === 0
      ? h('p', { class: 'empty' }, empty)
      : barChart({
          title: chartTitle,
          categories: rows.map((row) => label(row.reason)),
          series: [{ name: 'Count', values: rows.map((row) => row.count) }],
        });
  return section(
    title,
    { id: 'payments', level: 3 },
    figures([
      ['Cure rate', percent(cure.rate), 'payments-cure-rate'],
      ['Missed, debited', formatNumber(cure.withAttempt)],
      ['Cured (paid)', formatNumber(cure.cured)],
      ['Missed, no debit', formatNumber(cure.withoutAttempt)],
      ...CURRENCIES.map((currency) => [
        `Recovered ${currency}`,
        formatMoney(payments.recovery?.recoveredMinor?.[currency], currency),
      ]),
    ]),
    h(
      'p',
      { class: 'small muted' },
      'Cure rate: missed instalments with at least one debit attempt that ended paid, over missed instalments with an attempt.',
    ),
    currencies.length === 0
      ? h('p', { class: 'empty' }, 'No debits presented yet.')
      : currencies.map((currency) => {
          const rows = byAttempt.filter((row) => row.currency === currency);
          return barChart({
            title: `Recovered by attempt (${currency})`,
            categories: rows.map((row) => `${ordinal(row.number)} attempt`),
            series: [
              {
                name: `Recovered ${currency}`,
                values: rows.map((row) => row.recoveredMinor),
                format: shortMoney(currency),
              },
            ],
          });
        }),
    byAttempt.length > 0 &&
      h(
        'details',
        {},
        h('summary', {}, 'Presented and succeeded by attempt'),
        table(
          [
            { label: 'Attempt', value: (row) => `${row.currency} ${ordinal(row.number)}`, header: true },
            { label: 'Presented', value: (row) => formatNumber(row.presented), num: true },
            { label: 'Succeeded', value: (row) => formatNumber(row.succeeded), num: true },
            {
              label: 'Success',
              value: (row) => (row.presented > 0 ? formatPercent(row.succeeded / row.presented) : '—'),
              num: true,
            },
            { label: 'Recovered', value: (row) => formatMoney(row.recoveredMinor, row.currency), num: true },
          ],
          byAttempt,
        ),
      ),
    reasonChart(
      'Missed instalments with no debit, by reason',
      list(cure.withoutAttemptByReason),
      'Every missed instalment had a debit.',
    ),
    reasonChart('Failed debits by reason', list(payments.failures?.byReason), 'No failed debits.'),
    reasonChart('Cancelled debits by reason', list(payments.cancellations?.byReason), 'No cancelled debits.'),
  );
}
