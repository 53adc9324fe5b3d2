import type { ReadMessage } from './detect';
import { gateLexicon } from './lexicon';

/**
 * Features of the abuse classifier, shared by training and the gate so both read text the same way: Chinese
 * character 1–3-grams, English words and word pairs on the evasion-folded text, and the lexicon's classes in
 * place of the words ("i hate <identity>", "<identity> are <negattr>") so what the model learns about one group
 * or one insult carries over to the others. A word after a negation in its clause is marked ("not~disgusting").
 * Each feature keeps its place in the text, so the reasons a score gives point at real words.
 */
export interface PlacedFeature {
  readonly key: string;
  /** Offsets in the reading text. */
  readonly start: number;
  readonly end: number;
}

const CLASS_KEYS = [
  'identity',
  'slur',
  'profanity',
  'insult',
  'strong',
  'adj',
  'negattr',
  'posattr',
] as const;
const ZH_CLASS_KEYS = ['identityZh', 'slurZh', 'profanityZh', 'insultZh', 'negattrZh'] as const;

let englishClasses: Map<string, string> | undefined;
let chinesePattern: RegExp | undefined;

function wordClass(word: string): string | undefined {
  if (!englishClasses) {
    englishClasses = new Map();
    for (const key of CLASS_KEYS)
      for (const entry of gateLexicon().classes[key] ?? [])
        if (/^[a-z'-]+$/u.test(entry) && !englishClasses.has(entry)) englishClasses.set(entry, key);
  }
  return englishClasses.get(word);
}

function chineseClasses(): RegExp {
  if (!chinesePattern) {
    const groups = ZH_CLASS_KEYS.map(
      (key) =>
        `(?<${key}>${[...(gateLexicon().classes[key] ?? [])]
          .filter((word) => /^[\u4e00-\u9fff]+$/u.test(word))
          .sort((a, b) => b.length - a.length)
          .join('|')})`,
    );
    chinesePattern = new RegExp(groups.join('|'), 'gu');
  }
  return chinesePattern;
}

const NEGATORS = new Set([
  'not',
  'never',
  'no',
  'nobody',
  'none',
  'nothing',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "won't",
  "can't",
  'cannot',
  "wasn't",
  "weren't",
  "wouldn't",
  "shouldn't",
]);
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu;
const CJK_RUN = /[\u4e00-\u9fff]+/gu;

/** Features of `text[from, to)` of the message's reading text. */
export function featuresOf(message: ReadMessage, from = 0, to = message.read.text.length): PlacedFeature[] {
  const text = message.read.text.slice(from, to);
  const features: PlacedFeature[] = [];
  const add = (key: string, start: number, end: number) =>
    features.push({ key, start: from + start, end: from + end });

  // `exec` loops find what `matchAll` would (none of these patterns matches empty) without copying the pattern.
  CJK_RUN.lastIndex = 0;
  for (let run = CJK_RUN.exec(text); run; run = CJK_RUN.exec(text)) {
    const chars = run[0];
    const at = run.index;
    const base = from + at;
    for (let i = 0; i < chars.length; i++) {
      features.push({ key: `c1:${chars[i]}`, start: base + i, end: base + i + 1 });
      if (i + 1 < chars.length)
        features.push({ key: `c2:${chars.slice(i, i + 2)}`, start: base + i, end: base + i + 2 });
      if (i + 2 < chars.length)
        features.push({ key: `c3:${chars.slice(i, i + 3)}`, start: base + i, end: base + i + 3 });
    }
  }
  const zhClasses = chineseClasses();
  zhClasses.lastIndex = 0;
  for (let match = zhClasses.exec(text); match; match = zhClasses.exec(text)) {
    // The first named group that took part (in the pattern's order, as `Object.entries` would list them).
    const groups = match.groups;
    const key = groups ? ZH_CLASS_KEYS.find((name) => groups[name] !== undefined) : undefined;
    if (key) add(`Z:${key}`, match.index, match.index + match[0].length);
    // As `matchAll` does after an empty match (a class without words): step over one code point.
    if (match[0] === '') zhClasses.lastIndex += (text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1;
  }

  let negatedUntil = -1;
  const words = [...text.matchAll(WORD)].map((match) => ({
    word: match[0],
    start: match.index!,
    end: match.index! + match[0].length,
  }));
  let previous: { word: string; cls: string; start: number } | undefined;
  for (const [index, { word, start, end }] of words.entries()) {
    if (/[\u4e00-\u9fff]/u.test(word)) {
      previous = undefined;
      continue;
    }
    const between = previous ? text.slice(previous.start, start) : '';
    if (/[.!?;,:]/u.test(between)) negatedUntil = -1;
    const isNegated = negatedUntil >= index;
    const shown = isNegated ? `not~${word}` : word;
    const cls = wordClass(word);
    add(`w:${shown}`, start, end);
    const classToken = cls ? `<${cls}>` : shown;
    if (cls) add(`k:${isNegated ? 'not~' : ''}${classToken}`, start, end);
    if (previous && !/[.!?;]/u.test(between)) {
      add(`b:${previous.word} ${shown}`, previous.start, end);
      if (cls || previous.cls !== previous.word) add(`kb:${previous.cls} ${classToken}`, previous.start, end);
    }
    if (NEGATORS.has(word) || word.endsWith("n't")) negatedUntil = index + 3;
    previous = { word: shown, cls: classToken, start };
  }
  return features;
}

/** FNV-1a, 32 bits: the feature's bucket. */
export function featureHash(key: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % buckets;
}
