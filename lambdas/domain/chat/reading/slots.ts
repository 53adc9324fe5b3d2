/**
 * Slots read by rules from normalised text: the figures and restrictions a message states. A slot is present
 * only when the message states it. Amounts are read with their role in the sentence: a one-off payment
 * (`amountMinor`), a monthly figure the customer can afford (`affordableMinor`), or a declared income or
 * outgoing (`monthlyIncomeMinor`, `monthlyExpensesMinor`); money the customer merely mentions (a balance they
 * question, what they borrowed) is none of these.
 */
import type { Currency } from '../../accounts/account';
import type { ContactChannel } from '../../compliance';
import type { OfferKind } from '../../offers/plan-calculator';
import type { IntentName, Slots } from '../taxonomy';
import { dateSpans, findDate } from './dates';
import { normaliseText } from './normalise';
import { findNumbers, type NumberMention, parseChineseNumber } from './numbers';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const USD_BEFORE = /(?:us\$|\$|usd|us dollars?)\s*$/u;
const CNY_BEFORE = /(?:¥|rmb|cny|人民币)\s*$/u;
const USD_AFTER = /^\s*(?:dollars?|dollas?|bucks|usd|刀|美元|美金)/u;
const CNY_AFTER = /^\s*(?:yuan|rmb|cny|kuai|块钱|块|元钱|元|人民币|大洋)/u;

/** Where an amount sits among the words around it. */
interface AmountMention extends NumberMention {
  readonly currency: Currency | undefined;
  readonly before: string;
  readonly after: string;
}

const PERIOD_MONTH =
  /^\s*(?:\/\s*(?:mo|month|m)\b|(?:a|per|each|every|p\/?)\s*(?:month|mo|mth)\b|monthly\b|pm\b|a month\b|\/月|每月|一个月|每个月|一月|月供)/u;
const PERIOD_MONTH_BEFORE =
  /(?:每个?月|一个月|月供|月(?:入|薪|收入)|monthly|a month of)\s*(?:最多|能|可以|只能|大概|才|就|差不多|也就|还|付|交|拿|挣|赚|到手|收入|工资|有|剩)?\s*(?:能|可以|还|付|交|给|个|有)?\s*$|(?:每个?月|一个月)[^，。,.!！?？\s\d]{0,4}(?:还|付|交|能|可以|最多|顶多|至多|只能)[^，。,.!！?？\s\d]{0,3}$/u;
const PERIOD_OTHER =
  /^\s*(?:(?:a|per|each|every)\s*(?:(?:two|2|other|couple of)\s*)?(?:weeks?|wks?|fortnight|years?|days?|yrs?|pay ?days?|pay ?checks?)\b|weekly|fortnightly|biweekly|\/\s*(?:wk|week|yr|year)|每周|一周|每个?星期|每年|每天|一年)/u;
const PERIOD_OTHER_BEFORE =
  /(?:每半个月|每周|每个?星期|每个?礼拜|每两周|每年|每天|weekly|fortnightly)\s*(?:最多|能|可以|只能|大概|还|付|交|给)?\s*$/u;

const INCOME_CUE =
  /\b(?:income|earn(?:s|ing)?|make(?! (?:a |the |my |another )?(?:\$?\d[\d,.]*\s*)?(?:payment|transfer|deposit))|making|bring(?:ing)? (?:home|in)|take home|take-home|salary|wages?|pay ?check|paid|get paid|i (?:only |just )?get|pension|benefits?|disability|universal credit|ssi|ssdi|unemployment|allowance|on)\b|收入|工资|月薪|薪水|薪资|到手|挣|赚|拿|养老金|退休金|退休工资|低保|补助|补贴/u;
const EXPENSE_CUE =
  /\b(?:expenses?|outgoings?|spend(?:ing)?|costs?|bills?|rent|mortgage|living|eat|eats|goes on|go on|goes to|go to|groceries|food|utilities|childcare|car payment|loan payments?)\b|支出|开销|开支|花销|花费|花掉|花|生活费|房租|房贷|租金|水电|车贷|房费|吃饭|伙食|学费|日常/u;
const PAY_CUE =
  /\b(?:pay|paid|paying|payment|send|sent|sending|transfer(?:red)?|put|putting|do|offer|settle|clear|give|make|made|deposit(?:ed)?|throw|can|have|drop|chuck|get you|find|accept|take)\b|还|付|转|交|打|给|存|结清|凑|拿出/u;

const CURRENCY_WORD = /^\s*(?:dollars?|bucks|usd|yuan|rmb|quid|pounds?|euros?|元|块钱|块|刀|美元)/u;
/** "每个月15号还1000", "monthly payments of 120": a monthly word earlier in the same clause. */
const MONTHLY_CLAUSE =
  /每个?月|月供|\bmonthly (?:payments? )?(?:of|at)\b|\b(?:a|per|each|every) month (?:of|at)\b/u;
const OTHER_PERIOD_CLAUSE =
  /每(?:两|二)?周|每个?星期|每个?礼拜|每次|every (?:week|friday|payday|two weeks|fortnight)|each (?:week|payday)|\bweekly\b/u;
/** "70 tmrw", "260 on the 1st", "50 going in today": a figure that opens a payment. */
const LEADS_A_PAYMENT =
  /^\s*(?:(?:on|by|this|next|going (?:in|out)|in|tonight|today|tomorrow|tmrw|tmr|towards|for you|from me|now|i (?:paid|sent|transferred|made|put in)|(?:would |will |to )?settle|as (?:a )?full)\b|(?:mon|tues?|wed|thur?s?|fri|sat|sun)\w*\b)/u;
const LEADS_A_PAYMENT_ZH =
  /^\s*(?:还上|还清|还给|还掉|转给|打给|明天|后天|今天|今晚|月底|下周|下个?月|周[一二三四五六日天]|星期|礼拜|号|\d{1,2}\s*[号日]|[一二三四五六七八九十]{1,3}[号日])/u;

/** "the 200 a month plan", "每月两千的方案": a figure of a plan offered, not one the customer can afford. */
const NOT_AFFORDABLE_AFTER =
  /^\s*(?:(?:a|per) month |monthly )?(?:plan|option|payment plan|one you)\b|^[^，。,.!！?？\s]{0,4}的?(?:方案|计划)/u;
const NOT_AFFORDABLE_BEFORE =
  /(?:can'?t|cannot|can not|couldn'?t) (?:afford|pay|do|manage) (?:the |that |your )?$|(?:only|just|literally) (?:have|got) \$?\s*$|(?:have|got) (?:only|just) \$?\s*$|(?:只有|只剩)\s*$/u;
/** "200 on the 1st of each month": the period comes after the day. */
const EACH_MONTH_LATER = /^(?:[^,.;!?，。\d]|\d{1,2}(?:st|nd|rd|th)\b){0,25}\b(?:each|every) month\b/u;

/** The words before a figure back to the start of its clause. */
const clauseOf = (before: string) =>
  before.slice(Math.max(0, before.search(/[,.;!?，。；！？](?=[^,.;!?，。；！？]*$)/u) + 1));

function currencyOf(before: string, after: string): Currency | undefined {
  if (USD_BEFORE.test(before) || USD_AFTER.test(after)) return 'USD';
  if (CNY_BEFORE.test(before) || CNY_AFTER.test(after)) return 'CNY';
  return undefined;
}

/** Numbers that can be money: not inside a date or time, not a count of months, weeks or payments, not a percentage. */
function amountMentions(text: string): AmountMention[] {
  const spans = dateSpans(text);
  const inDate = (n: NumberMention) => spans.some((s) => n.start >= s.start && n.end <= s.end);
  const mentions: AmountMention[] = [];
  for (const n of findNumbers(text)) {
    const before = text.slice(Math.max(0, n.start - 30), n.start);
    const after = text.slice(n.end, n.end + 30);
    const currency = currencyOf(before, after);
    if (currency === undefined) {
      if (inDate(n)) continue;
      if (/^\s*(?:%|percent|per ?cent|成|折)/u.test(after)) continue;
      if (
        /^\s*(?:monthly\s+(?:payments|instal|repayments)|months?\b|mos?\b|mths?|weeks?|wks?|days?|years?|yrs?|hours?|hrs?|times?|calls?|texts?|payments|instal?l?ments?|kids?|children|people|accounts?|cards?|letters?|emails?|messages?|am\b|pm\b|st\b|nd\b|rd\b|th\b|个月|月(?![底末初])|期|周(?![一二三四五六日天末])|天|年|次|个|岁|点|号|日|小时|分钟|通|条|张|笔|家|口|人|孩|倍|楼|层|%)/u.test(
          after,
        )
      )
        continue;
      if (
        /(?:#|no\.?|number|option|plan|choice|case|ref(?:erence)?|account|acct|chapter|ch\.?|第|方案|选项|尾号|卡号|账号|编号|电话|手机)\s*$/u.test(
          before,
        )
      )
        continue;
      if (/^\s*[-/]\s*\d/u.test(after) || /\d\s*[-/]\s*$/u.test(before)) continue;
      if (n.value >= 1000 && n.value < 10_000_000 && /^\d{7,}$/u.test(text.slice(n.start, n.end))) continue;
      if (
        n.words &&
        n.value < 10 &&
        !/^\s*(?:hundred|grand|thousand|k\b)/u.test(after) &&
        !/[千百万]/u.test(text.slice(n.start, n.end))
      )
        continue;
    }
    mentions.push({ ...n, currency, before, after });
  }
  return mentions;
}

const toMinor = (value: number) => Math.round(value * 100);

export interface SlotContext {
  readonly currency: Currency;
  readonly today: string;
}

/** Intents whose messages carry a payment (an amount and/or a date) as a slot. */
const PAYMENT_INTENTS: ReadonlySet<IntentName> = new Set([
  'promise_to_pay',
  'already_paid',
  'payment_arrangement',
  'discount_request',
  'hardship',
  'choose_option',
  'confirm',
  'decline',
  'unknown',
]);

/** Intents about paying, where what is left over each month is what can be afforded. */
const SURPLUS_INTENTS: ReadonlySet<IntentName> = new Set([
  'hardship',
  'payment_arrangement',
  'discount_request',
]);

/** Intents that restrict contact: their messages' refused channels are slots. */
const CONTACT_INTENTS: ReadonlySet<IntentName> = new Set([
  'stop_contact',
  'contact_preferences',
  'vulnerability',
  'complaint',
]);
/** Intents about plans: a term or an offer kind they name is a slot. */
const PLAN_INTENTS: ReadonlySet<IntentName> = new Set([
  'choose_option',
  'show_options',
  'payment_arrangement',
  'discount_request',
  'confirm',
]);

const PAST_CUE =
  /\b(?:paid|sent|transferred|made a payment|did a transfer|deposited|already|yesterday|last (?:week|mon|tue|wed|thu|fri|sat|sun)|went out|left my account|came out|ago)\b|已经|已|昨天|前天|上周|上个?星期|上个?礼拜|转过|还过|还了|付了|转了|交了|扣了/u;

/** Every slot the text could state, before the intent decides which of them the message means. */
export interface SlotReading {
  readonly text: string;
  readonly context: SlotContext;
  readonly monthlyIncomeMinor?: number;
  readonly monthlyExpensesMinor?: number;
  readonly affordableMinor?: number;
  /** What is left each month ("left with 50 a month spare"): what can be paid, when the message is about paying. */
  readonly surplusMinor?: number;
  /** A one-off amount, and whether a paying verb governs it (a hardship message's amount needs one). */
  readonly amount?: { readonly minor: number; readonly paying: boolean };
  readonly date?: string;
  readonly pastCue: boolean;
  readonly refusedChannels: readonly ContactChannel[];
  readonly noWorkplace: boolean;
  readonly noThirdParties: boolean;
  readonly optionNumber?: number;
  readonly termMonths?: number;
  readonly kind?: OfferKind;
}

/** Reads every slot a normalised text states, once; `slotsFor` then keeps those the intent means. */
export function readSlotReading(text: string, context: SlotContext): SlotReading {
  const mentions = amountMentions(text).filter(
    (m) => m.currency === undefined || m.currency === context.currency,
  );
  const budget = readBudget(text, mentions);
  const used = new Set<AmountMention>([budget.income, budget.expenses].filter((m) => m !== undefined));
  let affordable: number | undefined;
  let surplus: AmountMention | undefined;
  for (const m of mentions) {
    if (used.has(m)) continue;
    if (SURPLUS_BEFORE.test(m.before) || SURPLUS_AFTER.test(m.after)) {
      surplus ??= m;
      used.add(m);
      continue;
    }
    const after = m.after.replace(CURRENCY_WORD, '');
    if (NOT_AFFORDABLE_AFTER.test(after) || NOT_AFFORDABLE_BEFORE.test(m.before)) {
      used.add(m);
      continue;
    }
    if (
      PERIOD_MONTH.test(after) ||
      PERIOD_MONTH_BEFORE.test(m.before) ||
      MONTHLY_CLAUSE.test(clauseOf(m.before)) ||
      EACH_MONTH_LATER.test(after)
    ) {
      if (
        affordable === undefined &&
        (budget.income === undefined || PAY_CUE.test(clauseOf(m.before).slice(-20)))
      ) {
        affordable = toMinor(m.value);
        used.add(m);
      }
    } else if (
      PERIOD_OTHER.test(after) ||
      PERIOD_OTHER_BEFORE.test(m.before) ||
      OTHER_PERIOD_CLAUSE.test(clauseOf(m.before))
    )
      used.add(m);
  }
  const oneOff = mentions.find(
    (m) =>
      !used.has(m) &&
      !/^\s*(?:dollars?\s+|bucks\s+)?(?:in|over|into)\s+(?:\d+|two|three|four|five|six|ten|twelve)\s+(?:instal|payments|months)|^\s*(?:dollars?\s+|bucks\s+)?(?:in my|left)\b/u.test(
        m.after,
      ) &&
      !/(?:only|just|literally) (?:have|got) \$?\s*$|(?:have|got) (?:only|just) \$?\s*$|(?:只有|只剩)\s*$/u.test(
        m.before,
      ) &&
      (m.value > 0 || m.currency !== undefined) &&
      (m.currency !== undefined ||
        (m.value >= 10 &&
          (PAY_CUE.test(m.before.slice(-16)) ||
            LEADS_A_PAYMENT.test(m.after) ||
            LEADS_A_PAYMENT_ZH.test(m.after))) ||
        isBareAnswer(text, m)),
  );
  const pastCue = PAST_CUE.test(text);
  return {
    text,
    context,
    ...(budget.income ? { monthlyIncomeMinor: toMinor(budget.income.value) } : {}),
    ...(budget.expenses ? { monthlyExpensesMinor: toMinor(budget.expenses.value) } : {}),
    ...(affordable === undefined ? {} : { affordableMinor: affordable }),
    ...(surplus === undefined ? {} : { surplusMinor: toMinor(surplus.value) }),
    ...(oneOff
      ? { amount: { minor: toMinor(oneOff.value), paying: PAY_CUE.test(oneOff.before.slice(-16)) } }
      : {}),
    date: findDate(text, context.today, pastCue ? 'past' : 'future')?.date,
    pastCue,
    refusedChannels: refusedChannels(text),
    noWorkplace: WORKPLACE_NAMED.test(text) && NO_WORKPLACE.test(text),
    noThirdParties: noThirdParties(text),
    optionNumber: optionNumber(text),
    termMonths: termMonths(text),
    kind: kindOf(text),
  };
}

/** The slots the message states for this intent: a balance quoted in a dispute is not a payment. */
export function slotsFor(reading: SlotReading, intent: IntentName): Slots {
  const slots: Mutable<Slots> = {};
  if (reading.monthlyIncomeMinor !== undefined) slots.monthlyIncomeMinor = reading.monthlyIncomeMinor;
  if (reading.monthlyExpensesMinor !== undefined) slots.monthlyExpensesMinor = reading.monthlyExpensesMinor;
  if (reading.affordableMinor !== undefined) slots.affordableMinor = reading.affordableMinor;
  else if (reading.surplusMinor !== undefined && SURPLUS_INTENTS.has(intent))
    slots.affordableMinor = reading.surplusMinor;
  if (PAYMENT_INTENTS.has(intent)) {
    const amount =
      reading.amount && (intent !== 'hardship' || reading.amount.paying) ? reading.amount.minor : undefined;
    if (amount !== undefined) slots.amountMinor = amount;
    // A promise points forward and a payment made points back, whatever tense words the message also has.
    const direction = intent === 'already_paid' ? 'past' : intent === 'promise_to_pay' ? 'future' : undefined;
    const date =
      direction !== undefined && direction !== (reading.pastCue ? 'past' : 'future')
        ? findDate(reading.text, reading.context.today, direction)?.date
        : reading.date;
    // "on the 15th every month" is a recurring day, not a date.
    // A plan's monthly figure without a one-off payment: its day is the plan's day, not a date.
    const recurring =
      (RECURRING_DAY.test(reading.text) &&
        (intent === 'payment_arrangement' || intent === 'unknown' || intent === 'promise_to_pay')) ||
      (intent === 'payment_arrangement' && amount === undefined && MONTHLY_WORD.test(reading.text));
    if (
      date !== undefined &&
      !recurring &&
      (intent !== 'hardship' || amount !== undefined) &&
      (intent !== 'unknown' || amount !== undefined)
    )
      slots.date = date;
  }
  if (CONTACT_INTENTS.has(intent) && reading.refusedChannels.length > 0)
    slots.refusedChannels = reading.refusedChannels;
  if (reading.noWorkplace) slots.noWorkplace = true;
  if (reading.noThirdParties) slots.noThirdParties = true;
  if (intent === 'choose_option' && reading.optionNumber !== undefined)
    slots.optionNumber = reading.optionNumber;
  if (PLAN_INTENTS.has(intent) && reading.termMonths !== undefined) slots.termMonths = reading.termMonths;
  // A kind is a slot when an option is picked by it, or a settlement is asked for in a discount request.
  if (
    reading.kind !== undefined &&
    (intent === 'choose_option' ||
      (intent === 'show_options' && reading.kind !== 'pay_in_full') ||
      (intent === 'payment_arrangement' &&
        reading.kind === 'instalment' &&
        reading.termMonths === undefined) ||
      (intent === 'discount_request' && reading.kind === 'settlement'))
  )
    slots.kind = reading.kind;
  return slots;
}

/** "on the 15th every month", "每月3号", "change my payment date to the 5th": a day that recurs, not a date. */
const RECURRING_DAY =
  /\b(?:on )?the \d{1,2}(?:st|nd|rd|th)?(?: of)? (?:each|every) month\b|\b(?:each|every|a) month on the\b|\b(?:every|each) month\b[^.!?]{0,12}\bthe \d{1,2}(?:st|nd|rd|th)?\b|\b(?:payment|due|debit) (?:date|day)\b|每个?月\s*(?:的)?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[号日]|还款日|扣款日|还款时间/u;

const MONTHLY_WORD = /\b(?:every|each|a|per) month\b|\bmonthly\b|每个?月/u;

/** Reads the slots of a normalised text for a known intent. */
export function readSlots(text: string, context: SlotContext, intent: IntentName): Slots {
  return slotsFor(readSlotReading(text, context), intent);
}

/** A message that is only an amount ("$60", "八百") answers a question about money. */
const isBareAnswer = (text: string, m: AmountMention) =>
  m.currency !== undefined && text.replace(/[^\p{L}\p{N}]/gu, '').length <= 12;

/**
 * Income and outgoings: a figure near an income cue (`I bring home roughly 2,400`, `工资到手4千5`) and one near
 * an expense cue (`rent plus bills eat 1,900`, `房租加水电2800`), each taken from the words closest to it.
 */
function readBudget(text: string, mentions: readonly AmountMention[]) {
  let income: AmountMention | undefined;
  let expenses: AmountMention | undefined;
  const candidates = mentions.filter(
    (m) => !PERIOD_OTHER.test(m.after) && !PERIOD_OTHER_BEFORE.test(m.before),
  );
  const hasBudgetWords =
    INCOME_STRONG.test(text) || (EXPENSE_STRONG.test(text) && (MONTHLY.test(text) || text.length <= 16));
  if (!hasBudgetWords) return { income, expenses };
  for (const m of candidates) {
    const near = clauseBefore(text, m, mentions);
    const incomeAt = lastIndex(near, INCOME_CUE_G);
    const expenseAt = lastIndex(near, EXPENSE_CUE_G);
    if (incomeAt < 0 && expenseAt < 0) continue;
    if (incomeAt > expenseAt) {
      if (
        income === undefined &&
        !/(?<!home |take-home )\b(?:pay|can|could|afford)\b.{0,12}$|还|付/u.test(near.slice(incomeAt)) &&
        !SURPLUS_AFTER.test(m.after)
      )
        income = m;
    } else if (expenses === undefined && !/(?:剩|剩下|还剩|left with|left over)\s*$/u.test(m.before))
      expenses = m;
  }
  return { income, expenses };
}

const INCOME_STRONG =
  /\b(?:income|earn|make(?! (?:a |the |my |another )?(?:\$?\d[\d,.]*\s*)?(?:payment|transfer|deposit))|making|bring(?:ing)? (?:home|in)|take home|take-home|salary|wages?|pay ?check|get paid|pension|benefits|disability|i (?:only |just )?get)\b|收入|工资|月薪|薪水|薪资|到手|挣|赚|养老金|退休金|退休工资|低保|补助|补贴/u;
const EXPENSE_STRONG =
  /\b(?:expenses?|outgoings?|rent|mortgage|bills)\b|支出|开销|开支|花销|房租|房贷|生活费/u;
const MONTHLY = /\b(?:a|per|each|every) month\b|monthly|每个?月|一个月|月/u;
const INCOME_CUE_G = new RegExp(INCOME_CUE.source, 'gu');
const EXPENSE_CUE_G = new RegExp(EXPENSE_CUE.source, 'gu');

/** "50 a month spare", "剩下200": what is left over is what can be paid, not an income. */
const SURPLUS_BEFORE = /(?:剩|剩下|还剩|left with|left over(?: is)?)\s*$/u;
const SURPLUS_AFTER = /^\s*(?:(?:a|per|each) month\s+)?(?:spare|to spare|left over|free|left)\b/u;

/** The words before a figure back to the previous figure or the start of its clause (a comma ends one too). */
function clauseBefore(text: string, m: AmountMention, mentions: readonly AmountMention[]): string {
  const head = text.slice(0, m.start);
  const previous = mentions.filter((other) => other.end <= m.start).at(-1);
  const cut = Math.max(
    head.search(/(?:[.;!?。！？，]|,(?!\d))(?=(?:[^.;!?。！？，,]|,\d)*$)/u),
    head.search(/\d[^\d]*$/u),
    previous === undefined ? -1 : previous.end - 1,
  );
  return head.slice(cut + 1).slice(-45);
}

function lastIndex(text: string, pattern: RegExp): number {
  let at = -1;
  for (const match of text.matchAll(pattern)) at = match.index;
  return at;
}

// ---------------------------------------------------------------------------------------------------------
// Contact restrictions
// ---------------------------------------------------------------------------------------------------------

const CHANNEL_WORDS: Readonly<Record<ContactChannel, string>> = {
  call: '(?:(?:phone ?|robo)?calls?|calling|ring(?:ing)?|phon(?:e|ing)|(?:the )?phone|voicemails?|打电话|来电|电话|打给我|致电|call我|语音留言|留语音|语音)(?![a-z])',
  sms: '(?:texts?|texting|txts?|sms|text messages?|messages? on my phone|短信|简讯|讯息)(?![a-z])',
  email: '(?:e-?mails?|e-?mailing|mails? me|邮件|邮箱|电邮)(?![a-z])',
};
const CHANNELS: readonly ContactChannel[] = ['call', 'sms', 'email'];
const ANY_CHANNEL_WORDS = Object.values(CHANNEL_WORDS).join('|');
const NEG_EN =
  "(?:no|not|never|stop|don'?t|do not|dont|quit|cease|no more|without|can'?t (?:take|answer|pick up)|cannot (?:take|answer)|won'?t answer)";
const NEG_ZH = '(?:不要|别|不用|请勿|勿|停止|不再|不准|不许|不接|接不了|不方便接|少)';

const refusal = (channel: ContactChannel) => {
  const words = CHANNEL_WORDS[channel];
  return new RegExp(
    [
      `\\b${NEG_EN}\\s+(?:[^\\s.!?,]+\\s+){0,4}?${words}`,
      `\\b(?:don'?t|do not|dont) want (?:to be contacted|contact|to hear from (?:you|u))\\b[^.!?]{0,20}?\\b(?:by|via|through|on)\\s+(?:the )?${words}`,
      `${words}\\s+(?:need|needs|have|has) to stop|${words}\\s+(?:must|should) stop|${words}\\s+(?:are|is)\\s+not\\b(?! (?:a problem|an issue))`,
      `\\b(?:i'?d (?:prefer|rather) (?:if )?(?:you|u) (?:didn'?t|did not|don'?t)|i (?:can'?t|cannot) (?:do|take|handle|talk on)|i (?:don'?t|do not|never) (?:check|read|look at|answer|pick up|do|use))\\s+(?:the |my |any )?${words}`,
      `\\bnot (?:a |by |via )?${words}`,
      `${words}\\s*(?:are|is)?\\s*(?:useless|pointless|no good|not ok|not okay|a no|waking)`,
      `${NEG_ZH}(?:再|要)?(?:给我|往我)?(?:打|发|用|通过|来|留)?(?:[^，。,.!！?？\\s]{0,4}?)${words}`,
      `(?<![a-z])${words}(?:(?:和|跟|、|,|，)?(?:短信|邮件|电话|邮箱))*(?:和|跟|、|,|，|\\s)*(?:都|也|就|真的)?(?:别|不要|不用|勿|莫)(?:再)?(?:打|发|来)?(?!(?:再)?(?:给我)?(?:打|发|用)?(?:短信|邮件|电话))`,
      `${words}(?:我)?(?:真的)?(?:不看|不接|不用|接不了|不方便接|不行|不可以)`,
      `(?:不看|不查|从来不看|很少看)(?:我的)?${words}`,
    ].join('|'),
    'gu',
  );
};
const REFUSE = Object.fromEntries(CHANNELS.map((c) => [c, refusal(c)])) as Record<ContactChannel, RegExp>;
const onlyChannel = (channel: ContactChannel) => {
  const words = CHANNEL_WORDS[channel];
  const any = Object.values(CHANNEL_WORDS).join('|');
  return new RegExp(
    `\\b${words}(?:\\s+(?:or|and|&|/)\\s+(?:${any}))?\\s*(?:only|nalang)\\b|\\b(?:(?:${any})\\s+(?:or|and|&|/)\\s+)${words}\\s*only\\b|\\bonly (?:\\S+ ){0,2}?(?:by |via |through |use |contact me by |contact me via |(?:send|write) )?${words}(?!\\s+(?:me\\s+)?(?:on|at|my|in|after|before|between|during)\\b)|(?:只要|只用|只能|只通过|只接受|仅|只)(?:用|通过|发|接受)?(?:给我)?(?:发)?${words}`,
    'u',
  );
};
const CHANNEL_NAMED = new RegExp(
  Object.values(CHANNEL_WORDS)
    .map((w) => w.replace(/\(\?!\[a-z\]\)$/u, ''))
    .join('|'),
  'u',
);
const PREFERRED = Object.fromEntries(
  CHANNELS.map((c) => {
    const words = CHANNEL_WORDS[c];
    return [
      c,
      new RegExp(
        `(?<![a-z] )${words}\\s+only\\b|${words}\\s+(?:is|are|would be|works?)\\s+(?:better|fine|ok|okay|good|best|preferred)|${words}\\s+instead\\b|\\b(?:just |please )?(?:send|use|try)\\s+(?:me\\s+)?(?:an?\\s+)?${words}(?!\\s+(?:again|anymore))|(?:^|[,.;!?]\\s*)(?:just |please )?${words}(?:\\s+(?:or|and)\\s+(?:${ANY_CHANNEL_WORDS}))?\\s+me\\b(?!\\s+(?:again|anymore|ever|at|on))|(?:^|[,.;!?]\\s*)(?:${ANY_CHANNEL_WORDS})\\s+(?:or|and)\\s+${words}\\s+me\\b(?!\\s+(?:again|anymore|ever|at|on))|${words}(?:可以|就行|就好|没问题|吧)|(?:发|打)${words}吧|改(?:成)?(?:发|打)?${words}|请(?:发|打)${words}`,
        'u',
      ),
    ];
  }),
) as Record<ContactChannel, RegExp>;
const ONLY_WEAK = Object.fromEntries(
  CHANNELS.map((c) => [
    c,
    new RegExp(`(?:有事|有什么事)(?:就|请)?(?:给我)?(?:发|打)${CHANNEL_WORDS[c]}`, 'u'),
  ]),
) as Record<ContactChannel, RegExp>;
const ONLY = Object.fromEntries(CHANNELS.map((c) => [c, onlyChannel(c)])) as Record<ContactChannel, RegExp>;
const ANY_CHANNEL = Object.values(CHANNEL_WORDS).join('|');
const LIST_ITEM = `(?:(?:a|an|any|no|not|more|或者|或|还是)\\s*)?(?:发|打)?(?:${ANY_CHANNEL}|letters?|post|visits?|上门|信)`;
/** Two or more contact means in a row, separated by commas, "or", "and", 、 or 和. */
const CHANNEL_LIST = new RegExp(
  `${LIST_ITEM}(?:\\s*(?:,|、|，|/|\\bor\\b|\\band\\b|和|跟|及|或)\\s*${LIST_ITEM})+`,
  'gu',
);
const CHANNEL_ONLY = Object.fromEntries(
  CHANNELS.map((c) => [c, new RegExp(CHANNEL_WORDS[c], 'u')]),
) as Record<ContactChannel, RegExp>;
/** A medium outside the three (an app, WeChat, letters) kept as the only one: every channel is refused. */
const ONLY_OTHER_MEDIUM =
  /\b(?:only|just)\s+(?:\S+\s+){0,3}?(?:on |via |through |by |in |use )?(?:the )?(?:wechat|whatsapp|app|chat|portal|letters?|post|in writing)\b|\b(?:wechat|whatsapp|app|chat|portal|letters?|post)\s*(?:only|nalang)\b|\bkeep (?:this|it|everything) (?:to|in|on) (?:the )?(?:app|chat|portal|writing|wechat)|只(?:能|想)?(?:在|用|通过|发|走)?(?:app|微信|网上|线上|站内信)/u;
/** A refusal limited to a place, a person or a time of day restricts that, not the channel. */
const QUALIFIED_AFTER =
  /^\s*(?:him|her|them)\b|^(?:\s*(?:me|us|him|her|them|anyone|again|anymore|ever|on|the))*\s*(?:at(?! all)|to|my(?! (?:mobile|cell|phone|number))|our|his|her|their|before|after|during|until|till|when|while|between|past|in the (?:morning|evening)|on (?:weekends|sundays)|\d(?!\d*\s*times))\b|^\s*(?!my (?:mobile|cell|phone|number))(?:work|office|job|boss|employer|mother|mom|mum|dad|father|daughter|son|wife|husband|family|parents?|friends?|sister|brother)\b/u;
const QUALIFIED_BEFORE =
  /(?:晚上|白天|早上|上午|下午|中午|夜里|半夜|期间|周末|上班时间|工作时间|过年|节假日|点|[点时号](?:以后|之后|之前|以前|前|后))\s*(?:请|麻烦)?\s*$/u;
const KIN_ZH =
  '单位|公司|办公室|同事|领导|老板|经理|爸|妈|父母|家|对象|老婆|老公|他们|她|他|亲|朋友|孩子|儿子|女儿|妹|姐|哥|弟|婆婆|公公|岳|奶奶|爷爷|外婆|外公|姥|叔|阿姨|舅|姑|室友|联系人|邻居|别人|其他人|国内|号码|这个号';
const QUALIFIED_INSIDE = new RegExp(KIN_ZH, 'u');
/** "别再打给我老婆了": the call refused is to someone else. */
const QUALIFIED_AFTER_ZH = new RegExp(`^(?:给|到|去|跟|和|对)?(?:我的?|我们)?(?:${KIN_ZH})`, 'u');

/** The channels refused, in CHANNELS order: each named with a negation, unless the refusal names a place, person or time. */
export function refusedChannels(text: string): ContactChannel[] {
  const refused = new Set<ContactChannel>();
  // Most messages name no channel: they skip the refusal patterns at once.
  const named = CHANNEL_NAMED.test(text);
  for (const channel of named ? CHANNELS : []) {
    for (const match of text.matchAll(REFUSE[channel])) {
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 30);
      const before = text.slice(Math.max(0, match.index - 10), match.index);
      if (
        QUALIFIED_AFTER.test(after) ||
        QUALIFIED_AFTER_ZH.test(after) ||
        QUALIFIED_BEFORE.test(before) ||
        QUALIFIED_INSIDE.test(match[0])
      )
        continue;
      refused.add(channel);
      break;
    }
  }
  // "别打了" after someone else was named is about them ("你们打给我朋友干嘛 别打了").
  const aboutSomeoneElse = /别|不要|莫|不用|停止/u.test(text) && CONTACTED_THIRD_PARTY.test(text);
  if (!aboutSomeoneElse && /(?:别|不要|莫|不用|停止)(?:再)?打了|别打别发/u.test(text)) refused.add('call');
  if (!aboutSomeoneElse && /(?:别|不要|莫|不用)(?:再)?发了|别打别发/u.test(text)) refused.add('sms');
  if (/^(?:td|退订)\b|^退订|\b(?:reply|text) stop\b/u.test(text)) refused.add('sms');
  const listAt = text.search(/包括|不管是|无论是|including|whether/u);
  if (listAt >= 0) {
    const list = text.slice(listAt, listAt + 24);
    for (const channel of CHANNELS)
      if (new RegExp(CHANNEL_WORDS[channel], 'u').test(list)) refused.add(channel);
  }
  // A refusal runs on through a list: "stop texting, calling, emailing", "不要再给我打电话、发短信、发邮件".
  if (refused.size > 0) {
    for (const list of text.matchAll(CHANNEL_LIST)) {
      const named = CHANNELS.filter((c) => CHANNEL_ONLY[c].test(list[0]));
      if (named.some((c) => refused.has(c))) for (const c of named) refused.add(c);
    }
  }
  // A channel asked for ("email is better", "text or call me", "短信可以") is never one refused.
  if (refused.size > 0) for (const c of CHANNELS) if (PREFERRED[c].test(text)) refused.delete(c);
  // "email only", "有事发邮件" refuse the other channels, unless the message names its refusals itself.
  if (refused.size === 0) {
    const kept = CHANNELS.filter((c) => ONLY[c].test(text) || ONLY_WEAK[c].test(text));
    if (kept.length > 0) for (const c of CHANNELS) if (!kept.includes(c)) refused.add(c);
    if (ONLY_OTHER_MEDIUM.test(text) && !/\bonly (?:ring|call|phone|text|email)\b/u.test(text))
      for (const c of CHANNELS) refused.add(c);
  }
  return CHANNELS.filter((c) => refused.has(c));
}

const WORKPLACE =
  '(?:work|workplace|job|office|employer|boss|manager|supervisor|hr|my work number|work (?:phone|number|email|address)|company|单位|公司|工作单位|办公室|领导|老板|上班的地方|厂里)';
const WORKPLACE_NAMED = new RegExp(WORKPLACE, 'u');
const NO_WORKPLACE = new RegExp(
  [
    `\\b${NEG_EN}\\s+(?:\\S+\\s+){0,5}?(?:at|to|my|through|via|on|the)\\s+(?:my\\s+)?${WORKPLACE}`,
    `\\b(?:${NEG_EN}|never)\\s+(?:contact|call|ring|email|text|message|speak to|talk to|tell|visit|write to|involve)\\s+(?:my\\s+)?${WORKPLACE}`,
    `\\b(?:at|to|my) ${WORKPLACE}\\b[^.!?]{0,20}\\b(?:not ok|not okay|off limits|is a no)`,
    `${NEG_ZH}(?:再)?(?:打|联系|找|去|发|给|到|往)?(?:[^，。,.!！?？\\s]{0,6}?)(?:我)?${WORKPLACE}`,
    `(?:我)?${WORKPLACE}(?:的)?(?:电话|座机|邮箱)?(?:那边)?(?:就)?(?:别|不要|不能|请勿)`,
  ].join('|'),
  'u',
);

const THIRD_PARTY =
  "(?:family|famly|relatives?|wife|husband|partner|spouse|ex|ex-wife|ex-husband|mum|mom|mother|mother-in-law|father|father-in-law|dad|parents?|parents'|grand(?:mother|father|ma|pa|parents?)|grandma|grandpa|nan|references?|guarantors?|co-?signers?|kids?|children|son|daughter|sister|brother|siblings?|cousin|aunt|uncle|friends?|neighbou?rs?|in-laws?|landlord|roommates?|flatmates?|housemates?|girlfriend|boyfriend|boss|manager|colleagues?|coworkers?|anyone else|anybody else|anyone at my|anybody at my|other people|my references?|emergency contacts?|family members?)";
const THIRD_PARTY_ZH =
  '(?:家人|家里人|家里|老家|父母|爸妈|爸爸|妈妈|我爸|我妈|老婆|老公|妻子|丈夫|爱人|对象|女朋友|男朋友|前妻|前夫|孩子|亲戚|亲友|朋友|同学|室友|邻居|村委会|物业|紧急联系人|联系人|通讯录|微信好友|朋友圈|微信群|兄弟|姐姐|妹妹|哥哥|弟弟|我哥|我姐|我弟|我妹|表姐|表哥|表妹|表弟|儿子|女儿|婆婆|公公|岳父|岳母|丈母娘|奶奶|爷爷|外婆|外公|姥姥|姥爷|叔叔|阿姨|舅舅|姑姑|小姨|担保人|同事|我(?:们|的)?(?:经理|领导|老板|上司)|身边(?:的)?(?:任何)?人|其他人|其他任何人|别人|(?<!你们的)任何人)';
const CONTACT_VERB =
  '(?:contact\\w*|call\\w*|ring\\w*|rang|rung|phon\\w*|text\\w*|email\\w*|tell\\w*|inform\\w*|speak\\w*|talk\\w*|message\\w*|visit\\w*|bother\\w*|ask\\w*|post\\w*|send\\w*|writ\\w*|involv\\w*|mention\\w*|discuss\\w*|go(?:ing)? to|reach\\w* out to|harass\\w*)';
const NO_THIRD_PARTIES = new RegExp(
  [
    `\\b(?:${NEG_EN}|never|stop|didn'?t|not)\\b(?:\\s+[^\\s.!?,;]+){0,6}?\\s+${CONTACT_VERB}\\b(?:\\s+[^\\s.!?,;]+){0,3}?\\s+(?:(?:my|our|any of my|any)\\b(?:\\s+[^\\s.!?,;]+){0,1}?\\s*)?${THIRD_PARTY}`,
    `\\b${THIRD_PARTY}\\s+(?:doesn'?t|don'?t|does not|do not|must not|can'?t|cannot|mustn'?t|shouldn'?t)\\s+(?:need to )?(?:know|find out|hear|be told|be contacted|be involved)`,
    `\\bleave my ${THIRD_PARTY} out\\b|\\bkeep (?:my )?${THIRD_PARTY} out\\b|\\b(?:anyone|anybody) (?:at my|else)\\b[^.!?]{0,20}\\bexcept me\\b|\\bspeak only to me\\b|\\bonly (?:speak|talk) to me\\b|\\b(?:talk|speak|deal) (?:to|with) me only\\b|\\bthe only (?:person|one) (?:you|u) (?:should|can|may)\\b`,
    `(?:别|不要|不准|不许|勿|请勿|停止|不能|千万别|更不要)(?:再)?[^，。,.!！?？\\s]{0,4}?(?:打给|打|联系|找|告诉|通知|骚扰|打扰|寄|发给|问|打听|提|牵扯|牵连|连累|扯上)[^，。,.!！?？\\s]{0,6}?${THIRD_PARTY_ZH}|不想让(?:我的?)?${THIRD_PARTY_ZH}知道`,
    `(?:别|不要|不准|不许|请勿|千万别|更不要)(?:再)?(?:给|跟|和|对|向|找)(?:我的?|我们)?${THIRD_PARTY_ZH}|只能(?:跟|和|找|联系)我(?:本人|一个人)`,
    `${THIRD_PARTY_ZH}(?:那边|的电话|那栏的人)?(?:都|也|就)?(?:别|不要|请勿)(?:再)?(?:打|联系|找|告诉|通知|骚扰)`,
    `(?:别|不要|千万别)(?:再)?(?:打给|找|联系|打)(?:他|她)们?|只能找我本人|(?:跟|和)(?:这事|他|她)没(?:有)?关系`,
  ].join('|'),
  'u',
);

/** Someone else named as the one contacted ("why are you calling my brother", "你们打给我朋友干嘛"). */
const CONTACTED_THIRD_PARTY = new RegExp(
  `\\b${CONTACT_VERB}\\s+(?:my|our)\\s+(?:\\S+\\s+)?${THIRD_PARTY}|\\b(?:my )?${THIRD_PARTY}\\s+(?:has|have|keeps?|are|is)\\s+(?:been\\s+)?(?:getting|receiving)\\s+(?:calls|texts|messages|letters)|(?:打给|打到|打|联系|找|发给|骚扰)(?:了)?(?:我的?)?${THIRD_PARTY_ZH}`,
  'u',
);
/** No third party, no restriction on them: most messages skip the long patterns at once. */
const ANY_THIRD_PARTY = new RegExp(
  `${THIRD_PARTY}|${THIRD_PARTY_ZH}|\\b(?:anyone|anybody|nobody|only|except)\\b|本人|一个人`,
  'u',
);
function noThirdParties(text: string): boolean {
  if (!ANY_THIRD_PARTY.test(text)) return false;
  return NO_THIRD_PARTIES.test(text) || (CONTACTED_THIRD_PARTY.test(text) && STOP_THAT.test(text));
}
/** …and then told to stop: a restriction on third parties. */
const STOP_THAT =
  /\b(?:stop|quit|never|leave (?:him|her|them) alone|don'?t do that)\b|别(?:再)?(?:打|找|联系|发)?了|不要再|别再/u;

// ---------------------------------------------------------------------------------------------------------
// Option number, term, kind
// ---------------------------------------------------------------------------------------------------------

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
  '5th': 5,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  1: 1,
  2: 2,
  3: 3,
  4: 4,
  5: 5,
  6: 6,
};
const OPTION_PATTERNS: readonly RegExp[] = [
  /\b(?:option|opt|plan|choice|number|no\.?)\s*#?\s*(?<n>1\d|[1-9]|one|two|three|four|five|six)\b(?!\s*(?:months?|years?|weeks?|mo\b))/u,
  /#\s*(?<n>1\d|[1-9])\b/u,
  /\b(?:the\s+)?(?<n>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?:one|option|plan|choice)\b/u,
  /^(?:ok(?:ay)?\s+|i'?ll (?:take|go with|do)\s+|i (?:choose|pick|want)\s+|(?:the\s+)?)?(?<n>first|second|third|fourth|fifth)(?:\s+one)?\s*(?:please|pls|plz)?[.!]*$/u,
  /^\s*(?:option\s*)?(?<n>[1-6])\s*[.!。]?\s*(?:please|pls|plz)?$/u,
  /(?:方案|选项|计划|选)\s*(?:第)?\s*(?<n>1\d|[1-9一二两三四五六])(?![\d十期个次性]|\s*(?:个月|期|月))/u,
  /第\s*(?<n>[1-6一二三四五六])\s*(?:个|种|项|条)?(?!期|个月|月|天|次|号|时间|步|眼|次)/u,
  /(?<n>[1-6一二三四五六])\s*号(?:方案|选项)/u,
];

export function optionNumber(text: string): number | undefined {
  for (const pattern of OPTION_PATTERNS) {
    const n = pattern.exec(text)?.groups?.n;
    if (n === undefined) continue;
    if (/^\d+$/u.test(n)) return Number(n);
    if (WORD_NUMBERS[n] !== undefined) return WORD_NUMBERS[n];
  }
  return undefined;
}

const TERM_WORDS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  'twenty four': 24,
  'twenty-four': 24,
  thirty: 30,
  'thirty six': 36,
  'thirty-six': 36,
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
  十: 10,
  十二: 12,
  十八: 18,
  二十四: 24,
  三十六: 36,
  四十八: 48,
  六十: 60,
};
const ZH_COUNT = '\\d{1,3}|[一二两三四五六七八九十百]{1,4}';
const TERM_PATTERNS: readonly RegExp[] = [
  /(?<![\d.$])(?<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty[- ]four|thirty[- ]six)[- ]?(?:months?|mos?|mths?)\b(?!\s*(?:ago|behind|late|overdue|in arrears|now|already|since|clean))/u,
  /(?<![\d.$])(?<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:monthly )?(?:payments|instal?l?ments)\b(?!\s*(?:a|per|each) (?:week|month)|[^.!?]{0,20}\b(?:weeks?|fridays?|mondays?|days?)\b)/u,
  /\b(?:a|one|1)[- ]year (?:plan|one|option)|\bover (?:a|one) year\b/u,
  new RegExp(`分(?:成)?\\s*(?<n>${ZH_COUNT})\\s*(?:期|个月)`, 'u'),
  new RegExp(
    `(?<![第\\d])(?<n>${ZH_COUNT})\\s*(?:期|个月)(?:的)?(?:那个|方案|分期|还|还完|还清|内|选项|计划|的|$)`,
    'u',
  ),
  new RegExp(`(?:选|要|就|还|一共还|总共还)\\s*(?<n>${ZH_COUNT})\\s*(?:期|个月)`, 'u'),
  new RegExp(`(?<n>${ZH_COUNT})期`, 'u'),
  /还(?<n>一年半|半年|一年|两年|三年)|(?<n2>一年半|半年|一年|两年|三年)(?:内|之内|以内)?(?:还完|还清|内)/u,
];
const YEARS: Readonly<Record<string, number>> = { 半年: 6, 一年: 12, 一年半: 18, 两年: 24, 三年: 36 };

export function termMonths(text: string): number | undefined {
  for (const pattern of TERM_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const raw = match.groups?.n ?? match.groups?.n2;
    if (raw === undefined) return 12;
    const n = /^\d+$/u.test(raw)
      ? Number(raw)
      : (YEARS[raw] ?? TERM_WORDS[raw.replace(' ', '-')] ?? TERM_WORDS[raw] ?? parseChineseNumber(raw));
    // A plan has 2..120 months; "3 months behind", "逾期3个月" are not terms.
    if (n !== undefined && n >= 2 && n <= 120) {
      if (
        /(?:ago|behind|late|overdue|逾期|拖了|欠了)/u.test(
          text.slice(match.index + match[0].length, match.index + match[0].length + 12),
        )
      )
        continue;
      if (/(?:逾期|拖了|欠了|已经|第)\s*$/u.test(text.slice(Math.max(0, match.index - 6), match.index)))
        continue;
      return n;
    }
  }
  return undefined;
}

const KIND_PATTERNS: readonly [OfferKind, RegExp][] = [
  [
    'settlement',
    /\bsettle(?:ments?)?\b|\bsettle (?:it|this|the account|for)\b|\blump sum (?:settlement|offer)\b|\bfull and final\b|结清|和解|一次性了结/u,
  ],
  [
    'hardship',
    /\bhardship (?:plan|option|programme|program|one|arrangement|scheme)\b|困难[^，。\s]{0,3}(?:方案|计划)|困难还款|困难减负|减负方案|停息挂账/u,
  ],
  [
    'pay_in_full',
    /\bpay (?:it |everything |the (?:full|whole) (?:balance|amount) )?(?:all|in full|off in full)\b|\bfull payment\b|\bpay (?:off )?(?:the |my )?(?:whole|full|entire) (?:balance|amount|debt)\b|\bin full\b|\ball at once\b|\bin one go\b|一次性(?:还清|还完|付清|结清|的|那个)|全额|全部还清|一次还清|一次性全部/u,
  ],
  [
    'instalment',
    /\binstal?l?ments?\b|\binstalment plan\b|\bpayment plan\b|\bmonthly (?:payments|plan|one)\b|分期/u,
  ],
];

export function kindOf(text: string): OfferKind | undefined {
  return KIND_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0];
}

/**
 * An amount as a model copies it out of a message ("$180", "180", "一千五", "60 bucks"): the first amount in the
 * account's currency; undefined when there is none or it is in another currency.
 */
export function readAmount(text: string, currency: Currency): number | undefined {
  const mention = amountMentions(normaliseText(text)).find((m) => m.value > 0);
  if (!mention || (mention.currency !== undefined && mention.currency !== currency)) return undefined;
  return toMinor(mention.value);
}
