import { readArtifact } from '../../../../models/artifacts';
import type { ContentCategory } from './categories';

/**
 * What each detector looks for, as data. `act` patterns describe something done to the customer (a threat,
 * a call to their employer): they do not count when negated ("we will never…"), when they are a condition
 * someone else fulfils ("if another creditor sues you"), when the clause states the customer's rights, or when
 * a script tells the agent not to say them. `attr` patterns call the customer something (an insult): a
 * denial excuses them ("we would never call you a deadbeat"), a condition does not. `say` patterns are words
 * that must never be said (profanity, slurs, demeaning generalisations): negation does not excuse them; only
 * guidance and quoted words of others do.
 *
 * English sources: a space matches any white space, `~` up to three words, `~~` up to six; matched on whole
 * words, case-insensitively, on the normalised text. Chinese sources match anywhere. A `@claim ` source is a
 * promise whose negation is its meaning ("paying won't affect your credit", 对征信没有任何影响): it is excused
 * only by guidance, someone else's words, or a hedge before it ("we can't promise…", 无法保证…). `{NAME}` stands
 * for the table's fragment NAME (the people a third party can be, whose, who "we" are, how one contacts them).
 *
 * The table is `gate-patterns.json` beside this file (a spec's `note` says why it is there): read on first use,
 * not bundled, because it is most of the gate's size (cold start, issue #14). Bump the version with it.
 */
export type Scope = 'act' | 'attr' | 'say' | 'claim';

export interface PatternSpec {
  readonly category: ContentCategory;
  readonly scope: Scope;
  readonly en?: readonly string[];
  readonly zh?: readonly string[];
  /** Why the spec is there, where the table says. */
  readonly note?: string;
}

export const PATTERNS_VERSION = '2026.12.7';

interface PatternTable {
  readonly fragments: Readonly<Record<string, string>>;
  readonly specs: readonly PatternSpec[];
}

let specs: readonly PatternSpec[] | undefined;

/** The pattern specs, fragments in place, read once per process on first use. */
export function patternSpecs(): readonly PatternSpec[] {
  if (specs) return specs;
  const table = readArtifact(import.meta.dirname, 'gate-patterns.json') as PatternTable;
  const withFragments = (source: string) =>
    source.replace(/\{([A-Z_]+)\}/gu, (_, name: string) => {
      const fragment = table.fragments[name];
      if (fragment === undefined) throw new Error(`gate-patterns.json: unknown fragment {${name}}`);
      return fragment;
    });
  specs = table.specs.map(({ category, scope, en, zh }) => ({
    category,
    scope,
    ...(en ? { en: en.map(withFragments) } : {}),
    ...(zh ? { zh: zh.map(withFragments) } : {}),
  }));
  return specs;
}
