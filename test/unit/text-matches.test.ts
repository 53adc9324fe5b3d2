import { describe, expect, it } from 'vitest';
import { allMatches } from '../../lambdas/domain/text/matches';

/** What `matchAll` reports, to compare with: offsets and matched text. */
const viaMatchAll = (pattern: RegExp, text: string) =>
  [...text.matchAll(pattern)].map((match) => [match.index, match[0], ...match.slice(1)]);
const viaAllMatches = (pattern: RegExp, text: string) =>
  allMatches(pattern, text).map((match) => [match.index, match[0], ...match.slice(1)]);

describe('allMatches finds what matchAll finds, on the pattern itself', () => {
  const cases: Array<[string, RegExp, string]> = [
    ['words', /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu, "we won't call your boss, 不会联系 your employer"],
    ['groups', /(?<who>boss|employer)|(?<cn>雇主|老板)/giu, 'Your BOSS and 老板 and employer'],
    ['empty matches step over one code point', /x*/gu, 'axx😀xb'],
    ['empty matches without the unicode flag step one code unit', /x*/g, 'axxb'],
    ['no match', /zzz/gu, 'nothing here'],
    ['empty text', /a/gu, ''],
  ];
  for (const [name, pattern, text] of cases)
    it(name, () => expect(viaAllMatches(pattern, text)).toEqual(viaMatchAll(pattern, text)));

  it('leaves the pattern ready for the next caller (lastIndex 0), even when called with it mid-way', () => {
    const pattern = /a/gu;
    pattern.lastIndex = 3;
    expect(allMatches(pattern, 'banana').map((match) => match.index)).toEqual([1, 3, 5]);
    expect(pattern.lastIndex).toBe(0);
  });

  it('a surrogate pair after an empty match is stepped over whole', () => {
    expect(allMatches(/(?:)/gu, '😀a').map((match) => match.index)).toEqual([0, 2, 3]);
  });
});
