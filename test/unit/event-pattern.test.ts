import { describe, expect, it } from 'vitest';
import {
  compileEventPattern,
  InvalidEventPatternError,
  matchesEventPattern,
} from '../../local/eventbridge/event-pattern';

function paymentEvent(detail: Record<string, unknown>) {
  return {
    version: '0',
    id: 'c1d2',
    source: 'collections.payments',
    'detail-type': 'PaymentReceived',
    account: '123456789012',
    time: '2024-06-07T09:00:00Z',
    region: 'eu-west-1',
    resources: ['arn:aws:dynamodb:eu-west-1:123456789012:table/accounts'],
    detail,
  };
}

/** Whether `detailPattern` (the pattern under "detail") matches an event with this detail. */
function detailMatches(detailPattern: Record<string, unknown>, detail: Record<string, unknown>): boolean {
  return matchesEventPattern({ detail: detailPattern }, paymentEvent(detail));
}

function rejectionOf(pattern: unknown): string {
  try {
    compileEventPattern(pattern);
  } catch (error) {
    if (error instanceof InvalidEventPatternError) return error.reason;
    throw error;
  }
  throw new Error(`pattern was accepted: ${JSON.stringify(pattern)}`);
}

function detailRejection(detailPattern: Record<string, unknown>): string {
  return rejectionOf({ detail: detailPattern });
}

describe('InvalidEventPatternError', () => {
  it('carries a code and an AWS-style message naming the reason', () => {
    const error = (() => {
      try {
        compileEventPattern({ source: [] });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidEventPatternError);
    expect(error).toMatchObject({
      code: 'INVALID_EVENT_PATTERN',
      name: 'InvalidEventPatternError',
      message: 'Event pattern is not valid. Reason: Empty arrays are not allowed',
    });
  });
});

describe('pattern structure', () => {
  it('accepts the JSON text of a pattern as well as the object', () => {
    expect(matchesEventPattern('{"source": ["collections.payments"]}', paymentEvent({}))).toBe(true);
    expect(rejectionOf('{"source": [')).toBe('Filter is not valid JSON');
  });

  it('rejects what EventBridge rejects', () => {
    expect(rejectionOf(['collections.payments'])).toBe('Filter is not an object');
    expect(rejectionOf({})).toBe('Empty objects are not allowed');
    expect(rejectionOf({ detail: {} })).toBe('Empty objects are not allowed');
    expect(rejectionOf({ source: 'collections.payments' })).toBe('"source" must be an object or an array');
    expect(rejectionOf({ source: [['nested']] })).toBe(
      'Match value must be String, number, true, false, or null',
    );
    expect(rejectionOf({ source: [{}] })).toBe('Match expression name not found');
    expect(rejectionOf({ source: [{ EXISTS: true }] })).toBe('Unrecognized match type EXISTS');
    expect(rejectionOf({ source: [{ prefix: 'a', suffix: 'b' }] })).toBe(
      'Only one key allowed in match expression',
    );
  });

  it('never matches something that is not an event object', () => {
    const pattern = compileEventPattern({ source: [{ exists: false }] });
    expect(pattern.matches(null)).toBe(false);
    expect(pattern.matches(['collections.payments'])).toBe(false);
    expect(pattern.matches({})).toBe(true);
  });
});

describe('exact values', () => {
  it('matches strings exactly and case-sensitively, keys included', () => {
    expect(matchesEventPattern({ source: ['collections.payments'] }, paymentEvent({}))).toBe(true);
    expect(matchesEventPattern({ source: ['Collections.Payments'] }, paymentEvent({}))).toBe(false);
    expect(matchesEventPattern({ Source: ['collections.payments'] }, paymentEvent({}))).toBe(false);
  });

  it('requires every field (AND) and matches any listed value (OR)', () => {
    const pattern = { source: ['collections.payments'], 'detail-type': ['PaymentFailed', 'PaymentReceived'] };
    expect(matchesEventPattern(pattern, paymentEvent({}))).toBe(true);
    expect(matchesEventPattern({ ...pattern, region: ['us-east-1'] }, paymentEvent({}))).toBe(false);
  });

  it('compares numbers by value but never against strings', () => {
    expect(detailMatches({ amount: [300] }, { amount: 300.0 })).toBe(true);
    expect(detailMatches({ amount: [3.0e2] }, { amount: 300 })).toBe(true);
    expect(detailMatches({ amount: [300] }, { amount: '300' })).toBe(false);
    expect(detailMatches({ amount: ['300'] }, { amount: 300 })).toBe(false);
  });

  it('matches booleans, null and the empty string as themselves', () => {
    expect(detailMatches({ disputed: [true] }, { disputed: true })).toBe(true);
    expect(detailMatches({ disputed: [true] }, { disputed: 'true' })).toBe(false);
    expect(detailMatches({ closedAt: [null] }, { closedAt: null })).toBe(true);
    expect(detailMatches({ closedAt: [null] }, { closedAt: 'null' })).toBe(false);
    expect(detailMatches({ closedAt: [null] }, {})).toBe(false);
    expect(detailMatches({ note: [''] }, { note: '' })).toBe(true);
  });

  it('matches an event array when any element matches, and an empty array never', () => {
    const pattern = { resources: ['arn:aws:dynamodb:eu-west-1:123456789012:table/accounts'] };
    expect(matchesEventPattern(pattern, paymentEvent({}))).toBe(true);
    expect(matchesEventPattern(pattern, { ...paymentEvent({}), resources: [] })).toBe(false);
    expect(matchesEventPattern({ resources: [null] }, { ...paymentEvent({}), resources: [] })).toBe(false);
  });

  it('follows nested objects, with dotted keys naming the same path', () => {
    expect(detailMatches({ debtor: { region: ['EU'] } }, { debtor: { region: 'EU' } })).toBe(true);
    expect(detailMatches({ debtor: { region: ['EU'] } }, { debtor: { country: 'FR' } })).toBe(false);
    expect(detailMatches({ 'debtor.region': ['EU'] }, { debtor: { region: 'EU' } })).toBe(true);
  });

  it('matches an IP address however the event spells it', () => {
    expect(detailMatches({ ip: ['2001:db8::1'] }, { ip: '2001:0db8:0000:0000:0000:0000:0000:0001' })).toBe(
      true,
    );
    expect(detailMatches({ ip: ['10.0.0.1'] }, { ip: '10.0.0.2' })).toBe(false);
  });
});

describe('array consistency', () => {
  const payments = {
    payments: [
      { method: 'card', status: 'failed' },
      { method: 'sepa', status: 'settled' },
    ],
  };

  it('takes every matched field from the same array element', () => {
    expect(detailMatches({ payments: { method: ['card'], status: ['failed'] } }, payments)).toBe(true);
    expect(detailMatches({ payments: { method: ['card'], status: ['settled'] } }, payments)).toBe(false);
  });

  it('applies exists inside arrays to one element at a time', () => {
    const withRef = { payments: [{ method: 'card' }, { method: 'sepa', mandateRef: 'M-1' }] };
    expect(detailMatches({ payments: { mandateRef: [{ exists: true }] } }, withRef)).toBe(true);
    expect(detailMatches({ payments: { method: ['card'], mandateRef: [{ exists: true }] } }, withRef)).toBe(
      false,
    );
  });
});

describe('prefix and suffix', () => {
  it('match the start or end of string values only', () => {
    expect(detailMatches({ ref: [{ prefix: 'INV-' }] }, { ref: 'INV-2024-001' })).toBe(true);
    expect(detailMatches({ ref: [{ prefix: 'inv-' }] }, { ref: 'INV-2024-001' })).toBe(false);
    expect(detailMatches({ file: [{ suffix: '.pdf' }] }, { file: 'letter.pdf' })).toBe(true);
    expect(detailMatches({ file: [{ suffix: '.pdf' }] }, { file: 'letter.PDF' })).toBe(false);
    expect(detailMatches({ ref: [{ prefix: '12' }] }, { ref: 123 })).toBe(false);
  });

  it('treat an empty operand as "any string"', () => {
    expect(detailMatches({ ref: [{ prefix: '' }] }, { ref: 'x' })).toBe(true);
    expect(detailMatches({ ref: [{ suffix: '' }] }, { ref: 7 })).toBe(false);
  });

  it('ignore case when wrapped in equals-ignore-case', () => {
    expect(detailMatches({ ref: [{ prefix: { 'equals-ignore-case': 'inv-' } }] }, { ref: 'INV-1' })).toBe(
      true,
    );
    expect(detailMatches({ file: [{ suffix: { 'equals-ignore-case': '.pdf' } }] }, { file: 'a.PDF' })).toBe(
      true,
    );
    expect(detailMatches({ file: [{ suffix: { 'equals-ignore-case': '.pdf' } }] }, { file: 'a.png' })).toBe(
      false,
    );
  });

  it('reject operands that are not strings', () => {
    expect(detailRejection({ ref: [{ prefix: 123 }] })).toBe('prefix match pattern must be a string');
    expect(detailRejection({ ref: [{ suffix: ['.pdf'] }] })).toBe('suffix match pattern must be a string');
    expect(detailRejection({ ref: [{ prefix: { 'equals-ignore-case': 1 } }] })).toBe(
      'equals-ignore-case match pattern must be a string',
    );
    expect(detailRejection({ ref: [{ prefix: { suffix: 'x' } }] })).toBe(
      'Unsupported prefix pattern: suffix',
    );
  });
});

describe('equals-ignore-case', () => {
  it('matches strings regardless of case', () => {
    expect(detailMatches({ status: [{ 'equals-ignore-case': 'overdue' }] }, { status: 'OverDue' })).toBe(
      true,
    );
    expect(detailMatches({ status: [{ 'equals-ignore-case': 'overdue' }] }, { status: 'overdue!' })).toBe(
      false,
    );
  });

  it('accepts only a string operand', () => {
    expect(detailRejection({ status: [{ 'equals-ignore-case': ['overdue'] }] })).toBe(
      'equals-ignore-case match pattern must be a string',
    );
    expect(detailRejection({ status: [{ 'equals-ignore-case': { prefix: 'o' } }] })).toBe(
      'equals-ignore-case match pattern must be a string',
    );
  });
});

describe('anything-but', () => {
  it('excludes single values and lists of one type', () => {
    expect(detailMatches({ status: [{ 'anything-but': 'settled' }] }, { status: 'overdue' })).toBe(true);
    expect(detailMatches({ status: [{ 'anything-but': 'settled' }] }, { status: 'settled' })).toBe(false);
    expect(detailMatches({ days: [{ 'anything-but': [30, 60] }] }, { days: 90 })).toBe(true);
    expect(detailMatches({ days: [{ 'anything-but': [30, 60] }] }, { days: 60.0 })).toBe(false);
    expect(detailMatches({ days: [{ 'anything-but': 0 }] }, { days: 1 })).toBe(true);
  });

  it('matches null and values of another type, but needs the field to be there', () => {
    expect(detailMatches({ status: [{ 'anything-but': 'settled' }] }, { status: null })).toBe(true);
    expect(detailMatches({ days: [{ 'anything-but': [30] }] }, { days: '30' })).toBe(true);
    expect(detailMatches({ status: [{ 'anything-but': 'settled' }] }, {})).toBe(false);
  });

  it('negates prefix, suffix, equals-ignore-case and wildcard', () => {
    expect(detailMatches({ region: [{ 'anything-but': { prefix: 'eu-' } }] }, { region: 'us-east-1' })).toBe(
      true,
    );
    expect(
      detailMatches({ region: [{ 'anything-but': { prefix: ['eu-', 'us-'] } }] }, { region: 'us-east-1' }),
    ).toBe(false);
    expect(detailMatches({ file: [{ 'anything-but': { suffix: '.tmp' } }] }, { file: 'a.tmp' })).toBe(false);
    expect(
      detailMatches(
        { status: [{ 'anything-but': { 'equals-ignore-case': 'settled' } }] },
        { status: 'SETTLED' },
      ),
    ).toBe(false);
    expect(
      detailMatches({ path: [{ 'anything-but': { wildcard: '*/archive/*' } }] }, { path: 'a/archive/b' }),
    ).toBe(false);
    expect(
      detailMatches({ path: [{ 'anything-but': { wildcard: '*/archive/*' } }] }, { path: 'a/inbox/b' }),
    ).toBe(true);
    expect(detailMatches({ region: [{ 'anything-but': { prefix: 'eu-' } }] }, { region: 42 })).toBe(true);
  });

  it('rejects null, booleans, mixed or empty lists and unsupported nesting', () => {
    expect(detailRejection({ s: [{ 'anything-but': null }] })).toBe(
      'Value of anything-but must be an array or single string/number value.',
    );
    expect(detailRejection({ s: [{ 'anything-but': ['a', true] }] })).toBe(
      'Inside anything but list, start|null|boolean is not supported.',
    );
    expect(detailRejection({ s: [{ 'anything-but': ['a', 1] }] })).toMatch(/mixed type is not supported/);
    expect(detailRejection({ s: [{ 'anything-but': [] }] })).toMatch(/mixed type is not supported/);
    expect(detailRejection({ s: [{ 'anything-but': { numeric: ['>', 1] } }] })).toBe(
      'Unsupported anything-but pattern: numeric',
    );
    expect(detailRejection({ s: [{ 'anything-but': { prefix: '' } }] })).toBe(
      'Null prefix/suffix not allowed',
    );
    expect(detailRejection({ s: [{ 'anything-but': { suffix: [1, '.x'] } }] })).toBe(
      'prefix/suffix match pattern must be a string',
    );
    expect(detailRejection({ s: [{ 'anything-but': { prefix: { 'equals-ignore-case': 'a' } } }] })).toBe(
      'Value of anything-but must be an array or single string/number value.',
    );
    expect(detailRejection({ s: [{ 'anything-but': { 'equals-ignore-case': 5 } }] })).toMatch(
      /^Inside anything-but\/equals-ignore-case list/,
    );
    expect(detailRejection({ s: [{ 'anything-but': { wildcard: 'a**' } }] })).toMatch(
      /^Consecutive wildcard/,
    );
  });
});

describe('numeric', () => {
  it.each([
    ['=', 100, 100, true],
    ['=', 100, 100.5, false],
    ['<', 100, 99.99, true],
    ['<', 100, 100, false],
    ['<=', 100, 100, true],
    ['>', 100, 100, false],
    ['>', 100, 101.0, true],
    ['>=', 100, 100, true],
  ])('%s %d against %d is %s', (operator, threshold, amount, expected) => {
    expect(detailMatches({ amount: [{ numeric: [operator, threshold] }] }, { amount })).toBe(expected);
  });

  it('matches ranges with open and closed ends', () => {
    const pattern = { amount: [{ numeric: ['>', 0, '<=', 500] }] };
    expect(detailMatches(pattern, { amount: 0 })).toBe(false);
    expect(detailMatches(pattern, { amount: 0.01 })).toBe(true);
    expect(detailMatches(pattern, { amount: 500 })).toBe(true);
    expect(detailMatches(pattern, { amount: 500.01 })).toBe(false);
  });

  it('matches JSON numbers only', () => {
    expect(detailMatches({ amount: [{ numeric: ['>', 0] }] }, { amount: '300' })).toBe(false);
    expect(detailMatches({ amount: [{ numeric: ['>', 0] }] }, { amount: null })).toBe(false);
  });

  it('rejects malformed expressions', () => {
    expect(detailRejection({ n: [{ numeric: 10 }] })).toBe('Value of numeric must be an array.');
    expect(detailRejection({ n: [{ numeric: [] }] })).toBe('Invalid member in numeric match: ]');
    expect(detailRejection({ n: [{ numeric: [10, '>'] }] })).toBe('Invalid member in numeric match: 10');
    expect(detailRejection({ n: [{ numeric: ['!=', 1] }] })).toBe('Unrecognized numeric range operator: !=');
    expect(detailRejection({ n: [{ numeric: ['=', '5'] }] })).toBe('Value of equals must be numeric');
    expect(detailRejection({ n: [{ numeric: ['>', 0, '<'] }] })).toBe('Value of < must be numeric');
    expect(detailRejection({ n: [{ numeric: ['>', 0, '>', 5] }] })).toBe('Bad numeric range operator: >');
    expect(detailRejection({ n: [{ numeric: ['<', 5, '>', 0] }] })).toBe(
      'Too many elements in numeric expression',
    );
    expect(detailRejection({ n: [{ numeric: ['>', 5, '<', 5] }] })).toBe('Bottom must be less than top');
    expect(detailRejection({ n: [{ numeric: ['>', 0, '<', 5, 6] }] })).toBe(
      'Too many terms in numeric range expression',
    );
  });
});

describe('exists', () => {
  it('sees leaf values, null included, but not objects or empty arrays', () => {
    expect(detailMatches({ closedAt: [{ exists: true }] }, { closedAt: null })).toBe(true);
    expect(detailMatches({ debtor: [{ exists: true }] }, { debtor: { id: 'd-1' } })).toBe(false);
    expect(detailMatches({ tags: [{ exists: true }] }, { tags: [] })).toBe(false);
    expect(detailMatches({ tags: [{ exists: true }] }, { tags: ['vip'] })).toBe(true);
  });

  it('matches a missing field with exists: false, even under a missing parent', () => {
    expect(detailMatches({ closedAt: [{ exists: false }] }, {})).toBe(true);
    expect(detailMatches({ closedAt: [{ exists: false }] }, { closedAt: 'x' })).toBe(false);
    expect(detailMatches({ debtor: { id: [{ exists: false }] } }, {})).toBe(true);
    expect(detailMatches({ tags: [{ exists: false }] }, { tags: [] })).toBe(true);
  });

  it('combines with other alternatives for the same field', () => {
    const pattern = { status: [{ 'anything-but': 'settled' }, { exists: false }] };
    expect(detailMatches(pattern, {})).toBe(true);
    expect(detailMatches(pattern, { status: 'overdue' })).toBe(true);
    expect(detailMatches(pattern, { status: 'settled' })).toBe(false);
  });

  it('accepts only booleans', () => {
    expect(detailRejection({ s: [{ exists: 'true' }] })).toBe(
      'exists match pattern must be either true or false.',
    );
  });
});

describe('cidr', () => {
  it('matches IPv4 and IPv6 addresses inside the block', () => {
    expect(detailMatches({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.0.255' })).toBe(true);
    expect(detailMatches({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.1.0' })).toBe(false);
    expect(detailMatches({ ip: [{ cidr: '2001:db8::/32' }] }, { ip: '2001:0db8:ffff::1' })).toBe(true);
    expect(detailMatches({ ip: [{ cidr: '2001:db8::/32' }] }, { ip: '10.0.0.1' })).toBe(false);
    expect(detailMatches({ ip: [{ cidr: '10.0.0.0/8' }] }, { ip: 'not-an-ip' })).toBe(false);
  });

  it('ignores host bits set in the operand', () => {
    expect(detailMatches({ ip: [{ cidr: '10.0.0.77/24' }] }, { ip: '10.0.0.1' })).toBe(true);
  });

  it('rejects malformed blocks', () => {
    expect(detailRejection({ ip: [{ cidr: 10 }] })).toBe('prefix match pattern must be a string');
    expect(detailRejection({ ip: [{ cidr: '10.0.0.0' }] })).toBe("Malformed CIDR, one '/' required");
    expect(detailRejection({ ip: [{ cidr: '10.0.0.0/x' }] })).toBe(
      'Malformed CIDR, mask bits must be an integer',
    );
    expect(detailRejection({ ip: [{ cidr: '10.0.0.0/-1' }] })).toBe(
      'Malformed CIDR, mask bits must not be negative',
    );
    expect(detailRejection({ ip: [{ cidr: '10.0.0.0/32' }] })).toBe('IPv4 mask bits must be < 32');
    expect(detailRejection({ ip: [{ cidr: '::/128' }] })).toBe('IPv6 mask bits must be < 128');
    expect(detailRejection({ ip: [{ cidr: 'host.example/8' }] })).toBe(
      'Nonstandard IP address: host.example',
    );
    expect(detailRejection({ ip: [{ cidr: '300.0.0.0/8' }] })).toBe('Invalid IP address: 300.0.0.0');
    expect(detailRejection({ ip: [{ cidr: '1:2:3:4:5:6:7:8:9/64' }] })).toBe(
      'Invalid IP address: 1:2:3:4:5:6:7:8:9',
    );
  });
});

describe('wildcard', () => {
  it('matches any run of characters, including none, across separators', () => {
    const pattern = { key: [{ wildcard: 'letters/*/final-*.pdf' }] };
    expect(detailMatches(pattern, { key: 'letters/2024/06/final-notice.pdf' })).toBe(true);
    expect(detailMatches(pattern, { key: 'letters//final-.pdf' })).toBe(true);
    expect(detailMatches(pattern, { key: 'letters/2024/draft-notice.pdf' })).toBe(false);
    expect(detailMatches({ key: [{ wildcard: '' }] }, { key: 'x' })).toBe(false);
    expect(detailMatches({ key: [{ wildcard: '*' }] }, { key: 7 })).toBe(false);
  });

  it('escapes * and \\ with a backslash and rejects any other escape', () => {
    expect(detailMatches({ key: [{ wildcard: 'a\\*b' }] }, { key: 'a*b' })).toBe(true);
    expect(detailMatches({ key: [{ wildcard: 'a\\*b' }] }, { key: 'axb' })).toBe(false);
    expect(detailMatches({ key: [{ wildcard: 'a\\\\*' }] }, { key: 'a\\tail' })).toBe(true);
    expect(detailRejection({ key: [{ wildcard: 'a\\b' }] })).toBe('Invalid escape character at pos 2');
    expect(detailRejection({ key: [{ wildcard: 'ab\\' }] })).toBe('Invalid escape character at pos 3');
  });

  it('rejects consecutive wildcards and non-string operands', () => {
    expect(detailRejection({ key: [{ wildcard: 'abc**def' }] })).toBe(
      'Consecutive wildcard characters at pos 4',
    );
    expect(detailRejection({ key: [{ wildcard: ['a*'] }] })).toBe('wildcard match pattern must be a string');
  });

  it('rejects rules whose wildcards are too complex for EventBridge', () => {
    const tooComplex = /^Rule is too complex/;
    expect(detailRejection({ arn: [{ wildcard: '*:*:*:*:*:event-bus/*' }] })).toMatch(tooComplex);
    expect(detailRejection({ key: [{ wildcard: '*aaaaaaaaaaaa' }] })).toMatch(tooComplex);
    const fourFolders = ['*/datasync/*.bif', '*/datasync/*.tiff', '*/datasync/*.tif', '*/datasync/*.svs'];
    expect(detailRejection({ key: fourFolders.map((wildcard) => ({ wildcard })) })).toMatch(tooComplex);
    expect(() =>
      compileEventPattern({ key: fourFolders.slice(0, 2).map((wildcard) => ({ wildcard })) }),
    ).not.toThrow();
    expect(() =>
      compileEventPattern({ arn: [{ wildcard: 'arn:aws:events:*:*:event-bus/*' }] }),
    ).not.toThrow();
    expect(() =>
      compileEventPattern({ key: [{ wildcard: '/Users/*/dir/dir/dir/dir/dir/doc.txt' }] }),
    ).not.toThrow();
  });
});

describe('$or', () => {
  const pattern = {
    source: ['collections.payments'],
    detail: {
      $or: [{ amount: [{ numeric: ['>', 1000] }] }, { disputed: [true] }, { status: ['overdue'] }],
    },
  };

  it('matches when any alternative does, together with the fields around it', () => {
    expect(matchesEventPattern(pattern, paymentEvent({ amount: 5000 }))).toBe(true);
    expect(matchesEventPattern(pattern, paymentEvent({ amount: 10, disputed: true }))).toBe(true);
    expect(matchesEventPattern(pattern, paymentEvent({ amount: 10, status: 'current' }))).toBe(false);
    expect(matchesEventPattern(pattern, { ...paymentEvent({ amount: 5000 }), source: 'other' })).toBe(false);
  });

  it('applies fields written after the $or to every alternative', () => {
    const trailing = { $or: [{ region: ['eu-west-1'] }, { account: ['999999999999'] }], source: ['x'] };
    expect(matchesEventPattern(trailing, paymentEvent({}))).toBe(false);
    expect(matchesEventPattern(trailing, { ...paymentEvent({}), source: 'x' })).toBe(true);
  });

  it('rejects malformed alternatives', () => {
    expect(rejectionOf({ $or: [{ source: ['a'] }] })).toBe(
      'There must have at least 2 Objects in $or relationship.',
    );
    expect(rejectionOf({ $or: [{ source: ['a'] }, { prefix: ['b'] }] })).toBe(
      'prefix is Ruler reserved fieldName which cannot be used inside $or.',
    );
    expect(rejectionOf({ $or: [{ source: ['a'] }, ['b']] })).toBe(
      'Only JSON object is allowed in array of $or relationship.',
    );
  });
});
