import { allMatches } from '../../text/matches';
import { gateLexicon } from './lexicon';

/**
 * The words a pattern can start with, read from its source: a pattern runs only on a message holding one of
 * them (as a word prefix in English, anywhere in Chinese). Most patterns are then never run on a message, which
 * is what makes the gate fast enough for every outbound message. `undefined` = the start cannot be read (an
 * optional group, a class): the pattern always runs.
 */
export function anchorsOf(source: string): string[] | undefined {
  const found = atoms(source.replace(/^@(?:act|say|claim) /u, ''), 0);
  if (!found || found.some((anchor) => anchor.length === 0 || anchor === '=')) return undefined;
  return [...new Set(found.map((anchor) => anchor.toLowerCase()))];
}

/** Where the group opening at `open` closes (index of its ')'). */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Top-level alternatives of a group body. */
function alternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      parts.push(body.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(body.slice(from));
  return parts;
}

/** Possible literal starts of `source` from `at`; undefined when one may be empty or is not literal. */
function atoms(source: string, at: number): string[] | undefined {
  let i = at;
  // Look-arounds and \b do not consume text.
  while (
    source.startsWith('(?<!', i) ||
    source.startsWith('(?<=', i) ||
    source.startsWith('(?=', i) ||
    source.startsWith('(?!', i) ||
    source.startsWith('\\b', i)
  ) {
    if (source.startsWith('\\b', i)) i += 2;
    else {
      const end = groupEnd(source, i);
      if (end < 0) return undefined;
      i = end + 1;
    }
  }
  if (i >= source.length) return undefined;
  if (source.startsWith('(?:', i) || (source[i] === '(' && source[i + 1] !== '?')) {
    const end = groupEnd(source, i);
    if (end < 0) return undefined;
    if (/^[?*]|^\{0/u.test(source.slice(end + 1))) return undefined;
    const body = source.slice(source[i + 1] === '?' ? i + 3 : i + 1, end);
    const lexicon = /^<(\w+)>$/u.exec(body);
    if (lexicon) return (gateLexicon().classes[lexicon[1]!] ?? []).map(firstLiteral);
    const result: string[] = [];
    for (const alternative of alternatives(body)) {
      const inner = atoms(alternative, 0);
      if (!inner) return undefined;
      result.push(...inner);
    }
    return result;
  }
  const lexicon = /^<(\w+)>/u.exec(source.slice(i));
  if (lexicon) return (gateLexicon().classes[lexicon[1]!] ?? []).map(firstLiteral);
  return [literalAnchor(source.slice(i))];
}

/**
 * The anchor of a source starting with a literal: `=word` when the word ends there (a space, the end of an
 * alternative or of the source follows), else the literal as a prefix ("contact\w*", "su(?:e|ed)").
 */
function literalAnchor(source: string): string {
  const literal = /^[\p{L}\p{N}'’-]+/u.exec(source)?.[0] ?? '';
  if (literal === '') return '';
  const next = source[literal.length];
  if (/^[\u4e00-\u9fff]/u.test(literal)) {
    // Two Chinese characters when the literal has them for sure (a quantifier after it makes the last optional):
    // far fewer places to try than one character ("你们…" is tried where "你们" is, not wherever "你" is).
    const sure = next === '?' || next === '*' || next === '{' ? literal.slice(0, -1) : literal;
    return /^[\u4e00-\u9fff]{2}/u.test(sure) ? sure.slice(0, 2) : literal.slice(0, 1);
  }
  // A quantifier on the last character makes it optional: the anchor stops before it.
  if (next === '?' || next === '*' || next === '{') return literal.slice(0, -1);
  const word = literal.split(/\s+/u)[0]!;
  const ends =
    next === undefined ||
    next === ' ' ||
    next === ')' ||
    next === '|' ||
    source.startsWith('\\s', literal.length) ||
    source.startsWith('(?!', literal.length);
  return ends && word === literal ? `=${word}` : word;
}

function firstLiteral(entry: string): string {
  return /^[a-z]+ /u.test(entry) ? `=${entry.split(' ')[0]}` : literalAnchor(entry);
}

/**
 * Where a message's words start, by every prefix of its Latin words and by each Chinese character and pair of
 * Chinese characters.
 */
export interface AnchorIndex {
  /** Sorted offsets where a word with this prefix (or this Chinese character) starts. */
  readonly positions: (anchor: string) => readonly number[] | undefined;
  /** Every key (word prefix or Chinese character) with its offsets. */
  readonly entries: () => IterableIterator<[string, number[]]>;
}

/** `wanted`, when given: only keys it holds are indexed (the anchors of some pattern); the rest are never asked for. */
export function anchorIndex(text: string, wanted?: WantedKeys): AnchorIndex {
  const at = new Map<string, number[]>();
  // Chinese keys by code (a character, or a pair as two 16-bit codes): most characters are no anchor, and
  // testing a number spares building a string for each of them.
  const codes = wanted ? chineseCodes(wanted) : undefined;
  for (const match of allMatches(WORD, text)) {
    const word = match[0];
    const start = match.index;
    for (let k = 0; k < word.length; k++) {
      const code = word.charCodeAt(k);
      if (code < 0x4e00 || code > 0x9fff) continue;
      const following = k + 1 < word.length ? word.charCodeAt(k + 1) : -1;
      const pair = following >= 0x4e00 && following <= 0x9fff;
      if (!codes || codes.has(code)) add(at, wanted, word[k]!, start + k);
      if (pair && (!codes || codes.has(code * 0x10000 + following)))
        add(at, wanted, word.slice(k, k + 2), start + k);
    }
    const first = word.charCodeAt(0);
    if (first >= 0x4e00 && first <= 0x9fff) continue;
    const latin = LEADING_NON_CJK.exec(word)![0];
    for (let length = 1; length <= latin.length; length++) add(at, wanted, latin.slice(0, length), start);
    add(at, wanted, `=${latin}`, start);
    // "you're", "can't": the word before the apostrophe is a word too.
    const head = HEAD_BEFORE_APOSTROPHE.exec(latin)?.[0];
    if (head) add(at, wanted, `=${head}`, start);
  }
  return {
    positions: (anchor) => at.get(anchor),
    entries: () => at.entries(),
  };
}

export interface WantedKeys {
  has(key: string): boolean;
  keys(): IterableIterator<string>;
}

const WORD = /[\p{L}\p{N}'’-]+/gu;
const LEADING_NON_CJK = /^[^\u4e00-\u9fff]+/u;
const HEAD_BEFORE_APOSTROPHE = /^[^'’]+(?=['’])/u;

function add(at: Map<string, number[]>, wanted: WantedKeys | undefined, key: string, index: number): void {
  if (wanted && !wanted.has(key)) return;
  const list = at.get(key);
  if (list) {
    if (list[list.length - 1] !== index) list.push(index);
  } else at.set(key, [index]);
}

const codesOf = new WeakMap<WantedKeys, Set<number>>();

/** The wanted keys of one or two Chinese characters, as codes. */
function chineseCodes(wanted: WantedKeys): Set<number> {
  let codes = codesOf.get(wanted);
  if (!codes) {
    codes = new Set();
    for (const key of wanted.keys()) {
      const a = key.charCodeAt(0);
      if (a < 0x4e00 || a > 0x9fff) continue;
      if (key.length === 1) codes.add(a);
      else if (key.length === 2) {
        const b = key.charCodeAt(1);
        if (b >= 0x4e00 && b <= 0x9fff) codes.add(a * 0x10000 + b);
      }
    }
    codesOf.set(wanted, codes);
  }
  return codes;
}
