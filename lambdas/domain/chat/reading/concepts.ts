import { readArtifact } from '../../../../models/artifacts';

/**
 * Concepts: groups of ways people say one thing (a death in the family, a lawyer, "I already paid", a refused
 * channel), in English and Chinese. They are the classifier's most general features: a message nobody wrote
 * before still says "passed away" or "去世". Each concept is also read under negation ("i'm not going
 * bankrupt", "没有律师"), which is a different feature, so a denial never reads as the ask.
 */

export interface Concept {
  readonly name: string;
  /** The English phrasings, run only on text with Latin letters. */
  readonly en?: RegExp;
  /** The Chinese phrasings, run only on text with Chinese characters. */
  readonly zh?: RegExp;
  /** The concept already contains its own negation ("not mine"): a negation before it is not flipped. */
  readonly selfNegated?: boolean;
}

/** A concept as `assistant-concepts.json` beside this file declares it: regex alternations per language. */
interface ConceptEntry {
  readonly name: string;
  readonly en: string;
  readonly zh: string;
  readonly selfNegated?: boolean;
}

let concepts: readonly Concept[] | undefined;

/** The concepts, read and compiled once per process on first use: not bundled (cold start, issue #14). */
function conceptsOnce(): readonly Concept[] {
  concepts ??= (readArtifact(import.meta.dirname, 'assistant-concepts.json') as ConceptEntry[]).map(
    ({ name, en, zh, selfNegated = false }) => ({
      name,
      ...(en ? { en: new RegExp(`(?<![a-z])(?:${en})(?![a-z])`, 'gu') } : {}),
      ...(zh ? { zh: new RegExp(zh, 'gu') } : {}),
      selfNegated,
    }),
  );
  return concepts;
}

const NEGATION_EN =
  /(?:^|\b)(?:not|never|no|isn'?t|aren'?t|wasn'?t|don'?t|doesn'?t|didn'?t|won'?t|haven'?t|hasn'?t|ain'?t|nor|without|dont|didnt|isnt|im not|i'm not)\s+(?:\S+\s+){0,2}$/u;
/** "not saying i don't owe it": a denial of a denial. */
const DOUBLE_NEGATION =
  /(?:not (?:saying|claiming|that|disputing)|i'?m not saying|不是说|并不是说|不是我)\s*(?:\S+\s+){0,1}$/u;
const NEGATION_ZH = /(?:不|没|没有|别|非|并非|未|无)[\u4e00-\u9fff]{0,1}$/u;

/** The concepts a normalised text mentions, `!name` where a negation governs the mention. */
export function conceptsIn(text: string): string[] {
  const found: string[] = [];
  const latin = /[a-z?]/u.test(text);
  const han = /[\u4e00-\u9fff]/u.test(text);
  for (const concept of conceptsOnce()) {
    let plain = false;
    let negated = false;
    for (const [pattern, negation] of [
      [latin ? concept.en : undefined, NEGATION_EN],
      [han ? concept.zh : undefined, NEGATION_ZH],
    ] as const) {
      if (!pattern) continue;
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        if (match[0] === '') pattern.lastIndex++;
        const before = text.slice(Math.max(0, match.index - 24), match.index);
        const denied = concept.selfNegated ? DOUBLE_NEGATION.test(before) : negation.test(before);
        if (!denied) {
          plain = true;
        } else negated = true;
      }
    }
    if (plain) found.push(concept.name);
    if (negated) found.push(`!${concept.name}`);
  }
  return found;
}
