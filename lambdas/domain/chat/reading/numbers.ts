/**
 * Numbers as customers write them: digits with separators (`2,400`, `1.2k`, `1.2万`, `4千5`), English words
 * (`one fifty`, `fifteen hundred`, `two grand`, `sixty`), and Chinese numerals with the colloquial dropped unit
 * (`八百`, `两千五` = 2500, `一万三` = 13000). Every reader returns the value and where it was written.
 */

export interface NumberMention {
  readonly value: number;
  readonly start: number;
  readonly end: number;
  /** Written in words (`sixty`, `八百`) rather than digits. */
  readonly words: boolean;
}

const ZH_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  俩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const ZH_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 10_000, 亿: 100_000_000 };
const ZH_CHAR = '[零〇一二两俩三四五六七八九十百千万亿]';

/**
 * A Chinese (or digit-and-unit) numeral: `八百`, `两千五`, `一万三千`, `4千5`, `1.2万`, `十五`. Undefined when the
 * text is not a well-formed numeral.
 */
export function parseChineseNumber(raw: string): number | undefined {
  const text = raw.replace(/[,，\s]/gu, '');
  if (text === '') return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 0;
  let i = 0;
  while (i < text.length) {
    const decimal = /^\d+(?:\.\d+)?/u.exec(text.slice(i));
    if (decimal) {
      digit = Number(decimal[0]);
      i += decimal[0].length;
      continue;
    }
    const ch = text[i]!;
    i++;
    if (ch in ZH_DIGITS) {
      digit = ZH_DIGITS[ch];
      continue;
    }
    const unit = ZH_UNITS[ch];
    if (unit === undefined) return undefined;
    if (unit >= 10_000) {
      section += digit ?? 0;
      total += (section === 0 ? 1 : section) * unit;
      section = 0;
      lastUnit = unit;
    } else {
      section += (digit ?? (unit === 10 ? 1 : 0)) * unit;
      lastUnit = unit;
    }
    digit = undefined;
  }
  if (digit !== undefined) {
    // 两千五 = 2500, 一万三 = 13000, 三百五 = 350: a trailing digit counts in the next unit down.
    const trailing = raw.length > 1 && lastUnit > 10 && Number.isInteger(digit) && digit < 10;
    section += trailing ? (digit * lastUnit) / 10 : digit;
  }
  const value = total + section;
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : undefined;
}

const ZH_NUMERAL = new RegExp(`(?:\\d+(?:\\.\\d+)?|${ZH_CHAR})(?:[\\d.]|${ZH_CHAR})*`, 'gu');

/** English number words below twenty (`a`/`an` as one). */
export const ENGLISH_NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const EN_TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const EN_SCALES: Readonly<Record<string, number>> = { hundred: 100, grand: 1000, thousand: 1000, k: 1000 };
const EN_WORD = new RegExp(
  `\\b(?:${[
    ...Object.keys(ENGLISH_NUMBER_WORDS),
    ...Object.keys(EN_TENS),
    'hundred',
    'thousand',
    'grand',
    'and',
  ]
    .sort((x, y) => y.length - x.length)
    .join('|')})\\b`,
  'gu',
);

/** `one fifty` = 150, `two hundred and fifty` = 250, `fifteen hundred` = 1500, `a grand` = 1000, `sixty` = 60. */
function parseEnglishWords(words: readonly string[]): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  const groups: number[] = [];
  for (const word of words) {
    if (word === 'and') continue;
    const scale = EN_SCALES[word];
    if (scale !== undefined) {
      current = (current === 0 ? 1 : current) * scale;
      if (scale >= 1000) {
        total += current;
        current = 0;
      }
      seen = true;
      continue;
    }
    const value = ENGLISH_NUMBER_WORDS[word] ?? EN_TENS[word];
    if (value === undefined) return undefined;
    // "one fifty": a small number then a tens word, with no scale between, is hundreds and tens.
    if (current > 0 && current < 10 && value >= 10 && EN_TENS[word] !== undefined && groups.length === 0) {
      groups.push(current);
      current = value;
      continue;
    }
    if (current % 10 === 0 && current % 100 !== 0 && value < 10) current += value;
    else if (current === 0 || current % 100 === 0 || current >= 1000) current += value;
    else return undefined;
    seen = true;
  }
  if (!seen && groups.length === 0) return undefined;
  if (groups.length > 0) return groups[0]! * 100 + current + total;
  return total + current;
}

const DIGITS =
  /(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(\s?[kK](?![a-z]))?(\s*[万千])?(\s+(?:hundred|thousand|grand)\b)?/gu;

/** Every number in the (normalised) text, in order, digits, English words and Chinese numerals alike. */
export function findNumbers(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  const taken = new Uint8Array(text.length + 1);
  const take = (mention: NumberMention) => {
    for (let i = mention.start; i < mention.end; i++) if (taken[i]) return;
    for (let i = mention.start; i < mention.end; i++) taken[i] = 1;
    found.push(mention);
  };
  if (/[一二两三四五六七八九十百千万亿]/u.test(text)) {
    for (const match of text.matchAll(ZH_NUMERAL)) {
      const raw = match[0].replace(/\.$/u, '');
      if (/^\d+(?:\.\d+)?$/u.test(raw)) continue;
      // A lone 一 or 十 is usually a word (一下, 一直), not an amount.
      if (
        /^[一二两三四五六七八九十]$/u.test(raw) &&
        !/^[万千百]/u.test(text.slice(match.index + raw.length))
      ) {
        if (!/^[块元号日月期个]/u.test(text.slice(match.index + raw.length))) continue;
      }
      const value = parseChineseNumber(raw);
      if (value !== undefined)
        take({ value, start: match.index, end: match.index + raw.length, words: true });
    }
  }
  for (const match of text.matchAll(DIGITS)) {
    const [, whole, fraction, k, zhUnit, scale] = match;
    let value = Number(`${whole!.replaceAll(',', '')}${fraction ? `.${fraction}` : ''}`);
    if (k) value *= 1000;
    if (zhUnit?.trim() === '万') value *= 10_000;
    if (zhUnit?.trim() === '千') value *= 1000;
    if (scale !== undefined) value *= scale.trim() === 'hundred' ? 100 : 1000;
    take({
      value: Math.round(value * 100) / 100,
      start: match.index,
      end: match.index + match[0].length,
      words: false,
    });
  }
  if (/[a-z]/u.test(text)) {
    let run: { words: string[]; ends: number[]; start: number; end: number } | undefined;
    const flush = () => {
      if (!run) return;
      // "sixty a month", "two hundred and": a trailing "a" or "and" belongs to the words after.
      while (run.words.length > 1 && ['and', 'a', 'an'].includes(run.words.at(-1)!)) {
        run.words.pop();
        run.ends.pop();
        run.end = run.ends.at(-1)!;
      }
      const words = run.words;
      const meaningful = words.filter((w) => w !== 'a' && w !== 'an' && w !== 'and');
      if (meaningful.length > 0 && !(words.length === 1 && (words[0] === 'a' || words[0] === 'an'))) {
        const value = parseEnglishWords(words);
        if (value !== undefined) take({ value, start: run.start, end: run.end, words: true });
      }
      run = undefined;
    };
    for (const match of text.matchAll(EN_WORD)) {
      const gap = run ? text.slice(run.end, match.index) : '';
      if (run && !/^[\s-]*$/u.test(gap)) flush();
      if (!run) {
        if (match[0] === 'and') continue;
        run = { words: [], ends: [], start: match.index, end: match.index };
      }
      run.words.push(match[0]);
      run.end = match.index + match[0].length;
      run.ends.push(run.end);
    }
    flush();
  }
  return found.sort((x, y) => x.start - y.start);
}
