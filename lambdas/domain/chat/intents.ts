/**
 * The rule-based intent layer of the offline chat assistant: what the customer asks for, in English or
 * Simplified Chinese whatever the conversation's language, with the figures the ask carries.
 *
 * Customer text is untrusted. An intent only names an ask and extracts plain figures; the assistant checks
 * every figure against the account and the offer policy. Prompt-injection phrasing ("ignore your rules",
 * "忽略之前的指令") changes nothing: the underlying ask is classified as usual and `injectionSuspected` is
 * set so that the caller can record it.
 */
import type { Currency, Language } from '../accounts/account';
import type { ContactChannel } from '../compliance';
import type { OfferKind } from '../offers/plan-calculator';
import { findAmount, findBudget, findDate, normaliseCustomerText } from './customer-figures';

/** Which option the customer picked: by its number in the list shown, by its kind, or by its term. */
export type OptionChoice =
  | { readonly by: 'number'; readonly number: number }
  | { readonly by: 'kind'; readonly kind: OfferKind }
  | { readonly by: 'term'; readonly termMonths: number };

export type IntentBody =
  | { readonly type: 'greeting' }
  | { readonly type: 'show_options' }
  | { readonly type: 'choose_option'; readonly choice: OptionChoice }
  | { readonly type: 'confirm' }
  | { readonly type: 'decline' }
  | {
      readonly type: 'promise_to_pay';
      /** Minor units of the account's currency; absent when none was stated or it was unreadable. */
      readonly amountMinor?: number;
      /** `YYYY-MM-DD`, resolved against today; absent when none was stated or it does not exist. */
      readonly dueDate?: string;
    }
  | {
      readonly type: 'hardship';
      readonly monthlyIncomeMinor?: number;
      readonly monthlyExpensesMinor?: number;
    }
  | { readonly type: 'dispute' }
  | { readonly type: 'request_person' }
  | { readonly type: 'stop_contact' }
  | { readonly type: 'contact_preferences'; readonly refusedChannels: readonly ContactChannel[] }
  | { readonly type: 'discount_request' }
  | { readonly type: 'unknown' };

export type IntentType = IntentBody['type'];
export type Intent = IntentBody & { readonly injectionSuspected: boolean };

/**
 * Classifies one customer message. `language` is the conversation's (both languages are matched anyway),
 * `currency` the account's (amounts in another currency are not taken), `today` (`YYYY-MM-DD`, the
 * customer's local date) resolves dates without a year and relative ones ("next Friday", "下周五").
 */
export function classifyIntent(text: string, _language: Language, currency: Currency, today: string): Intent {
  const normalised = normaliseCustomerText(text);
  const injectionSuspected = INJECTION.test(normalised);
  const ask = injectionSuspected
    ? normalised.replace(ROLE_PLAY, ' ').replace(/\s+/g, ' ').trim()
    : normalised;
  return { ...classifyNormalised(ask, currency, today), injectionSuspected };
}

/**
 * Protective asks first (a refused channel, stop contact, dispute, a person): they must never be read as
 * anything else. Then a declared budget and a discount request (both carry numbers that are not a promise),
 * an explicit option number, a promise, hardship, option kinds, and the short answers last.
 */
function classifyNormalised(text: string, currency: Currency, today: string): IntentBody {
  const refusedChannels = refusedChannelsIn(text);
  if (refusedChannels.length > 0) return { type: 'contact_preferences', refusedChannels };
  if (STOP_CONTACT.test(text)) return { type: 'stop_contact' };
  if (DISPUTE.test(text)) return { type: 'dispute' };
  if (REQUEST_PERSON.test(text)) return { type: 'request_person' };
  const budget = findBudget(text, currency);
  if (Object.keys(budget).length > 0) return { type: 'hardship', ...budget };
  if (DISCOUNT.test(text)) return { type: 'discount_request' };
  const optionNumber = chosenNumber(text);
  if (optionNumber !== undefined)
    return { type: 'choose_option', choice: { by: 'number', number: optionNumber } };
  const promise = promiseIn(text, currency, today);
  if (promise) return promise;
  if (HARDSHIP.test(text)) return { type: 'hardship' };
  const choice = chosenKindOrTerm(text);
  if (choice) return { type: 'choose_option', choice };
  if (SHOW_OPTIONS.test(text)) return { type: 'show_options' };
  if (DECLINE.some((pattern) => pattern.test(text))) return { type: 'decline' };
  if (CONFIRM.some((pattern) => pattern.test(text))) return { type: 'confirm' };
  if (GREETING.test(text)) return { type: 'greeting' };
  return { type: 'unknown' };
}

// ---------------------------------------------------------------------------------------------------------
// Phrases. Text is NFKC-normalised and lower-cased; Chinese has no word boundaries, so its phrases match
// anywhere and are kept specific enough not to fire inside other asks.
// ---------------------------------------------------------------------------------------------------------

const INJECTION = new RegExp(
  [
    '\\b(?:ignore|disregard|forget|override|bypass)\\b.{0,40}\\b(?:rules?|instructions?|prompts?|polic(?:y|ies)|guidelines|restrictions)',
    '\\byou are now\\b',
    "\\byou're now\\b",
    '\\bact as\\b',
    '\\bpretend (?:to be|you)',
    '\\b(?:system|assistant|developer)\\s*:',
    '\\bdeveloper mode\\b',
    '\\bjailbreak',
    '\\bnew instructions?\\b',
    '\\[/?inst\\]',
    '<\\|',
    '忽略',
    '无视',
    '忘记(?:之前|以上|所有|你的)',
    '你现在是',
    '扮演',
    '系统\\s*[:：]',
    '系统提示',
    '(?:之前|以上|所有)的?(?:指令|规则|提示)',
    '越狱',
    '开发者模式',
  ].join('|'),
  'u',
);

/** Role-play clauses are dropped before classifying, so "you are now an agent" is not a request for one. */
const ROLE_PLAY =
  /\byou(?: are|'re) now\b[^.,:;!?\n]*|\bact as\b[^.,:;!?\n]*|\bpretend (?:to be|you)\b[^.,:;!?\n]*|\b(?:system|assistant|developer)\s*:|你现在是[^.,:;!?。\n]*|扮演[^.,:;!?。\n]*|系统\s*:/gu;

const STOP_CONTACT = new RegExp(
  [
    '\\bstop (?:all )?(?:contacting|contact|messaging|bothering|harassing)\\b',
    "\\b(?:don't|do not|never) (?:ever )?(?:contact|bother) me\\b",
    '\\bleave me alone\\b',
    '\\bcease\\b',
    '\\bno (?:more|further) contact\\b',
    '^(?:stop|unsubscribe|td)[.!]*$',
    '(?:别|不要|请勿|停止)(?:再)?(?:联系|打扰|骚扰)',
    '^退订$',
  ].join('|'),
  'u',
);

const DISPUTE = new RegExp(
  [
    '\\bnot (?:my (?:debt|account|card|loan|balance|bill)|mine)\\b',
    "\\b(?:don't|do not|never) owe\\b",
    '\\bnever (?:had|opened|used|applied for)\\b',
    '\\bwrong (?:amount|balance|person|account)\\b',
    '\\b(?:amount|balance) is (?:wrong|incorrect|not right)\\b',
    '\\bincorrect\\b',
    '\\bdispute',
    '\\bidentity theft\\b',
    '\\balready (?:paid|settled)\\b',
    '不是我的',
    '不是我欠',
    '(?:我)?(?:没有|没)欠',
    '(?:金额|数额|余额|账单)(?:不对|有误|错了|不正确)',
    '异议',
    '不(?:认可|认账|承认)',
    '已经还(?:了|清)',
  ].join('|'),
  'u',
);

const REQUEST_PERSON = new RegExp(
  [
    '\\b(?:agent|human|real person|representative|operator|advisor|adviser)\\b',
    '\\b(?:speak|talk|chat) (?:to|with) (?:someone|somebody|a person|a human|a real|an agent|staff)',
    '\\bcall me back\\b',
    '人工',
    '客服',
    '真人',
    '工作人员',
  ].join('|'),
  'u',
);

const CHANNEL_WORDS: Readonly<Record<ContactChannel, string>> = {
  call: '(?:\\bcalls?\\b|\\bcalling\\b|\\bphone\\b|打电话|来电|电话)',
  sms: '(?:\\btexts?\\b|\\btexting\\b|\\bsms\\b|短信)',
  email: '(?:\\be-?mails?\\b|\\be-?mailing\\b|邮件|邮箱)',
};
const CHANNELS: readonly ContactChannel[] = ['call', 'sms', 'email'];

/** `email only` / `只要邮件`: refuse every other channel. */
const onlyChannel = (channel: ContactChannel) =>
  new RegExp(
    `${CHANNEL_WORDS[channel]}\\s*only\\b|\\bonly (?:by |via |through )?${CHANNEL_WORDS[channel]}|\\bjust ${CHANNEL_WORDS[channel]}|(?:只要|只用|只通过|只接受|仅|只)(?:用|通过|发)?${CHANNEL_WORDS[channel]}`,
    'u',
  );
/** `no calls` / `stop texting` / `don't call` / `stop contacting me by phone` / `不要打电话`: refuse it. */
const noChannel = (channel: ContactChannel) => {
  const words = CHANNEL_WORDS[channel];
  return new RegExp(
    [
      `\\bno (?:more |phone )?${words}`,
      `\\bstop (?:\\S+ ){0,2}?${words}`,
      `\\b(?:don't|do not|never|please don't) (?:\\S+ )?${words}`,
      `\\b(?:stop|don't|do not|no)\\b.{0,30}\\b(?:by|via|on) (?:the )?${words}`,
      `\\bnot (?:by|via) ${words}`,
      `(?:不要|别|不用|请勿|停止|不再)(?:再)?(?:给我)?(?:发|打|用|通过)?${words}`,
    ].join('|'),
    'u',
  );
};
const ONLY = Object.fromEntries(CHANNELS.map((channel) => [channel, onlyChannel(channel)])) as Record<
  ContactChannel,
  RegExp
>;
const NO = Object.fromEntries(CHANNELS.map((channel) => [channel, noChannel(channel)])) as Record<
  ContactChannel,
  RegExp
>;

/** The channels the customer refuses in this message, in CHANNELS order; empty when none is named. */
function refusedChannelsIn(text: string): ContactChannel[] {
  const only = CHANNELS.filter((channel) => ONLY[channel].test(text));
  const refused = new Set(CHANNELS.filter((channel) => NO[channel].test(text)));
  for (const kept of only) for (const other of CHANNELS) if (other !== kept) refused.add(other);
  for (const kept of only) refused.delete(kept);
  return CHANNELS.filter((channel) => refused.has(channel));
}

const DISCOUNT = new RegExp(
  [
    '\\bdiscount',
    '\\d+\\s*(?:%|percent|per cent)\\s*off\\b',
    '\\bhalf off\\b',
    '\\bwrite[- ]?off\\b',
    '\\b(?:forgive|waive|cancel) (?:the |my |some of the |part of the )?(?:debt|balance|amount|interest)',
    '\\b(?:reduce|lower|cut) (?:the |my )?(?:debt|balance|amount owed|total|what i owe)',
    '\\breduce it\\b',
    '\\bsettle (?:it |this |the debt |the balance )?for\\b',
    '\\bcheaper\\b',
    '\\bpay less\\b',
    '减免',
    '打.{0,2}折',
    '折扣',
    '优惠',
    '少还',
    '免(?:掉|除)',
    '抹零',
    '便宜',
  ].join('|'),
  'u',
);

const HARDSHIP = new RegExp(
  [
    '\\blost (?:my|our) (?:job|work|income)',
    '\\b(?:unemployed|laid off|redundant|jobless|out of work)\\b',
    "\\b(?:can't|cannot|can not|unable to|couldn't) (?:afford|pay)\\b",
    '\\bstruggl',
    '\\bfinancial (?:difficult|trouble|problem)',
    '\\bhard time\\b',
    '\\b(?:sick|illness|hospital|medical)\\b',
    '\\bno money\\b',
    '\\bbroke\\b',
    '\\bhardship\\b(?! (?:plan|option|programme|program))',
    '失业',
    '没(?:有)?工作',
    '丢了工作',
    '被裁',
    '还不起',
    '还不上',
    '没(?:有)?钱',
    '生病',
    '住院',
    '困难(?!方案|计划|还款|减负)',
  ].join('|'),
  'u',
);

const SHOW_OPTIONS = new RegExp(
  [
    '\\boptions?\\b',
    '\\bchoices\\b',
    '\\bplans?\\b',
    '\\bwhat can i do\\b',
    '\\bhow (?:can|do|should) i (?:pay|repay)',
    '\\bhow much do i owe\\b',
    '\\bbalance\\b',
    '\\bhelp\\b',
    '\\bshow me\\b',
    '\\bmenu\\b',
    '方案',
    '选项',
    '计划',
    '怎么还',
    '如何还',
    '还款方式',
    '有什么办法',
    '欠多少',
    '余额',
    '帮助',
  ].join('|'),
  'u',
);

/** Checked before CONFIRM, so a negated confirmation ("不确认", "don't confirm") is a decline. */
const DECLINE: readonly RegExp[] = [
  /^(?:no|nope|nah|n|not now|never ?mind)\b(?! (?:problem|worries))/u,
  /\b(?:cancel|never ?mind|changed my mind|not interested|go back)\b/u,
  /\b(?:don't|do not|won't) (?:want|confirm|agree|accept)\b/u,
  /^(?:不|不要|不用|不行|不了|算了|取消|不同意|不确认|再想想|返回)/u,
  /取消|算了|不要了|再想想|(?:不|没)(?:确认|同意|确定|想要|行|可以)/u,
];

const CONFIRM: readonly RegExp[] = [
  /^(?:yes|yeah|yep|yup|y|ok|okay|sure|no problem|no worries|confirm(?:ed)?|agreed?|accept(?:ed)?|go ahead|sounds good|that works|deal|correct|perfect)\b/u,
  /\b(?:i )?(?:confirm|agree|accept)\b/u,
  /^(?:好|好的|好啊|行|可以|是|是的|对|嗯|确认|同意|没问题|确定)[。.!！~]*$/u,
  /确认|同意|确定/u,
];

const GREETING =
  /^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|howdy)\b|你好|您好|嗨|哈喽|早上好|下午好|晚上好|在吗/u;

// ---------------------------------------------------------------------------------------------------------
// Option choices
// ---------------------------------------------------------------------------------------------------------

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
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
};
const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  last: -1,
};
const CHINESE_NUMBERS: Readonly<Record<string, number>> = {
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
  十一: 11,
  十二: 12,
  二十四: 24,
  三十六: 36,
  六十: 60,
};

const EN_NUMBER = `\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')}`;
const ZH_NUMBER = `\\d{1,2}|${Object.keys(CHINESE_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .join('|')}`;

const OPTION_NUMBER_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b(?:option|plan|choice|number)\\s*#?\\s*(?<n>${EN_NUMBER})\\b`, 'u'),
  new RegExp(
    `(?:方案|选项|计划|选择|选)\\s*(?:第)?\\s*(?<n>${ZH_NUMBER})(?![\\d十]|\\s*(?:个月|期|月))`,
    'u',
  ),
  new RegExp(`第\\s*(?<n>${ZH_NUMBER})\\s*(?:个|种|项)`, 'u'),
  /^#?\s*(?<n>\d{1,2})\s*[.。!！]?$/u,
  /^(?:the )?(?<n>\d{1,2})(?:st|nd|rd|th)(?: one| option| plan)?[.!]?$/u,
  new RegExp(`\\b(?:the )?(?<ordinal>${Object.keys(ORDINALS).join('|')}) (?:one|option|plan)\\b`, 'u'),
  new RegExp(`^(?:the )?(?<ordinal>${Object.keys(ORDINALS).join('|')})[.!]?$`, 'u'),
];

/** The option number the customer named; -1 for "the last one". */
function chosenNumber(text: string): number | undefined {
  for (const pattern of OPTION_NUMBER_PATTERNS) {
    const groups = pattern.exec(text)?.groups;
    if (!groups) continue;
    if (groups.ordinal) return ORDINALS[groups.ordinal];
    if (groups.n) return numberOf(groups.n);
  }
  return undefined;
}

const numberOf = (word: string): number | undefined =>
  /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word] ?? CHINESE_NUMBERS[word]);

const TERM_PATTERNS: readonly RegExp[] = [
  new RegExp(
    `(?<![\\d\\p{L}])(?<n>${EN_NUMBER})[- ]?(?:months?|monthly payments?|instal?lments?|payments)\\b(?! (?:ago|behind|late|overdue))`,
    'u',
  ),
  new RegExp(`分\\s*(?<n>${ZH_NUMBER})\\s*期`, 'u'),
  new RegExp(`(?<!第\\s*)(?<n>${ZH_NUMBER})\\s*(?:个月|期)`, 'u'),
];

/** Kinds in checking order: "一次性还款…结清" names a settlement, so settlement words come first. */
const KIND_PATTERNS: readonly [OfferKind, RegExp][] = [
  ['settlement', /\bsettle(?:ment)?\b|结清|和解/u],
  [
    'hardship',
    /\bhardship (?:plan|option|programme|program)\b|\blower (?:monthly )?payments?\b|\breduced[- ]payments?\b|\bsmaller payments\b|困难(?:方案|计划|还款|减负)|减负/u,
  ],
  [
    'pay_in_full',
    /\bpay (?:it |everything |the (?:full|whole) (?:balance|amount) )?(?:all|in full|off in full)\b|\bfull payment\b|\bpay (?:off )?(?:the |my )?(?:whole|full|entire) (?:balance|amount|debt)\b|一次性还清|全额|全部还清|一次还清/u,
  ],
  [
    'instalment',
    /\binstal?lments?\b|\bmonthly payments\b|\bspread (?:it|the|my)|\bsplit (?:it|the|my)|分期|按月还/u,
  ],
];

function chosenKindOrTerm(text: string): OptionChoice | undefined {
  for (const pattern of TERM_PATTERNS) {
    const n = pattern.exec(text)?.groups?.n;
    const termMonths = n === undefined ? undefined : numberOf(n);
    if (termMonths !== undefined && termMonths > 1) return { by: 'term', termMonths };
  }
  const kind = KIND_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0];
  return kind ? { by: 'kind', kind } : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Promises to pay
// ---------------------------------------------------------------------------------------------------------

const PAYING = /\b(?:pay|paying|paid|payment|promise|send|transfer|can do)\b|还|付|转账|打款|交/u;
/** What may surround a bare relative date that answers "when can you pay?" ("on Monday", "明天吧"). */
const DATE_FILLER =
  /\b(?:on|by|at|i|i'll|can|will|maybe|how about|what about|ok|okay|then|that's|is|fine|good)\b|我|在|吧|可以|那天|就|之前|前|[\s\p{P}]/gu;

/**
 * A promise when the text states an amount, or a date: a calendar date ("Dec 5") always, a relative one
 * ("today", "周五") only with a paying word or on its own, so "今天天气怎么样" is not a promise.
 */
function promiseIn(text: string, currency: Currency, today: string): IntentBody | undefined {
  const foundDate = findDate(text, today);
  const amount = findAmount(foundDate?.rest ?? text, currency);
  if (!foundDate && !amount) return undefined;
  // "I lost my job and can't pay today" names a date but no payment: that is hardship, not a promise.
  if (!amount && HARDSHIP.test(text)) return undefined;
  if (
    !amount &&
    foundDate?.relative &&
    !PAYING.test(text) &&
    foundDate.rest.replace(DATE_FILLER, '') !== ''
  ) {
    return undefined;
  }
  const amountMinor = amount && !amount.otherCurrency ? amount.minor : undefined;
  return {
    type: 'promise_to_pay',
    ...(amountMinor === undefined ? {} : { amountMinor }),
    ...(foundDate?.date === undefined ? {} : { dueDate: foundDate.date }),
  };
}
