// @ts-check
// What the portal's views share: the context each is built with, storage that may be unavailable, and
// error messages in the reader's words.
import { humanise } from '/lib/format.js';

/** @typedef {import('/lib/types').ApiRequest} ApiRequest */
/** @typedef {import('/lib/api.js').ApiError} ApiError */
/** @typedef {(typeof import('/lib/taxonomy.js').LANGUAGES)[number]} Lang */
/** @typedef {(key: string, ...args: unknown[]) => string} Translate */
/** @typedef {'overview' | 'chat' | 'payments' | 'contact'} ViewName */

/**
 * What every view is built with: the session's request function, the page's words and language, and the way
 * to another view.
 * @typedef {object} PortalContext
 * @property {ApiRequest} api
 * @property {Translate} t
 * @property {() => Lang} lang
 * @property {() => ViewName} view the view on screen now
 * @property {(view: ViewName) => void} goTo
 */

/** The portal's sections, in the order of their tabs. */
export const VIEWS = /** @type {const} */ (['overview', 'chat', 'payments', 'contact']);

// ---------------------------------------------------------------------------------------------------------
// Storage (either may be unavailable, e.g. in a locked-down browser: the page still works without it)

/**
 * @param {Storage} storage
 * @param {string} key
 */
export function stored(storage, key) {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * @param {Storage} storage
 * @param {string} key
 * @param {string | null} value null forgets it
 */
export function store(storage, key, value) {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    // not remembered; nothing else changes
  }
}

// ---------------------------------------------------------------------------------------------------------
// Words

/**
 * An API error in the reader's words; `overrides` maps an error code to the key to say instead.
 * @param {Translate} t
 * @param {ApiError | undefined} error
 * @param {Record<string, string>} [overrides]
 */
export function errorText(t, error, overrides = {}) {
  const override = error?.code ? overrides[error.code] : undefined;
  if (override) return t(override);
  switch (error?.code) {
    case 'VERIFICATION_THROTTLED':
    case 'CODE_RECENTLY_SENT':
    case 'TOO_MANY_CODES':
      return t(`err.${error.code}`, waitText(t, error.body?.error?.retryAfterSeconds));
    case 'VERIFICATION_FAILED':
    case 'VALIDATION_FAILED':
    case 'NETWORK_ERROR':
      return t(`err.${error.code}`);
    default:
      return t('err.generic');
  }
}

/**
 * `retryAfterSeconds` as people say it: seconds under two minutes, else whole minutes.
 * @param {Translate} t
 * @param {unknown} seconds
 */
function waitText(t, seconds) {
  const wait = Math.max(1, Math.ceil(Number(seconds) || 60));
  return wait < 120 ? t('wait.seconds', wait) : t('wait.minutes', Math.ceil(wait / 60));
}

/**
 * The words for `key`, or `fallback` humanised when the page has none.
 * @param {Translate} t
 * @param {string} key
 * @param {unknown} fallback
 */
export function translated(t, key, fallback) {
  const text = t(key);
  return text === key ? humanise(fallback) : text;
}
