/**
 * What the dialogue reads in a message itself, beside the taxonomy's reading (`understand`): things that only
 * make sense against the conversation (a bare "1800" answering the assistant's own question, "show the full
 * schedule" while a plan waits) or that must never wait for a classifier's confidence (a mention of
 * self-harm). Each reader is small, deterministic and errs on the side of the customer.
 */
import type { Currency } from '../accounts/account';

/** Invisible characters people paste or keyboards insert: zero-width spaces and joiners, BOM, soft hyphen. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/gu;
// Control characters other than tab and newlines (which become spaces below).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu;

/** The text as the assistant reads it: invisible and control characters removed, white space collapsed. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROL, '').replace(/\s+/gu, ' ').trim();
}

const lower = (text: string) => text.normalize('NFKC').toLowerCase();

// ---------------------------------------------------------------------------------------------------------
// A bare figure answering "what's your monthly income?" / "how much can you pay?"
// ---------------------------------------------------------------------------------------------------------

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1_000, 万: 10_000 };

/**
 * Chinese numerals as people write amounts: 一千八 (1,800), 两千五 (2,500), 三千五百 (3,500), 一万二 (12,000),
 * 八百 (800). A trailing digit after a unit is that unit's next place down, as spoken.
 */
export function chineseNumber(text: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百千万]+$/u.test(text)) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 0;
  for (const char of text) {
    const value = CHINESE_DIGITS[char];
    if (value !== undefined) {
      digit = value;
      continue;
    }
    const unit = CHINESE_UNITS[char]!;
    if (unit === 10_000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
      lastUnit = unit;
    } else {
      section += (digit ?? 1) * unit;
      lastUnit = unit;
    }
    digit = undefined;
  }
  if (digit !== undefined) section += lastUnit >= 10 ? digit * (lastUnit / 10) : digit;
  return total + section;
}

const FILLER =
  /^(?:(?:about|around|roughly|approx(?:imately)?|maybe|like|only|just|its|it's|it is|i get|i make|i earn|i pay|i spend|i can do|i could do|i can pay|i could pay|i can manage|i could manage|probably|prob|um+|uh+|so|well|net|after tax|take home)\s+)+|^(?:大概|大约|差不多|可能|每个?月|一个月|月)+/u;
const TRAILER =
  /(?:\s*(?:a|per|each|every|\/)\s*(?:month|mo|mth)|\s*monthly|\s*(?:or so|ish|roughly|give or take|maybe|tops|max|at most))+[.!]*$|(?:左右|上下|吧|的样子|一个月|每月|每个月|\/月)+[。.!！]*$/u;

/**
 * The message is nothing but an amount (with the usual words around one): "1800", "about 2,400",
 * "$1.2k", "1.2万", "两千五", "800元", "150 a month". Minor units of `currency`; undefined when the message is
 * anything more, or names another currency.
 */
export function bareFigure(text: string, currency: Currency): number | undefined {
  let rest = lower(cleanText(text)).replace(/[.!。！]+$/u, '');
  for (let pass = 0; pass < 3; pass++) rest = rest.replace(FILLER, '').replace(TRAILER, '').trim();
  const match =
    /^(?<prefix>us\$|\$|¥|usd|rmb|cny|人民币)?\s*(?<number>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?|[零〇一二两三四五六七八九十百千万]+)\s*(?<scale>k|千|万)?\s*(?<suffix>dollars?|bucks|usd|rmb|cny|yuan|元|块钱|块|美元)?$/u.exec(
      rest,
    );
  if (!match) return undefined;
  const { prefix, number, scale, suffix } = match.groups!;
  const marker = suffix ?? prefix;
  if (marker && currencyOf(marker, currency) !== currency) return undefined;
  const base = /\d/.test(number!) ? Number(number!.replaceAll(',', '')) : chineseNumber(number!);
  if (base === undefined || !Number.isFinite(base)) return undefined;
  const multiplier = scale === 'k' || scale === '千' ? 1_000 : scale === '万' ? 10_000 : 1;
  const minor = Math.round(base * multiplier * 100);
  return Number.isSafeInteger(minor) && minor > 0 ? minor : undefined;
}

function currencyOf(marker: string, accountCurrency: Currency): Currency {
  if (['us$', '$', 'usd', 'dollar', 'dollars', 'bucks', '美元'].includes(marker)) return 'USD';
  if (['¥', 'rmb', 'cny', 'yuan', '人民币'].includes(marker)) return 'CNY';
  return accountCurrency; // 元 / 块: the unit of money in the account's currency
}

// ---------------------------------------------------------------------------------------------------------
// Self-harm: read on every message, whatever else it asks, and answered at once
// ---------------------------------------------------------------------------------------------------------

const SELF_HARM = new RegExp(
  [
    '\\b(?:kill|hurt|harm|cut)(?:ing)? my ?self\\b',
    '\\bend(?:ing)? (?:it all|my life|things)\\b',
    '\\btake my (?:own )?life\\b',
    '\\bsuicid',
    '\\bself[- ]?harm',
    "\\b(?:don't|do not|dont) want to (?:live|be alive|be here)(?: anymore| any more)?\\b",
    '\\bno (?:reason|point) (?:to|in) (?:live|living|going on)\\b',
    '\\bbetter off dead\\b',
    '\\bwant(?:ed)? to die\\b',
    '\\bwish i (?:was|were) dead\\b',
    "\\bcan't go on\\b",
    '自杀',
    '自残',
    '轻生',
    '不想活',
    '活不下去',
    '活着没(?:意思|意义)',
    '结束(?:自己的)?生命',
    '想(?:要)?死',
    '寻死',
    '伤害自己',
    '了结(?:自己|一切)',
  ].join('|'),
  'u',
);

export function mentionsSelfHarm(text: string): boolean {
  return SELF_HARM.test(lower(text).replace(/[’']/g, "'"));
}

// ---------------------------------------------------------------------------------------------------------
// Another account's reference, "show the full schedule", contact hours
// ---------------------------------------------------------------------------------------------------------

const ACCOUNT_REFERENCE = /\bacc[-\s]?\d{4,}\b/giu;

/** The message names an account reference other than the customer's own. */
export function namesOtherAccount(text: string, ownAccountId: string): boolean {
  const own = ownAccountId.toLowerCase().replace(/[-\s]/g, '');
  return [...lower(text).matchAll(ACCOUNT_REFERENCE)].some(
    ([reference]) => reference.replace(/[-\s]/g, '') !== own,
  );
}

const FULL_SCHEDULE =
  /\b(?:full|whole|entire|complete|every|all(?: the)?|each)\b.{0,20}\b(?:schedule|dates?|payments?|instal?lments?|breakdown)\b|\bschedule in full\b|完整.{0,4}(?:明细|计划|还款)|(?:全部|所有|每一?期).{0,6}(?:日期|明细|还款)|还款明细/u;

/** Asks to see every payment of a summarised schedule. */
export function asksFullSchedule(text: string): boolean {
  return FULL_SCHEDULE.test(lower(text));
}

/** Contact hours on the customer's clock, `HH:MM`: not before `from`, not from `to` on; each when stated. */
export interface ContactHours {
  readonly from?: string;
  readonly to?: string;
}

const hhmm = (hour: number, minute = 0) =>
  `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

function hourOf(hour: string, minute: string | undefined, meridiem: string | undefined): number | undefined {
  let h = Number(hour);
  const m = minute ? Number(minute) : 0;
  if (h > 24 || m > 59) return undefined;
  if (meridiem?.startsWith('p') && h < 12) h += 12;
  if (meridiem?.startsWith('a') && h === 12) h = 0;
  return h * 60 + m;
}

const toHhmm = (minutes: number) => hhmm(Math.floor(minutes / 60), minutes % 60);

const TIME = '(?<h>\\d{1,2})(?::(?<m>\\d{2}))?\\s*(?<mer>am|pm|a\\.m\\.|p\\.m\\.)?';
const TIME2 = '(?<h2>\\d{1,2})(?::(?<m2>\\d{2}))?\\s*(?<mer2>am|pm|a\\.m\\.|p\\.m\\.)?';
const ZH_TIME = '(?<part>早上|上午|中午|下午|晚上)?\\s*(?<h>\\d{1,2})\\s*(?:点|:|：)(?<m>\\d{2}|半)?';

/**
 * Hours the customer restricts contact to, when the message names them: "not before 10am", "only after
 * 6pm", "between 9 and 5", "no calls after 7pm", "早上10点以前别打", "晚上8点以后不要联系". Undefined when it
 * names none (or an impossible one).
 */
export function contactHoursIn(text: string): ContactHours | undefined {
  const t = lower(text);
  const english = (() => {
    const between = new RegExp(`\\bbetween ${TIME} and ${TIME2}`, 'u').exec(t);
    if (between) {
      const g = between.groups!;
      const from = hourOf(g.h!, g.m, g.mer ?? (Number(g.h) < 8 ? 'pm' : undefined));
      const to = hourOf(g.h2!, g.m2, g.mer2 ?? (Number(g.h2) <= 9 ? 'pm' : undefined));
      return from !== undefined && to !== undefined ? { from, to } : undefined;
    }
    const notBefore =
      new RegExp(
        `\\b(?:not|never|nothing|no (?:calls?|texts?|messages?|contact)|don'?t (?:call|text|contact|message)(?: me)?) (?:before|until) ${TIME}`,
        'u',
      ).exec(t) ?? new RegExp(`\\bonly (?:after|from) ${TIME}`, 'u').exec(t);
    const notAfter =
      new RegExp(
        `\\b(?:not|never|nothing|no (?:calls?|texts?|messages?|contact)|don'?t (?:call|text|contact|message)(?: me)?) after ${TIME2}`,
        'u',
      ).exec(t) ?? new RegExp(`\\bonly (?:before|until) ${TIME2}`, 'u').exec(t);
    if (!notBefore && !notAfter) return undefined;
    const from = notBefore
      ? hourOf(notBefore.groups!.h!, notBefore.groups!.m, notBefore.groups!.mer)
      : undefined;
    const to = notAfter
      ? hourOf(
          notAfter.groups!.h2!,
          notAfter.groups!.m2,
          notAfter.groups!.mer2 ?? (Number(notAfter.groups!.h2) <= 9 ? 'pm' : undefined),
        )
      : undefined;
    return { from, to };
  })();
  const chinese = (() => {
    const before =
      new RegExp(`${ZH_TIME}\\s*(?:以前|之前|前)(?:请)?(?:别|不要|勿|不准)`, 'u').exec(t) ??
      new RegExp(`${ZH_TIME}\\s*(?:以后|之后|后)(?:再|才)(?:打|联系|发)`, 'u').exec(t);
    const after = new RegExp(`${ZH_TIME}\\s*(?:以后|之后|后)(?:请)?(?:别|不要|勿|不准)`, 'u').exec(t);
    if (!before && !after) return undefined;
    const read = (match: RegExpExecArray | null) => {
      if (!match) return undefined;
      const { part, h, m } = match.groups!;
      const hour = Number(h) + (part && ['下午', '晚上'].includes(part) && Number(h) < 12 ? 12 : 0);
      return hourOf(String(hour), m === '半' ? '30' : m, undefined);
    };
    return { from: read(before), to: read(after) };
  })();
  const found = english ?? chinese;
  if (!found || (found.from === undefined && found.to === undefined)) return undefined;
  const { from, to } = found;
  if ((from !== undefined && from >= 24 * 60) || (to !== undefined && (to > 24 * 60 || to === 0)))
    return undefined;
  if (from !== undefined && to !== undefined && from >= to) return undefined;
  return {
    ...(from === undefined ? {} : { from: toHhmm(from) }),
    ...(to === undefined ? {} : { to: toHhmm(to) }),
  };
}
