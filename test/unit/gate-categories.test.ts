import { describe, expect, it } from 'vitest';
import { checkMessage, type MessageRequest } from '../../lambdas/domain/compliance';
import { featuresOf } from '../../lambdas/domain/compliance/content/abuse-features';
import { CONTENT_CATEGORIES } from '../../lambdas/domain/compliance/content/categories';
import { CategoryModel, isGroundingFeature } from '../../lambdas/domain/compliance/content/category-model';
import { committedAbuseModel } from '../../lambdas/domain/compliance/content/committed-abuse-model';
import { committedCategoryModel } from '../../lambdas/domain/compliance/content/committed-category-model';
import { conceptFeatures, conceptsOf } from '../../lambdas/domain/compliance/content/concepts';
import { ownSentences } from '../../lambdas/domain/compliance/content/content-check';
import { readMessage } from '../../lambdas/domain/compliance/content/detect';
import { checkMessageWith } from '../../lambdas/domain/compliance/message-linter';
import { negatedWithin } from '../../lambdas/domain/compliance/understanding/negation';
import {
  encodeLine,
  pruneCategories,
  readCorpus,
  trainCategories,
} from '../../training/gate/train-categories';

const request = (text: string, language: MessageRequest['language'] = 'en'): MessageRequest => ({
  jurisdiction: language === 'en' ? 'US' : 'CN',
  channel: 'portal',
  language,
  text,
  collectorRole: 'first_party',
});
const verdict = (text: string, language: MessageRequest['language'] = 'en') =>
  checkMessage(request(text, language));
const language = (text: string): MessageRequest['language'] =>
  /[\u4e00-\u9fff]/u.test(text) ? 'zh-CN' : 'en';

/** The concepts of a one-sentence message, as `name` or `name~no` when negation covers them. */
function concepts(text: string): string[] {
  const message = readMessage(text);
  return ownSentences(message).flatMap(([from, to]) =>
    conceptsOf(message, from, to).map((hit) => `${hit.concept}${hit.negated ? '~no' : ''}`),
  );
}

describe('concepts: who, what and about what, with negation', () => {
  it('reads an indirect disclosure as a third party and telling', () => {
    expect(concepts("We've been in touch with your sister about the balance.")).toEqual(
      expect.arrayContaining(['tell', 'party', 'debt']),
    );
    expect(concepts('我们已经把你欠款的事跟你表姐说了。')).toEqual(expect.arrayContaining(['party', 'tell']));
  });

  it('marks the same concepts negated in a reassurance', () => {
    expect(concepts('Nobody at your office will ever hear from us.')).toEqual(
      expect.arrayContaining(['party~no', 'tell~no']),
    );
    expect(concepts('我们不会联系您的家人。')).toEqual(expect.arrayContaining(['party~no']));
  });

  it('pairs concepts, negated when either is', () => {
    const keysOf = (text: string) => {
      const message = readMessage(text);
      const [[from, to]] = ownSentences(message) as [[number, number]];
      return conceptFeatures(message, from, to).map((feature) => feature.key);
    };
    expect(keysOf('Your landlord now knows about the arrears.')).toContain('KP:party+tell');
    expect(keysOf('Your landlord will not hear about the arrears.')).toContain('KP:party+tell~no');
    expect(keysOf('It would be a shame if something happened to your car.')).toContain('KP:harm+target');
  });

  it('does not read "call us back" as a group of people (evasion folds "back" to "black")', () => {
    expect(concepts('Please call us back.')).not.toContain('group');
  });
});

describe('the committed category classifier', () => {
  it('covers every category, with thresholds chosen by cross-validation', () => {
    expect(committedCategoryModel().categories).toEqual(CONTENT_CATEGORIES);
    for (const threshold of Object.values(committedCategoryModel().thresholds)) {
      expect(threshold).toBeGreaterThanOrEqual(0.3);
      expect(threshold).toBeLessThan(1);
    }
  });

  it('names a category and grounds its finding in a concept or a lexicon class', () => {
    const message = readMessage(
      'Just so you know, the finance office at your company has been sent a copy of the overdue notice.',
    );
    const [[from, to]] = ownSentences(message) as [[number, number]];
    const score = committedCategoryModel().best(
      [...featuresOf(message, from, to), ...conceptFeatures(message, from, to)],
      'en',
    )!;
    expect(score.category).toBe('third_party_disclosure');
    expect(score.probability).toBeGreaterThanOrEqual(score.threshold);
    expect(score.grounding && isGroundingFeature(score.grounding.feature)).toBe(true);
    // The reasons are the features that raised the score, strongest first.
    const contributions = score.reasons.map((reason) => reason.contribution);
    expect(contributions).toEqual([...contributions].sort((a, b) => b - a));
  });

  it('rejects an artefact with an unknown category', () => {
    expect(
      () =>
        new CategoryModel({
          version: 'x',
          buckets: 16,
          scale: 1,
          categories: ['gossip'],
          biases: [0, 0],
          thresholds: { en: 0.5, zh: 0.5 },
          weights: '',
        }),
    ).toThrow(/unknown category "gossip"/u);
  });

  it('trains deterministically: the same lines and seed give the same weights', () => {
    const lines = readCorpus('corpora/gate/messages-2.jsonl')
      .filter((line) => !line.heldOut)
      .slice(0, 120)
      .map(encodeLine);
    const params = { alpha: 0.3, beta: 1, l1: 1, l2: 1, epochs: 2, keep: 500, positiveWeight: 3 };
    const a = pruneCategories(trainCategories(lines, params, 5), params.keep);
    const b = pruneCategories(trainCategories(lines, params, 5), params.keep);
    expect([...a.weights.entries()]).toEqual([...b.weights.entries()]);
    expect(a.biases).toEqual(b.biases);
    expect(a.weights.size).toBeGreaterThan(0);
    expect(a.weights.size).toBeLessThanOrEqual(500);
  });
});

describe('the gate generalises beyond the phrases it was written against (sentences in no corpus)', () => {
  it.each([
    ['Hello Ms. Ortega, we had a long chat with your brother-in-law about the card arrears yesterday.', 'en'],
    [
      'Just so you know, the finance office at your company has been sent a copy of the overdue notice.',
      'en',
    ],
    ['Shame if anything happened to that van you drive for work.', 'en'],
    ["We'll be putting your photo up on our Facebook page with the amount you owe.", 'en'],
    ["Pay the balance and we'll make the default vanish from your file.", 'en'],
    ['我们已经把你欠款的事跟你表姐说了，她说会劝劝你。', 'zh-CN'],
    ['你单位的财务那边已经收到我们的函件了。', 'zh-CN'],
    ['还清这笔，保证你的征信马上恢复正常。', 'zh-CN'],
    ['再不还，就把你的欠款信息发到你们小区业主群。', 'zh-CN'],
  ] as const)('blocks "%s"', (text, lang) => {
    expect(verdict(text, lang).allowed).toBe(false);
  });

  it.each([
    'Nobody at your workplace will ever hear from us about this.',
    'Legal action is off the table while you keep to the plan.',
    'Never mention jail, arrest or lawsuits.',
    'We will not contact your family, your employer or your neighbours.',
    'Your HR department will not hear from us.',
    'Your employer has not been told anything and will not be.',
    "If a relative answers, don't discuss the account; just ask when you can reach the customer.",
    "We can't promise your credit file will change, but the account will show as paid.",
    'We are a group of Muslims.',
    'Please call us back when you can.',
    // The product's own replies: a bereavement notice, the crisis line, a read-back of what was understood.
    "I've passed this to our specialist team, who look after the accounts of people who have died, and we've stopped all collection on this account.",
    'Please call or text 988 now, free and at any hour, or call 911 if you are in danger.',
    '想确认一下，我是否理解对了：您已委托律师处理这笔欠款，对吗？',
    '困难期间不会起诉，也不会上门。',
    '我们不会联系您的家人、同事或朋友。',
    '我行外访人员不会上门，只通过电话联系。',
  ])('allows "%s"', (text) => {
    expect(verdict(text, language(text)).allowed).toBe(true);
  });
});

describe('a category-classifier verdict keeps the verdict shape', () => {
  it('carries category, span on the concept words, plain words and rule id', () => {
    // The rules miss it ("the finance people at your company have heard from us"); the classifier reads it.
    const text = '你们公司财务那边我们已经打过招呼了。';
    const withCategories = (categoryModel: CategoryModel | null) =>
      checkMessageWith(request(text, 'zh-CN'), committedAbuseModel(), categoryModel, null);
    expect(withCategories(null).allowed).toBe(true);
    const [violation] = withCategories(committedCategoryModel()).violations;
    expect(violation).toMatchObject({
      rule: 'FORBIDDEN_THIRD_PARTY_CONTACT',
      category: 'third_party_disclosure',
      ruleId: expect.stringMatching(/^CN-NO-THIRD-PARTY-CONTACT@\d{4}\.\d{2}\.\d+$/u),
      explanation: { en: expect.any(String), zh: expect.any(String) },
    });
    expect(violation!.detail).toMatch(/category classifier categories-[0-9a-f]{10}, p=\d\.\d\d/u);
    const phrase = text.slice(violation!.span!.start, violation!.span!.end);
    expect(phrase).toContain('公司');
  });
});

describe('understanding: scope fixes the new corpus showed', () => {
  it('reads a negated verb inside the matched words as negation, unless it affirms', () => {
    expect(negatedWithin('your hr department will not hear')).toBe(true);
    expect(negatedWithin('we never contact police')).toBe(true);
    expect(negatedWithin("we won't hesitate to tell your employer")).toBe(false);
    expect(negatedWithin("you won't live long enough")).toBe(false);
  });

  it('keeps the words a script tells the agent to say as its own words', () => {
    const spoken = (text: string) => {
      const message = readMessage(text);
      return ownSentences(message)
        .map(([from, to]) => message.read.text.slice(from, to))
        .join(' ');
    };
    expect(spoken('对客户说：“您不会想知道我们不客气的时候是什么样的。”')).toContain('不客气');
    expect(spoken('Say to the customer: "Things have a way of going wrong for people like you."')).toContain(
      'going wrong',
    );
    // A do-not-say instruction and a customer's words stay out.
    expect(spoken('不要对客户说：“你会后悔的”。')).not.toContain('后悔');
    expect(spoken('If the customer says "you\'ll regret this", stay calm.')).not.toContain('regret');
  });

  it('does not read "people who don\'t keep their promises" as a do-not-say instruction', () => {
    const text = 'Say to the customer: "Things go wrong for people who don\'t keep their promises to us."';
    expect(verdict(text).allowed).toBe(false);
  });
});
