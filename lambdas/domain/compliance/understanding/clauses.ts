/**
 * How the gate reads a message before it looks for forbidden content: sentences and clauses, and for each
 * clause whether it is a condition ("if another creditor is suing you"), whose words it carries (an agent
 * being told what not to say, a customer being quoted), and who acts in it. A finding's meaning depends on
 * these: "we will sue you" is a threat, "if another creditor sues you, tell us" is help, "Never mention
 * lawsuits" is guidance for the agent.
 */

import { allMatches } from '../../text/matches';
import { R } from './reading-patterns';

export type Actor = 'us' | 'customer' | 'third_party' | 'unknown';

export interface Clause {
  readonly start: number;
  /** Where negation scope starts: a short list item ("…suit, arrest, or jail") shares its head's scope. */
  readonly scopeStart: number;
  readonly end: number;
  readonly sentence: number;
  /** Inside an if/unless/如果 condition: what may happen, not what we say we will do. */
  readonly condition: boolean;
  /** A call-script instruction not to say or do something ("Never mention jail", "不要提及起诉"). */
  readonly guidance: boolean;
  /** Someone else's words: the customer quoted in a script, or a quote the message rejects. */
  readonly reported: boolean;
  /** The customer's rights or choices: "you can ask us to stop", "您有权…". */
  readonly rights: boolean;
  readonly actor: Actor;
}

// The larger patterns (sentence and clause breaks, English conditions and consequences, guidance and
// do-not-say headers, reported and others' speech, policies, scam warnings, mentions, rejections, rights,
// actors) are in `gate-reading.json` and reached as `R.<NAME>` (see reading-patterns.ts).
const CONDITION_START_ZH = /^\s*(?:如果|要是|若是?|假如|假设|万一|一旦|倘若|如|当)/u;
const CONSEQUENCE_ZH = /的话|就|那么|便|那/u;
/** A list item: the items after a do-not-say header are guidance. */
const LIST_ITEM = /^\s*(?:[-•*·▪–]|\[\s?\]|\d+[.)]|[a-z][.)])\s*/iu;

const CUSTOMER_EN = /\b(?:you|you'll|you're|you've|you'd|your)\b/iu;
const US_ZH = /我们|我方|本行|我行|本公司|我司|银行|催收员|工作人员|本人/u;
const CUSTOMER_ZH = /你|您/u;
const THIRD_ZH = /有人|任何人|他人|别人|其他(?:债权人|机构|银行|贷款|公司)|别的(?:机构|银行)|他人|别人|对方/u;

/**
 * Whether `text` holds a Latin letter: every English pattern here needs one (case-insensitive Unicode
 * matching also reads ſ and the Kelvin sign as letters), so a clause without one skips them.
 */
const LATIN = /[a-z\u017f\u212a]/iu;
const CJK = /[\u4e00-\u9fff]/u;

/** Clause boundaries over `text` (already read by the normaliser); `quotes` when the caller has them. */
export function clausesOf(text: string, quotes: readonly QuoteSpan[] = quotedSpans(text)): Clause[] {
  const sentences = splitAt(text, 0, text.length, R.SENTENCE_END);
  const clauses: Clause[] = [];
  // A QA review, a training case or a conduct standard (【质检意见】, "Coaching notes:") talks about what may
  // not be said from its first line to its last: every clause of it is guidance.
  const policyDocument = R.POLICY_DOCUMENT.test(text);
  let inGuidanceList = false;
  // A transcript's "Customer: …" / 客户：… turn is the customer's words up to the end of its line.
  let inCustomerTurn = false;
  for (let sentence = 0; sentence < sentences.length; sentence++) {
    const [sentenceStart, sentenceEnd] = sentences[sentence]!;
    const sentenceText = text.slice(sentenceStart, sentenceEnd);
    const previousEnd = sentence > 0 ? sentences[sentence - 1]![1] : 0;
    if (sentence === 0 || text.slice(previousEnd, sentenceStart).includes('\n'))
      inCustomerTurn = R.CUSTOMER_TURN.test(sentenceText);
    const chinese = CJK.test(sentenceText);
    const latinSentence = LATIN.test(sentenceText);
    const guidanceMatch =
      (chinese ? R.GUIDANCE_ZH : latinSentence ? R.GUIDANCE_EN : R.GUIDANCE_ZH).exec(sentenceText) ??
      R.GUIDANCE_ZH.exec(sentenceText);
    const guidanceFrom =
      latinSentence && R.POLICY_EN.test(sentenceText)
        ? sentenceStart
        : guidanceMatch
          ? sentenceStart + guidanceMatch.index
          : Number.POSITIVE_INFINITY;
    const parts = splitAt(text, sentenceStart, sentenceEnd, R.CLAUSE_BREAK_EN).flatMap(([start, end]) =>
      splitAt(text, start, end, R.CLAUSE_BREAK_ZH),
    );
    if (R.GUIDANCE_LIST_HEADER.test(sentenceText)) inGuidanceList = true;
    else if (inGuidanceList && !LIST_ITEM.test(sentenceText)) inGuidanceList = false;
    const listGuidance =
      inGuidanceList && (LIST_ITEM.test(sentenceText) || R.GUIDANCE_LIST_HEADER.test(sentenceText));
    let previous: Clause | undefined;
    const firstPart = parts[0] ? text.slice(parts[0][0], parts[0][1]) : '';
    // "You asked whether…, …" / "您问到…，…": the whole sentence reports the customer's words. So does a
    // question the next sentence answers "No": "Will I go to jail? No."
    const nextSentence = sentences[sentence + 1] ? text.slice(...sentences[sentence + 1]!) : '';
    const reportedSentence =
      inCustomerTurn ||
      R.CUSTOMER_REPORT.test(firstPart) ||
      R.SCAM_WARNING.test(sentenceText) ||
      (latinSentence && R.OTHERS_SPEECH_EN.test(sentenceText)) ||
      R.OTHERS_SPEECH_ZH.test(sentenceText) ||
      (latinSentence && R.COUNTER_REFERENCE.test(sentenceText) && R.REJECTION_EN.test(sentenceText)) ||
      (/[?？吗]\s*$/u.test(text.slice(sentenceStart, sentenceEnd + 1)) &&
        R.NEGATIVE_ANSWER.test(nextSentence));
    for (const [partStart, partEnd] of parts) {
      for (const [start, end, isCondition] of conditionSplit(text, partStart, partEnd)) {
        const clauseText = text.slice(start, end);
        const latin = latinSentence && LATIN.test(clauseText);
        const quote = quoteAround(quotes, start, end);
        // "…threaten suit, arrest, or contact with employer": a short verbless item continues its head clause.
        const shortItem =
          previous !== undefined &&
          previous.sentence === sentence &&
          !isCondition &&
          !CJK.test(clauseText) &&
          isShortItem(clauseText) &&
          !/\b(?:we|we'll|i|i'll|you|you'll|they|he|she|it|will|would|can|could|may|might|is|are|was|were|be|have|has|do|does|did|shall|must|should)\b/iu.test(
            clauseText,
          );
        const clause: Clause = {
          start,
          scopeStart: shortItem ? previous!.scopeStart : start,
          end,
          sentence,
          condition: isCondition || (shortItem ? previous!.condition : false),
          guidance: policyDocument || listGuidance || end > guidanceFrom,
          reported:
            reportedSentence ||
            (quote?.reported ?? false) ||
            R.CUSTOMER_REPORT.test(clauseText) ||
            (shortItem ? previous!.reported : false),
          rights:
            (latin && R.RIGHTS_EN.test(clauseText)) ||
            R.RIGHTS_ZH.test(clauseText) ||
            (shortItem ? previous!.rights : false),
          actor: shortItem ? previous!.actor : actorOf(clauseText, latin),
        };
        clauses.push(clause);
        previous = clause;
      }
    }
  }
  return clauses;
}

/** The first quote holding `[start, end)` (a closing quote mark may end the clause). */
function quoteAround(quotes: readonly QuoteSpan[], start: number, end: number): QuoteSpan | undefined {
  for (const span of quotes) if (start >= span.start && end <= span.end + 1) return span;
  return undefined;
}

/**
 * `/^\s*(?:or |and |nor )?(?:\S+\s*){1,4}$/u` without its backtracking (the regex tries every way of cutting a
 * long unspaced clause into four pieces before it fails): at most four words, or five when the first is a
 * leading "or", "and" or "nor".
 */
function isShortItem(clause: string): boolean {
  const body = clause.replace(/^\s+/u, '');
  const words = body.match(/\S+/gu)?.length ?? 0;
  return (words >= 1 && words <= 4) || (words === 5 && /^(?:or|and|nor) \S/u.test(body));
}

/** Splits `text[start, end)` at every match of `pattern`, dropping empty pieces. */
function splitAt(text: string, start: number, end: number, pattern: RegExp): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  const slice = text.slice(start, end);
  let from = 0;
  for (const match of allMatches(pattern, slice)) {
    // Keep the conjunction with the clause it opens ("but we will…"), drop punctuation.
    const isWord = /^[\p{L}]/u.test(match[0]);
    const cut = match.index;
    if (cut > from) pieces.push([start + from, start + cut]);
    from = isWord ? cut : cut + match[0].length;
  }
  if (from < slice.length) pieces.push([start + from, end]);
  return pieces.filter(([a, b]) => text.slice(a, b).trim() !== '');
}

/** A clause that opens with a condition is split where its consequence begins, when that is unpunctuated. */
function conditionSplit(text: string, start: number, end: number): Array<[number, number, boolean]> {
  const clause = text.slice(start, end);
  const chinese = /[\u4e00-\u9fff]/u.test(clause);
  const opens = chinese ? CONDITION_START_ZH.test(clause) : R.CONDITION_START_EN.test(clause);
  const zhConditionEnd = chinese ? /(?:的话|之后|以后|时)/u.exec(clause) : null;
  if (!opens && !zhConditionEnd) return [[start, end, false]];
  if (chinese) {
    const cut = zhConditionEnd ?? CONSEQUENCE_ZH.exec(clause.slice(2));
    if (!cut) return [[start, end, opens]];
    const at = zhConditionEnd ? cut.index + cut[0].length : 2 + cut.index;
    if (!opens && zhConditionEnd && zhConditionEnd[0] !== '的话') return [[start, end, false]];
    return [
      [start, start + at, true],
      [start + at, end, false],
    ].filter(([a, b]) => b! > a!) as Array<[number, number, boolean]>;
  }
  const cut = R.CONSEQUENCE_EN.exec(clause.slice(4));
  if (!cut) return [[start, end, true]];
  const at = 4 + cut.index;
  return [
    [start, start + at, true],
    [start + at, end, false],
  ];
}

export interface QuoteSpan {
  readonly start: number;
  readonly end: number;
  readonly reported: boolean;
}

/** Quoted passages, and whether they are someone else's words (not the message's own). */
export function quotedSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const pattern =
    /"([^"\n]{2,400})"|「([^」]{1,400})」|『([^』]{1,400})』|“([^”]{1,400})”|(?<![\p{L}\p{N}])'((?:[^'\n]|'(?=\p{L})){2,400})'(?![\p{L}\p{N}])/gu;
  for (const match of allMatches(pattern, text)) {
    const start = match.index!;
    const end = start + match[0].length;
    const before = text.slice(Math.max(0, start - 80), start);
    const after = text.slice(end, end + 80);
    const guided = R.GUIDANCE_EN.test(before.slice(-40)) || R.GUIDANCE_ZH.test(before.slice(-20));
    // "Say to the customer: '…'", 对客户说：“…”: the script's own words, what the agent will say.
    const instructed =
      R.SAY_TO_CUSTOMER_EN.test(before.slice(-60)) || R.SAY_TO_CUSTOMER_ZH.test(before.slice(-20));
    // A word named rather than said (a list of quotes, 所谓“…”, someone's claim, a document titled "…", a
    // quote disowned as rumour or not ours) is talked about; not when the script tells the agent to use it.
    const mentioned =
      !instructed &&
      !/(?:用|使用|说|讲|念|发)\s*$/u.test(before) &&
      (R.MENTION_BEFORE_ZH.test(before.slice(-16)) ||
        R.MENTION_AFTER_ZH.test(after.slice(0, 8)) ||
        R.DISOWNED_AFTER_ZH.test(after.slice(0, 40)) ||
        R.MENTION_BEFORE_EN.test(before.slice(-24)) ||
        R.MENTION_AFTER_EN.test(after.slice(0, 24)) ||
        R.DISOWNED_AFTER_EN.test(firstSentenceAfter(text, end)) ||
        R.DISOWNED_AFTER_EN.test(after.split(/[.!?。！？]/u)[0] ?? ''));
    // "A guy yelled 'I'll kill you'", "Calling gay people "f*ggots" is never acceptable": another's words
    // reported; not "I'll call you a 'deadbeat'", which says it.
    const quotedSpeech =
      R.QUOTED_SPEECH_EN.test(before.slice(-60)) && !R.FIRST_PERSON_SPEECH_EN.test(before.slice(-60));
    const reported =
      guided ||
      mentioned ||
      (!instructed && quotedSpeech) ||
      (!instructed && (R.REPORTED_SPEECH_EN.test(before) || R.REPORTED_SPEECH_ZH.test(before))) ||
      R.REJECTION_EN.test(after.split(/[.!?。！？]/u)[0] ?? '') ||
      R.REJECTION_EN.test(firstSentenceAfter(text, end)) ||
      R.REJECTION_ZH.test(after.slice(0, 30));
    spans.push({ start, end, reported });
  }
  return spans;
}

function firstSentenceAfter(text: string, from: number): string {
  const rest = text.slice(from, from + 160);
  const match = /[.!?。！？]\s*([^.!?。！？]*)/u.exec(rest);
  return match?.[1] ?? '';
}

const ACTOR_PATTERNS: ReadonlyArray<readonly [RegExp, Actor, boolean]> = [
  [R.US_EN, 'us', true],
  [CUSTOMER_EN, 'customer', true],
  [R.THIRD_EN, 'third_party', true],
  [US_ZH, 'us', false],
  [CUSTOMER_ZH, 'customer', false],
  [THIRD_ZH, 'third_party', false],
];

function actorOf(clause: string, latin: boolean): Actor {
  // The first subject-like word decides: "we will tell your employer" is ours, "you can tell us" the customer's.
  // On a tie the earlier pattern wins. English patterns need a Latin letter, Chinese ones a Chinese character.
  const chinese = CJK.test(clause);
  let best: Actor = 'unknown';
  let bestIndex = Number.POSITIVE_INFINITY;
  for (const [pattern, actor, english] of ACTOR_PATTERNS) {
    if (english ? !latin : !chinese) continue;
    const match = pattern.exec(clause);
    if (match && match.index < bestIndex) {
      best = actor;
      bestIndex = match.index;
    }
  }
  return best;
}

/** Rejected quotes and the customer's quoted words also count as reported when a whole clause says so. */
export function rejectsWhatItSays(sentence: string): boolean {
  return R.REJECTION_EN.test(sentence) || R.REJECTION_ZH.test(sentence);
}
