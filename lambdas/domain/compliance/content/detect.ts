import { allMatches } from '../../text/matches';
import { boilerplateSpans, type TextSpan } from '../understanding/boilerplate';
import { type Clause, clausesOf, type QuoteSpan, quotedSpans } from '../understanding/clauses';
import { foldEvasion } from '../understanding/evasion';
import { negated, negatedWithin } from '../understanding/negation';
import { originalSpan, type ReadText, readText } from '../understanding/normalise';
import { aimedAtThing, harmlessSense } from './aim';
import { anchorIndex, anchorsOf } from './anchors';
import type { ContentCategory } from './categories';
import { gateLexicon } from './lexicon';
import { patternSpecs, type Scope } from './patterns';

/** A forbidden thing found in the text: where (in the original text) and which words. */
export interface Finding {
  readonly category: ContentCategory;
  readonly start: number;
  readonly end: number;
  /** The words as written. */
  readonly phrase: string;
}

/** The message as the gate understands it: reading view (evasion undone), clauses. */
export interface ReadMessage {
  readonly read: ReadText;
  readonly clauses: readonly Clause[];
  /** Quoted passages that are someone else's words (a customer quoted in a script, a rejected quote). */
  readonly reported: readonly QuoteSpan[];
  readonly quotes: readonly QuoteSpan[];
  /** The disclosures and opt-outs appended to the message's own words. */
  readonly boilerplate: readonly TextSpan[];
}

export function readMessage(text: string): ReadMessage {
  const read = foldEvasion(readText(text));
  const quotes = quotedSpans(read.text);
  return {
    read,
    clauses: clausesOf(read.text, quotes),
    reported: quotes.filter((quote) => quote.reported),
    quotes,
    boilerplate: boilerplateSpans(read.text),
  };
}

interface CompiledPattern {
  readonly category: ContentCategory;
  readonly scope: Scope;
  readonly pattern: RegExp;
  /** The same pattern, sticky: tried only where an anchor word starts. */
  readonly sticky: RegExp;
  /** Words one of which the text must hold for the pattern to match; undefined: always run. */
  readonly anchors: readonly string[] | undefined;
}

let compiled: CompiledPattern[] | undefined;
/** Pattern indexes by anchor word, and those without anchors (always run). */
let byAnchor: Map<string, number[]> | undefined;
let unanchored: number[] | undefined;

function anchorTable(): { byAnchor: Map<string, number[]>; unanchored: number[] } {
  if (!byAnchor || !unanchored) {
    byAnchor = new Map();
    unanchored = [];
    for (const [index, { anchors }] of patterns().entries()) {
      if (!anchors) unanchored.push(index);
      else
        for (const anchor of anchors) {
          const list = byAnchor.get(anchor) ?? [];
          if (list[list.length - 1] !== index) list.push(index);
          byAnchor.set(anchor, list);
        }
    }
  }
  return { byAnchor, unanchored };
}

function expand(source: string, language: 'en' | 'zh'): string {
  let body = source.replace(/<(\w+)>/gu, (_, key: string) =>
    alternation(gateLexicon().classes[key] ?? [], language),
  );
  if (language === 'zh') return body;
  body = body
    .replaceAll('~~', '(?:\\S+ ){0,6}?')
    .replaceAll('~1n', '(?:(?!(?:not|never|no|nor|hardly)\\b)\\S+ )?')
    .replaceAll('~n', "(?:(?!(?:not|never|no|nor|hardly|isn't|aren't|don't|doesn't)\\b)[^\\s,;.!?]+ ){0,3}?")
    .replaceAll('(?:~ )?', '(?:\\S+ ){0,3}?')
    .replaceAll('~', '(?:\\S+ ){0,3}?')
    .replaceAll(' ', '\\s+');
  return body;
}

function alternation(words: readonly string[], language: 'en' | 'zh'): string {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  return sorted
    .map((word) =>
      // Lexicon entries may carry their own regex (look-arounds for `sb`); plain words are escaped.
      /[(\\[]/u.test(word)
        ? word
        : language === 'en'
          ? word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replaceAll(' ', ' ')
          : /^[a-z ]+$/u.test(word)
            ? `(?<![a-z])${word.replaceAll(' ', ' ?')}(?![a-z])`
            : word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'),
    )
    .join('|');
}

export function patterns(): CompiledPattern[] {
  if (compiled) return compiled;
  compiled = [];
  for (const spec of patternSpecs()) {
    for (const language of ['en', 'zh'] as const) {
      for (const source of spec[language] ?? []) {
        const scope = /^@(?:act|say|claim) /u.test(source)
          ? (source.slice(1, source.indexOf(' ')) as Scope)
          : spec.scope;
        const body = expand(source.replace(/^@(?:act|say|claim) /u, ''), language);
        const bounded = language === 'en' ? `(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])` : body;
        compiled.push({
          category: spec.category,
          scope,
          pattern: new RegExp(bounded, 'giu'),
          sticky: new RegExp(bounded, 'iuy'),
          anchors: anchorsOf(source),
        });
      }
    }
  }
  return compiled;
}

/** Every forbidden thing the rules find in the message, read clause by clause. */
export function detectContent(message: ReadMessage): Finding[] {
  const { read, clauses, reported, quotes } = message;
  const text = read.text;
  const findings: Finding[] = [];
  const all = patterns();
  const table = anchorTable();
  // Where each pattern may start: the offsets of the message's words that begin with one of its anchors.
  // One anchor's offsets are sorted already and are used as they are; offsets of several are merged in `matchesOf`.
  const candidates = new Map<number, number[]>();
  const merged = new Set<number>();
  for (const [key, offsets] of anchorIndex(text, table.byAnchor).entries()) {
    for (const patternIndex of table.byAnchor.get(key) ?? []) {
      const list = candidates.get(patternIndex);
      if (!list) candidates.set(patternIndex, offsets);
      else if (merged.has(patternIndex)) list.push(...offsets);
      else {
        candidates.set(patternIndex, [...list, ...offsets]);
        merged.add(patternIndex);
      }
    }
  }
  for (const patternIndex of merged) candidates.get(patternIndex)!.sort((a, b) => a - b);
  const seen = new Set<string>();
  const toRun = [...table.unanchored, ...candidates.keys()].sort((a, b) => a - b);
  for (const patternIndex of toRun) {
    const { category, scope, pattern, sticky } = all[patternIndex]!;
    for (const match of matchesOf(text, pattern, sticky, candidates.get(patternIndex))) {
      const start = match.index!;
      const end = start + match[0].length;
      if (end === start) continue;
      const clause = clauseAt(clauses, start);
      // Inside or across someone else's quoted words ("Calling gay people "faggots" is never acceptable").
      if (reported.some((quote) => start < quote.end && end > quote.start)) continue;
      // Only a short quote is a word being mentioned; a long one is speech.
      const quoted = quotes.some(
        (quote) => start >= quote.start && end <= quote.end && quote.end - quote.start <= 32,
      );
      if (clause && excused(text, clause, scope, start, end, quoted)) continue;
      if (clause && notAimedAtAnyone(read, clauses, clause, category, start, end)) continue;
      if (clause && advisedToCustomer(category, text, clause, start, end)) continue;
      if (category === 'new_borrowing' && notUrgedToBorrow(text, clauses, clause, start, end)) continue;
      const span = originalSpan(read, start, end);
      // Patterns of one category may find the same words: once is enough.
      const key = `${category}:${span.start}:${span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({ category, ...span, phrase: read.original.slice(span.start, span.end) });
    }
  }
  // Words inside a longer finding of the same category ("老赖" in "你这个老赖") are that finding.
  const kept = findings.filter(
    (finding) =>
      !findings.some(
        (other) =>
          other !== finding &&
          other.category === finding.category &&
          other.start <= finding.start &&
          other.end >= finding.end &&
          other.end - other.start > finding.end - finding.start,
      ),
  );
  return kept.sort((a, b) => a.start - b.start || a.category.localeCompare(b.category));
}

/** Every match, like `matchAll`; with candidate offsets, tried only there. */
function matchesOf(
  text: string,
  pattern: RegExp,
  sticky: RegExp,
  starts: readonly number[] | undefined,
): RegExpExecArray[] {
  if (!starts) {
    return allMatches(pattern, text);
  }
  // `starts` is sorted; a repeated offset is tried once.
  const found: RegExpExecArray[] = [];
  let after = -1;
  let previous = -1;
  for (const start of starts) {
    if (start === previous) continue;
    previous = start;
    if (start < after) continue;
    sticky.lastIndex = start;
    const match = sticky.exec(text);
    if (!match) continue;
    found.push(match);
    after = start + Math.max(1, match[0].length);
  }
  return found;
}

/**
 * Words that read as abuse but hurt nobody here: a listed word in its harmless sense ("the dyke along the
 * river", "shoot you a quick email"), or an insult, a shaming word or "criminal" said of a thing ("the login
 * page is stupid", "this queue is a disgrace", "these interest rates are criminal").
 */
function notAimedAtAnyone(
  read: ReadText,
  clauses: readonly Clause[],
  clause: Clause,
  category: ContentCategory,
  start: number,
  end: number,
): boolean {
  const [from, to] = sentenceOf(clauses, clause);
  if (harmlessSense(read.text, from, to, start, end)) return true;
  return THING_CATEGORIES.has(category) && aimedAtThing(read, clause.start, clause.end, start, end);
}
const THING_CATEGORIES = new Set<ContentCategory>(['insult', 'public_shaming', 'arrest_criminal_threat']);

/** `[start, end)` of the sentence `clause` belongs to. */
export function sentenceOf(clauses: readonly Clause[], clause: Clause): [number, number] {
  let from = clause.start;
  let to = clause.end;
  for (const other of clauses) {
    if (other.sentence !== clause.sentence) continue;
    from = Math.min(from, other.start);
    to = Math.max(to, other.end);
  }
  return [from, to];
}

function clauseAt(clauses: readonly Clause[], index: number): Clause | undefined {
  let found: Clause | undefined;
  for (const clause of clauses) {
    if (clause.start <= index && index < clause.end) return clause;
    if (clause.start <= index) found = clause;
  }
  return found;
}

const HEDGED_CLAIM =
  /\b(?:(?:can't|cannot|can not|unable to|not able to|won't|will not|don't|do not|never|no one can|nobody can)\s+(?:\S+\s+){0,2}?(?:promise|guarantee|say|assure|claim|predict|tell you)\w*|(?:may|might|could)\s+(?:still\s+)?|not (?:true|correct|so)|beware|scams?|anyone who|claims? (?:that|to))\b|(?:无法|不能|不敢|没法|不可能)(?:保证|承诺|确保|预测)|声称|号称|诈骗|骗局|并非|不是真的|可能/iu;

/**
 * A loan product named but not urged: the sender's own label ("Title Loan: your payment is due"), or advice
 * against it in the same sentence ("ask us before turning to a payday lender", "please don't use a cash loan
 * app for this", "steer them away from payday loans").
 */
function notUrgedToBorrow(
  text: string,
  clauses: readonly Clause[],
  clause: Clause | undefined,
  start: number,
  end: number,
): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() === '' && LABEL_AFTER.test(text.slice(end, end + 24))) return true;
  if (!clause) return false;
  const sentence = clauses.filter((candidate) => candidate.sentence === clause.sentence);
  const from = sentence[0]?.start ?? clause.start;
  const to = sentence.at(-1)?.end ?? clause.end;
  return ADVISED_AGAINST.test(text.slice(from, to));
}
const LABEL_AFTER = /^\s*(?:[\p{L}'-]+\s*){0,2}[:：]/u;
const ADVISED_AGAINST =
  /\b(?:before (?:turning to|taking|using|going to|you (?:take|use|turn))|instead of|rather than|steer\w* (?:them|customers?|you|people|him|her) away|(?:don't|do not|never|please don't|won't|shouldn't|should not) (?:use|take|turn to|get|need|go to)|avoid\w*|stay away from|(?:don't|do not|never) endorse|warn\w* (?:you |them )?(?:against|about)|not from us|scams?)\b|不要(?:去)?(?:借|用|申请)|别(?:去)?(?:借|用)|莫(?:去)?借|不建议|不推荐|谨防|警惕/iu;

/**
 * Advice to the customer to turn to an institution: 请联系供热公司, 可联系经办银行或学校资助中心, 请立即报警,
 * 向学校保卫处和警方反映. Their action, not our contact with a third party or our claim to be the police.
 */
function advisedToCustomer(
  category: ContentCategory,
  text: string,
  clause: Clause,
  start: number,
  end: number,
): boolean {
  if (!ADVISABLE.has(category)) return false;
  const before = text.slice(clause.scopeStart, start);
  if (CUSTOMER_ADVICE_EN.test(before) && /\breport\b/u.test(text.slice(start, end))) return true;
  return (
    CUSTOMER_ADVICE_ZH.test(before) && INSTITUTION_ZH.test(text.slice(start, Math.min(clause.end, end + 12)))
  );
}
/** "Please report it to the police": the customer's own report, advised. */
const CUSTOMER_ADVICE_EN =
  /\b(?:please|you (?:can|may|should|could|might want to)|feel free to|we (?:encourage|urge|advise|ask) you to|we'd (?:encourage|ask) you to|do)\s*$/u;
const ADVISABLE = new Set<ContentCategory>([
  'third_party_disclosure',
  'impersonation',
  'arrest_criminal_threat',
]);
const INSTITUTION_ZH =
  /公司|银行|中心|部门|热线|电话|客服|物业|机构|平台|学校|保卫处|警方|公安|派出所|报警|监管|消协|协会|居委会|街道/u;
const CUSTOMER_ADVICE_ZH =
  /(?:^|[，。；\s])(?:请|请您|您可以?|可以?|欢迎|建议您?|如有疑问[，,]?\s*(?:请|可)?)(?:直接|随时|及时|立即|马上|尽快|第一时间|向)?[^，。；我]{0,6}$/u;
const AGREED_FEE =
  /\b(?:(?:cardholder|loan|credit|account|customer|service|finance|lease|rental|membership) agreement|(?:your|the) (?:agreement|contract)|terms and conditions|fee schedule|published (?:tariff|rates|fees)|as agreed|you agreed to)\b|合同(?:中)?约定|协议(?:中)?约定|按(?:照)?合同|依(?:照)?合同|合同(?:里|中)(?:写明|列明|载明)/iu;
const FEE_WORD = /fee|charge|费/iu;

/** Whether the clause's reading excuses the match: someone else's words, guidance, negation, a condition. */
function excused(
  text: string,
  clause: Clause,
  scope: Scope,
  start: number,
  end: number,
  quoted: boolean,
): boolean {
  if (clause.reported || clause.guidance) return true;
  // A fee the contract sets is authorised: "the late fee described in your cardholder agreement", 合同约定的….
  if (
    scope !== 'say' &&
    AGREED_FEE.test(text.slice(clause.scopeStart, clause.end)) &&
    FEE_WORD.test(text.slice(start, end))
  )
    return true;
  // A listed word in quotes and denied ("we never call anyone a 'deadbeat'") is mentioned, not used.
  if (scope === 'say') return quoted && negated(text, clause.scopeStart, start, end, clause.end);
  if (scope === 'attr') return negated(text, clause.scopeStart, start, end, clause.end);
  // A claim's negation is its meaning ("paying won't affect your credit"); only a hedge before it
  // ("we can't promise it won't…") or a warning about others who say it excuses it.
  if (scope === 'claim') return HEDGED_CLAIM.test(text.slice(clause.scopeStart, start));
  if (negatedWithin(text.slice(start, end))) return true;
  if (clause.condition && clause.actor !== 'us') return true;
  if (clause.rights && clause.actor !== 'us') return true;
  return negated(text, clause.scopeStart, start, end, clause.end);
}
