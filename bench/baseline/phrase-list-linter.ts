/**
 * The forbidden-content check as it was before issue 12 (phrase lists over the whole text, with exception
 * phrases removed first), kept only as the benchmark's baseline: `npm run bench gate` measures the new gate
 * next to it in the same run. Not used by the product.
 */
import {
  ARREST_AND_CRIMINAL_THREATS,
  EXTRA_FEES,
  FALSE_URGENCY,
  IMPERSONATING_AUTHORITIES,
  INSULTS_AND_ABUSE,
  LAWSUIT_THREATS,
  NEW_BORROWING,
  type PhraseList,
  PUBLIC_SHAMING,
  THIRD_PARTY_CONTACT,
  THREATS_AND_VIOLENCE,
} from './phrase-lists';

const LISTS: readonly PhraseList[] = [
  THREATS_AND_VIOLENCE,
  ARREST_AND_CRIMINAL_THREATS,
  INSULTS_AND_ABUSE,
  PUBLIC_SHAMING,
  THIRD_PARTY_CONTACT,
  IMPERSONATING_AUTHORITIES,
  FALSE_URGENCY,
  LAWSUIT_THREATS,
  NEW_BORROWING,
  EXTRA_FEES,
];

const compiled = new Map<string, RegExp>();
function pattern(source: string, language: 'en' | 'zh'): RegExp {
  const key = `${language}:${source}`;
  let found = compiled.get(key);
  if (!found) {
    const body =
      language === 'en'
        ? `(?<![\\p{L}\\p{N}_])(?:${source.replaceAll(' ', '\\s+')})(?![\\p{L}\\p{N}_])`
        : source;
    found = new RegExp(body, 'giu');
    compiled.set(key, found);
  }
  return found;
}

/** The names of the lists that match: what the old linter reported as forbidden content. */
export function baselineForbiddenContent(text: string): string[] {
  const normalised = text.normalize('NFKC').replace(/[\u2018\u2019\u02BC]/g, "'");
  const found: string[] = [];
  for (const list of LISTS) {
    let checked = normalised;
    for (const source of list.exceptions?.en ?? []) checked = checked.replace(pattern(source, 'en'), ' ');
    for (const source of list.exceptions?.zh ?? []) checked = checked.replace(pattern(source, 'zh'), ' ');
    const hit =
      list.en.some((source) => pattern(source, 'en').test(checked)) ||
      list.zh.some((source) => pattern(source, 'zh').test(checked));
    for (const source of [...list.en, ...list.zh])
      pattern(source, /[\u4e00-\u9fff]/u.test(source) ? 'zh' : 'en').lastIndex = 0;
    if (hit) found.push(list.name);
  }
  return found;
}
