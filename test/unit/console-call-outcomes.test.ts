/** Validation of a logged call's outcome, and which kind of contact each outcome is for the call caps. */
import { describe, expect, it } from 'vitest';
import {
  CALL_OUTCOMES,
  callKindOf,
  callOutcomeBody,
  promiseProblems,
} from '../../lambdas/domain/console/call-outcomes';

const issues = (body: unknown) => {
  const parsed = callOutcomeBody.safeParse(body);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('call outcome body', () => {
  it('accepts every outcome without a promise, and promise_to_pay with one', () => {
    for (const outcome of CALL_OUTCOMES.filter((o) => o !== 'promise_to_pay')) {
      expect(issues({ outcome })).toEqual([]);
    }
    expect(
      callOutcomeBody.parse({
        outcome: 'promise_to_pay',
        promise: { amountMinor: 5_000, dueDate: '2026-12-01' },
        note: '  Will pay from salary.  ',
      }),
    ).toEqual({
      outcome: 'promise_to_pay',
      promise: { amountMinor: 5_000, dueDate: '2026-12-01' },
      note: 'Will pay from salary.',
    });
  });

  it('requires a promise for promise_to_pay, and refuses one for any other outcome', () => {
    expect(issues({ outcome: 'promise_to_pay' })).toEqual(['promise: is required for promise_to_pay']);
    expect(issues({ outcome: 'refused', promise: { amountMinor: 100, dueDate: '2026-12-01' } })).toEqual([
      'promise: is only for promise_to_pay',
    ]);
  });

  it('refuses unknown outcomes, bad amounts and dates, long notes and unknown fields', () => {
    expect(issues({ outcome: 'voicemail' })[0]).toMatch(/^outcome:/);
    const promise = (amountMinor: unknown, dueDate: unknown) => ({
      outcome: 'promise_to_pay',
      promise: { amountMinor, dueDate },
    });
    expect(issues(promise(0, '2026-12-01'))[0]).toMatch(/^promise\.amountMinor:/);
    expect(issues(promise(10.5, '2026-12-01'))[0]).toMatch(/^promise\.amountMinor:/);
    expect(issues(promise('100', '2026-12-01'))[0]).toMatch(/^promise\.amountMinor:/);
    expect(issues(promise(100, '01/12/2026'))[0]).toMatch(/^promise\.dueDate:/);
    expect(issues(promise(100, '2026-02-30'))[0]).toMatch(/^promise\.dueDate:/);
    expect(issues({ outcome: 'right_party', note: 'x'.repeat(501) })[0]).toMatch(/^note:/);
    expect(issues({ outcome: 'right_party', note: 'x'.repeat(500) })).toEqual([]);
    expect(issues({ outcome: 'right_party', agentId: 'someone-else' })[0]).toMatch(/agentId|Unrecognized/);
    expect(issues({})[0]).toMatch(/^outcome:/);
  });
});

describe('promise against the account', () => {
  const account = { balanceMinor: 120_000, currency: 'USD' as const };
  const today = '2026-11-23';

  it('accepts any amount up to the balance, due from today to today + 30 days', () => {
    expect(promiseProblems({ amountMinor: 120_000, dueDate: today }, account, today)).toEqual([]);
    expect(promiseProblems({ amountMinor: 1, dueDate: '2026-12-23' }, account, today)).toEqual([]);
  });

  it('names each problem: more than the balance, a past date, a date too far ahead', () => {
    expect(promiseProblems({ amountMinor: 120_001, dueDate: '2026-11-22' }, account, today)).toEqual([
      'amountMinor 120001 is more than the balance of 120000 USD minor units',
      'dueDate 2026-11-22 must be from 2026-11-23 to 2026-12-23',
    ]);
    expect(promiseProblems({ amountMinor: 100, dueDate: '2026-12-24' }, account, today)).toHaveLength(1);
  });
});

describe('kind of contact for the caps', () => {
  it('counts a call that reached the customer as a conversation, any other as an attempt', () => {
    expect(Object.fromEntries(CALL_OUTCOMES.map((outcome) => [outcome, callKindOf(outcome)]))).toEqual({
      right_party: 'conversation',
      promise_to_pay: 'conversation',
      refused: 'conversation',
      wrong_number: 'call_attempt',
      no_answer: 'call_attempt',
    });
  });
});
