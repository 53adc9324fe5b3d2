import { readArtifact } from '../../../../models/artifacts';
import { allMatches } from '../../text/matches';
import { negated } from '../understanding/negation';
import type { PlacedFeature } from './abuse-features';
import type { ReadMessage } from './detect';

/**
 * Concepts of collection misconduct, in English and Chinese: who (a third party, the customer's family or
 * property, a group of people), what (telling, publishing, harming, watching, guaranteeing, erasing, suing…)
 * and about what (the debt, the credit record). The category classifier reads a sentence as the concepts it
 * holds and the pairs of them ("a third party" × "told" × "the debt"), each marked when a negation or a
 * reassurance covers it, so "we've been in touch with your sister" and "your HR department has our file"
 * share what they mean, whatever the words, and "nobody at your office will hear from us" does not.
 */
/** Bump with the table. */
export const CONCEPTS_VERSION = '2026.12.2';

/** Each concept's words (a regex alternation) by language. */
interface ConceptTable {
  readonly en: Readonly<Record<string, string>>;
  readonly zh: Readonly<Record<string, string>>;
}

let table: ConceptTable | undefined;

/** The concepts, `gate-concepts.json` beside this file: read on first use, not bundled (cold start, issue #14). */
const concepts = (): ConceptTable =>
  (table ??= readArtifact(import.meta.dirname, 'gate-concepts.json') as ConceptTable);

let compiledEn: RegExp | undefined;
/** Chinese: plain words by their first character (longest first), and a small pattern for the rest. */
let chineseWords: Map<string, Array<[string, string]>> | undefined;
let chinesePattern: RegExp | undefined;

function englishPattern(): RegExp {
  // The reading text is lower case already. Sticky: tried only where a word starts (see `matchesOf`).
  compiledEn ??= new RegExp(
    `(?:${Object.entries(concepts().en)
      .map(([name, body]) => `(?<${name}>${body})`)
      .join('|')})(?![\\p{L}\\p{N}])`,
    'uy',
  );
  return compiledEn;
}

function chinese(): { words: Map<string, Array<[string, string]>>; pattern: RegExp } {
  if (!chineseWords || !chinesePattern) {
    chineseWords = new Map();
    const special: string[] = [];
    for (const [name, body] of Object.entries(concepts().zh)) {
      const plain: string[] = [];
      const rest: string[] = [];
      // Top-level alternatives; one with regex syntax (a group, a look-ahead) goes to the pattern.
      let depth = 0;
      let current = '';
      for (const char of body) {
        if (char === '(') depth++;
        if (char === ')') depth--;
        if (char === '|' && depth === 0) {
          (/[()[\]?.*+{}]/u.test(current) ? rest : plain).push(current);
          current = '';
        } else current += char;
      }
      (/[()[\]?.*+{}]/u.test(current) ? rest : plain).push(current);
      for (const word of plain) {
        const list = chineseWords.get(word[0]!) ?? [];
        list.push([word, name]);
        chineseWords.set(word[0]!, list);
      }
      if (rest.length > 0) special.push(`(?<${name}>${rest.join('|')})`);
    }
    for (const list of chineseWords.values()) list.sort((a, b) => b[0].length - a[0].length);
    chinesePattern = new RegExp(special.join('|'), 'gu');
  }
  return { words: chineseWords, pattern: chinesePattern };
}

interface Match {
  readonly concept: string;
  readonly index: number;
  readonly length: number;
}

const conceptOf = (match: RegExpExecArray) =>
  Object.entries(match.groups ?? {}).find(([, value]) => value !== undefined)?.[0];

const WORD_START = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu;

/** Every concept match, not overlapping: English at word starts (sticky), Chinese at every character. */
function matchesOf(sentence: string, language: 'en' | 'zh'): Match[] {
  const found: Match[] = [];
  if (language === 'en') {
    const regex = englishPattern();
    let after = 0;
    for (const word of allMatches(WORD_START, sentence)) {
      if (word.index! < after) continue;
      regex.lastIndex = word.index!;
      const match = regex.exec(sentence);
      const concept = match && conceptOf(match);
      if (!match || !concept) continue;
      found.push({ concept, index: word.index!, length: match[0].length });
      after = word.index! + Math.max(1, match[0].length);
    }
    return found;
  }
  const { words, pattern } = chinese();
  const special = new Map<number, Match>();
  for (const match of allMatches(pattern, sentence)) {
    const concept = conceptOf(match);
    if (concept) special.set(match.index!, { concept, index: match.index!, length: match[0].length });
  }
  for (let at = 0; at < sentence.length; ) {
    let best = special.get(at);
    for (const [word, concept] of words.get(sentence[at]!) ?? []) {
      if (best && best.length >= word.length) break;
      if (sentence.startsWith(word, at)) {
        best = { concept, index: at, length: word.length };
        break;
      }
    }
    if (best && best.length > 0) {
      found.push(best);
      at += best.length;
    } else at++;
  }
  return found;
}

/** Whether a clause could hold a negation at all (a cheap test before the full reading of its scope). */
const NEGATION_CUE =
  /n't|\b(?:not|no|never|nobody|none|nothing|neither|nor|without|cannot|hardly|instead|rather|free|zero|off|out of|waiv|remov|drop|cancel|refund|revers|exempt|fee-free|no-fee|no-one)|[不没无别勿未莫禁严杜免]|退回|退还|返还|更正|已退/u;

/** The customer's own circumstance inside a clause: "call 911 if you are in danger", 如果您遇到困难. */
const CUSTOMER_CONDITION =
  /(?:\b(?:if|in case|whenever|when|should) you(?:'re|'ve)?\b(?![^,;]*\b(?:we|us|our)\b)[^,;]*$)|(?:如果|万一|若|如)(?:您|你)[^，；我]*$/u;

/** A concept found in a sentence: its name, whether negation or reassurance covers it, and where. */
export interface ConceptHit {
  readonly concept: string;
  readonly negated: boolean;
  readonly start: number;
  readonly end: number;
}

/** The concepts of `[from, to)` of the message's reading text, in order. */
export function conceptsOf(message: ReadMessage, from: number, to: number): ConceptHit[] {
  const text = message.read.text;
  const sentence = text.slice(from, to);
  const hits: ConceptHit[] = [];
  for (const language of ['en', 'zh'] as const) {
    if (language === 'zh' && !/[\u4e00-\u9fff]/u.test(sentence)) continue;
    if (language === 'en' && !/[a-z]{2}/u.test(sentence)) continue;
    for (const match of matchesOf(sentence, language)) {
      const { concept } = match;
      const start = from + match.index;
      const end = start + match.length;
      const clause = message.clauses.find((candidate) => candidate.start <= start && start < candidate.end);
      const covered = clause
        ? (clause.condition && clause.actor !== 'us') ||
          CUSTOMER_CONDITION.test(text.slice(clause.scopeStart, start)) ||
          (clause.rights && clause.actor !== 'us') ||
          (NEGATION_CUE.test(text.slice(clause.scopeStart, clause.end)) &&
            negated(text, clause.scopeStart, start, end, clause.end))
        : false;
      hits.push({ concept, negated: covered, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * Features of the concepts: each concept (`K:party`, `K:party~no` when negated), each pair of different
 * concepts in the sentence (`KP:party+tell`, negated when either is). Pairs carry the meaning lists of
 * phrases miss: any disclosure verb × any third party, any harm × the customer's family or property.
 */
export function conceptFeatures(message: ReadMessage, from: number, to: number): PlacedFeature[] {
  const hits = conceptsOf(message, from, to);
  const features: PlacedFeature[] = [];
  const firstOf = new Map<string, ConceptHit>();
  for (const hit of hits) {
    features.push({ key: `K:${hit.concept}${hit.negated ? '~no' : ''}`, start: hit.start, end: hit.end });
    const seen = firstOf.get(hit.concept);
    // A concept said plainly anywhere in the sentence counts as plain.
    if (!seen || (seen.negated && !hit.negated)) firstOf.set(hit.concept, hit);
  }
  const distinct = [...firstOf.values()].sort((a, b) => (a.concept < b.concept ? -1 : 1));
  for (let i = 0; i < distinct.length; i++)
    for (let j = i + 1; j < distinct.length; j++) {
      const a = distinct[i]!;
      const b = distinct[j]!;
      const no = a.negated || b.negated ? '~no' : '';
      features.push({
        key: `KP:${a.concept}+${b.concept}${no}`,
        start: Math.min(a.start, b.start),
        end: Math.max(a.end, b.end),
      });
    }
  return features;
}
