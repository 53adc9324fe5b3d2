// Small building blocks shared by the console's views. All text goes in as text (see dom.js).
import { h } from './dom.js';

export const chip = (text, tone = '') => h('span', { class: ['chip', tone] }, text);

export const notice = (text, tone = 'info', props = {}) =>
  h('p', { class: ['notice', tone], ...props }, text);

export const empty = (text) => h('p', { class: 'empty' }, text);

export const loading = (text = 'Loading…') =>
  h(
    'p',
    { class: 'muted', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    ' ',
    text,
  );

/** `[[term, value], …]` as key figures. */
export const figures = (pairs, props = {}) =>
  h(
    'dl',
    { class: 'figures', ...props },
    pairs
      .filter(Boolean)
      .map(([term, value, id]) => h('div', {}, h('dt', {}, term), h('dd', id ? { id } : {}, value))),
  );

/**
 * A table: `columns` = [{ label, value: (row) => node|string, num? }]; the table scrolls inside its box on
 * narrow screens, never the page.
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

/** A reason or violation as the API gives it: a string, or {rule|code, detail|message}. */
export function reasonText(reason) {
  if (reason === null || reason === undefined) return '';
  if (typeof reason !== 'object') return String(reason);
  const head = reason.rule ?? reason.code ?? reason.reason ?? '';
  const tail = reason.detail ?? reason.message ?? reason.text ?? '';
  if (head && tail) return `${head}: ${tail}`;
  return String(head || tail || JSON.stringify(reason));
}

/** A card section with a heading; `level` 2 or 3. */
export function section(title, { id, level = 2, className = '', actions } = {}, ...children) {
  const headingId = id ? `${id}-heading` : undefined;
  return h(
    'section',
    { class: ['card', className], id, 'aria-labelledby': headingId },
    h('header', { class: 'card-header' }, h(`h${level}`, { id: headingId }, title), actions),
    ...children,
  );
}
