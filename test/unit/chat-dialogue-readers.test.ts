/** What the dialogue reads itself, and the figures it writes exactly as the portal's cards do. */
import { describe, expect, it } from 'vitest';
import {
  asksFullSchedule,
  bareFigure,
  chineseNumber,
  cleanText,
  contactHoursIn,
  mentionsSelfHarm,
  namesOtherAccount,
} from '../../lambdas/domain/chat/dialogue-readers';
import { day, money, percent, scheduleSummary } from '../../lambdas/domain/chat/readable';

/** The cards' own formatter, the very file the portal pages load (plain JavaScript, no types). */
const CARDS_FORMAT = '../../web/lib/format.js';
const cards = (await import(CARDS_FORMAT)) as {
  formatMoney(minor: number, currency: string, lang: string): string;
  formatDate(isoDate: string, lang: string): string;
  formatPercent(fraction: number, lang: string, digits: number): string;
};

describe('cleanText', () => {
  it('drops invisible and control characters and collapses white space', () => {
    expect(cleanText('\u200bshow\u200d my\u00ad  options\ufeff\u0007')).toBe('show my options');
    expect(cleanText('\u200b\u200c\u200d\u2060 \n')).toBe('');
  });
});

describe('bareFigure: a message that is only an amount', () => {
  it.each([
    ['1800', 'USD', 180_000],
    ['1,800', 'USD', 180_000],
    ['$1,800.50', 'USD', 180_050],
    ['about 2,400', 'USD', 240_000],
    ['1.2k', 'USD', 120_000],
    ['60 bucks', 'USD', 6_000],
    ['150 a month', 'USD', 15_000],
    ['i get 2400 a month after tax', 'USD', undefined],
    ['1.2万', 'CNY', 1_200_000],
    ['两千五', 'CNY', 250_000],
    ['八百块', 'CNY', 80_000],
    ['一万二', 'CNY', 1_200_000],
    ['大概3000左右', 'CNY', 300_000],
    ['800元', 'CNY', 80_000],
    ['800元', 'USD', 80_000],
    ['¥800', 'USD', undefined],
    ['$80', 'CNY', undefined],
    ['0', 'USD', undefined],
    ['option 2', 'USD', undefined],
    ['the 22nd', 'USD', undefined],
  ] as const)('%s (%s) → %s', (text, currency, minor) => {
    expect(bareFigure(text, currency)).toBe(minor);
  });

  it('reads Chinese numerals as amounts are spoken', () => {
    expect([
      chineseNumber('一千八'),
      chineseNumber('三千五百'),
      chineseNumber('两万'),
      chineseNumber('十'),
    ]).toEqual([1_800, 3_500, 20_000, 10]);
    expect(chineseNumber('abc')).toBeUndefined();
  });
});

describe('mentionsSelfHarm', () => {
  it.each([
    "I can't go on like this, I want to end it all",
    'honestly thinking about killing myself',
    'i dont want to live anymore',
    'everyone would be better off if I was dead… better off dead',
    '真的不想活了',
    '我想自杀',
    '活不下去了',
  ])('hears: %s', (text) => expect(mentionsSelfHarm(text)).toBe(true));

  it.each([
    'this debt is killing me',
    'my dad died last year',
    'I want to end this contract',
    'deadline is friday',
    '我死活还不上',
  ])('does not over-read: %s', (text) => expect(mentionsSelfHarm(text)).toBe(false));
});

describe('namesOtherAccount, asksFullSchedule', () => {
  it('tells another account’s reference from the customer’s own', () => {
    expect(namesOtherAccount('what about ACC-000999', 'ACC-000001')).toBe(true);
    expect(namesOtherAccount('my ref is acc 000001', 'ACC-000001')).toBe(false);
    expect(namesOtherAccount('I owe 1000', 'ACC-000001')).toBe(false);
  });

  it('hears a request for every payment of a schedule', () => {
    for (const text of [
      'full schedule',
      'can I see all the dates',
      'show every payment',
      '完整明细',
      '所有还款日期',
    ])
      expect(asksFullSchedule(text), text).toBe(true);
    expect(asksFullSchedule('show my options')).toBe(false);
  });
});

describe('contactHoursIn', () => {
  it.each([
    ['not before 10am', { from: '10:00' }],
    ['no calls after 7pm please', { to: '19:00' }],
    ['only between 9 and 5', { from: '09:00', to: '17:00' }],
    ['only after 6:30pm', { from: '18:30' }],
    ["don't text me before 9:30", { from: '09:30' }],
    ['早上10点以前别打电话', { from: '10:00' }],
    ['晚上8点以后不要联系我', { to: '20:00' }],
    ['下午2点半以后再打', { from: '14:30' }],
    ['call me whenever', undefined],
    ['between 5 and 3', undefined],
  ] as const)('%s → %o', (text, hours) => {
    expect(contactHoursIn(text)).toEqual(hours);
  });
});

describe('figures in replies are the cards’ figures', () => {
  it('writes money, dates and percentages exactly as web/lib/format.js does', () => {
    for (const [minor, currency] of [
      [0, 'USD'],
      [5, 'USD'],
      [120_050, 'USD'],
      [1_707_899, 'CNY'],
      [123_456_789, 'CNY'],
    ] as const) {
      for (const language of ['en', 'zh-CN'] as const) {
        expect(money(minor, currency, language)).toBe(cards.formatMoney(minor, currency, language));
      }
    }
    for (const date of ['2026-12-11', '2027-01-01', '2028-02-29']) {
      for (const language of ['en', 'zh-CN'] as const)
        expect(day(date, language)).toBe(cards.formatDate(date, language));
    }
    expect(percent(15.37, 'en')).toBe(cards.formatPercent(0.1537, 'en', 2));
    expect(day('2026-12-11', 'en')).toBe('Dec 11, 2026');
  });

  it('summarises a long schedule by count, amounts and first and last date', () => {
    const payments = [
      { dueDate: '2027-01-04', amountMinor: 5_001 },
      ...Array.from({ length: 11 }, (_, index) => ({
        dueDate: `2027-${String(index + 2).padStart(2, '0')}-04`,
        amountMinor: 5_000,
      })),
    ];
    expect(scheduleSummary(payments, 'USD', 'en').replace(/\u00a0/g, ' ')).toBe(
      '12 monthly payments: 1 payment of USD 50.01 and 11 payments of USD 50.00, from Jan 4, 2027 to Dec 4, 2027.',
    );
    expect(scheduleSummary(payments, 'CNY', 'zh-CN')).toBe(
      '共12期，按月还款：1期每期¥50.01，11期每期¥50.00，从2027年1月4日到2027年12月4日。',
    );
  });
});
