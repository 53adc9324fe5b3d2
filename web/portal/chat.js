// @ts-check
// The chat with the assistant (or a person who takes over): today's conversation, messages typed here shown
// at once and sent with an id so a retry is stored once, replies appearing word by word, and new messages
// fetched while the page is visible. The log, composer and banner are in the page's HTML.
import { newClientMessageId } from '/lib/api.js';
import { byId, h, replace, revealText, say, show } from '/lib/dom.js';
import { formatTime } from '/lib/format.js';
import { errorText } from './common.js';
import { quickReplies } from './i18n.js';

/** @typedef {import('./common.js').PortalContext} PortalContext */

const MAX_MESSAGE_CHARS = 2000;
const POLL_MS = 2000;
const AUTHORS = ['customer', 'assistant', 'agent', 'system'];

/**
 * A stored message as the API gives it.
 * @typedef {{ seq: number, author: string, text?: string, at?: string, clientMessageId?: string,
 *   disclosures?: unknown[] }} Message
 */

/**
 * A message typed here and not yet stored: its id (sent again on a retry), text, the page's language when
 * it was typed, and the bubble showing it.
 * @typedef {{ clientMessageId: string, text: string, lang: string, failed: boolean, element: HTMLElement }} Pending
 */

/**
 * The conversation followed: messages by position, and what is being sent.
 * @typedef {{ conversation: any, messages: Map<number, Message>, lastSeq: number,
 *   pending: Map<string, Pending>, timer: ReturnType<typeof setInterval> | null, polling: boolean,
 *   sending: number, suggestions: readonly string[] }} ChatState
 */

/** @returns {ChatState} */
function newChatState() {
  return {
    conversation: null,
    messages: new Map(),
    lastSeq: 0,
    pending: new Map(),
    timer: null,
    polling: false,
    sending: 0,
    suggestions: [],
  };
}

/** @param {PortalContext} ctx */
export function chatView(ctx) {
  const { api, t } = ctx;
  const log = byId('chat-log');
  const form = byId('chat-form', HTMLFormElement);
  const input = byId('chat-input', HTMLTextAreaElement);
  /** @type {ChatState | null} */
  let chat = null;
  /** @type {Promise<void> | null} */
  let chatReady = null;
  let unread = 0;

  /** @param {ChatState} current */
  const conversationPath = (current) =>
    /** @type {const} */ (
      `/portal/conversations/${encodeURIComponent(current.conversation.conversationId)}/messages`
    );

  /** Opens today's conversation once (it is reopened when it exists) and starts following it. */
  function open() {
    chatReady ??= (async () => {
      const status = byId('chat-status');
      say(status, t('chat.starting'));
      const current = newChatState();
      chat = current;
      try {
        current.conversation = await api('POST', '/portal/conversations');
        const { conversation, messages, suggestions } = await api('GET', conversationPath(current));
        if (chat !== current) return;
        current.conversation = conversation ?? current.conversation;
        for (const message of messages ?? []) addMessage(message, { animate: false });
        followSuggestions(current, suggestions);
        renderAgentBanner();
        startPolling();
        say(status, '');
      } catch (error) {
        if (chat === current) {
          chat = null;
          chatReady = null;
        }
        say(status, '');
        if (error.status !== 401) say(byId('chat-error'), errorText(t, error));
        throw error;
      }
    })();
    chatReady.catch(() => {});
    return chatReady;
  }

  /** The chat is on screen: its messages are read. */
  function shown() {
    unread = 0;
    renderUnread();
    open();
  }

  function renderAgentBanner() {
    show(byId('agent-banner'), Boolean(chat?.conversation?.agent));
  }

  function renderUnread() {
    const badge = byId('chat-unread');
    badge.textContent = unread > 0 ? String(unread) : '';
    badge.setAttribute('aria-label', `${unread} ${t('nav.newMessages')}`);
    show(badge, unread > 0);
  }

  /** The service's suggestions after the last turn (none once a person is on the way). */
  function renderQuickReplies() {
    const suggestions = chat?.suggestions ?? [];
    const group = byId('quick-replies').closest('fieldset');
    if (group) show(group, suggestions.length > 0);
    replace(
      byId('quick-replies'),
      quickReplies(ctx.lang(), suggestions).map((text) =>
        h('button', { type: 'button', class: 'small', onclick: () => send(text) }, text),
      ),
    );
  }

  /** @param {Pick<Message, 'author'>} message */
  const authorOf = (message) => (AUTHORS.includes(message.author) ? message.author : 'system');

  /**
   * @param {Partial<Message> & Pick<Message, 'author'>} message
   * @param {string} text
   */
  function messageElement(message, text) {
    const author = authorOf(message);
    return h(
      'li',
      {
        class: `msg msg-${author}`,
        dataset: { author, ...(message.seq !== undefined ? { seq: String(message.seq) } : {}) },
        'data-reveal': '',
        'aria-busy': 'false',
      },
      h('span', { class: 'who' }, t(`chat.${author === 'customer' ? 'you' : author}`)),
      h('p', { class: 'text' }, text ?? ''),
      message.at && h('time', { datetime: message.at }, formatTime(message.at, ctx.lang())),
    );
  }

  /**
   * The disclosures the law requires (the US debt-collector notice), shown once, before the first message of
   * the conversation in their language: not under every bubble.
   * @param {Message} message
   */
  function disclosureElement(message) {
    const disclosures = Array.isArray(message.disclosures) ? message.disclosures.map(String) : [];
    if (disclosures.length === 0) return null;
    return h(
      'li',
      // Half a position before its message, so that it sorts just before it.
      { class: 'msg msg-disclosure', role: 'note', dataset: { seq: String(message.seq - 0.5) } },
      disclosures.map((text) => h('p', { class: 'text' }, text)),
    );
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  /**
   * Places a stored message by its position, before any message still being sent.
   * @param {HTMLElement} element
   * @param {number} seq
   */
  function insertInOrder(element, seq) {
    for (const child of log.children) {
      const position = /** @type {HTMLElement} */ (child).dataset.seq;
      const childSeq = position === undefined ? Number.POSITIVE_INFINITY : Number(position);
      if (childSeq > seq) {
        log.insertBefore(element, child);
        return;
      }
    }
    log.append(element);
  }

  /**
   * Shows a stored message once; assistant and agent messages appear word by word when `animate`.
   * @param {Message} message
   * @param {{ animate: boolean }} options
   */
  function addMessage(message, { animate }) {
    const current = chat;
    if (!current || typeof message?.seq !== 'number' || current.messages.has(message.seq))
      return Promise.resolve();
    current.messages.set(message.seq, message);
    current.lastSeq = Math.max(current.lastSeq, message.seq);
    const pending = message.clientMessageId ? current.pending.get(message.clientMessageId) : undefined;
    if (pending && message.author === 'customer') {
      pending.element.remove();
      current.pending.delete(pending.clientMessageId);
    }
    const text = String(message.text ?? '');
    const reveal = animate && message.author !== 'customer';
    const element = messageElement(message, reveal ? '' : text);
    const disclosure = disclosureElement(message);
    if (disclosure) insertInOrder(disclosure, message.seq - 0.5);
    insertInOrder(element, message.seq);
    if (message.author !== 'customer' && ctx.view() !== 'chat') {
      unread += 1;
      renderUnread();
    }
    scrollToEnd();
    if (!reveal) return Promise.resolve();
    const bubble = /** @type {HTMLElement} */ (element.querySelector('.text'));
    return revealText(bubble, text, ctx.lang()).then(scrollToEnd);
  }

  /** Language changed: the labels and times of every message, without animating them again. */
  function rerenderMessages() {
    if (!chat) return;
    const stored = [...chat.messages.values()]
      .sort((a, b) => a.seq - b.seq)
      .flatMap((message) => [disclosureElement(message), messageElement(message, String(message.text ?? ''))])
      .filter(Boolean);
    replace(log, stored);
    for (const pending of chat.pending.values()) {
      const element = pendingElement(pending);
      pending.element = element;
      log.append(element);
    }
    scrollToEnd();
  }

  /** @param {Pick<Pending, 'clientMessageId' | 'text' | 'failed'>} pending */
  function pendingElement(pending) {
    const element = messageElement(
      { author: 'customer', clientMessageId: pending.clientMessageId },
      pending.text,
    );
    element.dataset.pending = pending.failed ? 'failed' : 'sending';
    element.append(
      h(
        'p',
        { class: 'pending' },
        pending.failed
          ? [
              h('span', {}, t('chat.failed')),
              h(
                'button',
                { type: 'button', class: 'small', onclick: () => deliver(/** @type {Pending} */ (pending)) },
                t('chat.retry'),
              ),
            ]
          : h('span', {}, t('chat.sending')),
      ),
    );
    return element;
  }

  /** @param {Pending} pending */
  function refreshPending(pending) {
    const element = pendingElement(pending);
    pending.element.replaceWith(element);
    pending.element = element;
  }

  /**
   * @param {ChatState} current
   * @param {number} delta
   */
  function setSending(current, delta) {
    current.sending += delta;
    const sending = current.sending > 0;
    /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]')).disabled = sending;
    for (const button of byId('quick-replies').querySelectorAll('button')) button.disabled = sending;
  }

  /** @param {unknown} rawText */
  async function send(rawText) {
    const errorElement = byId('chat-error');
    say(errorElement, '');
    const text = String(rawText ?? '');
    if (!text.trim()) {
      say(errorElement, t('chat.empty'));
      return;
    }
    if ([...text].length > MAX_MESSAGE_CHARS) {
      say(errorElement, t('chat.tooLong', MAX_MESSAGE_CHARS));
      return;
    }
    try {
      await open();
    } catch {
      return;
    }
    const current = /** @type {ChatState} */ (chat);
    // The page's language now: the assistant replies in it, even when the page is switched mid-chat.
    /** @type {Pending} */
    const pending = {
      clientMessageId: newClientMessageId(),
      text,
      lang: ctx.lang(),
      failed: false,
      element: h('li'),
    };
    pending.element = pendingElement(pending);
    current.pending.set(pending.clientMessageId, pending);
    log.append(pending.element);
    scrollToEnd();
    await deliver(pending);
  }

  /**
   * Sends (or sends again, with the same clientMessageId) a message typed here.
   * @param {Pending} pending
   */
  async function deliver(pending) {
    const current = chat;
    if (!current) return;
    if (pending.failed) {
      pending.failed = false;
      refreshPending(pending);
    }
    setSending(current, 1);
    try {
      const result = await api('POST', conversationPath(current), {
        clientMessageId: pending.clientMessageId,
        text: pending.text,
        language: /** @type {import('./common.js').Lang} */ (pending.lang),
      });
      if (chat !== current) return;
      await addMessage(result.message, { animate: false });
      if (result.reply) await addMessage(result.reply, { animate: true });
      followSuggestions(current, result.suggestions);
    } catch (error) {
      if (error.status === 401 || chat !== current) return;
      const retryable = error.status === 0 || error.status === 429 || error.status >= 500;
      if (retryable) {
        pending.failed = true;
        refreshPending(pending);
        return;
      }
      // The service will not take this text as it is: give it back to edit.
      pending.element.remove();
      current.pending.delete(pending.clientMessageId);
      if (!input.value) input.value = pending.text;
      renderCounter();
      say(
        byId('chat-error'),
        error.code === 'MESSAGE_TOO_LONG'
          ? t('chat.tooLong', MAX_MESSAGE_CHARS)
          : (error.message ?? t('err.generic')),
      );
    } finally {
      if (chat === current) setSending(current, -1);
    }
  }

  /**
   * @param {ChatState} current
   * @param {readonly string[] | undefined} suggestions
   */
  function followSuggestions(current, suggestions) {
    if (!Array.isArray(suggestions) || suggestions.join() === current.suggestions.join()) return;
    current.suggestions = suggestions;
    renderQuickReplies();
  }

  function startPolling() {
    stopPolling();
    if (chat) chat.timer = setInterval(poll, POLL_MS);
  }

  function stopPolling() {
    if (chat?.timer) clearInterval(chat.timer);
    if (chat) chat.timer = null;
  }

  /** New messages (an agent's, "an agent joined") while the page is visible and nothing is being sent. */
  async function poll() {
    const current = chat;
    if (
      !current?.conversation ||
      document.visibilityState !== 'visible' ||
      current.polling ||
      current.sending > 0
    )
      return;
    current.polling = true;
    try {
      const { conversation, messages, suggestions } = await api(
        'GET',
        `${conversationPath(current)}?after=${current.lastSeq}`,
      );
      if (chat !== current || current.sending > 0) return;
      if (conversation) current.conversation = conversation;
      renderAgentBanner();
      for (const message of messages ?? []) addMessage(message, { animate: true });
      followSuggestions(current, suggestions);
    } catch {
      // a missed poll is retried on the next tick; a 401 has ended the session
    } finally {
      current.polling = false;
    }
  }

  function renderCounter() {
    const count = [...input.value].length;
    const counter = byId('chat-counter');
    counter.textContent = count > MAX_MESSAGE_CHARS * 0.8 ? t('chat.counter', count, MAX_MESSAGE_CHARS) : '';
    input.setAttribute('aria-invalid', String(count > MAX_MESSAGE_CHARS));
  }

  /** @param {SubmitEvent} event */
  function onSubmit(event) {
    event.preventDefault();
    const text = input.value;
    if (text.trim() && [...text].length <= MAX_MESSAGE_CHARS) {
      input.value = '';
      renderCounter();
    }
    send(text);
  }

  /** @param {KeyboardEvent} event */
  function onKeydown(event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  }

  /** Language changed: everything the chat shows, in the new words. */
  function render() {
    renderQuickReplies();
    rerenderMessages();
    renderCounter();
  }

  /** Signed out: stop following, forget the conversation. */
  function reset() {
    stopPolling();
    chat = null;
    chatReady = null;
    unread = 0;
    replace(log);
  }

  form.addEventListener('submit', onSubmit);
  input.addEventListener('keydown', onKeydown);
  input.addEventListener('input', renderCounter);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') poll();
  });

  return { open, shown, send, render, renderQuickReplies, reset };
}
