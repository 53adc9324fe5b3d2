/**
 * Runs EventBridge event-pattern test vectors against the local matcher.
 *
 * A directory holds two kinds of case:
 * - `NAME.json5`: `{"Event": {...}, "EventPattern": {...}}`;
 * - `NAME.json` + `NAME_pattern.json`: the event and the pattern in separate files.
 * The name says what EventBridge does with the case: `..._EXC` rejects the pattern, `..._NEG` accepts it
 * but does not match the event, anything else matches.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSON5 from 'json5';
import { compileEventPattern, InvalidEventPatternError } from './event-pattern';

export type ExpectedOutcome = 'match' | 'no-match' | 'invalid-pattern';

export interface ConformanceCase {
  /** The file that names the case: the `.json5` file, or the event file of a two-file case. */
  readonly file: string;
  readonly expected: ExpectedOutcome;
  /** Loads the event and pattern; throws when the files cannot be read or parsed. */
  load(): { event: unknown; pattern: unknown };
}

export interface CaseResult {
  readonly file: string;
  readonly passed: boolean;
  /** What went wrong, for failures. */
  readonly message?: string;
}

export interface ConformanceReport {
  readonly passed: number;
  readonly failed: number;
  readonly failures: string[];
  readonly details: CaseResult[];
  /** `.json` files without their other half, which cannot be run. */
  readonly unpaired: string[];
}

const PATTERN_FILE_SUFFIX = '_pattern.json';

export function runConformance(dir: string): ConformanceReport {
  const { cases, unpaired } = listConformanceCases(dir);
  const details = cases.map(runCase);
  const failures = details.filter((result) => !result.passed).map((result) => result.file);
  return { passed: details.length - failures.length, failed: failures.length, failures, details, unpaired };
}

export function listConformanceCases(dir: string): { cases: ConformanceCase[]; unpaired: string[] } {
  const files = readdirSync(dir).sort();
  const present = new Set(files);
  const cases: ConformanceCase[] = [];
  const unpaired: string[] = [];
  for (const file of files) {
    if (file.endsWith('.json5')) {
      cases.push(singleFileCase(dir, file));
    } else if (file.endsWith(PATTERN_FILE_SUFFIX)) {
      if (!present.has(eventFileFor(file))) unpaired.push(file);
    } else if (file.endsWith('.json')) {
      if (present.has(patternFileFor(file))) cases.push(twoFileCase(dir, file));
      else unpaired.push(file);
    }
  }
  return { cases, unpaired };
}

function patternFileFor(eventFile: string): string {
  return eventFile.replace(/\.json$/, PATTERN_FILE_SUFFIX);
}

function eventFileFor(patternFile: string): string {
  return `${patternFile.slice(0, -PATTERN_FILE_SUFFIX.length)}.json`;
}

function expectedOutcome(caseName: string): ExpectedOutcome {
  if (caseName.endsWith('_EXC')) return 'invalid-pattern';
  if (caseName.endsWith('_NEG')) return 'no-match';
  return 'match';
}

function singleFileCase(dir: string, file: string): ConformanceCase {
  return {
    file,
    expected: expectedOutcome(file.slice(0, -'.json5'.length)),
    load() {
      const vector: unknown = readJson5(path.join(dir, file));
      if (
        typeof vector !== 'object' ||
        vector === null ||
        !('Event' in vector) ||
        !('EventPattern' in vector)
      ) {
        throw new Error('expected an object with "Event" and "EventPattern"');
      }
      return { event: vector.Event, pattern: vector.EventPattern };
    },
  };
}

function twoFileCase(dir: string, eventFile: string): ConformanceCase {
  return {
    file: eventFile,
    expected: expectedOutcome(eventFile.slice(0, -'.json'.length)),
    load: () => ({
      event: readJson5(path.join(dir, eventFile)),
      pattern: readJson5(path.join(dir, patternFileFor(eventFile))),
    }),
  };
}

function readJson5(file: string): unknown {
  return JSON5.parse(readFileSync(file, 'utf8'));
}

function runCase(testCase: ConformanceCase): CaseResult {
  const fail = (message: string): CaseResult => ({ file: testCase.file, passed: false, message });
  let vector: { event: unknown; pattern: unknown };
  try {
    vector = testCase.load();
  } catch (error) {
    return fail(`cannot load the case: ${errorMessage(error)}`);
  }
  const actual = evaluate(vector.pattern, vector.event);
  if (actual.outcome === testCase.expected) return { file: testCase.file, passed: true };
  return fail(
    `expected ${testCase.expected}, got ${actual.outcome}${actual.reason ? ` (${actual.reason})` : ''}`,
  );
}

function evaluate(pattern: unknown, event: unknown): { outcome: ExpectedOutcome; reason?: string } {
  try {
    return { outcome: compileEventPattern(pattern).matches(event) ? 'match' : 'no-match' };
  } catch (error) {
    if (error instanceof InvalidEventPatternError)
      return { outcome: 'invalid-pattern', reason: error.message };
    throw error;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
