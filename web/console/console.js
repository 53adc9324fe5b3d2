// @ts-check
// The agent console: sign-in, then a hash-routed page: #/queue, #/accounts/<id>, #/dashboard, #/outbox.
// Every view writes text only through textContent (see /lib/dom.js).
import { createClient, loadConfig } from '/lib/api.js';
import { byId, h, replace, say, show } from '/lib/dom.js';
import { notice } from '/lib/ui.js';
import { renderAccount } from './account.js';
import * as auth from './auth.js';
import { renderDashboard } from './dashboard.js';
import { lang, setLang, t } from './i18n.js';
import { renderOutbox } from './outbox.js';
import { renderQueue } from './queue.js';

/** @typedef {import('./auth.js').StaffSession} StaffSession */

/**
 * What every view is built with: the stage's settings, who is signed in, the request function, the signal
 * that aborts when the reader leaves the view, and ways to move and to say something above the view.
 * @typedef {object} ConsoleContext
 * @property {import('/lib/types').PageConfig} config
 * @property {StaffSession | null} session
 * @property {boolean} local local mode: dev users, and the outbox
 * @property {import('/lib/types').ApiRequest} api
 * @property {AbortSignal} signal
 * @property {(hash: string) => void} navigate
 * @property {(text: string, tone?: string) => void} message
 */

/** @type {ConsoleContext} */
const ctx = {
  config: {},
  session: null,
  local: true,
  api: createClient({
    token: () => ctx.session?.token,
    onUnauthorized: () => {
      if (!ctx.session) return;
      signOut({ remote: false });
      ctx.message(t('Your session has ended. Please sign in again.'), 'warn');
    },
  }),
  /** Aborted when the reader leaves the view: views stop polling and ignore late answers. */
  signal: new AbortController().signal,
  navigate: (hash) => {
    if (location.hash === hash) route();
    else location.hash = hash;
  },
  message: (text, tone = 'info') => {
    const element = byId('page-message');
    element.className = `notice ${tone}`;
    say(element, text);
  },
};

let current = new AbortController();

function parseRoute() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?');
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  return { name: parts[0] || 'queue', params: parts.slice(1), query: new URLSearchParams(query) };
}

/** @param {string} name the view's name */
function renderHeader(name) {
  const session = ctx.session;
  show(byId('console-nav'), Boolean(session) || ctx.local);
  show(byId('account-search'), Boolean(session));
  show(byId('sign-out'), Boolean(session));
  const who = byId('who');
  who.textContent = session ? `${session.name} · ${t(`role.${session.role}`)}` : '';
  show(who, Boolean(session));
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (!(link instanceof HTMLElement)) continue;
    const item = link.dataset.nav;
    const visible =
      item === 'outbox'
        ? ctx.local
        : item === 'dashboard'
          ? session?.role === 'supervisor'
          : Boolean(session);
    show(link, visible);
    if (item === name || (item === 'queue' && name === 'accounts')) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function route() {
  current.abort();
  current = new AbortController();
  ctx.signal = current.signal;
  const { name, params, query } = parseRoute();
  const view = byId('view');
  renderHeader(name);
  if (!ctx.session) {
    if (name === 'outbox' && ctx.local) return renderOutbox(view, ctx);
    return renderSignIn(view);
  }
  switch (name) {
    case 'accounts':
      return renderAccount(view, ctx, params[0] ?? '');
    case 'dashboard':
      if (ctx.session.role !== 'supervisor') {
        return replace(view, notice(t('The dashboard is for supervisors.'), 'warn'));
      }
      return renderDashboard(view, ctx, query);
    case 'outbox':
      if (!ctx.local) return replace(view, notice(t('The outbox view exists only in local mode.'), 'warn'));
      return renderOutbox(view, ctx);
    default:
      return renderQueue(view, ctx, query);
  }
}

// ----------------------------------------------------------------------------------------------------------
// Sign-in

/** @param {HTMLElement} view */
function renderSignIn(view) {
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const card = h(
    'section',
    { class: 'card signin', 'aria-labelledby': 'signin-heading' },
    h('h2', { id: 'signin-heading' }, t('Sign in')),
    error,
  );
  replace(view, card);
  if (!ctx.local) {
    card.append(
      h('p', {}, t('Sign in with your staff account. You will come back here afterwards.')),
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          onclick: () =>
            auth
              .startCognitoSignIn(/** @type {import('./auth.js').AuthSettings} */ (ctx.config.auth))
              .catch((e) => say(error, e.message)),
        },
        t('Sign in'),
      ),
    );
    return;
  }
  const list = h('ul', { class: 'user-list', 'aria-label': t('Dev users') });
  card.append(
    h('p', { class: 'notice warn' }, t('Local mode: choose a dev user. In AWS, staff sign in with Cognito.')),
    list,
    h(
      'p',
      { class: 'small muted' },
      h('a', { href: '#/outbox' }, t('Open the outbox')),
      ' (no sign-in needed locally)',
    ),
  );
  auth
    .localUsers(ctx.api)
    .then((users) => {
      replace(
        list,
        (users ?? []).map((user) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                dataset: { user: user.user },
                onclick: async () => {
                  say(error, '');
                  try {
                    ctx.session = await auth.localSignIn(ctx.api, user.user);
                    ctx.message('');
                    route();
                  } catch (failure) {
                    say(error, failure.message);
                  }
                },
              },
              h('span', {}, user.name),
              h('span', { class: 'chip' }, t(`role.${user.role}`)),
            ),
          ),
        ),
      );
    })
    .catch((failure) => say(error, `${t('Could not list the dev users')}: ${failure.message}`));
}

/** @param {{ remote?: boolean }} [options] remote: sign out of the Hosted UI too */
function signOut({ remote = true } = {}) {
  const kind = ctx.session?.kind;
  ctx.session = null;
  auth.clearSession();
  if (remote && kind === 'cognito' && ctx.config.auth) {
    location.assign(auth.cognitoSignOutUrl(ctx.config.auth));
    return;
  }
  route();
}

// ----------------------------------------------------------------------------------------------------------
// Language

/** The words written in the page's HTML, in the reader's language. */
function applyLanguage() {
  document.documentElement.lang = lang();
  document.title = t('page.title');
  for (const element of document.querySelectorAll('[data-i18n]'))
    element.textContent = t(/** @type {HTMLElement} */ (element).dataset.i18n ?? '');
  for (const element of document.querySelectorAll('[data-i18n-label]'))
    element.setAttribute('aria-label', t(/** @type {HTMLElement} */ (element).dataset.i18nLabel ?? ''));
  for (const button of document.querySelectorAll('#lang-switch button'))
    button.setAttribute('aria-pressed', String(/** @type {HTMLElement} */ (button).dataset.lang === lang()));
}

// ----------------------------------------------------------------------------------------------------------
// Start

async function main() {
  try {
    ctx.config = await loadConfig();
  } catch {
    ctx.config = {};
  }
  ctx.local = auth.isLocalAuth(ctx.config);
  if (ctx.config.auth && !ctx.local && auth.isCognitoCallback()) {
    try {
      ctx.session = await auth.finishCognitoSignIn(ctx.config.auth);
    } catch (error) {
      ctx.message(error.message, 'error');
    }
  }
  ctx.session ??= auth.savedSession();
  applyLanguage();
  for (const button of document.querySelectorAll('#lang-switch button')) {
    button.addEventListener('click', () => {
      const chosen = /** @type {HTMLElement} */ (button).dataset.lang;
      if (chosen === lang()) return;
      setLang(chosen);
      applyLanguage();
      route();
    });
  }
  byId('sign-out').addEventListener('click', () => {
    signOut();
    ctx.message(t('signedOut'));
  });
  byId('account-search').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId('account-search-input', HTMLInputElement);
    const id = input.value.trim().toUpperCase();
    if (!id) return input.focus();
    input.value = '';
    ctx.navigate(`#/accounts/${encodeURIComponent(id)}`);
  });
  window.addEventListener('hashchange', () => {
    ctx.message('');
    route();
    byId('content').focus({ preventScroll: true });
  });
  route();
  document.body.dataset.ready = 'true';
}

main();
