// @ts-check
// The console's words in English and Simplified Chinese, as the portal keeps its own (web/portal/i18n.js):
// values are plain text (never HTML); functions take figures the page has already formatted. A key is an id
// (`dash.title`) or, for a plain sentence, the English itself (then only Chinese needs an entry). The agent's
// choice is kept on this device; until they choose, the browser's language.
import { LANGUAGES } from '/lib/taxonomy.js';
import { EN, ZH } from './words.js';

/** @typedef {(typeof LANGUAGES)[number]} Lang */
/** @typedef {string | ((...args: any[]) => string)} Words */

const LANGUAGE_KEY = 'console.language';

/** @type {Record<Lang, Record<string, Words>>} */
const STRINGS = { en: EN, 'zh-CN': ZH };

/**
 * @param {unknown} value
 * @returns {value is Lang}
 */
export const isLanguage = (value) => LANGUAGES.some((known) => known === value);

/** @returns {Lang} */
function initialLanguage() {
  try {
    const chosen = localStorage.getItem(LANGUAGE_KEY);
    if (isLanguage(chosen)) return chosen;
  } catch {
    // Storage blocked: the browser's language.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    if (/^zh\b/i.test(tag ?? '')) return 'zh-CN';
    if (/^en\b/i.test(tag ?? '')) return 'en';
  }
  return 'en';
}

let current = initialLanguage();

/** The reader's language. */
export const lang = () => current;

/**
 * Switches the language and keeps the choice on this device.
 * @param {unknown} next
 */
export function setLang(next) {
  if (!isLanguage(next)) return;
  current = next;
  try {
    localStorage.setItem(LANGUAGE_KEY, next);
  } catch {
    // Not kept: still switched for this page.
  }
}

/**
 * The text for `key` in the reader's language (English when missing; the key itself when neither has it).
 * @param {string} key
 * @param {...unknown} args
 * @returns {string}
 */
export function t(key, ...args) {
  const value = STRINGS[current]?.[key] ?? EN[key];
  if (value === undefined) return key;
  return typeof value === 'function' ? value(...args) : value;
}

/**
 * `t(prefix + code)` when there are words for it, else `fallback(code)`: codes are never shown raw.
 * @param {string} prefix
 * @param {unknown} code
 * @param {(code: unknown) => string} fallback
 */
export function known(prefix, code, fallback) {
  const key = `${prefix}${String(code)}`;
  return STRINGS[current]?.[key] !== undefined || EN[key] !== undefined ? t(key) : fallback(code);
}
