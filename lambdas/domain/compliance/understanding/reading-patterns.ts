import { readArtifact } from '../../../../models/artifacts';

/**
 * The clause reader's patterns (`gate-reading.json` beside this file: sentence and clause breaks, guidance,
 * reported speech, mentions, rejections, rights, actors), read and compiled on first use rather than bundled
 * (cold start, issue #14): the table is about 10 KB of regular expressions. Each pattern is compiled once and
 * kept, as a module constant would be.
 */
type PatternName = keyof typeof NAMES;
const NAMES = {
  SENTENCE_END: 0,
  CLAUSE_BREAK_EN: 0,
  CLAUSE_BREAK_ZH: 0,
  CONDITION_START_EN: 0,
  CONSEQUENCE_EN: 0,
  GUIDANCE_EN: 0,
  GUIDANCE_ZH: 0,
  REPORTED_SPEECH_EN: 0,
  QUOTED_SPEECH_EN: 0,
  FIRST_PERSON_SPEECH_EN: 0,
  OTHERS_SPEECH_EN: 0,
  OTHERS_SPEECH_ZH: 0,
  POLICY_EN: 0,
  POLICY_DOCUMENT: 0,
  GUIDANCE_LIST_HEADER: 0,
  CUSTOMER_REPORT: 0,
  CUSTOMER_TURN: 0,
  COUNTER_REFERENCE: 0,
  SCAM_WARNING: 0,
  NEGATIVE_ANSWER: 0,
  REPORTED_SPEECH_ZH: 0,
  SAY_TO_CUSTOMER_EN: 0,
  SAY_TO_CUSTOMER_ZH: 0,
  REJECTION_EN: 0,
  REJECTION_ZH: 0,
  RIGHTS_EN: 0,
  RIGHTS_ZH: 0,
  US_EN: 0,
  THIRD_EN: 0,
  MENTION_BEFORE_ZH: 0,
  MENTION_AFTER_ZH: 0,
  DISOWNED_AFTER_ZH: 0,
  MENTION_BEFORE_EN: 0,
  MENTION_AFTER_EN: 0,
  DISOWNED_AFTER_EN: 0,
} as const;

let table: Readonly<Record<string, readonly [string, string]>> | undefined;

function compile(name: PatternName): RegExp {
  table ??= readArtifact(import.meta.dirname, 'gate-reading.json') as Record<string, [string, string]>;
  const entry = table[name];
  if (!entry) throw new Error(`gate-reading.json has no pattern ${name}`);
  return new RegExp(entry[0], entry[1]);
}

/** The patterns by name, each compiled on first use. */
export const R = {} as Record<PatternName, RegExp>;
for (const name of Object.keys(NAMES) as PatternName[])
  Object.defineProperty(R, name, {
    get() {
      const pattern = compile(name);
      Object.defineProperty(R, name, { value: pattern });
      return pattern;
    },
    configurable: true,
  });
