import { describe, expect, it } from 'vitest';
import { checkLine, gateMain, runGate } from '../../training/gate/cli';

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({
    jurisdiction: 'CN',
    channel: 'portal',
    language: 'en',
    text: 'Thank you for your payment.',
    ...fields,
  });

const labelled = [
  line({
    id: 'v1',
    text: 'We will contact your employer tomorrow.',
    expected: false,
    category: 'third_party_disclosure',
  }),
  line({ id: 'v2', text: 'Thanks, your plan is set up.', expected: false, category: 'insult' }),
  line({
    id: 'c1',
    text: 'Nobody at your workplace will ever hear from us.',
    expected: true,
    category: 'third_party_disclosure',
  }),
  line({ id: 'c2', text: 'We will tell your family everything.', expected: true }),
  line({ id: 'c3', expected: true }),
];

describe('gate evaluate', () => {
  it('prints per-category precision and recall, then the summary as the last line', () => {
    const run = runGate('evaluate', labelled.join('\n'), 'labelled.jsonl');
    expect(run.error).toBeUndefined();
    const summary = JSON.parse(run.output.at(-1)!);
    // v1 blocked, v2 allowed (a missed insult); c2 blocked (a clean line the gate blocks), c1 and c3 allowed.
    expect(summary).toEqual({ n: 5, recall: 0.5, falseBlockRate: 0.3333 });
    const third = run.output.find((row) => row.startsWith('third_party_disclosure'))!;
    expect(third.split(/\s+/).slice(1, 4)).toEqual(['1', '1', '100.0%']);
    expect(run.output[0]).toMatch(/^category\s+violating\s+blocked\s+recall/);
  });

  it('names the line of an unknown category or language, with a code, and reports nothing', () => {
    const badCategory = runGate(
      'evaluate',
      [labelled[0], line({ id: 'x', expected: false, category: 'rudeness' })].join('\n'),
      'f.jsonl',
    );
    expect(badCategory.output).toEqual([]);
    expect(badCategory.error).toMatch(
      /^gate: f\.jsonl: line 2: field "category": UNKNOWN_CATEGORY: expected one of/,
    );
    const outcome = checkLine('evaluate', line({ id: 'y', language: 'fr', expected: true }));
    expect(outcome.ok ? '' : outcome.problem).toMatch(/^field "language": UNKNOWN_LANGUAGE/);
    const missing = checkLine('evaluate', line({ id: 'z' }));
    expect(missing.ok ? '' : missing.problem).toBe('missing field "expected"');
  });

  it('check-messages takes an optional collector role, first-party needing no debt-collector disclosure', () => {
    const us = {
      id: 'r',
      jurisdiction: 'US',
      channel: 'portal',
      language: 'en',
      text: 'Your plan is ready.',
    };
    const answer = (fields: Record<string, unknown>) => {
      const outcome = checkLine('check-messages', JSON.stringify({ ...us, ...fields }));
      return outcome.ok ? JSON.parse(outcome.output) : outcome.problem;
    };
    expect(answer({})).toMatchObject({ allowed: false, violations: [{ rule: 'MISSING_MINI_MIRANDA' }] });
    expect(answer({ collectorRole: 'first_party' })).toEqual({ id: 'r', allowed: true, violations: [] });
    expect(answer({ collectorRole: 'bank' })).toMatch(/^field "collectorRole": UNKNOWN_COLLECTOR_ROLE/);
  });

  it('runs from the command line with the usage naming evaluate', () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      readText: (file: string) => (file === 'l.jsonl' ? labelled.join('\n') : undefined),
      writeOut: (text: string) => out.push(text),
      writeErr: (text: string) => err.push(text),
    };
    expect(gateMain(['evaluate', 'l.jsonl'], io)).toBe(0);
    expect(JSON.parse(out.join('').trim().split('\n').at(-1)!)).toMatchObject({ n: 5 });
    expect(gateMain(['evaluate'], io)).toBe(2);
    expect(err.join('')).toContain('npm run --silent gate -- evaluate FILE.jsonl');
  });
});
