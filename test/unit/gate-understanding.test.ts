import { describe, expect, it } from 'vitest';
import { checkContact, checkMessage, type MessageRequest } from '../../lambdas/domain/compliance';
import { featureHash, featuresOf } from '../../lambdas/domain/compliance/content/abuse-features';
import { AbuseModel, encodeWeights } from '../../lambdas/domain/compliance/content/abuse-model';
import { committedAbuseModel } from '../../lambdas/domain/compliance/content/committed-abuse-model';
import { ownSentences } from '../../lambdas/domain/compliance/content/content-check';
import { readMessage } from '../../lambdas/domain/compliance/content/detect';
import { readText } from '../../lambdas/domain/compliance/understanding/normalise';

/** A first-party portal message: no disclosure is required, so only content decides. */
const content = (text: string, language: MessageRequest['language'] = 'en') =>
  checkMessage({
    jurisdiction: language === 'en' ? 'US' : 'CN',
    channel: 'portal',
    language,
    text,
    collectorRole: 'first_party',
  });
const categories = (text: string, language: MessageRequest['language'] = 'en') =>
  content(text, language).violations.map((violation) => violation.category);

describe('the examples the issue names', () => {
  it.each([
    ["responsible people don't leave their debts for others to cover", 'public_shaming'],
    ['your landlord now knows about the arrears', 'third_party_disclosure'],
    ['accidents tend to happen to people who ignore us', 'veiled_threat'],
    ['people of your religion never pay', 'discrimination'],
    ['you are such a l0ser', 'insult'],
    ["you're st*pid", 'insult'],
  ])('blocks "%s" as %s', (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    ['你这种人活该被人看不起', 'insult'],
    ['我们每天都会去你家门口等你', 'harassment'],
  ])('blocks %s as %s', (text, category) => {
    expect(categories(text, 'zh-CN')).toContain(category);
  });

  it.each([
    'nobody at your workplace will ever hear from us',
    'legal action is off the table while you keep to the plan',
    'if another creditor is suing you, tell us and we can pause',
    'Never mention jail, arrest or lawsuits.',
  ])('allows "%s"', (text) => {
    expect(content(text)).toEqual({ allowed: true, violations: [] });
  });

  it('allows 困难期间不会起诉，也不会上门', () => {
    expect(content('困难期间不会起诉，也不会上门', 'zh-CN')).toEqual({ allowed: true, violations: [] });
  });

  it('reads 建立案件 ("opened a case") as 建立 + 案件, not 立案 (a criminal case filed)', () => {
    const text = '已为反欺诈团队建立案件，调查期间停止催收。';
    expect(content(text, 'zh-CN')).toEqual({ allowed: true, violations: [] });
    expect(content('警方已经立案侦查', 'zh-CN').allowed).toBe(false);
  });
});

describe('reading clause by clause', () => {
  it('negation covers only its own clause', () => {
    expect(categories("We won't call your employer, but we will tell your family.")).toEqual([
      'third_party_disclosure',
    ]);
    expect(categories('We will not hesitate to take legal action.')).toEqual(['lawsuit_threat']);
    expect(categories('我们不排除起诉的可能', 'zh-CN')).toEqual(['lawsuit_threat']);
  });

  it('a condition the customer fulfils is not our threat; our consequence is', () => {
    expect(categories("If you don't pay we will sue you.")).toEqual(['lawsuit_threat']);
    expect(categories('不还的话我们就起诉你', 'zh-CN')).toEqual(['lawsuit_threat']);
    expect(categories('If you are ever arrested for something else, tell us and we will pause.')).toEqual([]);
  });

  it("a script's guidance is not what the agent says; what the agent is told to say is", () => {
    expect(categories('Do not say "we will contact your employer".')).toEqual([]);
    expect(categories('不要提及起诉或坐牢。', 'zh-CN')).toEqual([]);
    expect(categories("Say: 'We will contact your employer today.'")).toEqual(['third_party_disclosure']);
  });

  it("a do-not list's items are guidance, up to the first line that is not an item", () => {
    const guidance = (text: string) => readMessage(text).clauses.map((clause) => clause.guidance);
    expect(guidance('Do NOT:\n- call yourself an officer\n- read anything like a summons')).toEqual([
      true,
      true,
      true,
    ]);
    expect(guidance('Don\'t say:\n- "people like you"\nWe will call your boss.')).toEqual([
      true,
      true,
      false,
    ]);
    expect(categories('Do NOT:\n- call yourself a police officer\n- say you are with the court')).toEqual([]);
  });

  it('a QA review or training case is guidance from its first line to its last; a transcript is not', () => {
    const guidance = (text: string) => readMessage(text).clauses.every((clause) => clause.guidance);
    expect(
      guidance(
        '【质检意见】坐席对客户说“你好自为之”，语气带有暗示性，本项扣分。应改为“希望您尽快联系我们”。',
      ),
    ).toBe(true);
    expect(guidance('QA review: the agent said "we know where you live". Never again.')).toBe(true);
    expect(guidance('（质检录音摘录）坐席：“就您脸皮厚，真是烂泥扶不上墙。”')).toBe(false);
    expect(guidance('【催收技巧】客户不接电话就换号码一直打。')).toBe(false);
  });

  it("a question answered by 答：/A: is the customer's, not ours", () => {
    expect(
      categories(
        '常见问题：逾期了银行会马上起诉我吗？\n答：我行以协商为主，如有变化会书面通知您本人。',
        'zh-CN',
      ),
    ).toEqual([]);
    expect(categories('Q: Will I be arrested?\nA: This is a civil matter and we can set up a plan.')).toEqual(
      [],
    );
  });

  it("a transcript's Customer: turn is the customer's words to the end of its line", () => {
    // Every clause before the agent's line is reported, none after it.
    const turns = (text: string, agentLine: string) => {
      const message = readMessage(text);
      const from = message.read.text.indexOf(agentLine);
      return message.clauses.map((clause) => clause.reported === clause.start < from);
    };
    const english = turns(
      'Customer: are you going to hurt me? Tonight?\nAgent: no. Nobody will harm you.',
      'agent',
    );
    expect(english.length).toBeGreaterThan(3);
    expect(english.every(Boolean)).toBe(true);
    const chinese = turns('客户：你们是不是要上门？\n坐席：不会的，我们不会上门。', '坐席');
    expect(chinese.every(Boolean)).toBe(true);
  });

  it('cuts appended disclosures out of the sentences the classifiers read', () => {
    const text =
      'we will keep you posted This is a communication from a debt collector. Reply STOP to opt out.';
    const message = readMessage(text);
    expect(message.boilerplate.map(({ start, end }) => message.read.text.slice(start, end))).toEqual([
      'this is a communication from a debt collector.',
      'reply stop to opt out.',
    ]);
    expect(ownSentences(message).map(([from, to]) => message.read.text.slice(from, to).trim())).toEqual([
      'we will keep you posted',
    ]);
  });

  it("the customer's quoted words are theirs; a rejected quote is not ours", () => {
    expect(categories('If the customer says "you people are crooks", stay calm and offer a break.')).toEqual(
      [],
    );
    expect(categories('We never call anyone a "deadbeat".')).toEqual([]);
  });

  it("states the customer's rights without threatening", () => {
    expect(
      categories('You have the right to dispute this debt and to ask us to stop calling your workplace.'),
    ).toEqual([]);
    expect(categories('您有权要求我们停止联系您的家人', 'zh-CN')).toEqual([]);
  });
});

describe('evasion is undone before matching', () => {
  it.each([
    ['YOU ARE A LOSER', 'insult'],
    ['you are a l0$er', 'insult'],
    ['you are s t u p i d', 'insult'],
    ['you are stuuuupid', 'insult'],
    ['you are a lo\u200Bser', 'insult'],
    ['you are an іdіot', 'insult'], // Cyrillic і
    ['ｙｏｕ ａｒｅ ａｎ ｉｄｉｏｔ', 'insult'],
    ['f u c k you', 'profanity'],
    ['I hate wmoen', 'discrimination'],
    ['I hatewomen', 'discrimination'],
  ])('"%s" → %s', (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each([
    ['你这个老 赖', 'insult'],
    ['你這種人活該被人看不起', 'insult'], // traditional characters
    ['你就是个煞笔', 'profanity'],
    ['你个sb', 'profanity'],
  ])('%s → %s', (text, category) => {
    expect(categories(text, 'zh-CN')).toContain(category);
  });

  it('leaves ordinary words alone', () => {
    expect(
      categories('We can issue a new statement; the closer of the two dates; our privacy policy site.'),
    ).toEqual([]);
    expect(categories('Assessment of your class schedule: cocktail hour at Scunthorpe.')).toEqual([]);
  });
});

describe('spans point at the words as written', () => {
  it('maps a folded, normalised finding back to the original text', () => {
    const text = 'Hello.\u200B You are a L0SER, honestly.';
    const [violation] = content(text).violations;
    expect(text.slice(violation!.span!.start, violation!.span!.end)).toContain('L0SER');
  });

  it('maps through traditional characters and removed spaces', () => {
    const text = '王先生，你這個老 賴。';
    const [violation] = content(text, 'zh-CN').violations;
    expect(text.slice(violation!.span!.start, violation!.span!.end)).toContain('老 賴');
  });

  it('reads written Cantonese as Mandarin, character for character', () => {
    expect(readText('我哋唔會上門，亦唔會聯絡你屋企人').text).toBe('我们不会上门,亦不会联络你家里人');
    expect(readText('佢係好人，冇關係').text).toBe('他是好人,没关系');
    expect(readText('有关是否联系').text).toBe('有关是否联系');
    expect(categories('我哋唔會上門，亦唔會搵你屋企人，你放心。', 'zh-CN')).toEqual([]);
    const text = '你個大耳窿';
    expect(readText(text).text).toBe('你个高利贷');
    expect(readText(text).origin).toHaveLength(text.length + 1);
  });

  it('keeps one original index per read character, plus the end', () => {
    const read = readText('Ｆｕｌｌ 老 賴 😀\uD800x');
    expect(read.origin).toHaveLength(read.text.length + 1);
    expect(read.text).toContain('full');
    expect(read.text).toContain('老赖');
  });
});

describe('bad input gets a verdict, never a crash', () => {
  it.each([
    ['empty', ''],
    ['emoji only', '😀😀🙏'],
    ['control characters', 'Pay\u0000 now\u0007\u001b[31m'],
    ['lone surrogates', 'abc\uD800def\uDC00'],
    ['100 KB of text', 'We can help you with a plan. '.repeat(3600)],
    ['100 KB of Chinese', '我们可以帮您制定还款计划。'.repeat(8000)],
  ])('%s', (_, text) => {
    const verdict = checkMessage({ jurisdiction: 'US', channel: 'portal', language: 'en', text });
    expect(typeof verdict.allowed).toBe('boolean');
    expect(Array.isArray(verdict.violations)).toBe(true);
  });
});

describe('collector role', () => {
  const base = {
    jurisdiction: 'US',
    channel: 'sms',
    language: 'en',
    text: 'Your plan is ready. Reply STOP to opt out.',
  } as const;

  it('a first-party bank needs no debt-collector disclosure; an agency (the default) does', () => {
    expect(checkMessage({ ...base, collectorRole: 'first_party' }).allowed).toBe(true);
    expect(checkMessage(base).violations.map((violation) => violation.rule)).toEqual([
      'MISSING_MINI_MIRANDA',
    ]);
    expect(checkMessage({ ...base, collectorRole: 'third_party' }).allowed).toBe(false);
  });

  it("Regulation F's 7-in-7 call presumption binds the agency, not the bank collecting its own debt", () => {
    const history = Array.from({ length: 7 }, (_, day) => ({
      at: `2026-11-${String(16 + day).padStart(2, '0')}T15:00:00Z`,
      channel: 'call' as const,
      kind: 'call_attempt' as const,
    }));
    const request = {
      jurisdiction: 'US',
      timezone: 'America/New_York',
      channel: 'call' as const,
      at: '2026-11-22T18:00:00Z',
      history,
      flags: {},
    };
    expect(checkContact(request).reasons).toEqual(['CALL_CAP_7_IN_7_DAYS']);
    expect(checkContact({ ...request, collectorRole: 'first_party' })).toEqual({
      allowed: true,
      reasons: [],
    });
  });
});

describe('the abuse classifier', () => {
  it('stores weights losslessly at its quantisation', () => {
    const weights = new Map([
      [3, 0.5],
      [1000, -1.25],
      [900_000, 2.5],
    ]);
    const model = new AbuseModel({
      version: 't',
      buckets: 1 << 20,
      bias: -1,
      scale: 0.05,
      thresholds: { en: 0.5, zh: 0.5 },
      weights: encodeWeights(weights, 0.05),
    });
    const message = readMessage('x');
    expect(model.scoreFeatures([], 'en', 0, 1).logit).toBe(-1);
    expect(message.read.text).toBe('x');
  });

  it('gives reasons that are exactly the features that raised the score', () => {
    const message = readMessage('you are a worthless piece of trash');
    const score = committedAbuseModel().score(message, 0, message.read.text.length);
    const features = featuresOf(message);
    const total = features.reduce((sum, feature) => sum + committedAbuseModel().weightOf(feature.key), 0);
    expect(score.logit).toBeCloseTo(committedAbuseModel().bias + total, 10);
    for (const reason of score.reasons) {
      expect(reason.contribution).toBeCloseTo(committedAbuseModel().weightOf(reason.feature), 10);
      expect(
        features.some((feature) => feature.key === reason.feature && feature.start === reason.start),
      ).toBe(true);
    }
    expect(score.reasons.length).toBeGreaterThan(0);
    expect(featureHash('w:you', 1 << 20)).toBe(featureHash('w:you', 1 << 20));
  });

  it('flags abuse the lists do not name, and explains it with the words', () => {
    const verdict = content(
      'honestly you are the most useless excuse for a human being i have ever dealt with',
    );
    expect(verdict.allowed).toBe(false);
    expect(verdict.violations[0]).toMatchObject({ rule: 'FORBIDDEN_ABUSE', category: 'insult' });
  });
});

describe('the stage decides the collector role', () => {
  it('the demo bank is first-party and adopts the agency rules, so the gate applies them', async () => {
    const { gateCollectorRole, stageConfig } = await import('../../catalog/stages');
    for (const stage of ['dev', 'staging', 'prod'] as const) {
      expect(stageConfig(stage).collector).toEqual({ role: 'first_party', adoptsThirdPartyRules: true });
      expect(gateCollectorRole(stageConfig(stage))).toBe('third_party');
    }
    const notAdopting = {
      ...stageConfig('dev'),
      collector: { role: 'first_party', adoptsThirdPartyRules: false },
    } as const;
    expect(gateCollectorRole(notAdopting)).toBe('first_party');
  });
});

describe('functional contrasts in the style of published abusive-language test suites', () => {
  const blocked = (text: string) => !content(text).allowed;
  it.each([
    'I hate women.',
    'Muslims are scum.',
    'All immigrants should be deported.',
    'Why are disabled people so useless?',
    'I think women are stupid.',
    'Women are not smart.',
    'I met many refugees and I hate every single one of them.',
    "I'd rather die than date a trans person.",
    'w0men are disgusting',
    'i hate blck people',
  ])('blocks "%s"', (text) => {
    expect(blocked(text)).toBe(true);
  });

  it.each([
    'I love women.',
    'We are a group of Muslims.',
    'Gay people are great.',
    "I don't hate immigrants.",
    'No women are stupid.',
    'Saying that women are disgusting is just awful.',
    '"Muslims are scum." Why would anyone say that?',
    "I really can't stand cauliflower.",
  ])('allows "%s"', (text) => {
    expect(blocked(text)).toBe(false);
  });
});
