/**
 * Evasion-normalised customer text: what every reader (slots, concepts, the classifier, the injection check)
 * sees. Folds the tricks that make two identical asks look different to a pattern: full-width forms and
 * compatibility characters (NFKC), zero-width and soft-hyphen characters, Cyrillic and Greek look-alikes,
 * curly quotes, letter case, traditional Chinese characters, and runs of whitespace.
 */
import { TRADITIONAL_TO_SIMPLIFIED } from './traditional-chinese';

const INVISIBLE =
  /[\u00AD\u061C\u115F\u1160\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF]|\u034F|\u17B4|\u17B5|[\u180B-\u180F]|[\uFE00-\uFE0F]/gu;
/** Latin look-alikes from other scripts, as used to slip "ignore" past a word list. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  ո: 'n',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  τ: 't',
  ι: 'i',
  κ: 'k',
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'gu');
const HAN = /[\u3400-\u9FFF]/u;

/** The text every reader works on. Never throws; any string (empty, 2,000 characters, emoji only) is fine. */
export function normaliseText(text: string): string {
  let out = text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
  out = out.replace(LOOKALIKE, (ch) => LOOKALIKES[ch] ?? ch);
  out = out.replace(/[\u2018\u2019\u201B\u02BC\u0060\u00B4]/gu, "'").replace(/[\u201C\u201D]/gu, '"');
  if (HAN.test(out)) out = toSimplified(out);
  return out.replace(/\s+/gu, ' ').trim();
}

function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += TRADITIONAL_TO_SIMPLIFIED.get(ch) ?? ch;
  return out.replaceAll('甚么', '什么');
}
