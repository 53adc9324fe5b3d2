// @ts-check
// The account's suggested call script (as the compliance gate checked it) and the repayment options computed
// for its tier. Text only, through /lib/dom.js.
import { h, replace } from '/lib/dom.js';
import { formatDate } from '/lib/format.js';
import { chip, notice, table } from '/lib/ui.js';
import { findingsList } from './findings.js';
import { lang, t } from './i18n.js';
import { label } from './labels.js';

/** @typedef {import('./console.js').ConsoleContext} ConsoleContext */

const enc = encodeURIComponent;

/**
 * @param {ConsoleContext} ctx
 * @param {string} id
 * @param {HTMLElement} card
 * @param {(minor: number | undefined) => string} money
 */
export async function loadScript(ctx, id, card, money) {
  const body = h('div', {});
  try {
    const suggestion = await ctx.api('GET', `/accounts/${enc(id)}/script`);
    if (ctx.signal.aborted) return;
    /** @type {any} */
    const script = suggestion.script ?? {};
    const verdict = suggestion.verdict;
    const metadata = suggestion.metadata ?? {};
    /**
     * @param {string} title
     * @param {string | undefined} text
     * @param {string} [extra]
     */
    const part = (title, text, extra = '') =>
      text && h('div', { class: ['script-part', extra] }, h('h4', {}, title), h('p', {}, text));
    replace(
      body,
      h(
        'p',
        { class: 'meta' },
        verdict &&
          (verdict.allowed
            ? chip(t('Passed the compliance check'), 'ok')
            : chip(t('Blocked by the compliance check'), 'danger')),
        suggestion.status && chip(label(suggestion.status)),
        h('span', {}, [metadata.source, metadata.model, metadata.promptVersion].filter(Boolean).join(' · ')),
      ),
      verdict && !verdict.allowed && findingsList(verdict.violations, scriptText(script)),
      part(t('Right-party check'), script.rightPartyVerification),
      part(t('Disclosure'), script.disclosures, 'disclosure'),
      part(t('Opening'), script.opening),
      part(t('Options'), script.options),
      Array.isArray(script.objectionHandling) &&
        script.objectionHandling.length > 0 &&
        h(
          'div',
          { class: 'script-part' },
          h('h4', {}, t('If the customer says…')),
          h(
            'dl',
            { class: 'objections' },
            script.objectionHandling.map((/** @type {any} */ item) => [
              h('dt', {}, item.objection ?? ''),
              h('dd', {}, item.response ?? ''),
            ]),
          ),
        ),
      part(t('Close'), script.close),
      offersTable(suggestion.offers, money),
    );
  } catch (error) {
    if (ctx.signal.aborted || error.status === 401) return;
    replace(
      body,
      error.code === 'ACCOUNT_NOT_SCORED'
        ? notice(t('No script until the account has been scored.'), 'info')
        : notice(`${t('Could not load the script')}: ${error.message}`, 'error'),
    );
  }
  card.querySelector('.spinner')?.parentElement?.remove();
  card.append(body);
}

/**
 * @param {any} offers
 * @param {(minor: number | undefined) => string} money
 */
function offersTable(offers, money) {
  const options = offers?.options ?? [];
  if (options.length === 0) return h('p', { class: 'empty' }, t('No repayment options for this tier.'));
  return h(
    'div',
    { class: 'script-part' },
    h('h4', {}, t('Repayment options (computed)')),
    // Fits the card: the option's kind may wrap, figures and dates never do; the discount's amount sits
    // under its percentage.
    table(
      [
        {
          label: t('Option'),
          value: (o) => `${options.indexOf(o) + 1} · ${label(o.kind)}`,
          header: true,
        },
        { label: t('Total'), value: (o) => money(o.totalMinor), num: true },
        {
          label: t('Payments'),
          value: (o) => (o.termMonths > 1 ? `${o.termMonths} × ${money(o.monthlyAmountMinor)}` : '1'),
          num: true,
        },
        { label: t('First due'), value: (o) => formatDate(o.firstDueDate, lang()), num: true },
        {
          label: t('Discount'),
          value: (o) =>
            o.discountMinor > 0
              ? h('span', {}, `${o.discountPercent}%`, h('span', { class: 'sub' }, money(o.discountMinor)))
              : '—',
          num: true,
        },
      ],
      options,
      { className: 'offers-table' },
    ),
  );
}

/**
 * The call script as the gate checked it (the drafting service's channel text), for highlighting.
 * @param {any} script
 */
function scriptText(script) {
  return [
    script.rightPartyVerification,
    script.disclosures,
    script.opening,
    script.options,
    .../** @type {{ objection: string, response: string }[]} */ (script.objectionHandling ?? []).flatMap(
      ({ objection, response }) => [objection, response],
    ),
    script.close,
  ].join('\n');
}
