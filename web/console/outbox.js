// @ts-check
// The local outbox (local mode only): every message the product would have sent, with its status, the
// gate's verdict and why anything was blocked. Security codes for the portal's sign-in are here too.
import { h, replace } from '/lib/dom.js';
import { MESSAGE_CHANNELS } from '/lib/taxonomy.js';
import { empty, loading, notice, section } from '/lib/ui.js';
import { outboxItem } from './contacts.js';
import { t } from './i18n.js';
import { label } from './labels.js';

/** @typedef {import('./console.js').ConsoleContext} ConsoleContext */

const PAGE = 100;

/**
 * @param {HTMLElement} view
 * @param {ConsoleContext} ctx
 */
export function renderOutbox(view, ctx) {
  const { signal } = ctx;
  const results = h('div', { id: 'outbox-results' }, loading(t('Loading the outbox…')));
  /**
   * @param {string} id
   * @param {string} text
   * @param {HTMLElement} control
   */
  const field = (id, text, control) => h('div', { class: 'field' }, h('label', { for: id }, text), control);
  const account = h('input', {
    id: 'outbox-account',
    type: 'search',
    placeholder: 'ACC-000123',
    autocomplete: 'off',
  });
  const channel = h(
    'select',
    { id: 'outbox-channel' },
    h('option', { value: '' }, t('All')),
    MESSAGE_CHANNELS.map((value) => h('option', { value }, label(value))),
  );
  const status = h(
    'select',
    { id: 'outbox-status' },
    h('option', { value: '' }, t('All')),
    ['sent', 'queued', 'blocked', 'failed', 'unconfirmed'].map((value) =>
      h('option', { value }, label(value)),
    ),
  );
  const purpose = h(
    'select',
    { id: 'outbox-purpose' },
    h('option', { value: '' }, t('All')),
    h('option', { value: 'security_code' }, t('Security codes')),
    h('option', { value: 'outreach' }, t('Outreach')),
  );
  const filters = h(
    'form',
    { class: 'outbox-filters', 'aria-label': t('Outbox filters') },
    field('outbox-account', t('Account'), account),
    field('outbox-channel', t('Channel'), channel),
    field('outbox-status', t('Status'), status),
    field('outbox-purpose', t('Kind'), purpose),
  );
  /** @type {any} GET /_local/outbox's answer, once loaded */
  let outbox = null;
  const draw = () => {
    if (!outbox) return;
    const wanted = account.value.trim().toUpperCase();
    /** @type {any[]} */
    const messages = outbox.messages ?? [];
    const shown = messages.filter(
      (message) =>
        (!wanted || String(message.accountId ?? '').includes(wanted)) &&
        (!channel.value || message.channel === channel.value) &&
        (!status.value || message.status === status.value) &&
        (!purpose.value ||
          (purpose.value === 'security_code'
            ? message.purpose === 'security_code'
            : message.purpose !== 'security_code')),
    );
    replace(
      results,
      h(
        'p',
        { class: 'muted small' },
        `${shown.length} of ${outbox.total ?? outbox.messages?.length ?? 0} messages`,
      ),
      shown.length === 0
        ? empty(t('No messages match.'))
        : h(
            'ul',
            { class: 'messages-list', id: 'outbox-list' },
            shown.slice(0, PAGE).map((message) => {
              const item = outboxItem(message);
              item.prepend(
                h(
                  'p',
                  { class: 'small' },
                  ctx.session
                    ? h(
                        'a',
                        { href: `#/accounts/${encodeURIComponent(message.accountId ?? '')}` },
                        message.accountId ?? '',
                      )
                    : h('strong', {}, message.accountId ?? ''),
                ),
              );
              return item;
            }),
          ),
      shown.length > PAGE && h('p', { class: 'muted small' }, t('outbox.newest', PAGE)),
    );
  };
  filters.addEventListener('input', draw);
  filters.addEventListener('submit', (event) => event.preventDefault());
  const load = async () => {
    try {
      outbox = await ctx.api('GET', '/_local/outbox');
      if (!signal.aborted) draw();
    } catch (error) {
      if (!signal.aborted)
        replace(results, notice(`${t('Could not load the outbox')}: ${error.message}`, 'error'));
    }
  };
  const refresh = h('button', { type: 'button', class: 'small', onclick: load }, t('Refresh'));
  replace(
    view,
    section(
      t('Outbox (local)'),
      { id: 'outbox', actions: refresh },
      h('p', { class: 'muted' }, t('Locally nothing is sent: this is what would have been, newest first.')),
      filters,
    ),
    section(t('Messages'), { id: 'outbox-messages' }, results),
  );
  load();
}
