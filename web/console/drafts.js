// @ts-check
// The account's drafted messages, newest first: each channel's text to read, edit and approve; the
// compliance gate's findings when it blocked one. Text only, through /lib/dom.js.
import { notBuiltYet } from '/lib/api.js';
import { h, replace } from '/lib/dom.js';
import { formatDateTime } from '/lib/format.js';
import { MESSAGE_CHANNELS } from '/lib/taxonomy.js';
import { chip, empty, notice } from '/lib/ui.js';
import { findingsList } from './findings.js';
import { lang, t } from './i18n.js';
import { label } from './labels.js';

/** @typedef {import('./console.js').ConsoleContext} ConsoleContext */

const enc = encodeURIComponent;

/**
 * @param {ConsoleContext} ctx
 * @param {string} id
 * @param {HTMLElement} card
 */
export async function loadDrafts(ctx, id, card) {
  const body = h('div', { class: 'drafts-body' });
  try {
    const { drafts = [] } = (await ctx.api('GET', `/accounts/${enc(id)}/drafts`)) ?? {};
    if (ctx.signal.aborted) return;
    const newest = [...drafts].sort((a, b) =>
      String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')),
    );
    replace(
      body,
      newest.length === 0
        ? empty(t('No drafts for this account.'))
        : newest.slice(0, 3).map((draft, index) => draftBlock(ctx, id, draft, index)),
    );
  } catch (error) {
    if (ctx.signal.aborted || error.status === 401) return;
    replace(
      body,
      notBuiltYet(error) || (error.status === 404 && error.code !== 'ACCOUNT_NOT_FOUND')
        ? notice(t('Drafted messages are not available yet.'), 'info')
        : notice(`${t('Could not load the drafts')}: ${error.message}`, 'error'),
    );
  }
  card.querySelector('.spinner')?.parentElement?.remove();
  card.querySelector('.drafts-body')?.remove();
  card.append(body);
}

/**
 * A channel's draft as text (and subject, for e-mail); null when there is none.
 * @param {any} channelDraft
 * @returns {{ subject?: string, text: string } | null}
 */
function draftText(channelDraft) {
  if (typeof channelDraft === 'string') return { text: channelDraft };
  if (channelDraft && typeof channelDraft === 'object') {
    return { subject: channelDraft.subject, text: channelDraft.body ?? channelDraft.text ?? '' };
  }
  return null;
}

/**
 * @param {ConsoleContext} ctx
 * @param {string} accountId
 * @param {any} draft
 * @param {number} index
 */
function draftBlock(ctx, accountId, draft, index) {
  const channels = MESSAGE_CHANNELS.filter((channel) => draftText(draft.draft?.[channel]));
  const block = h(
    'article',
    { class: 'draft', dataset: { draftId: String(draft.draftId ?? '') } },
    h(
      'p',
      { class: 'meta' },
      h('strong', {}, index === 0 ? t('Latest draft') : t('Earlier draft')),
      draft.createdAt && h('span', {}, formatDateTime(draft.createdAt, lang())),
      draft.tier && chip(label(draft.tier)),
      draft.status && chip(label(draft.status), draft.status === 'ready' ? 'ok' : 'warn'),
    ),
  );
  if (channels.length === 0) block.append(empty(t('No messages in this draft.')));
  for (const channel of channels) {
    // Only channels with a text are drawn (above).
    const { subject, text } = /** @type {{ subject?: string, text: string }} */ (
      draftText(draft.draft[channel])
    );
    const verdict = draft.verdicts?.[channel];
    const inputId = `draft-${index}-${channel}`;
    const textarea = h('textarea', { id: inputId, rows: channel === 'sms' ? '3' : '8' }, text);
    const subjectInput =
      channel === 'email' && h('input', { id: `${inputId}-subject`, type: 'text', value: subject ?? '' });
    const outcome = h('div', { role: 'status' });
    const button = h(
      'button',
      { type: 'button', class: 'small primary' },
      t('draft.approve', label(channel)),
    );
    button.addEventListener('click', async () => {
      replace(outcome);
      button.disabled = true;
      /** @type {import('/lib/types').BodyOf<'POST', '/accounts/{accountId}/drafts/{draftId}/approve'>} */
      const body = { channel };
      if (textarea.value !== text) body.text = textarea.value;
      if (subjectInput && subjectInput.value !== (subject ?? '')) body.subject = subjectInput.value;
      const edited = body.text !== undefined || body.subject !== undefined;
      try {
        const approved = await ctx.api(
          'POST',
          `/accounts/${enc(accountId)}/drafts/${enc(draft.draftId)}/approve`,
          body,
        );
        const when = approved?.message?.notBefore ?? approved?.notBefore;
        replace(
          outcome,
          approved?.queued === false
            ? notice(
                t('This message was approved before; it is already in the outbox. Nothing more was queued.'),
                'info',
              )
            : notice(t('draft.approved', edited, when ? formatDateTime(when, lang()) : ''), 'ok', {
                class: 'notice ok approved',
              }),
        );
      } catch (failure) {
        if (failure.status === 401) return;
        const violations = failure.body?.error?.violations ?? failure.body?.violations;
        replace(
          outcome,
          failure.code === 'MESSAGE_REJECTED'
            ? h(
                'div',
                { class: 'notice error', role: 'alert' },
                h('p', {}, t('The compliance check stopped this message; nothing was queued.')),
                Array.isArray(violations) && violations.length > 0
                  ? findingsList(violations, failure.body?.error?.text, { className: '' })
                  : h('p', {}, failure.message),
              )
            : failure.status === 409
              ? notice(`${t('draft.notQueued')}: ${failure.message}`, 'warn', { role: 'alert' })
              : notBuiltYet(failure)
                ? notice(t('Approving drafts is not available yet.'), 'info')
                : notice(`${t('draft.notQueued')}: ${failure.message}`, 'error', { role: 'alert' }),
        );
      } finally {
        button.disabled = false;
      }
    });
    block.append(
      h(
        'div',
        { class: 'draft-channel', dataset: { channel } },
        h(
          'p',
          { class: 'meta' },
          h('strong', {}, label(channel)),
          verdict && (verdict.allowed ? chip(t('Allowed'), 'ok') : chip(t('Blocked'), 'danger')),
        ),
        subjectInput &&
          h('div', { class: 'field' }, h('label', { for: `${inputId}-subject` }, t('Subject')), subjectInput),
        h('label', { for: inputId, class: 'visually-hidden' }, `${label(channel)} text`),
        textarea,
        verdict &&
          !verdict.allowed &&
          findingsList(verdict.violations, channel === 'email' ? `${subject ?? ''}\n\n${text}` : text),
        h('div', { class: 'actions' }, button),
        outcome,
      ),
    );
  }
  return block;
}
