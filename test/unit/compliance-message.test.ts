import { describe, expect, it } from 'vitest';
import { checkMessage, type MessageRequest, type Offer } from '../../lambdas/domain/compliance';

const MINI_MIRANDA =
  'This is a communication from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose.';
const MINI_MIRANDA_ZH = '这是债务催收方的通知，所获得的任何信息都将用于该目的。';

const US_SMS = `Acme Bank: ${MINI_MIRANDA} Your plan: 3 payments of $120.00, the first on Dec 1, 2026. No processing fee. Reply STOP to opt out.`;
const US_EMAIL = [
  'Dear customer,',
  MINI_MIRANDA,
  'We can spread your balance of USD 360.00 over 3 monthly payments of $120.00, starting December 1, 2026, with 15% of the interest waived.',
  'We won’t charge you any setup fee. If your situation has changed, tell us about your family circumstances and we will pursue a plan that fits; we issue a new statement when you agree.',
  'To unsubscribe from these e-mails, reply STOP or use the link below.',
].join('\n\n');
const CN_SMS =
  '【示例银行】您好，您的信用卡本期应还人民币1,234.56元，请于2026年12月1日前还款。如有困难可申请分期，无需任何手续费。回复TD退订';

const USD_OFFER: Offer = {
  currency: 'USD',
  amountsMinor: [12000, 36000],
  dates: ['2026-12-01'],
  percentages: [15],
};
const CNY_OFFER: Offer = { currency: 'CNY', amountsMinor: [123456], dates: ['2026-12-01'], percentages: [] };

function message(overrides: Partial<MessageRequest>): MessageRequest {
  return { jurisdiction: 'US', channel: 'sms', language: 'en', text: US_SMS, offer: USD_OFFER, ...overrides };
}

const rulesOf = (overrides: Partial<MessageRequest>) =>
  checkMessage(message(overrides)).violations.map((violation) => violation.rule);

describe('compliant messages pass', () => {
  it.each([
    ['a US SMS in English', message({})],
    ['a US e-mail in English', message({ channel: 'email', text: US_EMAIL })],
    [
      'a CN SMS in Chinese',
      message({ jurisdiction: 'CN', language: 'zh-CN', text: CN_SMS, offer: CNY_OFFER }),
    ],
    [
      'a US SMS in Chinese',
      message({
        language: 'zh-CN',
        text: `【Acme银行】${MINI_MIRANDA_ZH}请于12月1日前还款120.00美元…回复TD退订`,
        offer: undefined,
      }),
    ],
    ['a US call script', message({ channel: 'call_script', text: `Hello, my name is Sam. ${MINI_MIRANDA}` })],
    [
      'a CN portal message',
      message({
        jurisdiction: 'CN',
        channel: 'portal',
        language: 'zh-CN',
        text: '您好，请问有什么可以帮您？',
      }),
    ],
  ])('%s', (_, request) => {
    expect(checkMessage(request)).toEqual({ allowed: true, violations: [] });
  });
});

describe('required disclosures', () => {
  it('a US message without the mini-Miranda is blocked on every channel', () => {
    const text = 'Your payment is due. Reply STOP to opt out.';
    for (const channel of ['sms', 'email', 'portal', 'call_script'] as const)
      expect(rulesOf({ channel, text, offer: undefined })).toEqual(['MISSING_MINI_MIRANDA']);
  });

  it('the mini-Miranda needs both the debt-collector statement and the use of information', () => {
    const onlyIdentity = 'This is a communication from a debt collector. Reply STOP to opt out.';
    const onlyPurpose = 'Any information obtained will be used for that purpose. Reply STOP to opt out.';
    expect(rulesOf({ text: onlyIdentity })).toEqual(['MISSING_MINI_MIRANDA']);
    expect(rulesOf({ text: onlyPurpose })).toEqual(['MISSING_MINI_MIRANDA']);
    const reworded =
      'We are a debt collector attempting to collect a debt; any information we obtain will be used for that purpose. Text STOP to opt out.';
    expect(rulesOf({ text: reworded })).toEqual([]);
  });

  it('a Chinese message to a US customer needs the Chinese mini-Miranda', () => {
    const text = '请尽快还款。回复TD退订';
    expect(rulesOf({ language: 'zh-CN', text, offer: undefined })).toEqual(['MISSING_MINI_MIRANDA']);
    expect(rulesOf({ language: 'zh-CN', text: MINI_MIRANDA_ZH + text, offer: undefined })).toEqual([]);
  });

  it('SMS and e-mail need an opt-out, in the US and in China; portal and call scripts do not', () => {
    expect(rulesOf({ text: MINI_MIRANDA })).toEqual(['MISSING_OPT_OUT']);
    expect(rulesOf({ channel: 'email', text: MINI_MIRANDA })).toEqual(['MISSING_OPT_OUT']);
    expect(rulesOf({ channel: 'portal', text: MINI_MIRANDA })).toEqual([]);
    const cn = { jurisdiction: 'CN', language: 'zh-CN', text: '请尽快还款。', offer: undefined } as const;
    expect(rulesOf({ ...cn, channel: 'sms' })).toEqual(['MISSING_OPT_OUT']);
    expect(rulesOf({ ...cn, channel: 'email' })).toEqual(['MISSING_OPT_OUT']);
    expect(rulesOf({ ...cn, channel: 'call_script' })).toEqual([]);
    expect(rulesOf({ ...cn, text: '请尽快还款。退订回T' })).toEqual([]);
  });

  it('China requires no mini-Miranda', () => {
    expect(
      rulesOf({ jurisdiction: 'CN', channel: 'portal', text: 'Your payment is due.', offer: undefined }),
    ).toEqual([]);
  });
});

describe('forbidden content', () => {
  /** English in a US portal message, Chinese in a CN portal message: nothing else is wrong with either. */
  const english = (sentence: string) =>
    rulesOf({ channel: 'portal', text: `${MINI_MIRANDA} ${sentence}`, offer: undefined });
  const chinese = (sentence: string) =>
    rulesOf({ jurisdiction: 'CN', channel: 'portal', language: 'zh-CN', text: sentence, offer: undefined });

  it.each([
    ['FORBIDDEN_THREAT_OR_VIOLENCE', 'Pay or else you will regret it.', '不还钱后果自负，你等着。'],
    ['FORBIDDEN_ARREST_THREAT', 'You could be arrested and go to jail.', '你会被逮捕，要坐牢。'],
    ['FORBIDDEN_ARREST_THREAT', 'Prison is next.', '你将被拘留。'],
    ['FORBIDDEN_ABUSE', 'Stop acting like a deadbeat.', '你这个老赖。'],
    ['FORBIDDEN_ABUSE', 'Only a loser ignores this.', '你就是个骗子。'],
    ['FORBIDDEN_PUBLIC_SHAMING', 'We will post your debt on social media.', '我们会把你的欠款曝光。'],
    ['FORBIDDEN_THIRD_PARTY_CONTACT', 'We will contact your employer.', '我们将通知你的家人。'],
    ['FORBIDDEN_THIRD_PARTY_CONTACT', 'We may have to call your coworkers.', '我们会通知你的单位和同事。'],
    ['FORBIDDEN_IMPERSONATING_AUTHORITY', 'We act on behalf of the government.', '我们是法院的工作人员。'],
    ['FORBIDDEN_IMPERSONATING_AUTHORITY', 'The sheriff has your file.', '公安已经掌握你的情况。'],
    ['FORBIDDEN_FALSE_URGENCY', 'Final notice: act now or lose this offer.', '这是最后通牒。'],
    ['FORBIDDEN_FALSE_URGENCY', 'Last chance: pay immediately or we escalate.', '立即还款否则我们升级处理。'],
    ['FORBIDDEN_LAWSUIT_THREAT', 'We will sue you.', '我们将起诉你。'],
    ['FORBIDDEN_LAWSUIT_THREAT', 'We are preparing legal action.', '我们将采取法律行动。'],
    ['FORBIDDEN_NEW_BORROWING', 'Take out a loan to clear this.', '你可以以贷还贷。'],
    ['FORBIDDEN_NEW_BORROWING', 'Borrow from a friend if you must.', '借钱还也行。'],
    ['FORBIDDEN_EXTRA_FEES', 'A processing fee applies to the plan.', '办理分期需收取手续费。'],
    ['FORBIDDEN_EXTRA_FEES', 'An additional fee will be added.', '另收额外费用。'],
  ])('%s is caught: "%s" / "%s"', (rule, inEnglish, inChinese) => {
    // A sentence may break more than one rule ("Pay or else you will regret it" is also a veiled threat).
    expect(english(inEnglish)).toContain(rule);
    expect(chinese(inChinese)).toContain(rule);
    expect(
      [...english(inEnglish), ...chinese(inChinese)].every((code) => code.startsWith('FORBIDDEN_')),
    ).toBe(true);
  });

  it('a court officer is an impersonation; a court named in help is not a threat of suit', () => {
    expect(english('I am a court officer.')).toEqual(['FORBIDDEN_IMPERSONATING_AUTHORITY']);
    expect(english('We will take you to court.')).toEqual(['FORBIDDEN_LAWSUIT_THREAT']);
    expect(english('The court-approved plan from your bankruptcy means we cannot collect.')).toEqual([]);
  });

  it('applies every list whatever the message language, in every jurisdiction', () => {
    expect(english('老赖')).toEqual(['FORBIDDEN_ABUSE']);
    expect(chinese('You deadbeat.')).toEqual(['FORBIDDEN_ABUSE']);
  });

  it('matches English case-insensitively, across line breaks and full-width letters', () => {
    expect(english('WE WILL\nCONTACT   YOUR EMPLOYER')).toEqual(['FORBIDDEN_THIRD_PARTY_CONTACT']);
    expect(english('ＪＡＩＬ')).toEqual(['FORBIDDEN_ARREST_THREAT']);
  });

  it('matches English on whole words and lets fees be denied', () => {
    expect(english('We can issue a new statement; the closer of the two dates; our privacy policy.')).toEqual(
      [],
    );
    expect(english('There is no processing fee and we will not charge any additional fee.')).toEqual([]);
    expect(chinese('办理分期无需任何手续费，免收服务费。')).toEqual([]);
    expect(english('No processing fee, but an additional fee applies.')).toEqual(['FORBIDDEN_EXTRA_FEES']);
  });

  it('names the phrase and the rule version, points at the words and explains them in English and Chinese', () => {
    const text = `${MINI_MIRANDA} Deadbeat.`;
    const [violation] = checkMessage(message({ channel: 'portal', text })).violations;
    expect(violation).toEqual({
      rule: 'FORBIDDEN_ABUSE',
      detail: 'forbidden phrase "deadbeat" (insult) [US-NO-ABUSE@2026.12.7]',
      category: 'insult',
      span: { start: text.indexOf('Deadbeat'), end: text.indexOf('Deadbeat') + 'Deadbeat'.length },
      explanation: {
        en: 'This insults or belittles the customer. Every message must be respectful.',
        zh: '这段话侮辱或贬低客户。每条信息都必须尊重客户。',
      },
      ruleId: 'US-NO-ABUSE@2026.12.7',
      source: '15 U.S.C. 1692d(2)',
    });
  });
});

describe('figures must come from the offer', () => {
  const withText = (text: string, offer: Offer = USD_OFFER) =>
    checkMessage(message({ channel: 'portal', text: `${MINI_MIRANDA} ${text}`, offer }));

  it('accepts the offer’s amounts, dates and rates in any usual form', () => {
    const text =
      'Pay $120.00 or USD 120, 120 dollars, US$120.00; total $360.00. Due 2026-12-01, December 1, 2026, Dec. 1st, 2026, 1 December 2026, 12/01/2026 or just Dec 1. Saving 15%, i.e. 15.0 percent. 3 payments, 12 months.';
    expect(withText(text).violations).toEqual([]);
  });

  it('accepts Chinese forms of CNY amounts, dates and rates', () => {
    const offer: Offer = {
      currency: 'CNY',
      amountsMinor: [123456, 1500000],
      dates: ['2026-12-01'],
      percentages: [15],
    };
    const text =
      '应还¥1,234.56，即1,234.56元或人民币1234.56元，合计1.5万元，请于2026年12月1日（12月1日）前还款，减免百分之十五（15％）。';
    expect(withText(text, offer).violations).toEqual([]);
  });

  it.each([
    ['a wrong amount', 'Pay $125.00 now.', 'amount "$125.00" (12500 minor units of USD) is not in the offer'],
    ['a wrong amount in words', 'Pay 1,200 dollars.', 'amount "1,200 dollars" (120000 minor units of USD)'],
    ['a wrong amount in Chinese', '支付125.00美元。', 'amount "125.00美元" (12500 minor units of USD)'],
    ['an amount in another currency', 'Pay ¥120.00.', 'amount "¥120.00" is in CNY but the offer is in USD'],
    ['a fraction of a cent', 'Pay $120.005.', 'amount "$120.005" is not a whole number of minor units'],
    ['a wrong date', 'Due December 2, 2026.', 'date "December 2, 2026" (2026-12-02) is not in the offer'],
    ['a wrong US numeric date', 'Due 01/12/2026.', 'date "01/12/2026" (2026-01-12) is not in the offer'],
    ['a wrong date without a year', 'Due Dec 2.', 'date "Dec 2" (--12-02) is not in the offer'],
    ['a wrong rate', 'Save 20%.', 'percentage "20%" (20) is not in the offer'],
    ['a wrong Chinese rate', '减免百分之二十。', 'percentage "百分之二十" (20) is not in the offer'],
  ])('catches %s', (_, text, detail) => {
    const { allowed, violations } = withText(text);
    expect(allowed).toBe(false);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ rule: 'NUMBER_NOT_IN_OFFER' });
    expect(violations[0]!.detail).toContain(detail);
  });

  it('catches a wrong Chinese amount and date against a CNY offer', () => {
    const text = '请于2026年12月2日前还款1,000元。';
    expect(withText(text, CNY_OFFER).violations.map((violation) => violation.detail)).toEqual([
      'date "2026年12月2日" (2026-12-02) is not in the offer [GATE-OFFER-NUMBERS@2026.11.1]',
      'amount "1,000元" (100000 minor units of CNY) is not in the offer [GATE-OFFER-NUMBERS@2026.11.1]',
    ]);
  });

  it('checks nothing without an offer', () => {
    expect(
      rulesOf({
        channel: 'portal',
        text: `${MINI_MIRANDA} Pay $999 by 2030-01-01, 99% off.`,
        offer: undefined,
      }),
    ).toEqual([]);
  });
});

describe('length limits', () => {
  const pad = (text: string, length: number, filler = 'x') => text + filler.repeat(length - text.length);

  it.each([
    ['sms', 'en', 320],
    ['email', 'en', 5000],
    ['portal', 'en', 2000],
    ['call_script', 'en', 8000],
  ] as const)('%s in %s allows %i characters', (channel, language, limit) => {
    const base = `${US_SMS} `;
    expect(rulesOf({ channel, language, text: pad(base, limit) })).toEqual([]);
    expect(rulesOf({ channel, language, text: pad(base, limit + 1) })).toEqual(['TEXT_TOO_LONG']);
  });

  it('a Chinese SMS allows 140 characters (2 × 70 UCS-2)', () => {
    const cn = { jurisdiction: 'CN', language: 'zh-CN', offer: CNY_OFFER } as const;
    expect(rulesOf({ ...cn, text: pad(CN_SMS, 140, '。') })).toEqual([]);
    const tooLong = checkMessage(message({ ...cn, text: pad(CN_SMS, 141, '。') })).violations;
    expect(tooLong).toEqual([
      expect.objectContaining({
        rule: 'TEXT_TOO_LONG',
        detail: '141 characters; sms in zh-CN allows 140 [GATE-TEXT-LENGTH@2026.11.1]',
        span: { start: 140, end: 141 },
        ruleId: 'GATE-TEXT-LENGTH@2026.11.1',
      }),
    ]);
  });

  it('an empty message is a violation', () => {
    expect(rulesOf({ jurisdiction: 'CN', channel: 'portal', text: '', offer: undefined })).toEqual([
      'EMPTY_TEXT',
    ]);
    expect(rulesOf({ jurisdiction: 'CN', channel: 'portal', text: ' \n ', offer: undefined })).toEqual([
      'EMPTY_TEXT',
    ]);
    expect(rulesOf({ text: '' })).toEqual(['EMPTY_TEXT', 'MISSING_MINI_MIRANDA', 'MISSING_OPT_OUT']);
  });
});

it('blocks a message for a jurisdiction without a policy pack', () => {
  expect(checkMessage(message({ jurisdiction: 'UK' }))).toMatchObject({
    allowed: false,
    violations: [{ rule: 'UNKNOWN_JURISDICTION', detail: 'no policy pack for jurisdiction "UK"' }],
  });
});
