import { describe, expect, it } from 'vitest';
import {
  type ContactEvent,
  type ContactRequest,
  checkContact,
  nextAllowedContact,
  POLICY_PACKS,
  RULE_CATALOGUE,
  ruleFor,
  rulesOf,
} from '../../lambdas/domain/compliance';
import { parseInstant, wallClockIn } from '../../lambdas/domain/compliance/local-time';

const NEW_YORK = 'America/New_York';
const SHANGHAI = 'Asia/Shanghai';
const HOUR = 3_600_000;

/** A US call on Monday 2026-11-23 at 10:00 New York time (EST), nothing on record. */
function request(overrides: Partial<ContactRequest> = {}): ContactRequest {
  return {
    jurisdiction: 'US',
    timezone: NEW_YORK,
    channel: 'call',
    at: '2026-11-23T15:00:00Z',
    history: [],
    flags: {},
    ...overrides,
  };
}

const cnRequest = (overrides: Partial<ContactRequest> = {}) =>
  request({ jurisdiction: 'CN', timezone: SHANGHAI, at: '2026-11-23T06:00:00Z', ...overrides });

const reasonsFor = (overrides: Partial<ContactRequest>) => checkContact(request(overrides)).reasons;

/** `count` events of `kind` on the phone, one every `spacingHours`, the last `hoursBefore` hours before `at`. */
function calls(at: string, count: number, kind: ContactEvent['kind'], hoursBefore = 1, spacingHours = 20) {
  return Array.from(
    { length: count },
    (_, i): ContactEvent => ({
      at: new Date(Date.parse(at) - (hoursBefore + i * spacingHours) * HOUR).toISOString(),
      channel: 'call',
      kind,
    }),
  );
}

describe('local wall clock', () => {
  it('follows the DST switches of America/New_York', () => {
    const clock = (iso: string) => wallClockIn(NEW_YORK, Date.parse(iso));
    // 2026-03-08: 01:59 EST is followed by 03:00 EDT.
    expect(clock('2026-03-08T06:59:00Z')).toMatchObject({ date: '2026-03-08', minuteOfDay: 1 * 60 + 59 });
    expect(clock('2026-03-08T07:00:00Z')).toMatchObject({ date: '2026-03-08', minuteOfDay: 3 * 60 });
    // 2026-11-01: 01:30 happens twice, first in EDT then in EST.
    expect(clock('2026-11-01T05:30:00Z')).toMatchObject({ minuteOfDay: 90 });
    expect(clock('2026-11-01T06:30:00Z')).toMatchObject({ minuteOfDay: 90 });
  });

  it('counts local wall-clock time, so a DST day is 23 or 25 hours of elapsed time', () => {
    const wallMs = (iso: string) => wallClockIn(NEW_YORK, Date.parse(iso))!.wallMs;
    const wallHours = (from: string, to: string) => (wallMs(to) - wallMs(from)) / HOUR;
    expect(wallHours('2026-03-07T17:00:00Z', '2026-03-08T16:00:00Z')).toBe(24); // noon to noon, 23 h elapsed
    expect(wallHours('2026-10-31T16:00:00Z', '2026-11-01T17:00:00Z')).toBe(24); // noon to noon, 25 h elapsed
  });

  it('reads only ISO-8601 instants with an offset, and only real dates', () => {
    expect(parseInstant('2026-11-23T14:00:00Z')).toBe(Date.UTC(2026, 10, 23, 14));
    expect(parseInstant('2026-11-23T22:00:00+08:00')).toBe(Date.UTC(2026, 10, 23, 14));
    expect(parseInstant('2026-11-23T14:00Z')).toBe(Date.UTC(2026, 10, 23, 14));
    expect(parseInstant('2026-11-23T14:00:00')).toBeUndefined();
    expect(parseInstant('2026-02-30T10:00:00Z')).toBeUndefined();
    expect(parseInstant('tomorrow')).toBeUndefined();
  });
});

describe('US contact hours (08:00 to before 21:00 local)', () => {
  it.each([
    ['07:59', '2026-11-23T12:59:00Z', false],
    ['08:00', '2026-11-23T13:00:00Z', true],
    ['20:59', '2026-11-24T01:59:00Z', true],
    ['20:59:59', '2026-11-24T01:59:59Z', true],
    ['21:00', '2026-11-24T02:00:00Z', false],
  ])('a call at %s New York time is allowed: %s', (_, at, allowed) => {
    const verdict = checkContact(request({ at }));
    expect(verdict.allowed).toBe(allowed);
    expect(verdict.reasons).toEqual(allowed ? [] : ['OUTSIDE_CONTACT_HOURS']);
  });

  it('apply to SMS and e-mail sends as well', () => {
    const late = '2026-11-24T02:00:00Z';
    expect(reasonsFor({ channel: 'email', at: late })).toEqual(['OUTSIDE_CONTACT_HOURS']);
    expect(reasonsFor({ channel: 'sms', at: late, flags: { smsConsent: true } })).toEqual([
      'OUTSIDE_CONTACT_HOURS',
    ]);
  });

  it.each([
    // Spring forward on 2026-03-08: 12:30Z is 07:30 EST before, 08:30 EDT after.
    ['2026-03-07T12:30:00Z', false],
    ['2026-03-08T12:30:00Z', true],
    // 01:30Z is 20:30 EST on the 7th, but 21:30 EDT on the 8th.
    ['2026-03-08T01:30:00Z', true],
    ['2026-03-09T01:30:00Z', false],
    // Fall back on 2026-11-01: 12:30Z is 08:30 EDT before, 07:30 EST after.
    ['2026-10-31T12:30:00Z', true],
    ['2026-11-01T12:30:00Z', false],
    // 01:30Z is 21:30 EDT on 31 October, but 20:30 EST on 1 November.
    ['2026-11-01T01:30:00Z', false],
    ['2026-11-02T01:30:00Z', true],
  ])('follow DST: %s is allowed: %s', (at, allowed) => {
    expect(checkContact(request({ at })).allowed).toBe(allowed);
  });
});

describe('CN contact hours (none from 22:00 to 08:00 local)', () => {
  it.each([
    ['07:59', '2026-11-22T23:59:00Z', false],
    ['08:00', '2026-11-23T00:00:00Z', true],
    ['21:59', '2026-11-23T13:59:00Z', true],
    ['22:00', '2026-11-23T14:00:00Z', false],
  ])('a call at %s Shanghai time is allowed: %s', (_, at, allowed) => {
    const verdict = checkContact(cnRequest({ at }));
    expect(verdict.allowed).toBe(allowed);
    expect(verdict.reasons).toEqual(allowed ? [] : ['OUTSIDE_CONTACT_HOURS']);
  });
});

describe('US call frequency (Regulation F 1006.14(b)(2))', () => {
  const at = '2026-11-23T15:00:00Z';

  it('allows the 7th call within 7 days and blocks the 8th', () => {
    expect(reasonsFor({ history: calls(at, 6, 'call_attempt') })).toEqual([]);
    expect(reasonsFor({ history: calls(at, 7, 'call_attempt') })).toEqual(['CALL_CAP_7_IN_7_DAYS']);
  });

  it('counts conversations as placed calls', () => {
    const history = [...calls(at, 6, 'call_attempt'), ...calls(at, 1, 'conversation', 130)];
    expect(reasonsFor({ history })).toEqual(['CALL_CAP_7_IN_7_DAYS', 'CALL_WITHIN_7_DAYS_OF_CONVERSATION']);
  });

  it('drops a call from the window once 7 × 24 hours have passed', () => {
    const sevenDaysBefore = calls(at, 1, 'call_attempt', 7 * 24);
    expect(reasonsFor({ history: [...calls(at, 6, 'call_attempt'), ...sevenDaysBefore] })).toEqual([]);
  });

  it('ignores texts, e-mails and events after the contact being checked', () => {
    const texts: ContactEvent[] = calls(at, 10, 'message', 1, 2).map((event) => ({
      ...event,
      channel: 'sms',
    }));
    const later = calls(at, 3, 'call_attempt', -5, -1);
    expect(reasonsFor({ history: [...calls(at, 6, 'call_attempt'), ...texts, ...later] })).toEqual([]);
  });

  it('does not cap texts or e-mails', () => {
    const history = calls(at, 9, 'call_attempt');
    expect(reasonsFor({ channel: 'email', history })).toEqual([]);
  });

  describe('after a telephone conversation on day 1 (Monday 2 November, 10:00 New York)', () => {
    const history = [{ at: '2026-11-02T15:00:00Z', channel: 'call', kind: 'conversation' } as const];

    it.each([
      ['day 2', '2026-11-03T15:00:00Z', false],
      ['day 7, 20:00', '2026-11-09T01:00:00Z', false],
      ['day 8, 09:59 (7 × 24 h not yet over)', '2026-11-09T14:59:00Z', false],
      ['day 8, 10:00', '2026-11-09T15:00:00Z', true],
      ['day 9', '2026-11-10T15:00:00Z', true],
    ])('a call on %s is allowed: %s', (_, at, allowed) => {
      const verdict = checkContact(request({ at, history }));
      expect(verdict.allowed).toBe(allowed);
      if (!allowed) expect(verdict.reasons).toEqual(['CALL_WITHIN_7_DAYS_OF_CONVERSATION']);
    });

    it('still allows an e-mail the next day', () => {
      expect(reasonsFor({ channel: 'email', at: '2026-11-03T15:00:00Z', history })).toEqual([]);
    });

    it('a call attempt that did not reach the person starts no quiet period', () => {
      const attempt = [{ ...history[0]!, kind: 'call_attempt' as const }];
      expect(reasonsFor({ at: '2026-11-03T15:00:00Z', history: attempt })).toEqual([]);
    });
  });

  it('measures the quiet period in local time across the DST switch', () => {
    // Sunday 1 March 15:00 EST; Sunday 8 March 15:00 EDT is 7 local days later but only 167 hours.
    const history = [{ at: '2026-03-01T20:00:00Z', channel: 'call', kind: 'conversation' } as const];
    expect(checkContact(request({ at: '2026-03-08T19:00:00Z', history })).allowed).toBe(true);
    expect(checkContact(request({ at: '2026-03-08T18:59:00Z', history })).allowed).toBe(false);
  });
});

describe('CN daily call caps (Shanghai calendar day)', () => {
  const at = '2026-11-23T06:00:00Z'; // 14:00 in Shanghai

  it('allows the 6th unanswered dial of the day and blocks the 7th', () => {
    expect(checkContact(cnRequest({ history: calls(at, 5, 'call_attempt', 1, 1) })).reasons).toEqual([]);
    expect(checkContact(cnRequest({ history: calls(at, 6, 'call_attempt', 1, 1) })).reasons).toEqual([
      'CN_UNANSWERED_DIAL_CAP',
    ]);
  });

  it('allows the 3rd effective call of the day and blocks the 4th', () => {
    expect(checkContact(cnRequest({ history: calls(at, 2, 'conversation', 1, 1) })).reasons).toEqual([]);
    expect(checkContact(cnRequest({ history: calls(at, 3, 'conversation', 1, 1) })).reasons).toEqual([
      'CN_EFFECTIVE_CALL_CAP',
    ]);
  });

  it('starts a new count at local midnight, not UTC midnight', () => {
    const lastEveningLocal = calls('2026-11-22T16:00:00Z', 6, 'call_attempt', 0.1, 0.1); // 23:5x on the 22nd
    const afterLocalMidnight = calls('2026-11-22T16:00:00Z', 6, 'call_attempt', -0.1, -0.1); // 00:0x on the 23rd
    expect(checkContact(cnRequest({ history: lastEveningLocal })).allowed).toBe(true);
    expect(checkContact(cnRequest({ history: afterLocalMidnight })).reasons).toEqual([
      'CN_UNANSWERED_DIAL_CAP',
    ]);
  });

  it('has no 7-in-7 cap and no quiet period after a conversation', () => {
    const history = [...calls(at, 10, 'call_attempt', 25, 12), ...calls(at, 1, 'conversation', 24)];
    expect(checkContact(cnRequest({ history })).allowed).toBe(true);
  });
});

describe('holds and channel rules', () => {
  it.each(['call', 'sms', 'email'] as const)('a cease request blocks %s', (channel) => {
    expect(reasonsFor({ channel, flags: { cease: true, smsConsent: true } })).toEqual(['CEASE_REQUESTED']);
  });

  it.each([
    ['US', { dispute: true }, 'DISPUTE_HOLD'],
    ['CN', { dispute: true }, 'DISPUTE_HOLD'],
    ['US', { hardshipPlan: true }, 'HARDSHIP_PLAN_HOLD'],
    ['CN', { hardshipPlan: true }, 'HARDSHIP_PLAN_HOLD'],
    ['CN', { cease: true }, 'CEASE_REQUESTED'],
  ] as const)('in %s, %o blocks with %s', (jurisdiction, flags, reason) => {
    const make = jurisdiction === 'US' ? request : cnRequest;
    expect(checkContact(make({ flags })).reasons).toEqual([reason]);
  });

  it('a refused channel is blocked, other channels are not', () => {
    const flags = { refusedChannels: ['sms' as const], smsConsent: true };
    expect(reasonsFor({ channel: 'sms', flags })).toEqual(['CHANNEL_REFUSED']);
    expect(reasonsFor({ channel: 'email', flags })).toEqual([]);
  });

  it('an SMS needs recorded consent: missing or false is no consent', () => {
    expect(reasonsFor({ channel: 'sms', flags: {} })).toEqual(['NO_SMS_CONSENT']);
    expect(reasonsFor({ channel: 'sms', flags: { smsConsent: false } })).toEqual(['NO_SMS_CONSENT']);
    expect(reasonsFor({ channel: 'sms', flags: { smsConsent: true } })).toEqual([]);
    expect(checkContact(cnRequest({ channel: 'sms' })).reasons).toEqual(['NO_SMS_CONSENT']);
  });

  it('returns every reason that applies', () => {
    const verdict = checkContact(
      request({
        channel: 'sms',
        at: '2026-11-24T03:00:00Z',
        flags: { cease: true, dispute: true, hardshipPlan: true, refusedChannels: ['sms'] },
      }),
    );
    expect(verdict).toEqual({
      allowed: false,
      reasons: [
        'CEASE_REQUESTED',
        'DISPUTE_HOLD',
        'HARDSHIP_PLAN_HOLD',
        'CHANNEL_REFUSED',
        'NO_SMS_CONSENT',
        'OUTSIDE_CONTACT_HOURS',
      ],
    });
  });
});

describe('nextAllowedContact', () => {
  const FAR = Date.parse('2026-12-31T00:00:00Z');
  const next = (overrides: Partial<ContactRequest>, untilMs = FAR) =>
    nextAllowedContact(request(overrides), untilMs);
  const TUESDAY_0800 = '2026-11-24T13:00:00.000Z'; // New York, EST

  it('returns an instant that is already allowed unchanged', () => {
    expect(next({ at: '2026-11-23T15:00:00Z' })).toBe('2026-11-23T15:00:00.000Z');
    expect(next({ at: '2026-11-23T15:07:13.500Z' })).toBe('2026-11-23T15:07:13.500Z');
  });

  it('allows 20:59 itself and moves 21:00 to 08:00 the next morning', () => {
    expect(next({ at: '2026-11-24T01:59:00Z' })).toBe('2026-11-24T01:59:00.000Z');
    expect(next({ at: '2026-11-24T02:00:00Z' })).toBe(TUESDAY_0800);
  });

  it('lands exactly on the opening from an instant off the quarter hours', () => {
    expect(next({ at: '2026-11-24T02:07:13.250Z' })).toBe(TUESDAY_0800);
    expect(next({ at: '2026-11-24T12:59:59.999Z' })).toBe(TUESDAY_0800); // 07:59:59.999
  });

  it('lands on the local opening across a DST switch', () => {
    // Saturday 31 October, 23:00 EDT; 08:00 on Sunday 1 November is EST.
    expect(next({ at: '2026-11-01T03:00:00Z' })).toBe('2026-11-01T13:00:00.000Z');
    // Saturday 7 March, 23:00 EST; 08:00 on Sunday 8 March is EDT.
    expect(next({ at: '2026-03-08T04:00:00Z' })).toBe('2026-03-08T12:00:00.000Z');
  });

  it.each([
    ['Asia/Kolkata (UTC+5:30)', 'Asia/Kolkata', '2026-11-23T16:07:00Z', '2026-11-24T02:30:00.000Z'],
    [
      'Australia/Adelaide (UTC+10:30 in summer)',
      'Australia/Adelaide',
      '2026-11-23T12:00:00Z',
      '2026-11-23T21:30:00.000Z',
    ],
    ['Asia/Kathmandu (UTC+5:45)', 'Asia/Kathmandu', '2026-11-23T16:10:00Z', '2026-11-24T02:15:00.000Z'],
  ])('lands exactly on 08:00 local in %s', (_, timezone, at, opening) => {
    const found = next({ timezone, at });
    expect(found).toBe(opening);
    expect(wallClockIn(timezone, Date.parse(found!))).toMatchObject({ minuteOfDay: 8 * 60 });
  });

  it('uses the CN hours: 22:00 Shanghai waits for 08:00', () => {
    expect(nextAllowedContact(cnRequest({ at: '2026-11-23T14:00:00Z' }), FAR)).toBe(
      '2026-11-24T00:00:00.000Z',
    );
  });

  it('waits out a call cap as well as the hours', () => {
    // Conversation on Monday 2 November at 10:00 New York: calls may resume on Monday 9th at 10:00.
    const history = [{ at: '2026-11-02T15:00:00Z', channel: 'call', kind: 'conversation' } as const];
    expect(next({ at: '2026-11-03T15:00:00Z', history })).toBe('2026-11-09T15:00:00.000Z');
  });

  it.each<[string, Partial<ContactRequest>]>([
    ['a cease request', { flags: { cease: true } }],
    ['a dispute', { flags: { dispute: true } }],
    ['a refused channel', { flags: { refusedChannels: ['call'] } }],
    ['an SMS without consent', { channel: 'sms', flags: {} }],
    ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }],
    ['an unreadable instant', { at: 'soon' }],
  ])('finds no window under %s, whatever the hour', (_, overrides) => {
    expect(next(overrides)).toBeUndefined();
    expect(next({ ...overrides, at: overrides.at ?? '2026-11-24T02:00:00Z' })).toBeUndefined();
  });

  it('finds no window when the opening is at or after untilMs', () => {
    const opening = Date.parse(TUESDAY_0800);
    expect(next({ at: '2026-11-24T02:00:00Z' }, opening)).toBeUndefined();
    expect(next({ at: '2026-11-24T02:00:00Z' }, opening + 1)).toBe(TUESDAY_0800);
    // Not even an allowed instant is returned once untilMs has passed.
    expect(next({ at: '2026-11-23T15:00:00Z' }, Date.parse('2026-11-23T15:00:00Z'))).toBeUndefined();
  });
});

describe('fail closed', () => {
  it('blocks an unknown time zone, even at a time that would be fine anywhere', () => {
    expect(checkContact(request({ timezone: 'Mars/Olympus_Mons' }))).toEqual({
      allowed: false,
      reasons: ['UNKNOWN_TIMEZONE'],
    });
    expect(reasonsFor({ timezone: '' })).toEqual(['UNKNOWN_TIMEZONE']);
  });

  it('blocks an unknown jurisdiction', () => {
    expect(reasonsFor({ jurisdiction: 'UK' })).toEqual(['UNKNOWN_JURISDICTION']);
    expect(reasonsFor({ jurisdiction: 'toString' })).toEqual(['UNKNOWN_JURISDICTION']);
    expect(reasonsFor({ jurisdiction: 'UK', timezone: 'Nowhere' })).toEqual([
      'UNKNOWN_JURISDICTION',
      'UNKNOWN_TIMEZONE',
    ]);
  });

  it('blocks an unreadable timestamp rather than ignoring it', () => {
    expect(reasonsFor({ at: 'soon' })).toEqual(['INVALID_TIMESTAMP']);
    expect(reasonsFor({ history: [{ at: 'yesterday', channel: 'call', kind: 'conversation' }] })).toEqual([
      'INVALID_TIMESTAMP',
    ]);
  });
});

describe('rule catalogue', () => {
  it('gives every rule a unique id, a version and a source', () => {
    const ids = RULE_CATALOGUE.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULE_CATALOGUE) {
      expect(rule.version).toMatch(/^\d{4}\.\d+\.\d+$/);
      expect(rule.source.length).toBeGreaterThan(5);
    }
    expect(ids).toEqual(expect.arrayContaining(['US-CONTACT-HOURS', 'CN-CONTACT-HOURS', 'US-MINI-MIRANDA']));
  });

  it('maps each code of a pack to exactly one rule, so verdicts can name the rule version', () => {
    for (const pack of Object.values(POLICY_PACKS)) {
      const codes = rulesOf(pack).map((rule) => rule.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
    expect(ruleFor('US', 'OUTSIDE_CONTACT_HOURS')).toMatchObject({
      id: 'US-CONTACT-HOURS',
      source: '12 CFR 1006.6(b)(1)(i)',
    });
    expect(ruleFor('CN', 'CN_EFFECTIVE_CALL_CAP')?.id).toBe('CN-EFFECTIVE-CALL-CAP');
    expect(ruleFor('UK', 'OUTSIDE_CONTACT_HOURS')).toBeUndefined();
  });
});
