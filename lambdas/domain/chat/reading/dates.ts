/**
 * The date a customer will pay or did pay, resolved on their own calendar (`today`, `YYYY-MM-DD`). Reads
 * calendar dates (`Dec 5`, `12/5`, `3月15号`), days of the month (`the 22nd`, `15号`), weekdays (`friday`,
 * `next Friday`, `下下周三`, `上周三`), relative days (`tomorrow`, `后天`, `in 3 days`) and month ends (`end of
 * the month`, `月底`). A date nobody can resolve (`payday`, `发工资那天`, `next week`) is no date: the
 * dialogue asks. `direction` says which way an ambiguous date points: `past` for a payment already made.
 */
import { addDays, isIsoDate } from '../../offers/business-days';
import { MONTHS } from '../../text/english-dates';
import { ENGLISH_NUMBER_WORDS, parseChineseNumber } from './numbers';

export type DateDirection = 'future' | 'past';

export interface DateMention {
  readonly date: string;
  readonly start: number;
  readonly end: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const ymd = (year: number, month: number, day: number) => `${year}-${pad2(month)}-${pad2(day)}`;
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const mondayOf = (date: string) => addDays(date, -((weekdayOf(date) + 6) % 7));

function shiftMonth(year: number, month: number, by: number): [number, number] {
  const index = year * 12 + (month - 1) + by;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** A day of the month without a month: the next such day from today on (the last one, looking back). */
function dayOfMonth(today: string, day: number, direction: DateDirection): string | undefined {
  if (day < 1 || day > 31) return undefined;
  const [year, month] = parts(today);
  for (let step = 0; step < 3; step++) {
    const [y, m] = shiftMonth(year, month, direction === 'past' ? -step : step);
    if (day > daysInMonth(y, m)) continue;
    const date = ymd(y, m, day);
    if (direction === 'past' ? date <= today : date >= today) return date;
  }
  return undefined;
}

function monthDay(
  today: string,
  month: number,
  day: number,
  year: number | undefined,
  direction: DateDirection,
) {
  if (month < 1 || month > 12) return undefined;
  const [thisYear] = parts(today);
  if (year !== undefined) {
    const date = ymd(year < 100 ? 2000 + year : year, month, day);
    return isIsoDate(date) ? date : undefined;
  }
  for (const y of direction === 'past' ? [thisYear, thisYear - 1] : [thisYear, thisYear + 1]) {
    const date = ymd(y, month, day);
    if (!isIsoDate(date)) continue;
    if (direction === 'past' ? date <= today : date >= today) return date;
  }
  return undefined;
}

/** `which`: -2 上上周, -1 last/上周, 0 this/plain, 1 next/下周, 2 下下周. Plain weekdays point by `direction`. */
function weekday(today: string, target: number, which: number | undefined, direction: DateDirection): string {
  if (which === undefined || which === 0) {
    if (which === undefined && direction === 'past')
      return addDays(today, -((weekdayOf(today) - target + 7) % 7));
    return addDays(today, (target - weekdayOf(today) + 7) % 7);
  }
  return addDays(mondayOf(today), 7 * which + ((target + 6) % 7));
}

const EN_WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0,
  sun: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tues: 2,
  tue: 2,
  wednesday: 3,
  wed: 3,
  weds: 3,
  thursday: 4,
  thurs: 4,
  thur: 4,
  thu: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
};
const ZH_WEEKDAYS: Readonly<Record<string, number>> = {
  日: 0,
  天: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 0,
};
const MONTH_NAME = `(?<monthName>${Object.keys(MONTHS).join('|')})\\.?`;
const ORD = '(?:st|nd|rd|th)';
const ZH_DAY = '(?<day>\\d{1,2}|[一二三四五六七八九十]{1,3})';

type Resolver = (match: RegExpExecArray, today: string, direction: DateDirection) => string | undefined;

const zhDay = (raw: string) => (/^\d+$/u.test(raw) ? Number(raw) : (parseChineseNumber(raw) ?? 0));
const enWhich = (raw: string | undefined): number | undefined =>
  raw === undefined ? undefined : raw === 'next' ? 1 : raw === 'last' || raw === 'past' ? -1 : 0;
const zhWhich = (raw: string | undefined): number | undefined =>
  raw === undefined
    ? undefined
    : (
        { 下下: 2, 下: 1, 上上: -2, 上: -1, 本: 0, 这: 0, 这个: 0, 下个: 1, 上个: -1 } as Record<
          string,
          number
        >
      )[raw];

/** Patterns most specific first; the first that resolves wins. */
const PATTERNS: readonly [RegExp, Resolver][] = [
  [
    /(?<!\d)(?<year>\d{4})[-/.](?<month>\d{1,2})[-/.](?<day>\d{1,2})(?!\d)/u,
    (m) => {
      const date = ymd(Number(m.groups!.year), Number(m.groups!.month), Number(m.groups!.day));
      return isIsoDate(date) ? date : undefined;
    },
  ],
  [
    new RegExp(
      `(?:(?<year>\\d{4})\\s*年\\s*)?(?<month>\\d{1,2}|[一二三四五六七八九十]{1,2})\\s*月(?:份)?\\s*${ZH_DAY}\\s*[日号]?`,
      'u',
    ),
    (m, t, d) =>
      monthDay(
        t,
        zhDay(m.groups!.month!),
        zhDay(m.groups!.day!),
        m.groups!.year ? Number(m.groups!.year) : undefined,
        d,
      ),
  ],
  [
    /(?<![\d/.$])(?<month>\d{1,2})\/(?<day>\d{1,2})(?:\/(?<year>\d{4}|\d{2}))?(?![\d/])/u,
    (m, t, d) =>
      monthDay(
        t,
        Number(m.groups!.month),
        Number(m.groups!.day),
        m.groups!.year ? Number(m.groups!.year) : undefined,
        d,
      ),
  ],
  [
    new RegExp(
      `(?<![\\p{L}])${MONTH_NAME}\\s+(?:the\\s+)?(?<day>\\d{1,2})${ORD}?(?![\\d\\p{L}])(?:,?\\s+(?<year>\\d{4}))?`,
      'u',
    ),
    (m, t, d) =>
      monthDay(
        t,
        MONTHS[m.groups!.monthName!]!,
        Number(m.groups!.day),
        m.groups!.year ? Number(m.groups!.year) : undefined,
        d,
      ),
  ],
  [
    new RegExp(
      `(?<![\\d$¥.,])(?:the\\s+)?(?<day>\\d{1,2})${ORD}?\\s+(?:of\\s+)?${MONTH_NAME}(?!\\p{L})(?:,?\\s+(?<year>\\d{4}))?`,
      'u',
    ),
    (m, t, d) =>
      monthDay(
        t,
        MONTHS[m.groups!.monthName!]!,
        Number(m.groups!.day),
        m.groups!.year ? Number(m.groups!.year) : undefined,
        d,
      ),
  ],
  // 下个月5号, 下月15号, 这个月20号
  [
    new RegExp(`(?<which>下下|下|这|本|上)个?月\\s*${ZH_DAY}\\s*[日号]`, 'u'),
    (m, t) => {
      const [y, mo] = parts(t);
      const shift = { 下下: 2, 下: 1, 这: 0, 本: 0, 上: -1 }[m.groups!.which!] ?? 0;
      const [ny, nm] = shiftMonth(y, mo, shift);
      const day = zhDay(m.groups!.day!);
      return day <= daysInMonth(ny, nm) && day > 0 ? ymd(ny, nm, day) : undefined;
    },
  ],
  // the 15th of next month, on the 1st next month
  [
    new RegExp(`(?:the\\s+)?(?<day>\\d{1,2})${ORD}\\s+(?:of\\s+)?(?<which>next|this|the)\\s+month`, 'u'),
    (m, t) => {
      const [y, mo] = parts(t);
      const [ny, nm] = shiftMonth(y, mo, m.groups!.which === 'next' ? 1 : 0);
      const day = Number(m.groups!.day);
      return day <= daysInMonth(ny, nm) ? ymd(ny, nm, day) : undefined;
    },
  ],
  // end of the month / end of next month / 月底 / 下个月底
  [
    /\b(?:(?:the\s+)?end of (?:the |this |next )?month|end of (?<next>next) month|month[- ]end|eom)\b|(?<zh>(?<zhnext>下个?)?月[底末])/u,
    (m, t) => {
      const next =
        m.groups!.next !== undefined || m.groups!.zhnext !== undefined || /end of next month/u.test(m[0]);
      const [y, mo] = parts(t);
      const [ny, nm] = shiftMonth(y, mo, next ? 1 : 0);
      return ymd(ny, nm, daysInMonth(ny, nm));
    },
  ],
  [
    /(?:first|1st|start|beginning) of (?:next|the) month|下个?月初|下个?月1号/u,
    (m, t) => {
      const [y, mo] = parts(t);
      if (m[0].includes('the month') && t.endsWith('-01')) return t;
      const [ny, nm] = shiftMonth(y, mo, 1);
      return ymd(ny, nm, 1);
    },
  ],
  // "monday the 14th": the day of the month is the more exact of the two
  [
    new RegExp(
      `\\b(?:${Object.keys(EN_WEEKDAYS).join('|')}),?\\s+(?:the\\s+)?(?<day>\\d{1,2})${ORD}\\b`,
      'u',
    ),
    (m, t, d) => dayOfMonth(t, Number(m.groups!.day), d),
  ],
  // weekdays: (next|this|last|coming) friday, 下下周三, 上周五, 星期五, 礼拜天
  [
    new RegExp(
      `(?:\\b(?<which>next|this|coming|last|past)\\s+)?\\b(?<weekday>${Object.keys(EN_WEEKDAYS).join('|')})\\b(?!\\s*(?:night)\\b)`,
      'u',
    ),
    (m, t, d) => weekday(t, EN_WEEKDAYS[m.groups!.weekday!]!, enWhich(m.groups!.which), d),
  ],
  [
    /(?<which>下下|上上|下|上|本|这)?\s*(?:个)?(?:周|星期|礼拜)(?<weekday>[一二三四五六日天1-7])/u,
    (m, t, d) => weekday(t, ZH_WEEKDAYS[m.groups!.weekday!]!, zhWhich(m.groups!.which), d),
  ],
  // relative days
  [/\b(?:the )?day after tomorrow\b|大后天|后天/u, (m, t) => addDays(t, m[0] === '大后天' ? 3 : 2)],
  [/\b(?:the )?day before yesterday\b|大前天|前天/u, (m, t) => addDays(t, m[0] === '大前天' ? -3 : -2)],
  [/\btomorrow\b|\btmr\b|\btmrw\b|\b2morrow\b|明天|明日|明儿/u, (_m, t) => addDays(t, 1)],
  [/\byesterday\b|\byday\b|昨天|昨日|昨儿/u, (_m, t) => addDays(t, -1)],
  [
    /\b(?<n>\d{1,2}|a|one|two|three|four|five|six) days? ago\b|(?<zh>\d{1,2}|[一二三四五六七八九十]{1,2})天(?:前|以前|之前)/u,
    (m, t) => {
      const words: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
      const raw = m.groups!.n ?? m.groups!.zh!;
      const n = /^\d+$/u.test(raw) ? Number(raw) : (words[raw] ?? zhDay(raw));
      return n > 0 && n <= 60 ? addDays(t, -n) : undefined;
    },
  ],
  [
    /\btoday\b|\btonight\b|\btoday's\b|\bright now\b|\bnow\b|\basap today\b|\bthis (?:morning|afternoon|evening)\b|今天|今日|今晚|马上|现在就/u,
    (_m, t) => t,
  ],
  [
    /\bin (?<n>\d{1,2}|a|one|two|three|four|five|six|seven|ten|fourteen) days?\b|(?<zh>\d{1,2}|[一二三四五六七八九十]{1,2})天(?:后|以后|之后)/u,
    (m, t) => {
      const raw = m.groups!.n ?? m.groups!.zh!;
      const n = ENGLISH_NUMBER_WORDS[raw] ?? zhDay(raw);
      return n > 0 && n <= 60 ? addDays(t, n) : undefined;
    },
  ],
  [
    /\bin (?<n>a|one|two|2|three|3) weeks?(?:'? time)?\b|\bin (?<f>a) fortnight\b|(?<zh>一|两|二|三)(?:个)?(?:周|星期|礼拜)(?:后|以后|之后)/u,
    (m, t) => {
      if (m.groups!.f !== undefined) return addDays(t, 14);
      const raw = m.groups!.n ?? m.groups!.zh!;
      const n =
        (
          { a: 1, one: 1, 一: 1, two: 2, '2': 2, 两: 2, 二: 2, three: 3, '3': 3, 三: 3 } as Record<
            string,
            number
          >
        )[raw] ?? 1;
      return addDays(t, 7 * n);
    },
  ],
  // the 22nd, on the 3rd, by the 15th, 15号, 20日
  [
    new RegExp(
      `(?:\\b(?:on|by|before|the|til|till|until)\\s+(?:the\\s+)?)(?<day>\\d{1,2})${ORD}?(?![\\d\\p{L}%$])(?!\\s*(?:dollars|bucks|usd|%|percent|months?|weeks?|days?|years?|payments?|instal))`,
      'u',
    ),
    (m, t, d) => dayOfMonth(t, Number(m.groups!.day), d),
  ],
  [
    new RegExp(`(?<![\\d.,$])(?<day>\\d{1,2})${ORD}(?![\\d\\p{L}])`, 'u'),
    (m, t, d) => dayOfMonth(t, Number(m.groups!.day), d),
  ],
  [
    new RegExp(
      `(?<![\\d.月])${ZH_DAY}\\s*[号](?!码|方案|选项)|(?<![\\d.月年])(?<day2>\\d{1,2})\\s*日(?![元期])`,
      'u',
    ),
    (m, t, d) => dayOfMonth(t, zhDay(m.groups!.day ?? m.groups!.day2!), d),
  ],
];

/**
 * The date the text states first (a resolvable one), with where it was written. Patterns run most specific
 * first; a later pattern's reading replaces the one found only when it lies entirely before it ("70 tmrw …
 * till the end of the month"), never when the two overlap ("on 12/05" is December 5th, not "on 12").
 */
export function findDate(text: string, today: string, direction: DateDirection): DateMention | undefined {
  let best: DateMention | undefined;
  for (const [pattern, resolve] of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const end = match.index + match[0].length;
    if (best && end > best.start) continue;
    const date = resolve(match, today, direction);
    if (date !== undefined) best = { date, start: match.index, end };
  }
  return best;
}

/** Every span that names a date or a time of day: numbers inside them are not amounts. */
const GLOBAL_PATTERNS = PATTERNS.map(([pattern]) => new RegExp(pattern.source, `${pattern.flags}g`));

export function dateSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  if (!/\d|[a-z]{3}|[\u4e00-\u9fff]/u.test(text)) return spans;
  for (const global of GLOBAL_PATTERNS) {
    for (const match of text.matchAll(global))
      spans.push({ start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(
    /\b\d{1,2}(?::\d{2})?\s*(?:am|pm|o'?clock)\b|\d{1,2}\s*[点點](?:半|\d{1,2}分?)?|\b(?:in|since|from|of|year|until|till|by|back in|early|late|mid)\s+(?:19[5-9]\d|20[0-3]\d)\b|(?:19[5-9]\d|20[0-3]\d)\s*年/gu,
  ))
    spans.push({ start: match.index, end: match.index + match[0].length });
  return spans;
}
