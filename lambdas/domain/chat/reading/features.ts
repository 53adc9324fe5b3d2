/**
 * The classifier's view of a message: word uni- and bigrams and character trigrams for English (typos still
 * share most of their n-grams), character uni- and bigrams for Chinese (no word boundaries), concept
 * and negated-concept features (concepts.ts), which slots the message states, and its shape (length, only
 * digits, only emoji). Features are strings hashed to 32 bits (FNV-1a); the model stores only the hashes it
 * kept, so the vocabulary is never shipped.
 */
import { conceptsIn } from './concepts';

/** FNV-1a over UTF-16 code units: fast, stable, and the same in training and in the Lambda. */
export function hashFeature(feature: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    hash ^= feature.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const TOKEN = /[a-z]+(?:'[a-z]+)*|\d+(?:[.,]\d+)*|[\u3400-\u9fff]+/gu;
const HAN_RUN = /^[\u3400-\u9fff]/u;

/** Which slots a message states, as coarse facts (the values do not matter to the intent). */
export interface SlotFacts {
  readonly amount: boolean;
  readonly date: boolean;
  readonly monthly: boolean;
  readonly budget: boolean;
  readonly channels: boolean;
  readonly option: boolean;
  readonly term: boolean;
}

export function featuresOf(text: string, facts: SlotFacts): string[] {
  const features: string[] = [];
  const tokens = text.match(TOKEN) ?? [];
  const words: string[] = [];
  let han = 0;
  for (const token of tokens) {
    if (HAN_RUN.test(token)) {
      han += token.length;
      words.push('<zh>');
      for (let i = 0; i < token.length; i++) {
        features.push(`h1:${token[i]}`);
        if (i + 1 < token.length) features.push(`h2:${token.slice(i, i + 2)}`);
      }
      continue;
    }
    if (/^\d/u.test(token)) {
      words.push('<num>');
      continue;
    }
    const word = token.replaceAll("'", '');
    words.push(word);
    if (word.length >= 3) {
      const padded = `<${word}>`;
      for (let i = 0; i + 3 <= padded.length; i++) features.push(`c3:${padded.slice(i, i + 3)}`);
    }
  }
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '<zh>') continue;
    features.push(`w:${words[i]}`);
    const next = words[i + 1];
    if (next !== undefined && next !== '<zh>') features.push(`b:${words[i]}_${next}`);
  }
  if (words.length > 0) {
    features.push(`first:${words[0]}`);
    if (words.length <= 3) features.push(`only:${words.join('_')}`);
  }
  for (const concept of conceptsIn(text)) features.push(`k:${concept}`);
  if (facts.amount) features.push('s:amount');
  if (facts.date) features.push('s:date');
  if (facts.amount && facts.date) features.push('s:amount+date');
  if (facts.monthly) features.push('s:monthly');
  if (facts.budget) features.push('s:budget');
  if (facts.channels) features.push('s:channels');
  if (facts.option) features.push('s:option');
  if (facts.term) features.push('s:term');
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  const size = han > 0 ? han / 2 : words.length;
  features.push(
    `len:${size === 0 ? 0 : size <= 1 ? 1 : size <= 3 ? 3 : size <= 8 ? 8 : size <= 20 ? 20 : 99}`,
  );
  if (letters === 0 && /\d/u.test(text)) features.push('shape:digits');
  if (letters === 0 && !/\d/u.test(text)) features.push('shape:noletters');
  if (han > 0 && /[a-z]{2,}/u.test(text)) features.push('shape:mixed');
  features.push('bias');
  return features;
}
