import { type Clause, clausesOf, type QuoteSpan, quotedSpans } from '../understanding/clauses';
import { foldEvasion } from '../understanding/evasion';
import { negated } from '../understanding/negation';
import { originalSpan, type ReadText, readText } from '../understanding/normalise';
import type { ContentCategory } from './categories';
import { LEXICON } from './lexicon';
import { PATTERN_SPECS, type Scope } from './patterns';

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
}

export function readMessage(text: string): ReadMessage {
  const read = foldEvasion(readText(text));
  const quotes = quotedSpans(read.text);
  return { read, clauses: clausesOf(read.text), reported: quotes.filter((quote) => quote.reported), quotes };
}

interface CompiledPattern {
  readonly category: ContentCategory;
  readonly scope: Scope;
  readonly pattern: RegExp;
}

let compiled: CompiledPattern[] | undefined;

function expand(source: string, language: 'en' | 'zh'): string {
  let body = source.replace(/<(\w+)>/gu, (_, key: string) => alternation(LEXICON[key] ?? [], language));
  if (language === 'zh') return body;
  body = body
    .replaceAll('~~', '(?:\\S+ ){0,6}?')
    .replaceAll('~1n', '(?:(?!(?:not|never|no|nor|hardly)\\b)\\S+ )?')
    .replaceAll('~n', "(?:(?!(?:not|never|no|nor|hardly|isn't|aren't|don't|doesn't)\\b)\\S+ ){0,3}?")
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
  for (const spec of PATTERN_SPECS) {
    for (const language of ['en', 'zh'] as const) {
      const sources = spec[language] ?? [];
      for (const scope of ['act', 'attr', 'say'] as const) {
        const selected = sources
          .filter((source) => (source.startsWith('@act ') ? 'act' : spec.scope) === scope)
          .map((source) => expand(source.replace(/^@act /u, ''), language));
        if (selected.length === 0) continue;
        const body =
          language === 'en'
            ? `(?<![\\p{L}\\p{N}_])(?:${selected.join('|')})(?![\\p{L}\\p{N}_])`
            : `(?:${selected.join('|')})`;
        compiled.push({ category: spec.category, scope, pattern: new RegExp(body, 'giu') });
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
  for (const { category, scope, pattern } of patterns()) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index!;
      const end = start + match[0].length;
      if (end === start) continue;
      const clause = clauseAt(clauses, start);
      if (reported.some((quote) => start >= quote.start && end <= quote.end)) continue;
      // Only a short quote is a word being mentioned; a long one is speech.
      const quoted = quotes.some(
        (quote) => start >= quote.start && end <= quote.end && quote.end - quote.start <= 32,
      );
      if (clause && excused(text, clause, scope, start, end, quoted)) continue;
      const span = originalSpan(read, start, end);
      findings.push({ category, ...span, phrase: read.original.slice(span.start, span.end) });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.category.localeCompare(b.category));
}

function clauseAt(clauses: readonly Clause[], index: number): Clause | undefined {
  let found: Clause | undefined;
  for (const clause of clauses) {
    if (clause.start <= index && index < clause.end) return clause;
    if (clause.start <= index) found = clause;
  }
  return found;
}

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
  // A listed word in quotes and denied ("we never call anyone a 'deadbeat'") is mentioned, not used.
  if (scope === 'say') return quoted && negated(text, clause.scopeStart, start, end, clause.end);
  if (scope === 'attr') return negated(text, clause.scopeStart, start, end, clause.end);
  if (clause.condition && clause.actor !== 'us') return true;
  if (clause.rights && clause.actor !== 'us') return true;
  return negated(text, clause.scopeStart, start, end, clause.end);
}
