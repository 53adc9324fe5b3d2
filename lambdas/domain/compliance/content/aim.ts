import { allMatches } from '../../text/matches';
import { originalSpan, type ReadText } from '../understanding/normalise';
import { gateLexicon } from './lexicon';

/**
 * What a sentence's harsh words are aimed at. A collection message may never demean a person, but "this
 * printer is useless", "the traffic was murder", a dyke holding back a river and "women are not stupid" demean
 * nobody: the word is aimed at a thing, has its harmless sense, or is denied. The reading view is lower-case.
 */

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu;
const CJK = /[\u4e00-\u9fff]/u;

let personWords: Set<string> | undefined;
let abusiveWords: Set<string> | undefined;
let positiveWords: Set<string> | undefined;

function classWords(keys: readonly string[], extra: readonly string[] = []): Set<string> {
  const set = new Set(extra);
  for (const key of keys)
    for (const entry of gateLexicon().classes[key] ?? []) if (/^[a-z'-]+$/u.test(entry)) set.add(entry);
  return set;
}

/** Words naming a person or a group of people, an insult standing for one included ("what a moron"). */
function isPersonWord(word: string): boolean {
  personWords ??= classWords(['person', 'identity', 'identityOne', 'insult', 'strong', 'slur']);
  return personWords.has(word) || personWords.has(word.replace(/'s$/u, ''));
}

/** Words that demean or threaten: what a denial must deny. */
function isAbusiveWord(word: string): boolean {
  abusiveWords ??= classWords(['adj', 'adjStandalone', 'negattr', 'insult', 'strong'], ABUSIVE_EXTRA);
  return abusiveWords.has(word);
}

/** Words whose negation is itself the insult: "gay people are not human", "you are never welcome". */
function isPositiveWord(word: string): boolean {
  positiveWords ??= classWords(['posattr'], POSITIVE_EXTRA);
  return positiveWords.has(word);
}

const ABUSIVE_EXTRA = [
  'hate',
  'hated',
  'hating',
  'despise',
  'loathe',
  'detest',
  'dislike',
  'threat',
  'threats',
  'danger',
  'menace',
  'burden',
  'disease',
  'plague',
  'cancer',
  'virus',
  'pests',
  'bad',
  'awful',
  'terrible',
  'horrible',
  'risk',
  'scammers',
  'liars',
  'lying',
  'freaks',
  'perverts',
  'animals',
  'threaten',
  'kill',
  'hurt',
  'harm',
  'attack',
  'discriminate',
  'mock',
  'judge',
  'blame',
];
const VIOLENCE = new Set(['threaten', 'kill', 'hurt', 'harm', 'attack']);
const POSITIVE_EXTRA = [
  'like',
  'likes',
  'loves',
  'trusts',
  'wants',
  'respects',
  'love',
  'trust',
  'want',
  'respect',
  'deserve',
  'deserves',
  'belong',
  'belongs',
  'matter',
  'matters',
  'count',
  'welcome',
  'hire',
  'serve',
  'accept',
  'value',
  'allowed',
  'fit',
  'able',
  'capable',
  'worth',
  'human',
  'humans',
  'people',
  'equal',
  'safe',
  'survive',
  'live',
];

/**
 * Whether the listed word in `text[start, end)` has its harmless sense here: the sentence `text[from, to)`
 * holds the words that show it ("the dyke along the river", "shoot you a quick email", "a bastard sword").
 */
export function harmlessSense(text: string, from: number, to: number, start: number, end: number): boolean {
  const words = text.slice(start, end);
  const sentence = text.slice(from, to);
  return gateLexicon().senses.some(({ word, cue }) => word.test(words) && cue.test(sentence));
}

const COPULA =
  /^(?:is|was|are|were|be|been|being|'s|looks?|looked|seems?|seemed|feels?|felt|sounds?|sounded|became|becomes|remains?|stays?)$/u;
const FILLER =
  /^(?:so|really|just|totally|absolutely|completely|utterly|honestly|literally|always|still|now|pretty|quite|very|too|such|a|an|bit|little|kind|sort|and|most|more|getting|becoming|being|truly|frankly|seriously|genuinely|officially|right|all|absolute|complete|total|utter|real|proper|actual|bit|downright|plain|simply|beyond|even|also|kinda|sorta|lowkey|ngl)$/u;
const MASS = /^(?:garbage|rubbish|nonsense|trash|junk|filth|drivel|tripe)$/u;
const DETERMINER = /^(?:the|this|that|these|those|my|our|their|his|her|its|a|an)$/u;
/** A piece, a lump, a waste "of" something: the thing is what follows "of". */
const CONTAINER = /^(?:piece|pieces|lump|heap|pile|load|bag|sack|bunch|waste|hunk|box|mess)$/u;
const FUNCTION_WORD =
  /^(?:for|to|with|at|in|on|by|from|about|of|and|or|but|so|because|as|if|when|right|today|tonight|now|again|lol|tbh|honestly|though|too|ever|i|we|me|us|my|our|myself|it|is|was|are|were|who|which|that|than|then|all|every|under|over|around|after|before|during|without|within|into|onto|like|near|off|out|up|down|behind|against|towards?|through|across|unless|until|while|since|yet|not|never)$/u;
/**
 * What a person is or does: "stupid decisions like ignoring our letters", "your pathetic excuses" demean the
 * person. What a person writes is theirs only when the message talks to them ("your stupid question").
 */
const CONDUCT =
  /^(?:actions?|conduct|activit(?:y|ies)|decisions?|choices?|excuses?|behaviou?r|attitude|mistakes?|life|lives|face|head|brain|mouth|family|kids|children|job|effort|attempts?|lies|promises?|mind|voice|accent|name|culture|religion|people|kind|lot|habits?|spending|lifestyle|situation|upbringing|parenting)$/u;
const WRITING =
  /^(?:ideas?|questions?|answers?|stor(?:y|ies)|words|comments?|repl(?:y|ies)|messages?|emails?|calls?|letters?|complaints?)$/u;
const SUBJECT_YOU = /^(?:you|u|ya|you're|youre|yourself)$/u;
const SECOND_PERSON = /^(?:you|u|ya|your|ur|yours|you're|youre|yourself)$/u;

/** A clause or sentence: where it starts and ends in the reading text. */
interface Span {
  readonly start: number;
  readonly end: number;
}

interface Word {
  readonly word: string;
  readonly start: number;
  /** Written with a capital: a name, a nationality, a team ("Afrikaners", "Scots"). */
  readonly capital: boolean;
}

function wordsOf(read: ReadText, from: number, to: number): Word[] {
  return allMatches(WORD, read.text.slice(from, to)).map((match) => {
    const start = from + match.index;
    return {
      word: match[0],
      start,
      capital: startsCapital(read, start),
    };
  });
}

/** Whether the original text has a capital at reading offset `at` (one code point read, not the rest of the text). */
function startsCapital(read: ReadText, at: number): boolean {
  const from = originalSpan(read, at, at + 1).start;
  return /^\p{Lu}/u.test(read.original.slice(from, from + 2));
}

/** A word that names or may name a person: a person word, a second person, a capitalised word. */
const personLike = ({ word, capital }: Word) => capital || isPersonWord(word) || SECOND_PERSON.test(word);

/**
 * Whether the harsh words `[start, end)` of the reading text (an insult without a "you" in them: "stupid",
 * "pathetic", "a waste of time") are aimed at a thing in their clause `[clauseStart, clauseEnd)`: the subject
 * they are said of ("the login page is stupid", "those new limits are stupid") or the noun they describe or
 * take ("a stupid idea", "a useless piece of junk", "I hate this overdraft fee") is not a person, a group, a
 * name or a second person, and no "you" stands right before them ("you stupid…", "you're pathetic").
 */
export function aimedAtThing(
  read: ReadText,
  clauseStart: number,
  clauseEnd: number,
  start: number,
  end: number,
): boolean {
  // English only: the Chinese lexicon's insults name people (你这种废物).
  if (!/[a-z]/u.test(read.text.slice(start, end)) || CJK.test(read.text.slice(clauseStart, clauseEnd)))
    return false;
  const matched = wordsOf(read, start, end);
  if (matched.some(({ word }) => isPersonWord(word) || SECOND_PERSON.test(word))) return false;
  const before = wordsOf(read, clauseStart, start);
  const after = wordsOf(read, end, clauseEnd);
  // "reposting that garbage", "this nonsense": a word for worthless stuff, pointed at.
  if (
    matched.length === 1 &&
    MASS.test(matched[0]!.word) &&
    /^(?:this|that|such)$/u.test(before.at(-1)?.word ?? '')
  )
    return true;
  const subject = subjectOf(before);
  if (subject === 'person') return false;
  // Only a harsh word can describe what follows it ("a stupid idea"); "stop whining and…" describes nothing.
  const last = matched.at(-1)?.word;
  const object = last && isAbusiveWord(last) ? objectOf(read.text, end, after, before) : undefined;
  if (object === 'person') return false;
  return subject === 'thing' || object === 'thing';
}

/**
 * What the words before a predicate ("… is so stupid") are said of: the noun phrase before the last copula,
 * when a determiner opens it ("the traffic this morning was…", "my credit score is…") or it is "it".
 */
function subjectOf(before: readonly Word[]): 'person' | 'thing' | undefined {
  const last = before.length - 1;
  for (let i = last; i >= Math.max(0, last - 2); i--) if (SUBJECT_YOU.test(before[i]!.word)) return 'person';
  // "u really are a special kind of useless": the reader is the subject of a copula before the words.
  const you = before.findIndex(({ word }) => SUBJECT_YOU.test(word));
  if (you >= 0 && before.slice(you + 1).some(({ word }) => COPULA.test(word))) return 'person';
  if (before.some(({ word }) => /^(?:you're|youre|you've|you'll)$/u.test(word))) return 'person';
  let copula = -1;
  for (let i = last; i >= 0; i--) {
    const { word } = before[i]!;
    if (COPULA.test(word) || /'s$/u.test(word)) {
      copula = i;
      break;
    }
    if (!FILLER.test(word)) return undefined;
  }
  if (copula < 0) return undefined;
  const glued = !COPULA.test(before[copula]!.word);
  const phraseEnd = glued ? copula : copula - 1;
  if (phraseEnd < 0) return undefined;
  for (let i = phraseEnd; i >= Math.max(0, phraseEnd - 6); i--) {
    const word = before[i]!;
    // "your app is stupid" is said of the app; "your excuses are pathetic" of the reader.
    if (/^(?:your|ur)$/u.test(word.word))
      return i < phraseEnd && !CONDUCT.test(before[i + 1]!.word) && !WRITING.test(before[i + 1]!.word)
        ? 'thing'
        : 'person';
    if (DETERMINER.test(word.word)) return i < phraseEnd ? 'thing' : undefined;
    if (personLike(word) || CONDUCT.test(word.word)) return 'person';
  }
  return undefined;
}

/** The noun phrase the words describe or take ("a stupid idea", "useless piece of junk", "hate this fee"). */
function objectOf(
  text: string,
  end: number,
  after: readonly Word[],
  before: readonly Word[],
): 'person' | 'thing' | undefined {
  // Punctuation right after the words ends the phrase: "…is stupid, it keeps timing out".
  if (/^\s*[,.;:!?)]/u.test(text.slice(end, end + 3))) return undefined;
  let i = 0;
  const skipped = (word: string) => word !== 'and' && (FILLER.test(word) || DETERMINER.test(word));
  while (i < after.length && i < 3 && skipped(after[i]!.word)) i++;
  const nouns: Word[] = [];
  for (; i < after.length && nouns.length < 4; i++) {
    const word = after[i]!;
    const previous = after[i - 1];
    if (previous && /[,.;:!?)(]/u.test(text.slice(previous.start + previous.word.length, word.start))) break;
    if (CONTAINER.test(word.word) && after[i + 1]?.word === 'of') {
      i++;
      continue;
    }
    if (FUNCTION_WORD.test(word.word) || DETERMINER.test(word.word)) break;
    nouns.push(word);
  }
  if (nouns.length === 0) return undefined;
  if (nouns.some(personLike) || nouns.some(({ word }) => CONDUCT.test(word))) return 'person';
  const talksToReader = before.some(({ word }) => SECOND_PERSON.test(word));
  if (talksToReader && nouns.some(({ word }) => WRITING.test(word))) return 'person';
  return 'thing';
}

/**
 * Whether the harsh words in `[from, to)` of the reading text hurt no one: there is at least one, and each is
 * a listed word in its harmless sense in the sentence (a bastard sword, the cock
 * crowing on a farm), or a demeaning word said of or describing a thing, inside its clause of `clauses`
 * ("This printer is a useless piece of junk", "I hate this overdraft fee"). Swearing and slurs are never
 * harmless unless in their other sense.
 */
export function harshWordsHarmless(
  read: ReadText,
  clauses: readonly Span[],
  from: number,
  to: number,
): boolean {
  const harsh = harshWords(read, clauses, from, to);
  return harsh.length > 0 && harsh.every(({ harmless }) => harmless);
}

/**
 * The harsh words of `[from, to)`, each with its span and whether it hurts no one here (see above); their senses
 * are read in the sentence `[sentenceFrom, sentenceTo)`, by default the range itself.
 */
export function harshWords(
  read: ReadText,
  clauses: readonly Span[],
  from: number,
  to: number,
  sentenceFrom = from,
  sentenceTo = to,
): Array<{
  readonly start: number;
  readonly end: number;
  readonly harmless: boolean;
  /** Harmless by its other sense ("bastard sword"), not by what it is said of. */
  readonly sense: boolean;
}> {
  return wordsOf(read, from, to)
    .filter(
      ({ word }) => isAbusiveWord(word) || isSlurOrProfanity(word) || isThreatWord(word) || hasSense(word),
    )
    .map(({ word, start }) => {
      const end = start + word.length;
      const sense = harmlessSense(read.text, sentenceFrom, sentenceTo, start, end);
      const harmless = (() => {
        if (sense) return true;
        // Violence done to someone is not aimed at a thing ("hand over the keys or get hurt").
        if (!isAbusiveWord(word) || VIOLENCE.has(word) || isSlurOrProfanity(word) || isThreatWord(word))
          return false;
        if (hasSense(word)) return false;
        const clause = clauses.find((candidate) => candidate.start <= start && start < candidate.end);
        return clause !== undefined && aimedAtThing(read, clause.start, clause.end, start, end);
      })();
      return { start, end, harmless, sense };
    });
}

/** A word the lexicon knows a harmless sense of ("bastard", "dyke", "execute"). */
function hasSense(word: string): boolean {
  return gateLexicon().senses.some((sense) => sense.word.test(word));
}

/** Words of violence that have harmless senses in the lexicon ("execute the transfer", "traffic is murder"). */
function isThreatWord(word: string): boolean {
  return THREAT_WORD.test(word);
}
const THREAT_WORD = /^(?:shoot\w*|shot|kill\w*|execut\w*|beat\w*|hit|murder\w*|smash\w*|dying|die)$/u;

const NEGATOR = /^(?:not|never|no|nobody|none|nothing|neither|nor|cannot)$|n't$/u;
const CLAUSE_END = /[,;:.!?]/u;
const CONJUNCTION = /^(?:but|and|because|so|yet|although|though|while|whereas)$/u;

/**
 * Whether the sentence `text[from, to)` denies abuse rather than states it: every demeaning or hostile word in
 * it stands after a negation in its clause ("women are not stupid", "I don't hate Muslims", "nobody here thinks
 * Travellers are thieves"), no positive word does ("…are not human", "…don't deserve respect" are insults), and
 * it holds no slur or profanity.
 */
export function deniesAbuse(read: ReadText, from: number, to: number): boolean {
  const text = read.text;
  const words = wordsOf(read, from, to);
  let negatedFrom = -1;
  let denied = 0;
  let previousEnd = from;
  for (const [index, { word, start }] of words.entries()) {
    if (CLAUSE_END.test(text.slice(previousEnd, start)) || CONJUNCTION.test(word)) negatedFrom = -1;
    previousEnd = start + word.length;
    if (isSlurOrProfanity(word)) return false;
    const negated = negatedFrom >= 0 && index > negatedFrom;
    if (isPositiveWord(word) && negated) return false;
    if (isAbusiveWord(word)) {
      if (!negated) return false;
      denied++;
    }
    if ((NEGATOR.test(word) || word === 'no-one') && negates(words, index)) negatedFrom = index;
  }
  return denied > 0;
}

/**
 * Whether the negator at `index` denies what follows: not "don't be such a deadbeat" or "don't play stupid"
 * (they say the reader is one), nor "no better than a thief", "nothing more pathetic than…" (comparisons).
 */
function negates(words: readonly Word[], index: number): boolean {
  const next = words[index + 1]?.word;
  if (next && /^(?:be|act|play|get|sound|look|pretend|try)$/u.test(next)) return false;
  if (next && /^(?:better|worse|more|less|greater|bigger|smaller|different|lower)$/u.test(next)) return false;
  return words[index + 2]?.word !== 'than';
}

let slurOrProfanity: Set<string> | undefined;
function isSlurOrProfanity(word: string): boolean {
  slurOrProfanity ??= classWords(['slur', 'profanity']);
  return slurOrProfanity.has(word);
}

/**
 * Whether the English sentence `[from, to)` speaks well of people or names who the writer is, and nothing
 * harsher: a word of praise with a person or group in it ("Immigrants are brilliant for this country", "so
 * proud of them"), or a self-description ("My wife and I are both women", "I'm a gay veteran"), with no harsh
 * word, no negation and no "but". A classifier's finding of abuse there rests on the group's name alone.
 */
export function speaksWellOrOfSelf(
  read: ReadText,
  clauses: readonly Span[],
  from: number,
  to: number,
): boolean {
  const sentence = read.text.slice(from, to);
  if (CJK.test(sentence) || !/[a-z]/u.test(sentence)) return false;
  const words = wordsOf(read, from, to);
  if (words.some(({ word }) => NEGATOR.test(word) || /^(?:but|except|unless|though|although)$/u.test(word)))
    return false;
  if (harshWords(read, clauses, from, to).some(({ harmless }) => !harmless)) return false;
  // Praise of the reader in a collection message is as often sarcasm ("the least reliable customer").
  if (words.some(({ word }) => SECOND_PERSON.test(word))) return false;
  if (!words.some(({ word }) => isPersonWord(word))) return false;
  return PRAISE.test(sentence) || SELF_DESCRIPTION.test(sentence);
}
const PRAISE =
  /\b(?:great|wonderful|amazing|awesome|incredible|brilliant|lovely|legends?|heroes|treasures?|generous|kind(?! of)|friendly|nice|good|smart|intelligent|honest|hard-?working|hardest|beautiful|love|loves|loved|proud|respect|admire|grateful|thankful|welcome|brave|talented|skilled|experts?|impressive|inspiring|resilient|fantastic|excellent|best|grafters|blessing|built|contribut\w*|enrich\w*|gifted|caring|loyal|reliable|trustworthy|deep knowledge)\b/u;
const SELF_DESCRIPTION =
  /\b(?:i'm|i am|im|we're|we are|are both|i identify as|my (?:wife|husband|partner|son|daughter|mum|mom|dad|family) (?:is|are))\b/u;
