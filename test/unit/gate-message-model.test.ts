import { describe, expect, it } from 'vitest';
import { lintReply } from '../../lambdas/domain/chat/assistant';
import { CONTENT_CATEGORIES } from '../../lambdas/domain/compliance/content/categories';
import { committedAbuseModel } from '../../lambdas/domain/compliance/content/committed-abuse-model';
import { committedCategoryModel } from '../../lambdas/domain/compliance/content/committed-category-model';
import { committedMessageModel } from '../../lambdas/domain/compliance/content/committed-message-model';
import { readMessage } from '../../lambdas/domain/compliance/content/detect';
import {
  MessageModel,
  messageBucket,
  messageFeatures,
} from '../../lambdas/domain/compliance/content/message-model';
import {
  checkMessage,
  checkMessageWith,
  checkTemplate,
} from '../../lambdas/domain/compliance/message-linter';
import type { MessageRequest } from '../../lambdas/domain/compliance/types';
import type { OfferSet } from '../../lambdas/domain/offers/plan-calculator';
import type { CorpusLine } from '../../training/gate/train-categories';
import {
  encodeMessage,
  MESSAGE_BUCKETS,
  MESSAGE_HYPERPARAMETERS,
  pruneMessages,
  trainMessages,
} from '../../training/gate/train-messages';

const keys = (text: string) => messageFeatures(readMessage(text)).map((feature) => feature.key);

describe('message features: words marked by how the message holds them', () => {
  it('a negated word is not the same feature as the word said plainly', () => {
    expect(keys('We will never tell your employer.')).toContain('w:n~employer');
    expect(keys('We will never tell your employer.')).not.toContain('w:employer');
    expect(keys('We will tell your employer.')).toContain('w:employer');
  });

  it('guidance to the agent and the customer’s quoted words are marked as such', () => {
    expect(keys('Never mention jail or arrest.')).toContain('w:g~jail');
    expect(keys('If the customer says "you people are crooks", stay calm.')).toContain('w:q~crooks');
    expect(keys('不要提及起诉。')).toContain('c2:g~起诉');
  });

  it('the disclosures code appends are not read: they say nothing about the message', () => {
    expect(
      keys(
        'Pay now. This is a communication from a debt collector. This is an attempt to collect a debt and any information obtained will be used for that purpose. Reply STOP to opt out.',
      ),
    ).toEqual(['w:pay', 'w:now', 'b:pay now']);
    expect(keys('请还款。本信息来自债务催收方，旨在催收债务，所获信息将用于该目的。回复TD退订')).toEqual([
      'c1:请',
      'c2:请还',
      'c3:请还款',
      'c1:还',
      'c2:还款',
      'c1:款',
    ]);
  });

  it('figures are not read: the figure check compares them with the offer', () => {
    // No "$125.00", no "monday", no "one" (the writers kept "no one" out of clean lines: it holds a number).
    expect(keys('Pay $125.00 by Monday, no one else.')).toEqual(['w:pay', 'w:by', 'w:n~no', 'w:n~else']);
    expect(keys('请还两百元，一天打十次')).toEqual(['c1:请', 'c2:请还', 'c1:还', 'c1:打']);
    expect(keys('We may call you.')).toContain('w:may');
  });

  it('Chinese characters and their runs of two and three, each once', () => {
    const found = keys('还款还款');
    expect(found).toEqual(expect.arrayContaining(['c1:还', 'c2:还款', 'c3:还款还']));
    expect(found.filter((key) => key === 'c2:还款')).toHaveLength(1);
  });
});

describe('message model: the score is what its reasons add up to', () => {
  const model = MessageModel.fromWeights(
    new Map([
      [messageBucket('w:knock', 0, MESSAGE_BUCKETS), 6],
      [messageBucket('w:teeth', 0, MESSAGE_BUCKETS), 6],
      [messageBucket('w:knock', 1 + CONTENT_CATEGORIES.indexOf('threat_violence'), MESSAGE_BUCKETS), 3],
    ]),
    {
      version: 'test',
      buckets: MESSAGE_BUCKETS,
      biases: [-2, ...CONTENT_CATEGORIES.map(() => 0)],
      thresholds: { en: 0.5, zh: 0.5 },
      categories: CONTENT_CATEGORIES,
    },
  );

  it('probability = sigmoid(bias + the features’ contributions), and the strongest reasons come first', () => {
    const features = messageFeatures(readMessage('I will knock your teeth out'));
    const score = model.score(features, 'en')!;
    const sum = score.contributions.reduce((total, reason) => total + reason.contribution, 0);
    expect(score.probability).toBeCloseTo(1 / (1 + Math.exp(-(-2 + sum))), 10);
    expect(score.reasons.map((reason) => reason.feature).sort()).toEqual(['w:knock', 'w:teeth']);
    expect(score.category).toBe('threat_violence');
  });

  it('below the threshold there is no score, unless every score is asked for', () => {
    const features = messageFeatures(readMessage('Your payment is due.'));
    expect(model.score(features, 'en')).toBeUndefined();
    expect(model.score(features, 'en', true)!.probability).toBeCloseTo(1 / (1 + Math.exp(2)), 10);
  });
});

describe('message model training', () => {
  const line = (id: string, text: string, expected: boolean): CorpusLine => ({
    file: 'test',
    id,
    request: { jurisdiction: 'US', channel: 'portal', language: 'en', text },
    expected,
    category: expected ? undefined : 'threat_violence',
    language: 'en',
    heldOut: false,
  });
  const corpus = [
    line('1', 'we will hurt you if you do not pay', false),
    line('2', 'pay or you will get hurt', false),
    line('3', 'somebody will hurt your family', false),
    line('4', 'nobody will ever hurt you, we only want to talk', true),
    line('5', 'your payment is due, please call us', true),
    line('6', 'thank you for your payment', true),
  ].map(encodeMessage);
  const params = { ...MESSAGE_HYPERPARAMETERS, iterations: 150 };

  it('is deterministic: the same corpus gives the same weights', () => {
    const first = trainMessages(corpus, params);
    const second = trainMessages(corpus, params);
    expect(second.biases).toEqual(first.biases);
    expect([...second.weights[0]!.entries()]).toEqual([...first.weights[0]!.entries()]);
  });

  it('learns a threat apart from a reassurance that uses its words', () => {
    const { model } = pruneMessages(trainMessages(corpus, params), params);
    const p = (text: string) => model.score(messageFeatures(readMessage(text)), 'en', true)!.probability;
    expect(p('you will get hurt')).toBeGreaterThan(0.5);
    expect(p('nobody will hurt you')).toBeLessThan(p('you will get hurt'));
  });
});

describe('the gate with the committed message classifier', () => {
  const request = (text: string, language: 'en' | 'zh-CN' = 'en'): MessageRequest => ({
    jurisdiction: 'CN',
    channel: 'portal',
    language,
    text,
  });

  it('blocks a threat the rules do not read, pointing at the sentence that carries it', () => {
    const text =
      "Honestly mate, if you were in front of me I'd put you through the wall. Pay and we're done.";
    expect(
      checkMessageWith(request(text), committedAbuseModel(), committedCategoryModel(), null).allowed,
    ).toBe(true);
    const verdict = checkMessage(request(text));
    expect(verdict.allowed).toBe(false);
    const [violation] = verdict.violations;
    expect(violation!.detail).toMatch(/message classifier messages-[0-9a-f]{10}, p=0\.\d\d/);
    expect(text.slice(violation!.span!.start, violation!.span!.end)).toBe(
      "Honestly mate, if you were in front of me I'd put you through the wall",
    );
    expect(violation!.explanation!.en.length).toBeGreaterThan(0);
    expect(violation!.explanation!.zh.length).toBeGreaterThan(0);
  });

  it.each([
    ['Your payment is due.', 'en'],
    ['Thank you for your payment.', 'en'],
    ['We will never tell your employer about this account.', 'en'],
    ['请尽快还款。', 'zh-CN'],
    ['您的账户已逾期，请及时还款。', 'zh-CN'],
    ['我们不会联系您的家人或单位。', 'zh-CN'],
  ] as const)('lets an everyday message through: %s', (text, language) => {
    expect(checkMessage(request(text, language))).toEqual({ allowed: true, violations: [] });
  });

  it('reads free text (an agent’s words) with the classifiers, the product’s reviewed templates (the assistant’s replies) with the rules', () => {
    const threat =
      "Honestly mate, if you were in front of me I'd put you through the wall. Pay and we're done.";
    expect(checkTemplate(request(threat)).allowed).toBe(true);
    const offers: OfferSet = { policyVersion: 'test', currency: 'CNY', totalDueMinor: 0, options: [] };
    const reply = { jurisdiction: 'US', language: 'en', reply: threat, offers } as const;
    expect(lintReply({ ...reply, authored: 'free_text' }).allowed).toBe(false);
    expect(lintReply(reply).allowed).toBe(true);
    // Nor does the category classifier: the rules alone miss this disclosure, the classifiers read it.
    const disclosure = '你们公司财务那边我们已经打过招呼了。';
    expect(checkMessage(request(disclosure, 'zh-CN')).allowed).toBe(false);
    expect(checkTemplate(request(disclosure, 'zh-CN')).allowed).toBe(true);
  });

  it('does not judge a message of one or two words: too little for a whole-message score', () => {
    const model = committedMessageModel();
    for (const [text, language] of [
      ['Pay now.', 'en'],
      ['Pay 1,200 dollars.', 'en'],
      ['还钱', 'zh'],
    ] as const) {
      const features = messageFeatures(readMessage(text));
      expect(model.score(features, language, true)!.probability).toBeGreaterThan(model.thresholds[language]);
      expect(model.score(features, language)).toBeUndefined();
    }
  });

  it('gives a verdict, never a crash, on empty, emoji-only, control characters and 100 KB text', () => {
    for (const text of ['', '🙂🙂🙂', 'pay\u0000\u0007 now \ud800', 'please pay. '.repeat(9_000)])
      expect(typeof checkMessage(request(text)).allowed).toBe('boolean');
  });
});
