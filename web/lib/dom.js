// @ts-check
// DOM building without HTML parsing: every piece of text goes in through textContent or a text node, so
// whatever a customer, an agent or the API sends is shown as text and never runs.

/** @typedef {import('./types').Child} Child */
/** @typedef {import('./types').Props} Props */

/**
 * Creates an element. `props`: `class`, `text` (textContent), `on<event>` handlers, `dataset`, boolean and
 * string attributes; `children`: nodes, strings (as text nodes) and arrays of them; null/false are skipped.
 * @template {string} K
 * @param {K} tag
 * @param {Props} [props]
 * @param {...Child} children
 * @returns {K extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[K] : HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  applyProps(element, props);
  append(element, ...children);
  return /** @type {any} */ (element);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Same as `h` for SVG elements (attributes only).
 * @param {keyof SVGElementTagNameMap} tag
 * @param {Props} [props]
 * @param {...Child} children
 * @returns {SVGElement}
 */
export function svg(tag, props = {}, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  applyProps(element, props);
  append(element, ...children);
  return element;
}

/**
 * @param {HTMLElement | SVGElement} element
 * @param {Props} props
 */
function applyProps(element, props) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class')
      element.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : String(value));
    else if (key === 'text') element.textContent = String(value);
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function')
      element.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
    else if (key === 'value' && 'value' in element) element.value = String(value);
    else if (key === 'checked' && 'checked' in element) element.checked = Boolean(value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
}

/**
 * Appends children: nodes as they are, anything else as a text node.
 * @template {Element} E
 * @param {E} parent
 * @param {...Child} children
 * @returns {E}
 */
export function append(parent, ...children) {
  for (const child of /** @type {unknown[]} */ (children).flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
  return parent;
}

/**
 * Replaces an element's children.
 * @template {Element} E
 * @param {E} parent
 * @param {...Child} children
 * @returns {E}
 */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, ...children);
}

/**
 * An element of the page by id, of the type the page's HTML gives it (`byId('x', HTMLInputElement)`); throws
 * when it is missing or another kind, so a page whose HTML and script disagree fails loudly at once.
 * @template {HTMLElement} [E=HTMLElement]
 * @param {string} id
 * @param {new () => E} [kind]
 * @returns {E}
 */
export function byId(id, kind) {
  const element = document.getElementById(id);
  const expected = kind ?? HTMLElement;
  if (!(element instanceof expected)) throw new Error(`#${id} is missing or not a ${expected.name}`);
  return /** @type {E} */ (element);
}

/**
 * Shows or hides an element with the `hidden` attribute.
 * @template {HTMLElement} E
 * @param {E} element
 * @returns {E}
 */
export function show(element, visible = true) {
  element.hidden = !visible;
  return element;
}

/**
 * A status/error line: sets its text and shows it, or hides it when text is empty.
 * @param {HTMLElement} element
 * @param {string | null | undefined} text
 */
export function say(element, text) {
  element.textContent = text ?? '';
  element.hidden = !text;
}

export const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

/**
 * Splits text into words and the spaces and punctuation between them (Chinese too, where supported).
 * @param {string} text
 * @param {string} lang
 */
export function words(text, lang) {
  if (typeof Intl.Segmenter === 'function') {
    return [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].map((part) => part.segment);
  }
  return text.split(/(\s+)/).filter(Boolean);
}

/**
 * Shows `text` in `element` word by word (at once when the reader prefers reduced motion); the element is
 * aria-busy until the whole text is there, so screen readers announce it once. Resolves when done.
 * @param {HTMLElement} element
 * @param {string} text
 * @param {string} lang
 * @returns {Promise<void>}
 */
export function revealText(element, text, lang, { totalMs = 1200 } = {}) {
  const busy = element.closest('[data-reveal]') ?? element;
  if (reducedMotion() || !text) {
    element.textContent = text;
    busy.setAttribute('aria-busy', 'false');
    return Promise.resolve();
  }
  const parts = words(text, lang);
  const perTick = Math.max(1, Math.ceil(parts.length / (totalMs / 30)));
  element.textContent = '';
  busy.setAttribute('aria-busy', 'true');
  return new Promise((resolve) => {
    let next = 0;
    const tick = () => {
      element.append(parts.slice(next, next + perTick).join(''));
      next += perTick;
      if (next < parts.length) {
        setTimeout(tick, 30);
        return;
      }
      element.normalize();
      busy.setAttribute('aria-busy', 'false');
      resolve();
    };
    tick();
  });
}
