// @ts-check
// "Contact preferences": the channels the customer accepts, stopping contact altogether, and the messages and
// contacts so far. Text only, through /lib/dom.js.
import { notBuiltYet } from '/lib/api.js';
import { byId, h, replace, say } from '/lib/dom.js';
import { formatDateTime } from '/lib/format.js';
import { CONTACT_CHANNELS } from '/lib/taxonomy.js';
import { errorText, translated } from './common.js';

/** @typedef {import('./common.js').PortalContext} PortalContext */

/**
 * @param {PortalContext} ctx
 * @param {HTMLElement} body
 */
export function contactView(ctx, body) {
  const { api, t } = ctx;
  /** GET /portal/contacts's answer, once loaded. */
  let data = /** @type {any} */ (null);

  async function load() {
    if (!data) replace(body, h('p', { class: 'muted' }, h('span', { class: 'spinner' })));
    try {
      data = await api('GET', '/portal/contacts');
      render();
    } catch (error) {
      if (error.status === 401) return;
      data = null;
      replace(
        body,
        notBuiltYet(error) || error.status === 404
          ? h('p', { class: 'notice info' }, t('contact.unavailable'))
          : h('p', { class: 'notice error', role: 'alert' }, errorText(t, error)),
      );
    }
  }

  function reset() {
    data = null;
    replace(body);
  }

  /** @param {string} [statusKey] what to confirm above the form (after a save) */
  function render(statusKey) {
    if (!data) return;
    const lang = ctx.lang();
    const preferences = {
      smsConsent: false,
      refusedChannels: [],
      ceaseRequested: false,
      ...(data.preferences ?? {}),
    };
    const refused = new Set(preferences.refusedChannels ?? []);
    const stopped = Boolean(preferences.ceaseRequested);

    const status = h(
      'p',
      { class: 'notice ok', role: 'status', hidden: !statusKey },
      statusKey ? t(statusKey) : '',
    );
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const form = h(
      'form',
      { class: 'card', id: 'preferences-form', novalidate: true, 'aria-labelledby': 'preferences-heading' },
      h('h3', { id: 'preferences-heading' }, t('contact.formTitle')),
      h('p', { class: 'muted' }, t('contact.intro')),
      h(
        'fieldset',
        {},
        h('legend', {}, t('contact.channels')),
        CONTACT_CHANNELS.map((channel) => {
          const noConsent = channel === 'sms' && !preferences.smsConsent;
          return h(
            'div',
            {},
            h(
              'label',
              { class: 'check' },
              h('input', {
                type: 'checkbox',
                name: 'channel',
                value: channel,
                checked: !refused.has(channel),
                disabled: stopped,
                'aria-describedby': noConsent ? 'sms-consent-hint' : undefined,
              }),
              h('span', {}, t(`contact.${channel}`)),
            ),
            noConsent &&
              h('p', { class: 'hint check-hint', id: 'sms-consent-hint' }, t('contact.smsNoConsent')),
          );
        }),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, t('contact.stopLegend')),
        stopped
          ? h('p', { class: 'notice info', id: 'stop-recorded' }, t('contact.stopped'))
          : [
              h(
                'label',
                { class: 'check' },
                h('input', {
                  type: 'checkbox',
                  name: 'stopContact',
                  id: 'stop-contact',
                  'aria-describedby': 'stop-contact-hint',
                }),
                h('span', {}, t('contact.stop')),
              ),
              h('p', { class: 'hint check-hint', id: 'stop-contact-hint' }, t('contact.stopHint')),
            ],
      ),
      status,
      error,
      h('button', { type: 'submit', class: 'primary' }, t('contact.save')),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      say(error, '');
      status.hidden = true;
      const refusedChannels = [...form.querySelectorAll('input[name=channel]')]
        .map((input) => /** @type {HTMLInputElement} */ (input))
        .filter((input) => !input.checked)
        .map((input) => /** @type {(typeof CONTACT_CHANNELS)[number]} */ (input.value));
      const stopContact =
        stopped ||
        Boolean(/** @type {HTMLInputElement | null} */ (form.querySelector('#stop-contact'))?.checked);
      const button = /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]'));
      button.disabled = true;
      try {
        const saved = await api('PUT', '/portal/preferences', { refusedChannels, stopContact });
        data = { ...data, preferences: saved?.preferences ?? saved ?? preferences };
        render('contact.saved');
        /** @type {HTMLElement | null} */ (
          byId('preferences-form').querySelector('[role=status]')
        )?.focus?.();
      } catch (failure) {
        if (failure.status === 401) return;
        say(error, notBuiltYet(failure) ? t('contact.unavailable') : errorText(t, failure));
      } finally {
        button.disabled = false;
      }
    });

    /** @type {any[]} */
    const messages = [...(data.messages ?? [])].sort((a, b) =>
      String(b.sentAt ?? '').localeCompare(String(a.sentAt ?? '')),
    );
    const history = h(
      'section',
      { class: 'card', 'aria-labelledby': 'history-heading' },
      h('h3', { id: 'history-heading' }, t('contact.historyTitle')),
      messages.length === 0
        ? h('p', { class: 'empty' }, t('contact.noMessages'))
        : h(
            'ul',
            { class: 'history' },
            messages.map((message) =>
              h(
                'li',
                {},
                h(
                  'p',
                  { class: 'meta' },
                  h('span', { class: 'chip' }, translated(t, `channel.${message.channel}`, message.channel)),
                  h('span', {}, message.sentAt ? formatDateTime(message.sentAt, lang) : ''),
                  message.status &&
                    h('span', {}, translated(t, `contact.status.${message.status}`, message.status)),
                ),
                message.subject && h('p', {}, h('strong', {}, message.subject)),
                h('p', { class: 'pre-wrap' }, message.text ?? ''),
              ),
            ),
          ),
    );
    /** @type {any[]} */
    const contacts = data.contacts ?? [];
    const attempts = h(
      'section',
      { class: 'card', 'aria-labelledby': 'attempts-heading' },
      h('h3', { id: 'attempts-heading' }, t('contact.contactsTitle')),
      contacts.length === 0
        ? h('p', { class: 'empty' }, t('contact.noContacts'))
        : h(
            'ul',
            { class: 'history' },
            contacts.map((contact) =>
              h(
                'li',
                { class: 'meta' },
                h('span', {}, formatDateTime(contact.at, lang)),
                ' · ',
                h('span', {}, translated(t, `channel.${contact.channel}`, contact.channel)),
                ' · ',
                h('span', {}, translated(t, `kind.${contact.kind}`, contact.kind)),
              ),
            ),
          ),
    );
    replace(body, form, history, attempts);
  }

  return { load, render: () => render(), reset };
}
