import { allMatches } from '../../text/matches';
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
let chineseWords: Map<string, { word: string; key: string }[]> | undefined;

function wordClass(word: string): string | undefined {
  if (!englishClasses) {
    englishClasses = new Map();
    for (const key of CLASS_KEYS)
      for (const entry of gateLexicon().classes[key] ?? [])
        if (/^[a-z'-]+$/u.test(entry) && !englishClasses.has(entry)) englishClasses.set(entry, key);
  }
  return englishClasses.get(word);
}

/**
 * The Chinese class words by their first character, each list in the order a regex alternation of the classes
 * would try them: class by class, longest word first. A lookup per character, not one large alternation run
 * over every message: V8 ran that alternation several times slower once the gate's code grew.
 */
function chineseClasses(): Map<string, readonly { word: string; key: string }[]> {
  if (!chineseWords) {
    chineseWords = new Map();
    for (const key of ZH_CLASS_KEYS) {
      const words = [...(gateLexicon().classes[key] ?? [])]
        .filter((word) => /^[\u4e00-\u9fff]+$/u.test(word))
        .sort((a, b) => b.length - a.length);
      for (const word of words) {
        const list = chineseWords.get(word[0]!) ?? [];
        list.push({ word, key });
        chineseWords.set(word[0]!, list);
      }
    }
  }
  return chineseWords;
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

  const zhClasses = chineseClasses();
  const classFeatures: PlacedFeature[] = [];
  for (const run of allMatches(CJK_RUN, text)) {
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
    // Class words, leftmost first and without overlap; they come after the n-grams, as they always have.
    for (let i = 0; i < chars.length; ) {
      const found = zhClasses.get(chars[i]!)?.find(({ word }) => chars.startsWith(word, i));
      if (!found) {
        i++;
        continue;
      }
      classFeatures.push({ key: `Z:${found.key}`, start: base + i, end: base + i + found.word.length });
      i += found.word.length;
    }
  }
  features.push(...classFeatures);

  let negatedUntil = -1;
  const words = allMatches(WORD, text).map((match) => ({
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
