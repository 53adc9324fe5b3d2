// @ts-check
// The account's outbox and contact log: every message queued, sent or blocked (with the gate's findings),
// and every contact made. `outboxItem` draws one message here and in the local outbox view.
import { h, replace } from '/lib/dom.js';
import { formatDateTime } from '/lib/format.js';
import { chip, empty, notice, reasonText, table } from '/lib/ui.js';
import { findingsList } from './findings.js';
import { lang, t } from './i18n.js';
import { label, statusTone } from './labels.js';

/** @typedef {import('./console.js').ConsoleContext} ConsoleContext */

const enc = encodeURIComponent;

/**
 * @param {ConsoleContext} ctx
 * @param {string} id
 * @param {HTMLElement} card
 */
export async function loadContacts(ctx, id, card) {
  const body = h('div', { class: 'contacts-body' });
  try {
    const history = await ctx.api('GET', `/accounts/${enc(id)}/contacts`);
    if (ctx.signal.aborted) return;
    const messages = [...(history.messages ?? [])].sort((a, b) =>
      String(b.queuedAt ?? '').localeCompare(String(a.queuedAt ?? '')),
    );
    const contacts = [...(history.contacts ?? [])].sort((a, b) =>
      String(b.at ?? '').localeCompare(String(a.at ?? '')),
    );
    replace(
      body,
      h('h3', {}, t('Messages')),
      messages.length === 0
        ? empty(t('No messages.'))
        : h('ul', { class: 'messages-list' }, messages.map(outboxItem)),
      h('h3', {}, t('Contact log')),
      contacts.length === 0
        ? empty(t('No contacts logged.'))
        : table(
            [
              { label: t('When'), value: (c) => formatDateTime(c.at, lang()), header: true },
              { label: t('Channel'), value: (c) => label(c.channel) },
              { label: t('Kind'), value: (c) => label(c.outcome ?? c.kind) },
            ],
            contacts,
          ),
    );
  } catch (error) {
    if (ctx.signal.aborted || error.status === 401) return;
    replace(body, notice(`${t('Could not load the contacts')}: ${error.message}`, 'error'));
  }
  card.querySelector('.contacts-body')?.remove();
  card.querySelector('.spinner')?.parentElement?.remove();
  card.append(body);
}

/**
 * One outbox message: channel, status, times, the gate's verdict and block reasons, the text.
 * @param {any} message
 */
export function outboxItem(message) {
  /** @type {unknown[]} */
  const violations = message.sendVerdict?.violations ?? [];
  /** @type {unknown[]} */
  const reasons = message.blockedReasons ?? [];
  return h(
    'li',
    { dataset: { status: String(message.status ?? '') } },
    h(
      'p',
      { class: 'meta' },
      chip(label(message.channel)),
      chip(label(message.status), statusTone(message.status)),
      message.purpose && chip(label(message.purpose)),
      h('span', {}, t('msg.queued', formatDateTime(message.queuedAt, lang()))),
      message.sentAt
        ? h('span', {}, t('msg.sent', formatDateTime(message.sentAt, lang())))
        : message.notBefore && h('span', {}, t('msg.notBefore', formatDateTime(message.notBefore, lang()))),
      message.deliveredBy && h('span', {}, t('msg.by', message.deliveredBy)),
    ),
    message.subject && h('p', { class: 'small' }, h('strong', {}, message.subject)),
    h('details', {}, h('summary', {}, t('Text')), h('p', { class: 'message-text' }, message.text ?? '')),
    reasons.length > 0 &&
      h(
        'ul',
        { class: 'notice error small' },
        reasons.map((reason) => h('li', {}, reasonText(reason))),
      ),
    violations.length > 0 &&
      findingsList(
        violations,
        message.subject ? `${message.subject}\n\n${message.text ?? ''}` : message.text,
        { className: 'notice warn small' },
      ),
  );
}
