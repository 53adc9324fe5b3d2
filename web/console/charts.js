// @ts-check
// Inline SVG charts, drawn from numbers only (labels go in as text nodes). Every chart comes with the same
// figures as a table, so a screen reader (or anyone who prefers numbers) reads the data, not the drawing.
import { h, svg } from '/lib/dom.js';
import { formatNumber } from '/lib/format.js';
import { table } from '/lib/ui.js';
import { t } from './i18n.js';

const WIDTH = 400;
/** Width of one character of an 11 px value label, generously (digits and capitals). */
const VALUE_CHAR_WIDTH = 7.2;
const COLOURS = ['#2f6fb3', '#d08a2f', '#4f9a6a'];
let chartCount = 0;

/**
 * One series of a bar chart: its name, a value per category, and how a value is written (the chart's own
 * format when absent).
 * @typedef {{ name: string, values: readonly (number | null | undefined)[], format?: Format }} Series
 */
/** @typedef {(value: any) => string} Format */
/** @typedef {(series: Series, value: number | null | undefined) => string} SeriesFormat */

/**
 * Bars for `categories`, one bar per series in each. `series`: [{ name, values, format? }].
 * Horizontal bars (the default) put each label above its bars, so long labels fit on a phone.
 * @param {{ title: string, categories: readonly string[], series: readonly Series[],
 *   orientation?: 'horizontal' | 'vertical', format?: Format }} chart
 */
export function barChart({ title, categories, series, orientation = 'horizontal', format = formatNumber }) {
  chartCount += 1;
  const id = `chart-${chartCount}`;
  const max = Math.max(0, ...series.flatMap((s) => s.values.map((value) => Number(value) || 0)));
  /** @type {SeriesFormat} */
  const fmt = (s, value) => (s.format ?? format)(value);
  const drawing =
    orientation === 'vertical'
      ? verticalBars(categories, series, max, fmt)
      : horizontalBars(categories, series, max, fmt);
  drawing.setAttribute('role', 'img');
  drawing.setAttribute('aria-labelledby', `${id}-caption`);
  return h(
    'figure',
    { class: 'chart', id },
    h('figcaption', { id: `${id}-caption` }, title),
    series.length > 1 &&
      h(
        'p',
        { class: 'legend', 'aria-hidden': 'true' },
        series.map((s, index) => h('span', { class: `series-${index % COLOURS.length}` }, s.name)),
      ),
    drawing,
    dataTable(title, categories, series, fmt),
  );
}

/**
 * @param {readonly string[]} categories
 * @param {readonly Series[]} series
 * @param {number} max
 * @param {SeriesFormat} fmt
 */
function horizontalBars(categories, series, max, fmt) {
  const barHeight = series.length > 1 ? 10 : 14;
  const rowHeight = 18 + series.length * (barHeight + 3) + 6;
  // Room after the longest bar for the longest value label, so no label runs off the drawing.
  const longest = Math.max(
    1,
    ...series.flatMap((s) => categories.map((_, row) => fmt(s, s.values[row]).length)),
  );
  const span = WIDTH - Math.ceil(longest * VALUE_CHAR_WIDTH) - 8;
  const height = Math.max(rowHeight * categories.length, rowHeight);
  return svg(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, preserveAspectRatio: 'xMinYMin meet' },
    categories.map((category, row) => {
      const top = row * rowHeight;
      return svg(
        'g',
        {},
        svg('text', { x: 2, y: top + 13, class: 'axis-label', 'font-size': '12' }, category),
        series.map((s, index) => {
          const value = Number(s.values[row]) || 0;
          const width = max > 0 ? Math.max(value > 0 ? 1.5 : 0, (value / max) * span) : 0;
          const y = top + 18 + index * (barHeight + 3);
          return svg(
            'g',
            {},
            svg('rect', {
              x: 0,
              y,
              width: width.toFixed(1),
              height: barHeight,
              rx: 2,
              fill: COLOURS[index % COLOURS.length],
            }),
            svg(
              'text',
              { x: (width + 4).toFixed(1), y: y + barHeight - 2, class: 'value-label', 'font-size': '11' },
              fmt(s, s.values[row]),
            ),
          );
        }),
      );
    }),
  );
}

/**
 * @param {readonly string[]} categories
 * @param {readonly Series[]} series
 * @param {number} max
 * @param {SeriesFormat} fmt
 */
function verticalBars(categories, series, max, fmt) {
  const height = 180;
  const top = 16;
  const bottom = 24;
  const plot = height - top - bottom;
  const slot = WIDTH / Math.max(categories.length, 1);
  const gap = Math.min(8, slot * 0.2);
  const barWidth = (slot - gap) / series.length;
  return svg(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, preserveAspectRatio: 'xMinYMin meet' },
    svg('line', { x1: 0, x2: WIDTH, y1: top + plot, y2: top + plot, stroke: '#8a99a8', 'stroke-width': 1 }),
    categories.map((category, column) => {
      const left = column * slot + gap / 2;
      return svg(
        'g',
        {},
        series.map((s, index) => {
          const value = Number(s.values[column]) || 0;
          const barHeight = max > 0 ? (value / max) * plot : 0;
          const x = left + index * barWidth;
          return svg(
            'g',
            {},
            svg('rect', {
              x: x.toFixed(1),
              y: (top + plot - barHeight).toFixed(1),
              width: Math.max(1, barWidth - 1).toFixed(1),
              height: barHeight.toFixed(1),
              rx: 2,
              fill: COLOURS[index % COLOURS.length],
            }),
            categories.length <= 12 &&
              svg(
                'text',
                {
                  x: (x + barWidth / 2).toFixed(1),
                  y: (top + plot - barHeight - 3).toFixed(1),
                  'text-anchor': anchorFor(column, categories.length),
                  class: 'value-label',
                  'font-size': '10',
                },
                fmt(s, s.values[column]),
              ),
          );
        }),
        svg(
          'text',
          {
            x: (left + (slot - gap) / 2).toFixed(1),
            y: height - 8,
            'text-anchor': anchorFor(column, categories.length),
            class: 'axis-label',
            'font-size': '11',
          },
          category,
        ),
      );
    }),
  );
}

/**
 * Labels centred under their column, except at the edges, where they would run off the drawing.
 * @param {number} column
 * @param {number} columns
 */
const anchorFor = (column, columns) =>
  columns > 1 && column === 0 ? 'start' : columns > 1 && column === columns - 1 ? 'end' : 'middle';

/**
 * @param {string} title
 * @param {readonly string[]} categories
 * @param {readonly Series[]} series
 * @param {SeriesFormat} fmt
 */
function dataTable(title, categories, series, fmt) {
  const rows = categories.map((category, index) => ({ category, index }));
  return h(
    'details',
    { class: 'chart-table' },
    h('summary', {}, t('chart.showTable')),
    table(
      [
        { label: '', value: (row) => row.category, header: true },
        ...series.map((s) => ({
          label: s.name,
          value: (/** @type {{ index: number }} */ row) => fmt(s, s.values[row.index]),
          num: true,
        })),
      ],
      rows,
      { caption: title },
    ),
  );
}

/**
 * A heat-map table: rows × columns of rates (0..1), shaded by rate, each cell with its percentage and count.
 * @param {{ title: string, rowLabels: readonly string[], columnLabels: readonly string[],
 *   rates: readonly (readonly number[])[], counts?: readonly (readonly number[])[], totals?: readonly number[],
 *   formatRate: (rate: number) => string,
 *   labels?: { corner: string, total: string, count: (n: number) => string } }} map
 */
export function heatMap({ title, rowLabels, columnLabels, rates, counts, totals, formatRate, labels }) {
  const shade = (/** @type {number} */ rate) => (rate <= 0 ? 0 : Math.min(5, 1 + Math.floor(rate * 5)));
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'heatmap' },
      h('caption', {}, title),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, labels?.corner ?? 'From ↓ / to →'),
          columnLabels.map((column) => h('th', { scope: 'col', class: 'num' }, column)),
          totals && h('th', { scope: 'col', class: 'num' }, labels?.total ?? 'Accounts'),
        ),
      ),
      h(
        'tbody',
        {},
        rowLabels.map((row, r) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, row),
            columnLabels.map((_, c) => {
              const rate = Number(rates[r]?.[c]) || 0;
              const count = counts?.[r]?.[c];
              return h(
                'td',
                { class: ['num', `h${shade(rate)}`] },
                formatRate(rate),
                count !== undefined &&
                  h(
                    'span',
                    { class: 'visually-hidden' },
                    ` (${labels ? labels.count(count) : `${count} accounts`})`,
                  ),
              );
            }),
            totals && h('td', { class: 'num' }, formatNumber(totals[r])),
          ),
        ),
      ),
    ),
  );
}

/**
 * A day-by-day column chart: the range's first and last dates under it, the highest day's figure beside the
 * axis, and the same figures as a table.
 * @param {{ title: string, dates: readonly string[], values: readonly number[],
 *   formatDate: (date: string) => string, formatValue: (value: number) => string,
 *   labels: { date: string, value: string, total: string, peak: string, table: string } }} chart
 */
export function trendChart({ title, dates, values, formatDate, formatValue, labels }) {
  chartCount += 1;
  const id = `chart-${chartCount}`;
  const height = 90;
  const top = 14;
  const bottom = 18;
  const plot = height - top - bottom;
  const max = Math.max(0, ...values);
  const slot = WIDTH / Math.max(values.length, 1);
  const total = values.reduce((sum, value) => sum + value, 0);
  const drawing = svg(
    'svg',
    { viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, preserveAspectRatio: 'xMinYMin meet' },
    svg('line', { x1: 0, x2: WIDTH, y1: top + plot, y2: top + plot, stroke: '#8a99a8', 'stroke-width': 1 }),
    values.map((value, index) => {
      const barHeight = max > 0 ? (value / max) * plot : 0;
      return svg('rect', {
        x: (index * slot + slot * 0.15).toFixed(1),
        y: (top + plot - barHeight).toFixed(1),
        width: Math.max(1, slot * 0.7).toFixed(1),
        height: barHeight.toFixed(1),
        rx: 1,
        fill: COLOURS[0],
      });
    }),
    svg(
      'text',
      { x: 0, y: 10, class: 'axis-label', 'font-size': '11' },
      `${labels.total}: ${formatValue(total)}`,
    ),
    max > 0 &&
      svg(
        'text',
        { x: WIDTH, y: 10, 'text-anchor': 'end', class: 'value-label', 'font-size': '11' },
        `${labels.peak}: ${formatValue(max)}`,
      ),
    dates.length > 0 &&
      svg(
        'text',
        { x: 0, y: height - 4, class: 'axis-label', 'font-size': '11' },
        formatDate(dates[0] ?? ''),
      ),
    dates.length > 1 &&
      svg(
        'text',
        { x: WIDTH, y: height - 4, 'text-anchor': 'end', class: 'axis-label', 'font-size': '11' },
        formatDate(dates.at(-1) ?? ''),
      ),
  );
  drawing.setAttribute('role', 'img');
  drawing.setAttribute('aria-labelledby', `${id}-caption`);
  const rows = dates.map((date, index) => ({ date, value: values[index] ?? 0 }));
  return h(
    'figure',
    { class: 'chart trend', id },
    h('figcaption', { id: `${id}-caption` }, title),
    drawing,
    h(
      'details',
      { class: 'chart-table' },
      h('summary', {}, labels.table),
      table(
        [
          { label: labels.date, value: (row) => formatDate(row.date), header: true },
          { label: labels.value, value: (row) => formatValue(row.value), num: true },
        ],
        rows,
        { caption: title },
      ),
    ),
  );
}
