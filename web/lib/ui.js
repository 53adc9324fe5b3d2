// @ts-check
// Small building blocks shared by the console's views. All text goes in as text (see dom.js).
import { h } from './dom.js';

/** @typedef {import('./types').Child} Child */
/** @typedef {import('./types').Props} Props */

/** @param {Child} text */
export const chip = (text, tone = '') => h('span', { class: ['chip', tone] }, text);

/**
 * @param {Child} text
 * @param {Props} [props]
 */
export const notice = (text, tone = 'info', props = {}) =>
  h('p', { class: ['notice', tone], ...props }, text);

/** @param {Child} text */
export const empty = (text) => h('p', { class: 'empty' }, text);

export const loading = (text = 'Loading…') =>
  h(
    'p',
    { class: 'muted', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    ' ',
    text,
  );

/**
 * How long a figure is, as a class the page's styles size it by (long figures shrink to fit their tile).
 * @param {Child} value
 */
const lengthClass = (value) => {
  const length = typeof value === 'string' ? value.length : 0;
  if (length > 24) return 'fig-xxl';
  if (length > 18) return 'fig-xl';
  if (length > 14) return 'fig-l';
  if (length > 11) return 'fig-m';
  if (length > 8) return 'fig-s';
  return undefined;
};

/**
 * `[[term, value, id?], …]` as key figures; falsy entries are skipped. Every figure of a row takes the size
 * the longest one needs, so a row of tiles reads evenly.
 * @param {readonly (readonly Child[] | false | null | undefined)[]} pairs
 * @param {Props} [props]
 */
export function figures(pairs, props = {}) {
  const shown = pairs.filter((pair) => Boolean(pair)).map((pair) => /** @type {readonly Child[]} */ (pair));
  const longest = shown.reduce((text, [, value]) => {
    const length = typeof value === 'string' ? value.length : 0;
    return length > text.length ? /** @type {string} */ (value) : text;
  }, '');
  const size = lengthClass(longest);
  return h(
    'dl',
    { class: 'figures', ...props },
    shown.map(([term, value, id]) =>
      h('div', {}, h('dt', {}, term), h('dd', { ...(id ? { id } : {}), class: size }, value)),
    ),
  );
}

/**
 * A table column: its heading, what a row shows in it, `num` for right-aligned figures, `header` for the
 * first column as the row's heading.
 * @template Row
 * @typedef {{ label: string, value: (row: Row) => Child, num?: boolean, header?: boolean }} Column
 */

/**
 * A table: `columns` = [{ label, value: (row) => node|string, num? }]; the table scrolls inside its box on
 * narrow screens, never the page.
 * @template Row
 * @param {readonly Column<Row>[]} columns
 * @param {readonly Row[]} rows
 * @param {{ caption?: string, className?: string }} [options]
 */
export function table(columns, rows, { caption, className } = {}) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: className },
      caption && h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((column) =>
            h('th', { scope: 'col', class: column.num ? 'num' : undefined }, column.label),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            {},
            columns.map((column, index) =>
              h(
                index === 0 && column.header ? 'th' : 'td',
                {
                  class: column.num ? 'num' : undefined,
                  scope: index === 0 && column.header ? 'row' : undefined,
                },
                column.value(row),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * A reason or violation as the API gives it: a string, or {rule|code, detail|message}.
 * @param {any} reason
 * @returns {string}
 */
export function reasonText(reason) {
  if (reason === null || reason === undefined) return '';
  if (typeof reason !== 'object') return String(reason);
  const head = reason.rule ?? reason.code ?? reason.reason ?? '';
  const tail = reason.detail ?? reason.message ?? reason.text ?? '';
  if (head && tail) return `${head}: ${tail}`;
  return String(head || tail || JSON.stringify(reason));
}

/**
 * A card section with a heading; `level` 2 or 3.
 * @param {Child} title
 * @param {{ id?: string, level?: number, className?: string, actions?: Child }} [options]
 * @param {...Child} children
 */
export function section(title, { id, level = 2, className = '', actions } = {}, ...children) {
  const headingId = id ? `${id}-heading` : undefined;
  return h(
    'section',
    { class: ['card', className], id, 'aria-labelledby': headingId },
    h('header', { class: 'card-header' }, h(`h${level}`, { id: headingId }, title), actions),
    ...children,
  );
}
