import { TRADITIONAL_TO_SIMPLIFIED } from './traditional-chars';

/**
 * The text the gate reads, with a map back to the original: every character of `text` knows the index of the
 * original character it came from, so a finding's span is always a span of what the writer wrote.
 *
 * Reading view: NFKC (full-width letters and digits, ligatures, circled letters), lower case, zero-width and
 * bidirectional marks and soft hyphens removed, control characters and lone surrogates as spaces, Cyrillic and
 * Greek look-alikes as Latin letters, curly quotes straight, traditional Chinese characters simplified.
 */
export interface ReadText {
  readonly original: string;
  readonly text: string;
  /** `origin[i]` is the index in `original` of `text[i]`; one extra entry maps the end. */
  readonly origin: readonly number[];
}

// Soft hyphen, Arabic letter mark, Hangul fillers, Khmer vowels, Mongolian separators, zero-width and
// bidirectional marks, word joiners, variation selectors, the byte-order mark (as code points, not a class:
// some are combining characters).
const INVISIBLE = new Set([
  0xad,
  0x61c,
  0x115f,
  0x1160,
  0x17b4,
  0x17b5,
  0x180b,
  0x180c,
  0x180d,
  0x180e,
  0x3164,
  0xfeff,
  ...range(0x200b, 0x200f),
  ...range(0x202a, 0x202e),
  ...range(0x2060, 0x206f),
  ...range(0xfe00, 0xfe0f),
]);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** Latin look-alikes from Cyrillic and Greek, the usual homoglyph swaps. */
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  з: '3',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  ʏ: 'y',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  // Dotless and small-capital i, Latin alpha, Armenian and Cyrillic letters that pass for Latin ones.
  ı: 'i',
  ɩ: 'i',
  ɪ: 'i',
  ɑ: 'a',
  ӏ: 'l',
  ԝ: 'w',
  ո: 'n',
  ս: 'u',
  '\u2018': "'",
  '\u2019': "'",
  '\u02BC': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u00AB': '"',
  '\u00BB': '"',
};

let simplified: Map<string, string> | undefined;
/** The simplified form of each character U+4E00–U+9FFF, by `code - 0x4e00`: one index, no map probe. */
let simplifiedCjk: string[] | undefined;

function simplifiedOf(char: string): string {
  if (!simplified) {
    simplified = new Map();
    const table = TRADITIONAL_TO_SIMPLIFIED;
    for (let index = 0; index + 1 < table.length; index += 2)
      simplified.set(table[index]!, table[index + 1]!);
  }
  return simplified.get(char) ?? char;
}

function simplifiedCjkOf(code: number): string {
  if (!simplifiedCjk) {
    simplifiedCjk = [];
    for (let cjk = 0x4e00; cjk <= 0x9fff; cjk++) simplifiedCjk.push(simplifiedOf(String.fromCharCode(cjk)));
  }
  return simplifiedCjk[code - 0x4e00]!;
}

/** What each other character reads as (NFKC, lower case, homoglyphs, simplified): worked out once per character. */
const foldedChars = new Map<string, string>();

function foldedChar(char: string): string {
  let out = foldedChars.get(char);
  if (out === undefined) {
    const folded = char.normalize('NFKC').toLowerCase();
    out = '';
    for (const part of folded) {
      const mapped = HOMOGLYPHS[part] ?? part;
      out += mapped.length === 1 && mapped >= '\u4e00' && mapped <= '\u9fff' ? simplifiedOf(mapped) : mapped;
    }
    // Bounded: a message of rare characters cannot grow the cache without end.
    if (foldedChars.size < 20_000) foldedChars.set(char, out);
  }
  return out;
}

export function readText(original: string): ReadText {
  let text = '';
  const origin: number[] = [];
  let index = 0;
  while (index < original.length) {
    const code = original.charCodeAt(index);
    // Lone surrogates and control characters read as a space; a pair is one code point.
    let char: string;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = original.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        char = original.slice(index, index + 2);
        width = 2;
      } else char = ' ';
    } else if (code >= 0xdc00 && code <= 0xdfff) char = ' ';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) char = code === 0x0a ? '\n' : ' ';
    else char = original[index]!;

    // A space between two Chinese characters is evasion ("老 赖", "废 物"): Chinese has no spaces.
    if (
      (code === 0x20 || code === 0x3000) &&
      isCjk(text.charCodeAt(text.length - 1)) &&
      isCjk(nextCode(original, index))
    ) {
      index += 1;
      continue;
    }
    let out: string;
    if (code < 0x80) out = code >= 0x41 && code <= 0x5a ? char.toLowerCase() : char;
    else if (code >= 0x4e00 && code <= 0x9fff) out = simplifiedCjkOf(code);
    else if (INVISIBLE.has(code)) out = '';
    else out = foldedChar(char);
    for (let k = 0; k < out.length; k++) origin.push(index);
    text += out;
    index += width;
  }
  origin.push(original.length);
  return { original, text, origin };
}

function isCjk(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

function nextCode(text: string, index: number): number {
  let next = index + 1;
  while (next < text.length && (text.charCodeAt(next) === 0x20 || text.charCodeAt(next) === 0x3000)) next++;
  return text.charCodeAt(next);
}

/** The original span of `text[start, end)`. */
export function originalSpan(read: ReadText, start: number, end: number): { start: number; end: number } {
  const from = read.origin[Math.max(0, Math.min(start, read.origin.length - 1))]!;
  const lastChar = Math.max(start, end - 1);
  const to =
    end <= start
      ? from
      : (() => {
          const at = read.origin[Math.min(lastChar, read.origin.length - 2)] ?? from;
          // Include the whole original code point (a surrogate pair maps to its first unit).
          const code = read.original.charCodeAt(at);
          return at + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
        })();
  return { start: from, end: Math.max(from, to) };
}
