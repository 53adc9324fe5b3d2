import { allMatches } from '../../text/matches';
import { gateLexicon } from '../content/lexicon';
import type { ReadText } from './normalise';
import { ORDINARY_WORDS } from './ordinary-words';

/**
 * Undoes the usual ways of writing a listed word so a filter misses it: leetspeak and symbols ("l0ser",
 * "$hit", "b!tch"), masking ("st*pid", "f**k"), spacing ("s t u p i d", "wom en"), stretching ("stuuupid"),
 * glued words ("hatewomen") and one swapped or dropped letter ("stpuid", "womn", "disgustng", "klil"). Only words of the gate's
 * own lexicon are restored, so ordinary text is left exactly as it was: an English word as written is never
 * read as another ("back" is not "black", "therapists" not "the rapists"), see `ordinary-words.ts`.
 */

/** English words the fold leaves alone; emptied only by `withoutOrdinaryGuard` (the list's generator). */
let ordinary: ReadonlySet<string> = ORDINARY_WORDS;

/** Runs `f` with the guard off: what the fold would do to every word, for `scripts/ordinary-words.ts`. */
export function withoutOrdinaryGuard<T>(f: () => T): T {
  const kept = ordinary;
  ordinary = new Set();
  try {
    return f();
  } finally {
    ordinary = kept;
  }
}

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '+': 't',
  '€': 'e',
};
const MASK = /[*#%_?]/u;

let lexiconWords: Set<string> | undefined;
let variants: Map<string, string> | undefined;
let byLength: Map<number, string[]> | undefined;

function lexicon(): Set<string> {
  if (!lexiconWords) {
    lexiconWords = new Set();
    for (const key of [
      'insult',
      'adj',
      'adjStandalone',
      'strong',
      'profanity',
      'slur',
      'identity',
      'identityOne',
      'negattr',
    ])
      for (const word of gateLexicon().classes[key] ?? [])
        if (/^[a-z-]+$/u.test(word)) lexiconWords.add(word);
    for (const word of gateLexicon().domainWords) lexiconWords.add(word);
    const typoTargets = new Set([
      ...['insult', 'adj', 'adjStandalone', 'strong', 'slur', 'identity', 'identityOne', 'negattr'].flatMap(
        (key) => gateLexicon().classes[key] ?? [],
      ),
      ...THREAT_WORDS,
    ]);
    variants = new Map();
    byLength = new Map();
    for (const word of lexiconWords) {
      const list = byLength.get(word.length) ?? [];
      list.push(word);
      byLength.set(word.length, list);
      // One dropped or swapped letter is undone only for longer insults, slurs and group names: profanity
      // is short and one letter from ordinary words ("shite"/"site").
      if (word.length < (THREAT_WORDS.has(word) ? 4 : 5) || !typoTargets.has(word)) continue;
      // Deletions and swaps of adjacent letters after the first: the first letter stays.
      for (let i = 1; i < word.length; i++) {
        // Dropping a plural "s" gives a real word ("illegals" → "illegal"): not an evasion.
        const deleted =
          i === word.length - 1 && word.endsWith('s') ? word : word.slice(0, i) + word.slice(i + 1);
        if (!lexiconWords.has(deleted) && !COMMON.has(deleted)) variants.set(deleted, word);
        if (i < word.length - 1) {
          const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
          if (swapped !== word && !lexiconWords.has(swapped) && !COMMON.has(swapped))
            variants.set(swapped, word);
        }
      }
    }
  }
  return lexiconWords;
}

/** Words of violence a threat is written around ("I'll klil you", "k1ll"): listed as domain words. */
const THREAT_WORDS = new Set(['kill', 'murder', 'shoot', 'stab', 'strangle', 'bleed']);

/** Real words one edit away from a listed word: never "restored" ("moon" is not "moron"). */
const COMMON = new Set(
  'moon|lose|fraud|sluts|cheats|rats|bums|tars|boner|dump|spam|spat|grass|leak|lech|lurch|morn|trial|trail|frauds|thieve|frau|creep|creek|whose|shoe|mans|dogs|pigs|bitter|pretty|pity|dirt|dint|duty|cont|coon|ruse|user|users|ideot|idiom|lion|loner|lower|moan|moron|stupor|stud|scam|scab|basted|baster|faggot|prick|price|trick|crook|brook|slot|slit|twit|trap|crap|spit|pits|wank|want|damp|dame|heel|hell|pass|paste|peso|posse|tits|tots|jerks|jeers|porch|coons|cones|clown|clone|liars|lairs|rials|lair|liar|lousy|losy|swine|swing|swim|shite|white|whit|spice|spics|dyke|dike|homo|home|retard|regard|reward|midget|budget|widget|woman|women|asian|arian|canal'.split(
    '|',
  ),
);

/** The listed word a token stands for, or undefined. */
export function restoredWord(token: string): string | undefined {
  const words = lexicon();
  if (words.has(token) || ordinary.has(token)) return undefined;
  const candidates = new Set<string>();
  const hasLeet = /[0-9@$!|+€]/u.test(token) && /[a-z]/u.test(token);
  const stretched = /([a-z])\1\1/u.test(token);
  for (const one of ['i', 'l']) {
    let form = token;
    if (hasLeet) form = [...form].map((char) => (char === '1' ? one : (LEET[char] ?? char))).join('');
    candidates.add(form);
    if (stretched || hasLeet) {
      candidates.add(form.replace(/([a-z])\1+/gu, '$1$1'));
      candidates.add(form.replace(/([a-z])\1+/gu, '$1'));
    }
  }
  for (const candidate of candidates) {
    if (candidate !== token && words.has(candidate)) return candidate;
    if (MASK.test(candidate)) {
      const found = masked(candidate);
      if (found) return found;
    }
  }
  const variant = variants!.get(token);
  if (variant && token.length >= 4) return variant;
  for (const candidate of candidates) {
    // "b4ck" is "back" written in leetspeak, not a misspelt "black".
    if (ordinary.has(candidate)) continue;
    const restored = variants!.get(candidate);
    if (restored && candidate !== token) return restored;
  }
  return undefined;
}

/** Masks with one letter shown that every reader knows ("for f***'s sake"). */
const CONVENTIONAL_MASKS: Readonly<Record<string, string>> = { 'f***': 'fuck', 's***': 'shit' };

/** "st*pid", "f**k", "c#nt": masks stand for letters, same length; the visible letters must agree. */
function masked(form: string): string | undefined {
  const conventional = CONVENTIONAL_MASKS[form];
  if (conventional) return conventional;
  const visible = form.replace(/[^a-z]/gu, '');
  if (visible.length < 2 || visible.length === form.length) return undefined;
  for (const word of byLength!.get(form.length) ?? []) {
    let matches = true;
    for (let i = 0; i < form.length && matches; i++) {
      const char = form[i]!;
      if (!MASK.test(char) && char !== word[i]) matches = false;
    }
    if (matches && word[0] === form[0]) return word;
  }
  return undefined;
}

interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const TOKEN = /[$@]?[\p{L}\p{N}]+(?:[*@$!#%|+_'.-]+[\p{L}\p{N}]+)*[*#%]*/gu;
/** Letters written one at a time: "s t u p i d", "f.u.c.k", "i-d-i-o-t". */
const SPACED = /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}$@!*][ .\-_*]){2,}[\p{L}\p{N}$@!*](?![\p{L}\p{N}])/gu;

/** The reading view with evasive spellings of listed words restored; spans still map to the original. */
export function foldEvasion(read: ReadText): ReadText {
  const text = read.text;
  if (!/[a-z0-9]/u.test(text)) return read;
  const words = lexicon();
  const replacements: Replacement[] = [];
  const taken = (start: number, end: number) => replacements.some((r) => start < r.end && end > r.start);

  for (const match of allMatches(SPACED, text)) {
    // "such a f u c k i n g child": a lone "a" or "i" may lead or end the run without being part of it.
    const parts = match[0].split(/[ .\-_]/u);
    for (const [from, to] of [
      [0, parts.length],
      [1, parts.length],
      [0, parts.length - 1],
      [1, parts.length - 1],
    ] as const) {
      if (to - from < 3) continue;
      const joined = parts.slice(from, to).join('');
      const word = words.has(joined) ? joined : restoredWord(joined);
      if (!word) continue;
      const start = match.index! + parts.slice(0, from).join(' ').length + (from > 0 ? 1 : 0);
      const end = start + parts.slice(from, to).join(' ').length;
      replacements.push({ start, end, text: word });
      break;
    }
  }
  const tokens = allMatches(TOKEN, text).map((m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    text: m[0],
  }));
  for (const [index, token] of tokens.entries()) {
    if (taken(token.start, token.end) || !/[a-z]/u.test(token.text)) continue;
    const restored = restoredWord(token.text);
    if (restored) {
      replacements.push({ start: token.start, end: token.end, text: restored });
      continue;
    }
    // "for f***'s sake": the possessive is not part of the masked word.
    const possessive = /^(.+[*#%])'s$/u.exec(token.text);
    const owner = possessive ? restoredWord(possessive[1]!) : undefined;
    if (owner) {
      replacements.push({ start: token.start, end: token.end - 2, text: owner });
      continue;
    }
    // "wom en", "dis gusting": two pieces that together make a listed word (and are not words themselves).
    const next = tokens[index + 1];
    if (next && next.start - token.end === 1 && !words.has(token.text) && !words.has(next.text)) {
      const joined = token.text + next.text;
      if (joined.length >= 5 && words.has(joined) && !COMMON.has(token.text) && /^[a-z]+$/u.test(joined)) {
        replacements.push({ start: token.start, end: next.end, text: joined });
        continue;
      }
    }
    // "hatewomen", "youidiot": a listed word glued to a function word.
    if (
      token.text.length >= 7 &&
      /^[a-z]+$/u.test(token.text) &&
      !words.has(token.text) &&
      !ordinary.has(token.text)
    ) {
      const split = glued(token.text, words);
      if (split) replacements.push({ start: token.start, end: token.end, text: split });
    }
  }
  if (replacements.length === 0) return read;
  replacements.sort((a, b) => a.start - b.start);
  let folded = '';
  const origin: number[] = [];
  let at = 0;
  for (const replacement of replacements) {
    if (replacement.start < at) continue;
    folded += text.slice(at, replacement.start);
    origin.push(...read.origin.slice(at, replacement.start));
    // Every restored character maps into the original token, stretched evenly over it.
    const width = replacement.end - replacement.start;
    for (let k = 0; k < replacement.text.length; k++) {
      const last = replacement.text.length - 1;
      origin.push(read.origin[replacement.start + (last === 0 ? 0 : Math.round((k * (width - 1)) / last))]!);
    }
    folded += replacement.text;
    at = replacement.end;
  }
  folded += text.slice(at);
  origin.push(...read.origin.slice(at));
  return { original: read.original, text: folded, origin };
}

function glued(token: string, words: Set<string>): string | undefined {
  const glue = gateLexicon().glueWords;
  for (let cut = 1; cut < token.length - 2; cut++) {
    const head = token.slice(0, cut);
    const tail = token.slice(cut);
    if (glue.has(head) && (words.has(tail) || restoredWord(tail)))
      return `${head} ${words.has(tail) ? tail : restoredWord(tail)}`;
    if (glue.has(tail) && words.has(head) && head.length >= 4) return `${head} ${tail}`;
    if (words.has(head) && head.length >= 4 && words.has(tail) && tail.length >= 4) return `${head} ${tail}`;
  }
  return undefined;
}
