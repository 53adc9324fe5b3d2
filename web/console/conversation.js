// @ts-check
// The account's conversations, newest first, and one conversation as an agent sees it: the thread (followed
// every 2 s while the page is visible), taking it over from the assistant, and writing in it. The compliance gate checks every agent message: a rejected one
// is not sent, and the verdict is shown.
import { newClientMessageId } from '/lib/api.js';
import { h, replace, say } from '/lib/dom.js';
import { formatDateTime, formatTime } from '/lib/format.js';
import { chip, empty, notice } from '/lib/ui.js';
import { findingsList } from './findings.js';
import { lang, t } from './i18n.js';
import { label } from './labels.js';

const enc = encodeURIComponent;
const POLL_MS = 2000;
const MAX_MESSAGE_CHARS = 2000;
const AUTHORS = ['customer', 'assistant', 'agent', 'system'];

/** @typedef {import('./console.js').ConsoleContext} ConsoleContext */

/**
 * Renders the conversation into `container`; stops following it when `signal` aborts.
 * @param {ConsoleContext} ctx
 * @param {HTMLElement} container
 * @param {string} conversationId
 * @param {AbortSignal} signal
 */
export function conversationPanel(ctx, container, conversationId, signal) {
  const path = /** @type {const} */ (`/conversations/${encodeURIComponent(conversationId)}`);
  /**
   * The conversation as last fetched, its messages by position, and the message being sent (its id is sent
   * again on a retry of the same text).
   * @type {{ conversation: any, messages: Map<number, any>, lastSeq: number, polling: boolean,
   *   pending: { text: string, clientMessageId: string } | null }}
   */
  const state = { conversation: null, messages: new Map(), lastSeq: 0, polling: false, pending: null };

  const status = h('div', { class: 'conversation-status' });
  const thread = h('ol', {
    class: 'thread',
    id: 'agent-thread',
    role: 'log',
    'aria-live': 'polite',
    'aria-label': t('Conversation messages'),
  });
  const composerArea = h('div', {});
  replace(container, status, thread, composerArea);

  const mine = () => state.conversation?.agent && state.conversation.agent.agentId === ctx.session?.user;

  function renderStatus() {
    const conversation = state.conversation;
    if (!conversation) return;
    const agent = conversation.agent;
    replace(
      status,
      h(
        'p',
        { class: 'meta' },
        h('span', {}, `Started ${formatDateTime(conversation.startedAt, lang())}`),
        chip(label(conversation.language)),
        conversation.assistantState?.escalated && chip(t('Asked for a person'), 'warn'),
        agent
          ? chip(mine() ? t('You have this chat') : t('chat.takenBy', agent.agentId), 'ok')
          : chip(t('The assistant is answering'), 'info'),
      ),
      !agent &&
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            { type: 'button', class: 'primary', id: 'take-over', onclick: takeOver },
            t('Take over the chat'),
          ),
          h(
            'span',
            { class: 'small muted' },
            t('The assistant stops answering and the customer sees that you joined.'),
          ),
        ),
    );
    renderComposer();
  }

  const takeOverError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  /**
   * @param {MouseEvent & { target: HTMLButtonElement }} event
   */
  async function takeOver(event) {
    event.target.disabled = true;
    say(takeOverError, '');
    try {
      state.conversation = await ctx.api('POST', `${path}/takeover`);
      if (signal.aborted) return;
      renderStatus();
      await poll();
    } catch (error) {
      if (error.status === 401) return;
      event.target.disabled = false;
      say(takeOverError, `${t('Could not take the chat over')}: ${error.message}`);
      status.append(takeOverError);
    }
  }

  /**
   * @type {HTMLFormElement | null} the agent's composer, while the chat is theirs
   */
  let composer = null;
  function renderComposer() {
    if (!mine()) {
      replace(composerArea);
      composer = null;
      return;
    }
    if (composer) return;
    const input = h('textarea', {
      id: 'agent-message',
      name: 'text',
      rows: '3',
      maxlength: String(MAX_MESSAGE_CHARS),
    });
    const error = h('div', { class: 'form-error', role: 'alert', hidden: true, id: 'agent-message-error' });
    const sent = h('p', { class: 'small muted', role: 'status' });
    const button = h('button', { type: 'submit', class: 'primary' }, t('Send to customer'));
    composer = h(
      'form',
      { class: 'composer', id: 'agent-composer', novalidate: true },
      h('label', { for: 'agent-message' }, t('Your message to the customer')),
      input,
      h('p', { class: 'hint' }, t('Checked by the compliance gate before it is sent.')),
      error,
      h('div', { class: 'actions' }, button, sent),
    );
    composer.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.hidden = true;
      say(sent, '');
      const text = input.value;
      if (!text.trim()) {
        showError(error, t('Write a message first.'));
        return;
      }
      if ([...text].length > MAX_MESSAGE_CHARS) {
        showError(error, t('chat.tooLong', MAX_MESSAGE_CHARS));
        return;
      }
      // The same id is sent again if this very text is retried, so it is stored once.
      if (!state.pending || state.pending.text !== text) {
        state.pending = { text, clientMessageId: newClientMessageId() };
      }
      button.disabled = true;
      try {
        const message = await ctx.api('POST', `${path}/messages`, state.pending);
        state.pending = null;
        input.value = '';
        say(sent, t('Sent.'));
        addMessage(message?.message ?? message);
      } catch (failure) {
        if (failure.status === 401) return;
        if (failure.code === 'MESSAGE_REJECTED') {
          state.pending = null;
          showError(error, t('Not sent.'), failure);
        } else if (failure.status === 0 || failure.status >= 500) {
          showError(
            error,
            t('The message could not be sent. Press Send to try again (it will not be sent twice).'),
          );
        } else {
          state.pending = null;
          showError(error, failure.message);
        }
      } finally {
        button.disabled = false;
      }
    });
    replace(composerArea, composer);
  }

  /**
   * @param {any} message
   */
  function addMessage(message) {
    if (!message || typeof message.seq !== 'number' || state.messages.has(message.seq)) return;
    state.messages.set(message.seq, message);
    state.lastSeq = Math.max(state.lastSeq, message.seq);
    const author = AUTHORS.includes(message.author) ? message.author : 'system';
    const element = h(
      'li',
      { dataset: { author, seq: String(message.seq) } },
      h(
        'span',
        { class: 'who' },
        author === 'agent' ? `Agent ${message.authorId ?? ''}`.trim() : label(author),
        ' · ',
        h('time', { datetime: message.at }, formatTime(message.at)),
      ),
      h('p', { class: 'text' }, String(message.text ?? '')),
      Array.isArray(message.disclosures) &&
        message.disclosures.length > 0 &&
        h('p', { class: 'small muted disclosure' }, t('chat.disclosures', message.disclosures.join(' '))),
      message.turn &&
        h(
          'p',
          { class: 'small muted' },
          `${message.turn.model ?? ''} ${message.turn.promptVersion ?? ''}`.trim(),
          message.turn.reading
            ? ` · ${t(
                'chat.readAs',
                label(message.turn.reading.intent),
                Math.round((message.turn.reading.confidence ?? 0) * 100),
                message.turn.reading.injection === true,
              )}`
            : '',
          message.turn.verdict && !message.turn.verdict.allowed ? ` · ${t('chat.blockedByGate')}` : '',
        ),
    );
    const later = [...thread.children].find(
      (child) => Number(/** @type {HTMLElement} */ (child).dataset.seq) > message.seq,
    );
    thread.insertBefore(element, later ?? null);
    thread.scrollTop = thread.scrollHeight;
    empty_.remove();
  }
  const empty_ = empty(t('No messages yet.'));

  async function poll(initial = false) {
    if (state.polling || signal.aborted) return;
    if (!initial && document.visibilityState !== 'visible') return;
    state.polling = true;
    try {
      const after = /** @type {'' | `?${string}`} */ (state.lastSeq > 0 ? `?after=${state.lastSeq}` : '');
      const result = await ctx.api('GET', `${path}/messages${after}`);
      if (signal.aborted) return;
      const agentBefore = state.conversation?.agent?.agentId;
      state.conversation = result.conversation ?? state.conversation;
      if (initial || agentBefore !== state.conversation?.agent?.agentId) renderStatus();
      for (const message of result.messages ?? []) addMessage(message);
      if (initial && state.messages.size === 0) thread.append(empty_);
    } catch (error) {
      if (initial && error.status !== 401 && !signal.aborted) {
        replace(
          status,
          h(
            'p',
            { class: 'notice error', role: 'alert' },
            `${t('Could not load the conversation')}: ${error.message}`,
          ),
        );
      }
    } finally {
      state.polling = false;
    }
  }

  poll(true);
  const timer = setInterval(poll, POLL_MS);
  signal.addEventListener('abort', () => clearInterval(timer));
}

/**
 * @param {HTMLElement} element
 * @param {string} text
 * @param {any} [failure]
 */
function showError(element, text, failure) {
  const violations = failure?.body?.error?.violations ?? failure?.body?.violations;
  replace(
    element,
    h('p', { class: 'gate-message' }, text),
    failure &&
      (Array.isArray(violations) && violations.length > 0
        ? findingsList(violations, failure?.body?.error?.text, { className: '' })
        : h('p', { class: 'gate-detail' }, failure.message)),
  );
  element.hidden = false;
}

/**
 * The account's conversations as buttons, newest first, with the escalated (or newest) one open.
 * @param {ConsoleContext} ctx
 * @param {any} account
 * @param {HTMLElement} card
 */
export async function loadConversations(ctx, account, card) {
  const list = h('div', { class: 'conversation-list' });
  const panel = h('div', { id: 'conversation-panel' });
  /**
   * @type {AbortController | null}
   */
  let panelController = null;
  /**
   * @param {string} conversationId
   */
  const open = (conversationId) => {
    panelController?.abort();
    panelController = new AbortController();
    ctx.signal.addEventListener('abort', () => panelController?.abort());
    for (const button of list.querySelectorAll('button')) {
      button.setAttribute('aria-pressed', String(button.dataset.conversationId === conversationId));
    }
    conversationPanel(ctx, panel, conversationId, panelController.signal);
  };
  try {
    const { conversations = [] } =
      (await ctx.api('GET', `/accounts/${enc(account.accountId)}/conversations`)) ?? {};
    if (ctx.signal.aborted) return;
    const newest = [...conversations].sort((a, b) =>
      String(b.startedAt ?? '').localeCompare(String(a.startedAt ?? '')),
    );
    card.querySelector('.spinner')?.parentElement?.remove();
    if (newest.length === 0) {
      card.append(empty(t('No conversations with this customer.')));
      return;
    }
    replace(
      list,
      h(
        'div',
        { class: 'actions', role: 'group', 'aria-label': t('Conversations') },
        newest.map((conversation) =>
          h(
            'button',
            {
              type: 'button',
              class: 'small',
              dataset: { conversationId: conversation.conversationId },
              'aria-pressed': 'false',
              onclick: () => open(conversation.conversationId),
            },
            formatDateTime(conversation.startedAt, lang()),
            conversation.agent
              ? ' · agent'
              : conversation.assistantState?.escalated
                ? ' · asked for a person'
                : '',
          ),
        ),
      ),
    );
    card.append(list, panel);
    const preferred =
      newest.find((c) => c.conversationId === account.escalation?.conversationId) ?? newest[0];
    open(preferred.conversationId);
  } catch (error) {
    if (ctx.signal.aborted || error.status === 401) return;
    card.querySelector('.spinner')?.parentElement?.remove();
    card.append(notice(`${t('Could not load the conversations')}: ${error.message}`, 'error'));
  }
}
