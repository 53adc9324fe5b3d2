import { describe, expect, it } from 'vitest';
import { anchorIndex } from '../../lambdas/domain/compliance/content/anchors';
import { detectContent, readMessage } from '../../lambdas/domain/compliance/content/detect';
import { clausesOf, quotedSpans } from '../../lambdas/domain/compliance/understanding/clauses';

/** The categories the rules alone find (no classifier): these tests are about the rules' structures. */
const ruled = (text: string) => [
  ...new Set(detectContent(readMessage(text)).map((finding) => finding.category)),
];

describe('structures rather than phrasings', () => {
  it.each([
    // A deadline with an invented consequence, in words no list holds.
    ['The discount lapses at noon and after that there is no going back.', 'false_urgency'],
    ['Get back to us within the hour, the file is being escalated for enforcement.', 'false_urgency'],
    ['明早就上报，到时候没有任何商量的余地。', 'false_urgency'],
    // Implied harm to what the customer holds dear.
    ['We know your daily routine, Mr. Lee. Pay today.', 'veiled_threat'],
    ['Who else in your house wants to get dragged into this?', 'veiled_threat'],
    ['你住几楼我们一清二楚。', 'veiled_threat'],
    // A group and a habit.
    ['Borrowers of Somali origin are a problem for us.', 'discrimination'],
    ['此类人群普遍不讲信用。', 'discrimination'],
    // Fees by their shape: any "<x> fee" added or required.
    ['A courier fee will be added to your balance.', 'unauthorised_fee'],
    ['办理延期前需先缴纳一笔押金。', 'unauthorised_fee'],
    // Repeated contact.
    ['We will try you again in ten minutes, and again after that.', 'harassment'],
    ['拉黑也没用，我们换号码继续打。', 'harassment'],
  ])('blocks "%s" as %s', (text, category) => {
    expect(ruled(text)).toContain(category);
  });
});

describe('promises whose negation is the promise (@claim)', () => {
  it.each([
    "Settle this week and it won't show on your credit report at all.",
    'There will be absolutely no effect on your credit rating.',
    '还清以后，对您的征信没有任何影响。',
  ])('blocks "%s" as a false promise', (text) => {
    expect(ruled(text)).toContain('false_promise');
  });

  it.each([
    "We can't promise that paying won't show on your credit report.",
    "Be careful of anyone who says paying won't affect your credit.",
    '我们无法保证还款后对您的征信没有任何影响。',
  ])('allows the hedge or warning "%s"', (text) => {
    expect(ruled(text)).not.toContain('false_promise');
  });
});

describe('reassurance, warnings and guidance stay clean', () => {
  it.each([
    'No charges are added for changing your payment date.',
    'Scammers sometimes ask for an upfront fee to release a plan; we never do.',
    'Never call a customer lazy or a deadbeat, even if they are rude.',
    'Agent note: phrases like "we know where you live" are banned.',
    'I am sorry if our last call came across as rude.',
    'Our specialist team is already looking after this account, and nothing is being asked of you.',
    '本函并非最后通知，您的账户不会有任何变化。',
    '近期有人冒充我行收取所谓解冻费，请谨防诈骗。',
  ])('allows "%s"', (text) => {
    expect(ruled(text)).toEqual([]);
  });

  it('keeps "without further notice" a threat, not a negation', () => {
    expect(ruled('We shall commence legal proceedings without further notice.')).toContain('lawsuit_threat');
  });
});

describe('who says the quoted words, and evasions', () => {
  it.each([
    // A script that tells the agent what to say: the quote is the agent's own words.
    ['催收员可对拖延客户说："你是不是蠢？这么简单的事都办不好。"', 'insult'],
    ['话术：客户哭穷时直接说"你这种废物活该没钱"。', 'insult'],
    [
      'Rebuttal if the customer says they cannot pay: "Not everybody out there is as nice as me."',
      'veiled_threat',
    ],
    // Masks and look-alike letters.
    ["Call us back, for f***'s sake.", 'profanity'],
    ['Another missed payment from a certified ıdiot.', 'insult'],
  ])('blocks "%s" as %s', (text, category) => {
    expect(ruled(text)).toContain(category);
  });

  it.each([
    // The customer's words reported, guidance not to say or charge, a worry answered with a denial.
    '客户说"你们这群骗子"，请保持冷静。',
    'Never claim to be an attorney, police officer, court employee or government official.',
    '坐席规范：不得向客户收取合同外任何费用，包括"上门费""催收服务费"等。',
    'Worried about going to jail over this? Not paying a consumer debt is not a crime.',
    '赵先生，欠款是经济问题，不是人格问题。',
    'If you need more time, I can escalate your request to a supervisor.',
  ])('leaves "%s" clean', (text) => {
    expect(ruled(text)).toEqual([]);
  });
});

describe('clause reading', () => {
  it('reads a scam warning as someone else’s conduct', () => {
    const clauses = clausesOf('Beware of callers who threaten arrest over a debt.');
    expect(clauses.every((clause) => clause.reported)).toBe(true);
  });

  it('gives the same clauses whether or not the quotes are passed in', () => {
    const text =
      'tell the customer: "this is your final chance", 然后说“今天必须还”。 you can ask us to stop.';
    expect(clausesOf(text, quotedSpans(text))).toEqual(clausesOf(text));
  });
});

describe('the anchor index', () => {
  it('indexes exactly the wanted keys the full index holds, Chinese pairs included', () => {
    const text = "你家小区 we know where 你住 ok，最后通牒 can't 限你今天";
    const full = new Map(anchorIndex(text).entries());
    const wanted = new Map<string, number[]>([
      ['小区', []],
      ['你', []],
      ['最后', []],
      ['=can', []],
      ['kn', []],
      ['限你', []],
      ['今', []],
      ['absent', []],
    ]);
    const filtered = new Map(anchorIndex(text, wanted).entries());
    expect(filtered).toEqual(new Map([...full].filter(([key]) => wanted.has(key))));
    expect(filtered.get('你')).toEqual([0, 19, 37]);
  });
});

describe('the rules read kindness, advice and disclaimers in Chinese as what they are', () => {
  it.each([
    '您在开车是吧，那您先注意安全，到了地方再回个电话。',
    '天气转凉，出门注意保暖。',
    '我司从未委派人员上门，请您注意人身安全并及时报警。',
    '今天打你电话没接通，有空回一下就好。',
    '借呗花呗都别动了，能还多少算多少。',
    '本机构为商业催收服务机构，非司法机关、非律师事务所。',
    '禁用词：老赖、废物、不要脸。',
  ])('allows %s', (text) => {
    expect(ruled(text)).toEqual([]);
  });

  it.each([
    ['晚上出门你最好注意点安全。', 'veiled_threat'],
    ['你的人身安全我们可不敢保证。', 'veiled_threat'],
    ['再不还钱就打你。', 'threat_violence'],
    ['你去借呗借一笔先还上。', 'new_borrowing'],
  ])('blocks %s as %s', (text, category) => {
    expect(ruled(text)).toContain(category);
  });
});
