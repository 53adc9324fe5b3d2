// @ts-check
// The compliance gate's findings in plain words: what is wrong and why (in the agent's language: the gate's
// verdicts carry English and Chinese), the offending words highlighted in their sentence, and the raw rule
// codes only in a small details line for compliance staff.
import { h } from '/lib/dom.js';
import { lang, t } from './i18n.js';
import { label } from './labels.js';

const CONTEXT = 60;

/**
 * The words around `span` of `text`, with the span itself marked; null when the span does not fit.
 * @param {unknown} text
 * @param {{ start: number, end: number } | undefined} span
 */
export function highlighted(text, span) {
  if (typeof text !== 'string' || !span || !(span.end > span.start) || span.end > text.length) return null;
  const from = Math.max(0, span.start - CONTEXT);
  const to = Math.min(text.length, span.end + CONTEXT);
  return h(
    'blockquote',
    { class: 'finding-excerpt' },
    from > 0 ? '…' : '',
    text.slice(from, span.start),
    h('mark', {}, text.slice(span.start, span.end)),
    text.slice(span.end, to),
    to < text.length ? '…' : '',
  );
}

/**
 * @param {any} violation
 */
function fallbackWords(violation) {
  const detail = String(violation.detail ?? '').replace(/\s*\[[^\]]*\]\s*$/, '');
  // No plain words came with it: the rule's name in the agent's language, the API's detail in English.
  if (lang() === 'zh-CN' && violation.rule) return label(violation.rule);
  return detail || (violation.rule ? label(violation.rule) : t('Blocked by the compliance check'));
}

/**
 * One finding: plain words, the highlighted words, then the codes.
 * @param {any} violation
 * @param {unknown} text
 */
export function finding(violation, text) {
  if (typeof violation !== 'object' || violation === null) return h('li', {}, String(violation));
  const zh = lang() === 'zh-CN';
  const words = (zh ? violation.explanation?.zh : violation.explanation?.en) ?? fallbackWords(violation);
  const codes = [violation.rule, violation.ruleId, violation.source].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: 'finding', dataset: { category: String(violation.category ?? violation.rule ?? '') } },
    h('p', { class: 'finding-words' }, words),
    highlighted(text, violation.span),
    codes && h('p', { class: 'finding-details' }, `${t('common.details')}: ${codes}`),
  );
}

/**
 * Every finding of a verdict, for the text the gate checked.
 * @param {unknown} violations
 * @param {unknown} text
 * @param {{ className?: string }} [options]
 */
export function findingsList(violations, text, { className = 'notice error' } = {}) {
  const list = Array.isArray(violations) ? violations : [];
  if (list.length === 0) return null;
  return h(
    'ul',
    { class: ['violations', 'findings', className] },
    list.map((violation) => finding(violation, text)),
  );
}
