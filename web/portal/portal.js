// @ts-check
// The customer's repayment portal: sign in with account reference, date of birth and a one-time code
// (signin.js); then one module per view, like the console: what is owed and the options (overview.js), the
// chat with the assistant or a person (chat.js), automatic payments (payments.js, mandate.js), contact
// preferences (contact.js). This module keeps the session, the language and which view is shown.
// Everything the API or a person wrote is put on the page as text (see /lib/dom.js), never as HTML.
import { createClient, loadConfig } from '/lib/api.js';
import { byId, say, show } from '/lib/dom.js';
import { LANGUAGES } from '/lib/taxonomy.js';
import { chatView } from './chat.js';
import { store, stored, VIEWS } from './common.js';
import { contactView } from './contact.js';
import { browserLanguage, translate } from './i18n.js';
import { overviewView } from './overview.js';
import { paymentsView } from './payments.js';
import { signInView } from './signin.js';

/** @typedef {import('./common.js').Lang} Lang */
/** @typedef {import('./common.js').ViewName} ViewName */
/** @typedef {import('./common.js').PortalContext} PortalContext */
/** @typedef {import('./signin.js').Session} Session */

const SESSION_KEY = 'portal.session';
const LANGUAGE_KEY = 'portal.language';

const state = {
  /** @type {Lang} */
  lang: 'en',
  /** @type {import('/lib/types').PageConfig} */
  config: {},
  /** @type {Session | null} while signed in */
  session: null,
  /** @type {ViewName} */
  view: 'overview',
};

/** @type {PortalContext} */
const ctx = {
  api: createClient({
    token: () => state.session?.token,
    onUnauthorized: () => endSession('signin.expired'),
  }),
  t: (key, ...args) => translate(state.lang, key, ...args),
  lang: () => state.lang,
  view: () => state.view,
  goTo,
};
const t = ctx.t;

const signIn = signInView(ctx, { signedIn, isLocal: () => state.config.stage === 'local' });
const overview = overviewView(ctx, {
  body: byId('overview-body'),
  loaded: (account) => {
    // The account's language, unless the customer chose one on this device.
    if (!chosenLanguage() && isLanguage(account.language)) setLanguage(account.language, { remember: false });
  },
  discuss: (number) => {
    goTo('chat');
    chat.send(t('chat.optionText', number));
  },
});
const chat = chatView(ctx);
const payments = paymentsView(ctx, byId('payments-body'));
const contact = contactView(ctx, byId('contact-body'));

// ---------------------------------------------------------------------------------------------------------
// Session

/** @returns {Session | null} */
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

/**
 * A code was confirmed: keep the session for this tab and open the account.
 * @param {Session} session
 * @param {number} failedAttempts
 */
async function signedIn(session, failedAttempts) {
  state.session = session;
  store(sessionStorage, SESSION_KEY, JSON.stringify(session));
  await startApp();
  // Someone else may have been trying: the customer hears it first thing.
  if (failedAttempts > 0) pageMessage('signin.failedAttempts', failedAttempts);
}

/**
 * Back to sign-in, forgetting the session (expired, invalid or signed out).
 * @param {string} messageKey
 */
function endSession(messageKey) {
  state.session = null;
  store(sessionStorage, SESSION_KEY, null);
  chat.reset();
  overview.reset();
  contact.reset();
  payments.reset();
  signIn.show();
  pageMessage(messageKey);
}

// ---------------------------------------------------------------------------------------------------------
// Language

/**
 * @param {unknown} lang
 * @returns {lang is Lang}
 */
const isLanguage = (lang) => LANGUAGES.some((known) => known === lang);

const chosenLanguage = () => {
  const lang = stored(localStorage, LANGUAGE_KEY);
  return isLanguage(lang) ? lang : null;
};

/**
 * @param {unknown} lang
 * @param {{ remember: boolean }} options remember: the customer chose it (kept on this device)
 */
function setLanguage(lang, { remember }) {
  if (!isLanguage(lang)) return;
  if (remember) store(localStorage, LANGUAGE_KEY, lang);
  if (lang === state.lang) return;
  state.lang = lang;
  applyLanguage();
  renderAll();
}

/** The words written in the page's HTML, in the page's language. */
function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.title = t('page.title');
  for (const element of document.querySelectorAll('[data-i18n]'))
    element.textContent = t(/** @type {HTMLElement} */ (element).dataset.i18n ?? '');
  for (const element of document.querySelectorAll('[data-i18n-label]')) {
    element.setAttribute('aria-label', t(/** @type {HTMLElement} */ (element).dataset.i18nLabel ?? ''));
  }
  for (const element of document.querySelectorAll('[data-i18n-placeholder]')) {
    element.setAttribute(
      'placeholder',
      t(/** @type {HTMLElement} */ (element).dataset.i18nPlaceholder ?? ''),
    );
  }
  for (const button of document.querySelectorAll('.lang-switch button')) {
    button.setAttribute(
      'aria-pressed',
      String(/** @type {HTMLElement} */ (button).dataset.lang === state.lang),
    );
  }
}

function renderAll() {
  signIn.render();
  if (!state.session) return;
  overview.render();
  chat.render();
  contact.render();
  payments.render();
}

/**
 * @param {string | null} key
 * @param {...unknown} args
 */
function pageMessage(key, ...args) {
  say(byId('page-message'), key ? t(key, ...args) : '');
}

// ---------------------------------------------------------------------------------------------------------
// Signed in: which view is shown

async function startApp() {
  show(byId('signin'), false);
  show(byId('sign-out'));
  show(byId('app'));
  pageMessage(null);
  route();
  await overview.load();
}

/** @returns {ViewName} */
function currentView() {
  const view = location.hash.replace(/^#/, '');
  return VIEWS.find((known) => known === view) ?? 'overview';
}

function route({ focus = false } = {}) {
  if (!state.session) return;
  state.view = currentView();
  for (const view of VIEWS) show(byId(`view-${view}`), view === state.view);
  for (const link of document.querySelectorAll('.tabs a')) {
    if (/** @type {HTMLElement} */ (link).dataset.view === state.view)
      link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (state.view === 'chat') chat.shown();
  if (state.view === 'overview' && overview.loaded()) overview.load();
  if (state.view === 'payments') payments.load();
  if (state.view === 'contact') contact.load();
  if (focus) byId(`${state.view}-title`).focus();
}

/** @param {ViewName} view */
function goTo(view) {
  if (location.hash === `#${view}`) route();
  else location.hash = view;
}

// ---------------------------------------------------------------------------------------------------------
// Start

function wire() {
  byId('sign-out').addEventListener('click', () => endSession('signin.signedOut'));
  for (const button of document.querySelectorAll('.lang-switch button')) {
    button.addEventListener('click', () =>
      setLanguage(/** @type {HTMLElement} */ (button).dataset.lang, { remember: true }),
    );
  }
  window.addEventListener('hashchange', () => route({ focus: true }));
}

async function main() {
  state.lang = chosenLanguage() ?? browserLanguage();
  applyLanguage();
  chat.renderQuickReplies();
  wire();
  try {
    state.config = await loadConfig();
  } catch {
    state.config = {};
  }
  state.session = savedSession();
  if (state.session) await startApp();
  else signIn.show();
  document.body.dataset.ready = 'true';
}

main();
