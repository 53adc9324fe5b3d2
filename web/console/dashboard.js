// @ts-check
// The supervisor dashboard: GET /dashboard, each section as an inline SVG chart with its table. Money is
// never summed across currencies: balances are charted per currency.
import { notBuiltYet } from '/lib/api.js';
import { h, replace } from '/lib/dom.js';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent } from '/lib/format.js';
import { figures, loading, notice, section, table } from '/lib/ui.js';
import { barChart, heatMap, trendChart } from './charts.js';
import { lang, t } from './i18n.js';
import { label } from './labels.js';

const CURRENCIES = ['USD', 'CNY'];
const RANGES = [7, 30, 90];
const DEFAULT_DAYS = 30;
const SOURCES = ['draft', 'agent_message', 'assistant_reply', 'send'];
/** @typedef {import('./console.js').ConsoleContext} ConsoleContext */

/**
 * The dashboard's rows (any shape the API sends), or none.
 * @param {unknown} value
 * @returns {any[]}
 */
const list = (value) => (Array.isArray(value) ? value : []);
/** @param {number | null | undefined} value */
const percent = (value) => (value === null || value === undefined ? '—' : formatPercent(value, lang()));
/**
 * Compact money for bar labels: whole units.
 * @param {string} currency
 * @returns {(minor: unknown) => string}
 */
const shortMoney = (currency) => (minor) =>
  `${currency} ${formatNumber(Math.round((Number(minor) || 0) / 100), lang())}`;

/**
 * @param {HTMLElement} view
 * @param {ConsoleContext} ctx
 */
export function renderDashboard(view, ctx, query = new URLSearchParams()) {
  const { signal } = ctx;
  const asked = Number(query.get('days'));
  const days = RANGES.includes(asked) ? asked : DEFAULT_DAYS;
  const refresh = h('button', { type: 'button', class: 'small', onclick: () => load() }, t('dash.refresh'));
  const range = h(
    'div',
    { class: 'range-switch', role: 'group', 'aria-label': t('dash.range') },
    RANGES.map((option) =>
      h(
        'a',
        {
          href: `#/dashboard?days=${option}`,
          'aria-current': option === days ? 'true' : undefined,
          dataset: { days: String(option) },
        },
        t('dash.days', option),
      ),
    ),
  );
  const body = h('div', { id: 'dashboard-body' }, loading(t('dash.loading')));
  const revealed = h('div', { id: 'reveals-body' }, loading(t('common.loading')));
  const reveals = section(t('dash.reveals'), { id: 'reveals' }, revealed);
  replace(
    view,
    section(
      t('dash.title'),
      { id: 'dashboard', actions: h('div', { class: 'actions' }, range, refresh) },
      body,
    ),
    reveals,
  );

  /** Every reveal of a customer's personal data, newest first, with who, what and why: for review. */
  async function loadReveals() {
    try {
      const { reveals: rows } = await ctx.api('GET', '/personal-data-reveals?limit=50');
      if (signal.aborted) return;
      replace(
        revealed,
        rows.length === 0
          ? h('p', { class: 'empty' }, t('dash.noReveals'))
          : table(
              [
                { label: t('dash.when'), value: (r) => formatDateTime(r.at, lang()) },
                { label: t('dash.who'), value: (r) => `${r.by} (${t(`role.${r.role}`)})` },
                {
                  label: t('dash.account'),
                  value: (r) =>
                    h('a', { href: `#/accounts/${encodeURIComponent(r.accountId)}` }, r.accountId),
                },
                { label: t('dash.field'), value: (r) => label(r.field) },
                { label: t('dash.reason'), value: (r) => r.reason },
              ],
              rows,
              { caption: t('dash.revealsCaption') },
            ),
      );
    } catch (error) {
      if (signal.aborted || error.status === 401) return;
      replace(revealed, notice(t('common.couldNotLoad', error.message), 'error'));
    }
  }

  async function load() {
    loadReveals();
    try {
      const dashboard = await ctx.api('GET', `/dashboard?days=${days}`);
      if (signal.aborted) return;
      replace(body, drawDashboard(dashboard ?? {}));
      body.setAttribute('data-days', String(days));
    } catch (error) {
      if (signal.aborted || error.status === 401) return;
      replace(
        body,
        notBuiltYet(error)
          ? notice(t('dash.notYet'), 'info')
          : notice(t('dash.couldNotLoad', error.message), 'error', { role: 'alert' }),
      );
    }
  }
  load();
}

/**
 * A change against the period before: "+3 vs previous 7 days"; nothing when there is nothing to compare.
 * @param {number | null | undefined} now
 * @param {number | null | undefined} before
 * @param {number} days
 */
function delta(now, before, days) {
  if (typeof now !== 'number' || typeof before !== 'number') return '';
  const change = now - before;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return t('dash.vsPrevious', `${sign}${formatNumber(Math.abs(change), lang())}`, days);
}

/**
 * A figure with its change under it.
 * @param {string} value
 * @param {string} change
 */
const withDelta = (value, change) =>
  change ? h('span', {}, value, h('span', { class: 'delta' }, change)) : value;

/** @param {number | null | undefined} minutes */
function duration(minutes) {
  if (typeof minutes !== 'number') return '—';
  if (minutes < 60) return t('dash.minutes', formatNumber(minutes, lang()));
  const hours = Math.floor(minutes / 60);
  return t('dash.hoursMinutes', formatNumber(hours, lang()), formatNumber(minutes % 60, lang()));
}

/**
 * @param {any} d GET /dashboard's answer
 */
function drawDashboard(d) {
  const portfolio = d.portfolio ?? {};
  const activity = d.activity ?? {};
  const days = activity.period?.days ?? DEFAULT_DAYS;
  const blocks = activity.blocks ?? {};
  const escalations = activity.escalations ?? {};
  return [
    h(
      'p',
      { class: 'muted small', id: 'dashboard-period' },
      activity.period
        ? t(
            'dash.period',
            formatDate(activity.period.from, lang()),
            formatDate(activity.period.to, lang()),
            formatDateTime(d.generatedAt, lang()),
          )
        : '',
    ),
    figures([
      [t('dash.accounts'), formatNumber(portfolio.accounts, lang())],
      ...CURRENCIES.map((currency) => [
        t('dash.balance', currency),
        formatMoney(portfolio.balanceMinor?.[currency], currency, lang()),
      ]),
      ...CURRENCIES.map((currency) => [
        t('dash.overdue', currency),
        formatMoney(portfolio.amountOverdueMinor?.[currency], currency, lang()),
      ]),
      [t('dash.scored'), formatNumber(d.scores?.scored, lang())],
    ]),
    // The range's figures apart from the portfolio's: each row of tiles is sized by its longest figure.
    figures([
      [
        t('dash.blockedTile'),
        withDelta(formatNumber(blocks.total ?? 0, lang()), delta(blocks.total, blocks.previousTotal, days)),
        'dashboard-blocked-total',
      ],
      [
        t('dash.callsTile'),
        withDelta(
          formatNumber(activity.totals?.calls ?? 0, lang()),
          delta(activity.totals?.calls, activity.previous?.calls, days),
        ),
      ],
      [t('dash.escalationTile'), duration(escalations.medianMinutes)],
    ]),
    h(
      'div',
      { class: 'dashboard-grid' },
      blocksSection(activity),
      trendSection(activity),
      agentsSection(list(activity.agents)),
      escalationsSection(escalations, days),
      portfolioSection(t('dash.byBucket'), 'by-bucket', list(portfolio.byBucket), { balances: true }),
      portfolioSection(
        t('dash.byTier'),
        'by-tier',
        list(portfolio.byTier).filter((row) => row.accounts > 0),
      ),
      scoresSection(d.scores ?? {}),
      rollRateSection(d.rollRates ?? {}, days),
      offersSection(d.offers ?? {}),
      promisesSection(d.promises ?? {}),
      blockedSendsSection(d.blockedContacts ?? {}),
      variantsSection(list(d.variants)),
      paymentsSection(d.payments),
    ),
  ];
}

/**
 * Every message the gate stopped in the range: where, and by which rule.
 * @param {any} activity
 */
function blocksSection(activity) {
  const blocks = activity.blocks ?? {};
  const rules = list(blocks.byRule);
  return section(
    t('dash.blocksTitle'),
    { id: 'gate-blocks', level: 3 },
    h('p', { class: 'small muted' }, t('dash.blocksIntro', formatNumber(blocks.total ?? 0, lang()))),
    figures(
      SOURCES.map((source) => [
        t(`dash.source.${source}`),
        formatNumber(blocks.bySource?.[source] ?? 0, lang()),
        `blocked-${source.replace('_', '-')}`,
      ]),
      { class: 'figures compact' },
    ),
    rules.length === 0
      ? h('p', { class: 'empty' }, t('dash.nothingBlocked'))
      : barChart({
          title: t('dash.blocksByRule'),
          categories: rules.map((row) => ruleName(row.rule)),
          series: [{ name: t('dash.messages'), values: rules.map((row) => row.total) }],
        }),
    rules.length > 0 &&
      h(
        'details',
        {},
        h('summary', {}, t('dash.blocksByRuleAndSource')),
        table(
          [
            { label: t('dash.rule'), value: (row) => ruleName(row.rule), header: true },
            ...SOURCES.map((source) => ({
              label: t(`dash.source.${source}`),
              value: (/** @type {any} */ row) => formatNumber(row.bySource?.[source] ?? 0, lang()),
              num: true,
            })),
            { label: t('dash.total'), value: (row) => formatNumber(row.total, lang()), num: true },
          ],
          rules,
          { caption: t('dash.rulesCaption') },
        ),
      ),
  );
}

/**
 * A rule's name in the reader's language, its code after it (the details a supervisor searches by).
 * @param {string} rule
 */
const ruleName = (rule) => label(rule);

/**
 * Day by day: blocks, calls, promises and escalations.
 * @param {any} activity
 */
function trendSection(activity) {
  const trend = list(activity.trend);
  return section(
    t('dash.trendTitle'),
    { id: 'trends', level: 3 },
    trend.length === 0
      ? h('p', { class: 'empty' }, t('dash.noTrend'))
      : ['blocked', 'calls', 'promises', 'escalations'].map((key) =>
          trendChart({
            title: t(`dash.trend.${key}`),
            dates: trend.map((point) => point.date),
            values: trend.map((point) => point[key] ?? 0),
            formatDate: (date) => formatDate(date, lang()),
            formatValue: (value) => formatNumber(value, lang()),
            labels: {
              date: t('dash.date'),
              value: t(`dash.trend.${key}`),
              total: t('dash.inRange'),
              peak: t('dash.peakDay'),
              table: t('chart.showTable'),
            },
          }),
        ),
  );
}

/**
 * Calls, promises and kept rate per agent over the range.
 * @param {any[]} agents
 */
function agentsSection(agents) {
  return section(
    t('dash.agentsTitle'),
    { id: 'agents', level: 3 },
    agents.length === 0
      ? h('p', { class: 'empty' }, t('dash.noAgents'))
      : table(
          [
            { label: t('dash.agent'), value: (row) => row.agentId, header: true },
            { label: t('dash.calls'), value: (row) => formatNumber(row.calls, lang()), num: true },
            { label: t('dash.reached'), value: (row) => formatNumber(row.conversations, lang()), num: true },
            { label: t('dash.promises'), value: (row) => formatNumber(row.promises, lang()), num: true },
            {
              label: t('dash.keptBroken'),
              value: (row) => `${formatNumber(row.kept, lang())} / ${formatNumber(row.broken, lang())}`,
              num: true,
            },
            { label: t('dash.keptRate'), value: (row) => percent(row.keptRate), num: true },
          ],
          agents,
          { caption: t('dash.agentsCaption') },
        ),
  );
}

/**
 * @param {any} escalations
 * @param {number} days
 */
function escalationsSection(escalations, days) {
  return section(
    t('dash.escalationsTitle'),
    { id: 'escalations', level: 3 },
    figures([
      [t('dash.requested'), formatNumber(escalations.requested ?? 0, lang())],
      [t('dash.answered'), formatNumber(escalations.answered ?? 0, lang())],
      [t('dash.waiting'), formatNumber(escalations.waiting ?? 0, lang()), 'escalations-waiting'],
      [
        t('dash.median'),
        withDelta(
          duration(escalations.medianMinutes),
          typeof escalations.previousMedianMinutes === 'number'
            ? t('dash.previousMedian', duration(escalations.previousMedianMinutes), days)
            : '',
        ),
      ],
      [t('dash.p90'), duration(escalations.p90Minutes)],
    ]),
    h('p', { class: 'small muted' }, t('dash.escalationsIntro')),
  );
}

/**
 * @param {string} title
 * @param {string} id
 * @param {any[]} rows
 * @param {{ balances?: boolean }} [options]
 */
function portfolioSection(title, id, rows, { balances = false } = {}) {
  if (rows.length === 0)
    return section(title, { id, level: 3 }, h('p', { class: 'empty' }, t('dash.noAccounts')));
  const categories = rows.map((row) => label(row.key));
  return section(
    title,
    { id, level: 3 },
    barChart({
      title: t('dash.accounts'),
      categories,
      series: [{ name: t('dash.accounts'), values: rows.map((r) => r.accounts) }],
    }),
    balances &&
      CURRENCIES.map((currency) =>
        barChart({
          title: t('dash.balanceChart', currency),
          categories,
          series: [
            {
              name: t('dash.balanceSeries'),
              values: rows.map((r) => r.balanceMinor?.[currency] ?? 0),
              format: shortMoney(currency),
            },
          ],
        }),
      ),
    h(
      'details',
      {},
      h('summary', {}, t('dash.balancesByCurrency')),
      table(
        [
          { label: '', value: (row) => label(row.key), header: true },
          { label: t('dash.accounts'), value: (row) => formatNumber(row.accounts, lang()), num: true },
          ...CURRENCIES.flatMap((currency) => [
            {
              label: t('dash.balance', currency),
              value: (/** @type {any} */ row) => formatMoney(row.balanceMinor?.[currency], currency, lang()),
              num: true,
            },
            {
              label: t('dash.overdue', currency),
              value: (/** @type {any} */ row) =>
                formatMoney(row.amountOverdueMinor?.[currency], currency, lang()),
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
    t('dash.scoresTitle'),
    { id: 'scores', level: 3 },
    histogram.length === 0
      ? h('p', { class: 'empty' }, t('dash.noScores'))
      : barChart({
          title: t('dash.histogram'),
          orientation: 'vertical',
          categories: histogram.map((bin) => String(bin.from)),
          series: [{ name: t('dash.accounts'), values: histogram.map((bin) => bin.accounts) }],
        }),
    bands.length > 0 &&
      barChart({
        title: t('dash.byBand'),
        orientation: 'vertical',
        categories: bands.map((band) => band.band),
        series: [{ name: t('dash.accounts'), values: bands.map((band) => band.accounts) }],
      }),
  );
}

/**
 * @param {any} roll
 * @param {number} days
 */
function rollRateSection(roll, days) {
  const rows = list(roll.rows);
  /** @type {string[]} */
  const buckets = list(roll.buckets).length > 0 ? roll.buckets : rows.map((row) => row.from);
  return section(
    t('dash.rollTitle'),
    { id: 'roll-rates', level: 3 },
    h(
      'p',
      { class: 'small muted' },
      t('dash.rollIntro', days > 30 ? 3 : 1, formatNumber(roll.accounts ?? 0, lang())),
    ),
    rows.every((row) => !row.total)
      ? h('p', { class: 'empty' }, t('dash.noRolls'))
      : heatMap({
          title: t('dash.rollCaption'),
          rowLabels: rows.map((row) => label(row.from)),
          columnLabels: buckets.map(label),
          rates: rows.map((row) => buckets.map((bucket) => row.rates?.[bucket] ?? 0)),
          counts: rows.map((row) => buckets.map((bucket) => row.counts?.[bucket] ?? 0)),
          totals: rows.map((row) => row.total ?? 0),
          formatRate: (rate) => formatPercent(rate, lang(), 0),
          labels: {
            corner: t('dash.fromTo'),
            total: t('dash.accounts'),
            count: (n) => t('dash.countAccounts', formatNumber(n, lang())),
          },
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
    t('dash.offersTitle'),
    { id: 'offers', level: 3 },
    figures([
      [t('dash.drafts'), formatNumber(offers.drafts, lang())],
      [t('dash.ready'), formatNumber(offers.ready, lang())],
      [t('dash.blocked'), formatNumber(offers.blocked, lang())],
      [t('dash.accountsOffered'), formatNumber(offers.accountsOffered, lang())],
      [t('dash.plansAccepted'), formatNumber(offers.accepted?.accounts, lang())],
      [t('dash.acceptance'), percent(offers.accepted?.rateAmongOffered)],
    ]),
    byTier.length > 0 &&
      barChart({
        title: t('dash.draftsByTier'),
        categories: byTier.map((row) => label(row.tier)),
        series: [
          { name: t('dash.ready'), values: byTier.map((row) => row.ready) },
          { name: t('dash.blocked'), values: byTier.map((row) => row.blocked) },
        ],
      }),
    byKind.length > 0 &&
      barChart({
        title: t('dash.plansByKind'),
        categories: byKind.map(([kind]) => label(kind)),
        series: [{ name: t('dash.plans'), values: byKind.map(([, count]) => count) }],
      }),
  );
}

/**
 * @param {any} promises
 */
function promisesSection(promises) {
  const states = ['recorded', 'pending', 'kept', 'broken', 'superseded'];
  return section(
    t('dash.promisesTitle'),
    { id: 'promises', level: 3 },
    figures([
      [t('dash.openNow'), formatNumber(promises.open, lang())],
      [t('dash.keptRate'), percent(promises.keptRate)],
    ]),
    barChart({
      title: t('dash.promisesChart'),
      categories: states.map((state) => t(`dash.promise.${state}`)),
      series: [{ name: t('dash.promises'), values: states.map((key) => promises[key] ?? 0) }],
    }),
  );
}

/**
 * Sends the gate stopped, by channel (all time).
 * @param {any} blocked
 */
function blockedSendsSection(blocked) {
  const channels = Object.entries(blocked.byChannel ?? {});
  return section(
    t('dash.sendsTitle'),
    { id: 'blocked', level: 3 },
    h('p', { class: 'small muted' }, t('dash.sendsIntro', formatNumber(blocked.messages ?? 0, lang()))),
    channels.length > 0 &&
      barChart({
        title: t('dash.sendsByChannel'),
        orientation: 'vertical',
        categories: channels.map(([channel]) => label(channel)),
        series: [{ name: t('dash.messages'), values: channels.map(([, count]) => count) }],
      }),
  );
}

/**
 * @param {any[]} variants
 */
function variantsSection(variants) {
  const title = t('dash.variantsTitle');
  if (variants.length === 0)
    return section(title, { id: 'variants', level: 3 }, h('p', { class: 'empty' }, t('dash.noVariants')));
  return section(
    title,
    { id: 'variants', level: 3 },
    barChart({
      title: t('dash.variantsChart'),
      categories: variants.map((row) => label(row.variant)),
      series: [
        { name: t('dash.inArrears'), values: variants.map((row) => row.inArrearsShare), format: percent },
        {
          name: t('dash.planAccepted'),
          values: variants.map((row) => row.planAcceptanceRate),
          format: percent,
        },
      ],
    }),
    table(
      [
        { label: t('dash.variant'), value: (row) => label(row.variant), header: true },
        { label: t('dash.accounts'), value: (row) => formatNumber(row.accounts, lang()), num: true },
        { label: t('dash.avgScore'), value: (row) => formatNumber(row.averageScore, lang()), num: true },
        { label: t('dash.inArrears'), value: (row) => percent(row.inArrearsShare), num: true },
        { label: t('dash.plans'), value: (row) => formatNumber(row.plansAccepted, lang()), num: true },
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
  const title = t('dash.debitsTitle');
  if (!payments)
    return section(title, { id: 'payments', level: 3 }, h('p', { class: 'empty' }, t('dash.noFigures')));
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
          series: [{ name: t('dash.count'), values: rows.map((row) => row.count) }],
        });
  return section(
    title,
    { id: 'payments', level: 3 },
    figures([
      [t('dash.cureRate'), percent(cure.rate), 'payments-cure-rate'],
      [t('dash.missedDebited'), formatNumber(cure.withAttempt, lang())],
      [t('dash.cured'), formatNumber(cure.cured, lang())],
      [t('dash.missedNoDebit'), formatNumber(cure.withoutAttempt, lang())],
      ...CURRENCIES.map((currency) => [
        t('dash.recovered', currency),
        formatMoney(payments.recovery?.recoveredMinor?.[currency], currency, lang()),
      ]),
    ]),
    h('p', { class: 'small muted' }, t('dash.cureExplained')),
    currencies.length === 0
      ? h('p', { class: 'empty' }, t('dash.noDebits'))
      : currencies.map((currency) => {
          const rows = byAttempt.filter((row) => row.currency === currency);
          return barChart({
            title: t('dash.recoveredByAttempt', currency),
            categories: rows.map((row) => t('dash.attempt', row.number)),
            series: [
              {
                name: t('dash.recovered', currency),
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
        h('summary', {}, t('dash.presentedByAttempt')),
        table(
          [
            {
              label: t('dash.attemptColumn'),
              value: (row) => `${row.currency} ${t('dash.attempt', row.number)}`,
              header: true,
            },
            { label: t('dash.presented'), value: (row) => formatNumber(row.presented, lang()), num: true },
            { label: t('dash.succeeded'), value: (row) => formatNumber(row.succeeded, lang()), num: true },
            {
              label: t('dash.success'),
              value: (row) =>
                row.presented > 0 ? formatPercent(row.succeeded / row.presented, lang()) : '—',
              num: true,
            },
            {
              label: t('dash.recoveredColumn'),
              value: (row) => formatMoney(row.recoveredMinor, row.currency, lang()),
              num: true,
            },
          ],
          byAttempt,
        ),
      ),
    reasonChart(
      t('dash.missedNoDebitByReason'),
      list(cure.withoutAttemptByReason),
      t('dash.everyMissedDebited'),
    ),
    reasonChart(t('dash.failedByReason'), list(payments.failures?.byReason), t('dash.noFailed')),
    reasonChart(t('dash.cancelledByReason'), list(payments.cancellations?.byReason), t('dash.noCancelled')),
  );
}
