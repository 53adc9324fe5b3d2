// The customer's repayment portal: sign in with account reference, date of birth and a one-time code; see
// what is owed and the options; chat with the assistant (or a person); automatic payments (payments.js); set
// contact preferences.
// Everything the API or a person wrote is put on the page as text (see /lib/dom.js), never as HTML.
import { createClient, loadConfig, newClientMessageId, notBuiltYet } from '/lib/api.js';
import { byId, h, replace, revealText, say, show } from '/lib/dom.js';
import { formatDate, formatDateTime, formatMoney, formatPercent, formatTime, humanise } from '/lib/format.js';
import { CONTACT_CHANNELS } from '/lib/taxonomy.js';
import { browserLanguage, LANGUAGES, translate } from './i18n.js';
import { paymentsView } from './payments.js';

const SESSION_KEY = 'portal.session';
const LANGUAGE_KEY = 'portal.language';
const MAX_MESSAGE_CHARS = 2000;
const POLL_MS = 2000;
const VIEWS = ['overview', 'chat', 'payments', 'contact'];
const AUTHORS = ['customer', 'assistant', 'agent', 'system'];

const state = {
  lang: 'en',
  config: {},
  /** { token, expiresAt, accountId } while signed in. */
  session: null,
  /** The code asked for: { accountId, verificationId, delivery, channel?, maskedTo?, expiresAt }. */
  verification: null,
  overview: null,
  contacts: null,
  view: 'overview',
  chat: null,
  chatReady: null,
  unread: 0,
};

const t = (key, ...args) => translate(state.lang, key, ...args);
const api = createClient({
  token: () => state.session?.token,
  onUnauthorized: () => endSession('signin.expired'),
});
const payments = paymentsView({ api, t, lang: () => state.lang, body: byId('payments-body') });

// ---------------------------------------------------------------------------------------------------------
// Storage (either may be unavailable, e.g. in a locked-down browser: the page still works without it)

function stored(storage, key) {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function store(storage, key, value) {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    // not remembered; nothing else changes
  }
}

function savedSession() {
  try {
    const session = JSON.parse(stored(sessionStorage, SESSION_KEY) ?? 'null');
    if (session?.token && Date.parse(session.expiresAt) > Date.now()) return session;
  } catch {
    // a damaged entry is a signed-out page
  }
  store(sessionStorage, SESSION_KEY, null);
  return null;
}

const chosenLanguage = () => {
  const lang = stored(localStorage, LANGUAGE_KEY);
  return LANGUAGES.includes(lang) ? lang : null;
};

// ---------------------------------------------------------------------------------------------------------
// Language

function setLanguage(lang, { remember }) {
  if (!LANGUAGES.includes(lang)) return;
  if (remember) store(localStorage, LANGUAGE_KEY, lang);
  if (lang === state.lang) return;
  state.lang = lang;
  applyLanguage();
  renderAll();
}

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.title = t('page.title');
  for (const element of document.querySelectorAll('[data-i18n]'))
    element.textContent = t(element.dataset.i18n);
  for (const element of document.querySelectorAll('[data-i18n-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  }
  for (const element of document.querySelectorAll('[data-i18n-placeholder]')) {
    element.setAttribute('placeholder', t(element.dataset.i18nPlaceholder));
  }
  for (const button of document.querySelectorAll('.lang-switch button')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === state.lang));
  }
}

function renderAll() {
  if (state.verification) renderCodeSent();
  if (!state.session) return;
  renderOverview();
  renderQuickReplies();
  rerenderMessages();
  renderCounter();
  if (state.contacts) renderContacts();
  payments.render();
}

// ---------------------------------------------------------------------------------------------------------
// Errors

function errorText(error, overrides = {}) {
  if (overrides[error?.code]) return t(overrides[error.code]);
  switch (error?.code) {
    case 'VERIFICATION_THROTTLED':
    case 'CODE_RECENTLY_SENT':
    case 'TOO_MANY_CODES':
      return t(`err.${error.code}`, waitText(error.body?.error?.retryAfterSeconds));
    case 'VERIFICATION_FAILED':
    case 'VALIDATION_FAILED':
    case 'NETWORK_ERROR':
      return t(`err.${error.code}`);
    default:
      return t('err.generic');
  }
}

/** `retryAfterSeconds` as people say it: seconds under two minutes, else whole minutes. */
function waitText(seconds) {
  const wait = Math.max(1, Math.ceil(Number(seconds) || 60));
  return wait < 120 ? t('wait.seconds', wait) : t('wait.minutes', Math.ceil(wait / 60));
}

function pageMessage(key, ...args) {
  say(byId('page-message'), key ? t(key, ...args) : '');
}

// ---------------------------------------------------------------------------------------------------------
// Sign-in

function showSignIn() {
  show(byId('app'), false);
  show(byId('sign-out'), false);
  show(byId('signin'));
  show(byId('identify-form'), !state.verification);
  show(byId('code-form'), Boolean(state.verification));
  show(byId('local-hint'), state.config.stage === 'local');
}

function invalid(input, errorElement, message) {
  input.setAttribute('aria-invalid', 'true');
  say(errorElement, message);
  input.focus();
}

function clearInvalid(...inputs) {
  for (const input of inputs) input.removeAttribute('aria-invalid');
}

async function busy(button, work) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = t('signin.working');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

async function onIdentify(event) {
  event.preventDefault();
  const accountInput = byId('account-ref');
  const dobInput = byId('date-of-birth');
  const errorElement = byId('identify-error');
  clearInvalid(accountInput, dobInput);
  say(errorElement, '');
  pageMessage(null);
  const accountId = accountInput.value.trim().toUpperCase();
  const dateOfBirth = dobInput.value;
  if (!accountId) return invalid(accountInput, errorElement, t('err.accountRequired'));
  if (!/^[A-Z0-9-]{4,40}$/.test(accountId))
    return invalid(accountInput, errorElement, t('err.accountFormat'));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return invalid(dobInput, errorElement, t('err.dobRequired'));
  await busy(event.submitter ?? event.target.querySelector('button[type=submit]'), async () => {
    try {
      const sent = await api('POST', '/portal/verification', { accountId, dateOfBirth });
      state.verification = { accountId, ...sent };
      renderCodeSent();
      show(byId('identify-form'), false);
      show(byId('code-form'));
      byId('security-code').value = '';
      byId('security-code').focus();
    } catch (error) {
      say(errorElement, errorText(error));
    }
  });
}

function renderCodeSent() {
  const { delivery, channel, maskedTo, expiresAt } = state.verification;
  const until = formatTime(expiresAt, state.lang);
  // After repeated failures the service answers alike whatever was typed: the code goes only if it matched.
  byId('code-sent').textContent =
    delivery === 'sent' ? t('signin.sent', channel, maskedTo ?? '', until) : t('signin.sentIfMatch', until);
}

async function onConfirm(event) {
  event.preventDefault();
  const codeInput = byId('security-code');
  const errorElement = byId('code-error');
  clearInvalid(codeInput);
  say(errorElement, '');
  const code = codeInput.value.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(code)) return invalid(codeInput, errorElement, t('err.codeFormat'));
  await busy(event.submitter ?? event.target.querySelector('button[type=submit]'), async () => {
    try {
      const { accountId, verificationId } = state.verification;
      const session = await api('POST', '/portal/verification/confirm', { accountId, verificationId, code });
      state.session = { token: session.token, expiresAt: session.expiresAt, accountId };
      store(sessionStorage, SESSION_KEY, JSON.stringify(state.session));
      state.verification = null;
      byId('identify-form').reset();
      byId('code-form').reset();
      await startApp();
      // Someone else may have been trying: the customer hears it first thing.
      if (session.failedAttemptsSinceLastSignIn > 0)
        pageMessage('signin.failedAttempts', session.failedAttemptsSinceLastSignIn);
    } catch (error) {
      say(errorElement, errorText(error, { VERIFICATION_FAILED: 'err.codeFailed' }));
    }
  });
}

function onRestart() {
  state.verification = null;
  say(byId('code-error'), '');
  showSignIn();
  byId('account-ref').focus();
}

/** Back to sign-in, forgetting the session (expired, invalid or signed out). */
function endSession(messageKey) {
  stopPolling();
  state.session = null;
  state.overview = null;
  state.contacts = null;
  state.chat = null;
  state.chatReady = null;
  state.unread = 0;
  store(sessionStorage, SESSION_KEY, null);
  replace(byId('chat-log'));
  replace(byId('overview-body'));
  replace(byId('contact-body'));
  payments.reset();
  showSignIn();
  pageMessage(messageKey);
}

// ---------------------------------------------------------------------------------------------------------
// Signed in: sections

async function startApp() {
  show(byId('signin'), false);
  show(byId('sign-out'));
  show(byId('app'));
  pageMessage(null);
  route();
  await loadOverview();
}

function currentView() {
  const view = location.hash.replace(/^#/, '');
  return VIEWS.includes(view) ? view : 'overview';
}

function route({ focus = false } = {}) {
  if (!state.session) return;
  state.view = currentView();
  for (const view of VIEWS) show(byId(`view-${view}`), view === state.view);
  for (const link of document.querySelectorAll('.tabs a')) {
    if (link.dataset.view === state.view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (state.view === 'chat') {
    state.unread = 0;
    renderUnread();
    openChat();
  }
  if (state.view === 'overview' && state.overview) loadOverview();
  if (state.view === 'payments') payments.load();
  if (state.view === 'contact') loadContacts();
  if (focus) byId(`${state.view}-title`)?.focus();
}

function goTo(view) {
  if (location.hash === `#${view}`) route();
  else location.hash = view;
}

// ---------------------------------------------------------------------------------------------------------
// Overview

async function loadOverview() {
  const body = byId('overview-body');
  if (!state.overview)
    replace(body, h('p', { class: 'muted' }, h('span', { class: 'spinner' }), ' ', t('overview.loading')));
  try {
    state.overview = await api('GET', '/portal/account');
    if (!chosenLanguage() && LANGUAGES.includes(state.overview.language)) {
      setLanguage(state.overview.language, { remember: false });
    }
    renderOverview();
  } catch (error) {
    if (error.status === 401) return;
    if (!state.overview) replace(body, h('p', { class: 'notice error', role: 'alert' }, errorText(error)));
  }
}

const optionLabel = (kind) => {
  const label = t(`option.${kind}`);
  return label === `option.${kind}` ? humanise(kind) : label;
};

function renderOverview() {
  const overview = state.overview;
  if (!overview) return;
  const lang = state.lang;
  const currency = overview.offers?.currency ?? overview.currency;
  const money = (minor) => formatMoney(minor, currency, lang);
  const date = (iso) => formatDate(iso, lang);

  const summary = h(
    'section',
    { class: 'card summary', 'aria-labelledby': 'summary-heading' },
    h('h3', { id: 'summary-heading' }, t('overview.reference', overview.accountId)),
    h(
      'dl',
      { class: 'figures' },
      h(
        'div',
        {},
        h('dt', {}, t('overview.overdue')),
        h('dd', { id: 'amount-overdue' }, money(overview.amountOverdueMinor)),
      ),
      h(
        'div',
        {},
        h('dt', {}, t('overview.balance')),
        h('dd', { id: 'balance' }, money(overview.balanceMinor)),
      ),
      h(
        'div',
        {},
        h('dt', {}, t('overview.nextDue')),
        h('dd', { id: 'next-due' }, date(overview.nextDueDate)),
      ),
    ),
    h('p', { class: 'muted small' }, t('overview.help')),
  );

  const plan = overview.repaymentPlan ?? overview.plan;
  const planCard =
    plan &&
    h(
      'section',
      { class: 'card plan', 'aria-labelledby': 'plan-heading' },
      h('h3', { id: 'plan-heading' }, t('overview.planTitle')),
      h(
        'p',
        { class: 'headline' },
        optionLabel(plan.kind),
        ' · ',
        t('option.total'),
        ' ',
        money(plan.totalMinor),
      ),
      scheduleList(plan.instalments, money, date),
    );
  const promise = overview.promise;
  const promiseCard =
    promise &&
    h(
      'section',
      { class: 'card plan', 'aria-labelledby': 'promise-heading' },
      h('h3', { id: 'promise-heading' }, t('overview.promiseTitle')),
      h('p', {}, t('overview.promise', money(promise.amountMinor), date(promise.dueDate))),
    );

  const options = overview.offers?.options ?? [];
  const optionsCard = h(
    'section',
    { class: 'card', 'aria-labelledby': 'options-heading', id: 'options' },
    h('h3', { id: 'options-heading' }, t('overview.optionsTitle')),
    options.length === 0
      ? h('p', { class: 'empty' }, t('overview.noOptions'))
      : [
          h('p', { class: 'muted' }, t('overview.optionsIntro')),
          h(
            'ol',
            { class: 'options' },
            options.map((option, index) => optionItem(option, index + 1, money, date)),
          ),
        ],
  );

  const notices = overview.notices ?? [];
  const noticesCard = h(
    'section',
    { class: 'card', 'aria-labelledby': 'notices-heading' },
    h('h3', { id: 'notices-heading' }, t('overview.noticesTitle')),
    notices.length === 0
      ? h('p', { class: 'empty' }, t('overview.noNotices'))
      : h(
          'ul',
          { class: 'notices' },
          notices.map((notice) =>
            h(
              'li',
              {},
              h('time', { datetime: notice.sentAt }, formatDateTime(notice.sentAt, lang)),
              h('p', { class: 'pre-wrap' }, notice.text),
            ),
          ),
        ),
  );

  replace(byId('overview-body'), summary, planCard, promiseCard, optionsCard, noticesCard);
}

function optionItem(option, number, money, date) {
  const single = option.kind === 'pay_in_full' || (option.instalments?.length ?? 0) <= 1;
  const headline = single
    ? t(
        'option.single',
        money(option.totalMinor),
        date(option.firstDueDate ?? option.instalments?.[0]?.dueDate),
      )
    : t('option.monthly', money(option.monthlyAmountMinor), option.termMonths ?? option.instalments?.length);
  return h(
    'li',
    { class: 'option', dataset: { optionId: String(option.id ?? '') } },
    h('h4', {}, t('option.number', number), ' · ', optionLabel(option.kind)),
    h('p', { class: 'headline' }, headline),
    h('p', {}, t('option.total'), ': ', money(option.totalMinor)),
    option.discountMinor > 0 &&
      h(
        'p',
        { class: 'saving' },
        t(
          'option.discount',
          money(option.discountMinor),
          // Two decimals, as stored: a percentage is never shown rounded up (the chat writes it the same way).
          formatPercent((option.discountPercent ?? 0) / 100, state.lang, 2),
        ),
      ),
    !single &&
      option.firstDueDate &&
      h('p', { class: 'muted' }, t('option.firstDue', date(option.firstDueDate))),
    option.instalments?.length > 1 &&
      h(
        'details',
        {},
        h('summary', {}, t('overview.schedule')),
        scheduleList(option.instalments, money, date),
      ),
    h(
      'button',
      { type: 'button', class: 'small', onclick: () => discussOption(number) },
      t('overview.choose', number),
    ),
  );
}

function scheduleList(instalments = [], money, date) {
  return h(
    'ol',
    { class: 'schedule' },
    instalments.map((instalment) =>
      h('li', {}, date(instalment.dueDate), ': ', money(instalment.amountMinor)),
    ),
  );
}

function discussOption(number) {
  goTo('chat');
  sendMessage(t('chat.optionText', number));
}

// ---------------------------------------------------------------------------------------------------------
// Chat

function newChatState() {
  return {
    conversation: null,
    messages: new Map(),
    lastSeq: 0,
    /** Messages typed here and not yet stored: clientMessageId → { text, element, failed }. */
    pending: new Map(),
    timer: null,
    polling: false,
    sending: 0,
  };
}

const conversationPath = () =>
  `/portal/conversations/${encodeURIComponent(state.chat.conversation.conversationId)}/messages`;

/** Opens today's conversation once (it is reopened when it exists) and starts following it. */
function openChat() {
  state.chatReady ??= (async () => {
    const status = byId('chat-status');
    say(status, t('chat.starting'));
    const chat = newChatState();
    state.chat = chat;
    try {
      chat.conversation = await api('POST', '/portal/conversations');
      const { conversation, messages } = await api('GET', conversationPath());
      if (state.chat !== chat) return;
      chat.conversation = conversation ?? chat.conversation;
      for (const message of messages ?? []) addMessage(message, { animate: false });
      renderAgentBanner();
      startPolling();
      say(status, '');
    } catch (error) {
      if (state.chat === chat) {
        state.chat = null;
        state.chatReady = null;
      }
      say(status, '');
      if (error.status !== 401) say(byId('chat-error'), errorText(error));
      throw error;
    }
  })();
  state.chatReady.catch(() => {});
  return state.chatReady;
}

function renderAgentBanner() {
  show(byId('agent-banner'), Boolean(state.chat?.conversation?.agent));
}

function renderUnread() {
  const badge = byId('chat-unread');
  badge.textContent = state.unread > 0 ? String(state.unread) : '';
  badge.setAttribute('aria-label', `${state.unread} ${t('nav.newMessages')}`);
  show(badge, state.unread > 0);
}

function renderQuickReplies() {
  replace(
    byId('quick-replies'),
    t('chat.quick').map((text) =>
      h('button', { type: 'button', class: 'small', onclick: () => sendMessage(text) }, text),
    ),
  );
}

const authorOf = (message) => (AUTHORS.includes(message.author) ? message.author : 'system');

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
    message.at && h('time', { datetime: message.at }, formatTime(message.at, state.lang)),
  );
}

/**
 * The disclosures the law requires (the US debt-collector notice), shown once, before the first message of the
 * conversation in their language: not under every bubble.
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
  const log = byId('chat-log');
  log.scrollTop = log.scrollHeight;
}

/** Places a stored message by its position, before any message still being sent. */
function insertInOrder(element, seq) {
  const log = byId('chat-log');
  for (const child of log.children) {
    const childSeq = child.dataset.seq === undefined ? Number.POSITIVE_INFINITY : Number(child.dataset.seq);
    if (childSeq > seq) {
      log.insertBefore(element, child);
      return;
    }
  }
  log.append(element);
}

/** Shows a stored message once; assistant and agent messages appear word by word when `animate`. */
function addMessage(message, { animate }) {
  const chat = state.chat;
  if (!chat || typeof message?.seq !== 'number' || chat.messages.has(message.seq)) return Promise.resolve();
  chat.messages.set(message.seq, message);
  chat.lastSeq = Math.max(chat.lastSeq, message.seq);
  const pending = chat.pending.get(message.clientMessageId);
  if (pending && message.author === 'customer') {
    pending.element.remove();
    chat.pending.delete(message.clientMessageId);
  }
  const text = String(message.text ?? '');
  const reveal = animate && message.author !== 'customer';
  const element = messageElement(message, reveal ? '' : text);
  const disclosure = disclosureElement(message);
  if (disclosure) insertInOrder(disclosure, message.seq - 0.5);
  insertInOrder(element, message.seq);
  if (message.author !== 'customer' && state.view !== 'chat') {
    state.unread += 1;
    renderUnread();
  }
  scrollToEnd();
  if (!reveal) return Promise.resolve();
  return revealText(element.querySelector('.text'), text, state.lang).then(scrollToEnd);
}

/** Language changed: the labels and times of every message, without animating them again. */
function rerenderMessages() {
  const chat = state.chat;
  if (!chat) return;
  const log = byId('chat-log');
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
            h('button', { type: 'button', class: 'small', onclick: () => deliver(pending) }, t('chat.retry')),
          ]
        : h('span', {}, t('chat.sending')),
    ),
  );
  return element;
}

function refreshPending(pending) {
  const element = pendingElement(pending);
  pending.element.replaceWith(element);
  pending.element = element;
}

function setSending(delta) {
  state.chat.sending += delta;
  const sending = state.chat.sending > 0;
  byId('chat-form').querySelector('button[type=submit]').disabled = sending;
  for (const button of byId('quick-replies').querySelectorAll('button')) button.disabled = sending;
}

async function sendMessage(rawText) {
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
    await openChat();
  } catch {
    return;
  }
  // The page's language now: the assistant replies in it, even when the page is switched mid-chat.
  const pending = {
    clientMessageId: newClientMessageId(),
    text,
    lang: state.lang,
    failed: false,
    element: null,
  };
  pending.element = pendingElement(pending);
  state.chat.pending.set(pending.clientMessageId, pending);
  byId('chat-log').append(pending.element);
  scrollToEnd();
  await deliver(pending);
}

/** Sends (or sends again, with the same clientMessageId) a message typed here. */
async function deliver(pending) {
  const chat = state.chat;
  if (!chat) return;
  if (pending.failed) {
    pending.failed = false;
    refreshPending(pending);
  }
  setSending(1);
  try {
    const result = await api('POST', conversationPath(), {
      clientMessageId: pending.clientMessageId,
      text: pending.text,
      language: pending.lang,
    });
    if (state.chat !== chat) return;
    await addMessage(result.message, { animate: false });
    if (result.reply) await addMessage(result.reply, { animate: true });
  } catch (error) {
    if (error.status === 401 || state.chat !== chat) return;
    const retryable = error.status === 0 || error.status === 429 || error.status >= 500;
    if (retryable) {
      pending.failed = true;
      refreshPending(pending);
      return;
    }
    // The service will not take this text as it is: give it back to edit.
    pending.element.remove();
    chat.pending.delete(pending.clientMessageId);
    const input = byId('chat-input');
    if (!input.value) input.value = pending.text;
    renderCounter();
    say(
      byId('chat-error'),
      error.code === 'MESSAGE_TOO_LONG'
        ? t('chat.tooLong', MAX_MESSAGE_CHARS)
        : (error.message ?? t('err.generic')),
    );
  } finally {
    if (state.chat === chat) setSending(-1);
  }
}

function startPolling() {
  stopPolling();
  state.chat.timer = setInterval(poll, POLL_MS);
}

function stopPolling() {
  if (state.chat?.timer) clearInterval(state.chat.timer);
  if (state.chat) state.chat.timer = null;
}

/** New messages (an agent's, "an agent joined") while the page is visible and nothing is being sent. */
async function poll() {
  const chat = state.chat;
  if (!chat?.conversation || document.visibilityState !== 'visible' || chat.polling || chat.sending > 0)
    return;
  chat.polling = true;
  try {
    const { conversation, messages } = await api('GET', `${conversationPath()}?after=${chat.lastSeq}`);
    if (state.chat !== chat || chat.sending > 0) return;
    if (conversation) chat.conversation = conversation;
    renderAgentBanner();
    for (const message of messages ?? []) addMessage(message, { animate: true });
  } catch {
    // a missed poll is retried on the next tick; a 401 has ended the session
  } finally {
    chat.polling = false;
  }
}

function renderCounter() {
  const input = byId('chat-input');
  const count = [...input.value].length;
  const counter = byId('chat-counter');
  counter.textContent = count > MAX_MESSAGE_CHARS * 0.8 ? t('chat.counter', count, MAX_MESSAGE_CHARS) : '';
  input.setAttribute('aria-invalid', String(count > MAX_MESSAGE_CHARS));
}

function onChatSubmit(event) {
  event.preventDefault();
  const input = byId('chat-input');
  const text = input.value;
  if (text.trim() && [...text].length <= MAX_MESSAGE_CHARS) {
    input.value = '';
    renderCounter();
  }
  sendMessage(text);
}

function onChatKeydown(event) {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    byId('chat-form').requestSubmit();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Contact preferences and history

async function loadContacts() {
  const body = byId('contact-body');
  if (!state.contacts) replace(body, h('p', { class: 'muted' }, h('span', { class: 'spinner' })));
  try {
    state.contacts = await api('GET', '/portal/contacts');
    renderContacts();
  } catch (error) {
    if (error.status === 401) return;
    state.contacts = null;
    replace(
      body,
      notBuiltYet(error) || error.status === 404
        ? h('p', { class: 'notice info' }, t('contact.unavailable'))
        : h('p', { class: 'notice error', role: 'alert' }, errorText(error)),
    );
  }
}

function renderContacts(statusKey) {
  const data = state.contacts;
  const lang = state.lang;
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
      .filter((input) => !input.checked)
      .map((input) => input.value);
    const stopContact = stopped || Boolean(form.querySelector('#stop-contact')?.checked);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const saved = await api('PUT', '/portal/preferences', { refusedChannels, stopContact });
      state.contacts = { ...state.contacts, preferences: saved?.preferences ?? saved ?? preferences };
      renderContacts('contact.saved');
      byId('preferences-form')?.querySelector('[role=status]')?.focus?.();
    } catch (failure) {
      if (failure.status === 401) return;
      say(error, notBuiltYet(failure) ? t('contact.unavailable') : errorText(failure));
    } finally {
      button.disabled = false;
    }
  });

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
                h('span', { class: 'chip' }, translated(`channel.${message.channel}`, message.channel)),
                h('span', {}, message.sentAt ? formatDateTime(message.sentAt, lang) : ''),
                message.status &&
                  h('span', {}, translated(`contact.status.${message.status}`, message.status)),
              ),
              message.subject && h('p', {}, h('strong', {}, message.subject)),
              h('p', { class: 'pre-wrap' }, message.text ?? ''),
            ),
          ),
        ),
  );
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
              h('span', {}, translated(`channel.${contact.channel}`, contact.channel)),
              ' · ',
              h('span', {}, translated(`kind.${contact.kind}`, contact.kind)),
            ),
          ),
        ),
  );
  replace(byId('contact-body'), form, history, attempts);
}

function translated(key, fallback) {
  const text = t(key);
  return text === key ? humanise(fallback) : text;
}

// ---------------------------------------------------------------------------------------------------------
// Start

function wire() {
  byId('identify-form').addEventListener('submit', onIdentify);
  byId('code-form').addEventListener('submit', onConfirm);
  byId('code-restart').addEventListener('click', onRestart);
  byId('sign-out').addEventListener('click', () => endSession('signin.signedOut'));
  byId('chat-form').addEventListener('submit', onChatSubmit);
  byId('chat-input').addEventListener('keydown', onChatKeydown);
  byId('chat-input').addEventListener('input', renderCounter);
  for (const button of document.querySelectorAll('.lang-switch button')) {
    button.addEventListener('click', () => setLanguage(button.dataset.lang, { remember: true }));
  }
  window.addEventListener('hashchange', () => route({ focus: true }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') poll();
  });
}

async function main() {
  state.lang = chosenLanguage() ?? browserLanguage();
  applyLanguage();
  renderQuickReplies();
  wire();
  try {
    state.config = await loadConfig();
  } catch {
    state.config = {};
  }
  state.session = savedSession();
  if (state.session) await startApp();
  else showSignIn();
  document.body.dataset.ready = 'true';
}

main();
