/**
 * The forbidden-content categories: one taxonomy for the detectors, the classifier, the corpus, the CLI's
 * evaluation and the console. Each has the rule code a verdict carries and plain words for agents, in English
 * and Chinese.
 */
export const CONTENT_CATEGORIES = [
  'threat_violence',
  'veiled_threat',
  'arrest_criminal_threat',
  'impersonation',
  'third_party_disclosure',
  'harassment',
  'public_shaming',
  'false_urgency',
  'lawsuit_threat',
  'new_borrowing',
  'unauthorised_fee',
  'false_promise',
  'insult',
  'profanity',
  'discrimination',
] as const;

export type ContentCategory = (typeof CONTENT_CATEGORIES)[number];

export const isContentCategory = (value: unknown): value is ContentCategory =>
  typeof value === 'string' && (CONTENT_CATEGORIES as readonly string[]).includes(value);

export interface CategoryInfo {
  /** The violation code (stable; codes the first linter used are kept). */
  readonly code: string;
  /** Slug of the rule id: `${jurisdiction}-${slug}`. */
  readonly slug: string;
  readonly en: string;
  readonly zh: string;
}

export const CATEGORY_INFO: Readonly<Record<ContentCategory, CategoryInfo>> = {
  threat_violence: {
    code: 'FORBIDDEN_THREAT_OR_VIOLENCE',
    slug: 'NO-THREATS',
    en: 'This threatens the customer or mentions violence. We never threaten or intimidate anyone.',
    zh: '这段话威胁客户或提到暴力。我们绝不威胁或恐吓任何人。',
  },
  veiled_threat: {
    code: 'FORBIDDEN_VEILED_THREAT',
    slug: 'NO-VEILED-THREATS',
    en: 'This hints that something bad may happen to the customer. Even an implied threat is intimidation.',
    zh: '这段话暗示客户可能会遭遇不好的事情。即使是暗示性的威胁也属于恐吓。',
  },
  arrest_criminal_threat: {
    code: 'FORBIDDEN_ARREST_THREAT',
    slug: 'NO-ARREST-THREATS',
    en: 'This suggests arrest, jail, a crime or trouble with immigration or child services. Not paying a debt is not a crime, and we never say it is.',
    zh: '这段话暗示逮捕、坐牢、犯罪或移民、子女监护方面的后果。欠款不还不是犯罪，我们绝不能这样说。',
  },
  impersonation: {
    code: 'FORBIDDEN_IMPERSONATING_AUTHORITY',
    slug: 'NO-IMPERSONATING-AUTHORITIES',
    en: 'This presents us as a court, the police, a government body or a law firm. We only ever speak as the bank.',
    zh: '这段话把我们说成法院、警方、政府机关或律师事务所。我们只能以银行的身份沟通。',
  },
  third_party_disclosure: {
    code: 'FORBIDDEN_THIRD_PARTY_CONTACT',
    slug: 'NO-THIRD-PARTY-CONTACT',
    en: 'This mentions telling or contacting someone other than the customer (employer, family, neighbours, contacts). We never discuss a debt with anyone but the customer.',
    zh: '这段话提到告知或联系客户以外的人（单位、家人、邻居、通讯录联系人）。我们只与客户本人沟通欠款。',
  },
  harassment: {
    code: 'FORBIDDEN_HARASSMENT',
    slug: 'NO-HARASSMENT',
    en: 'This describes repeated calls or visits, or turning up at home or work. That is harassment.',
    zh: '这段话描述反复致电、上门或到单位找人。这属于骚扰。',
  },
  public_shaming: {
    code: 'FORBIDDEN_PUBLIC_SHAMING',
    slug: 'NO-PUBLIC-SHAMING',
    en: 'This shames the customer or threatens to make the debt public. We never embarrass customers.',
    zh: '这段话羞辱客户或威胁公开欠款信息。我们绝不让客户难堪。',
  },
  false_urgency: {
    code: 'FORBIDDEN_FALSE_URGENCY',
    slug: 'NO-FALSE-URGENCY',
    en: 'This creates pressure with a deadline or "final warning" the offer does not have. State real dates only.',
    zh: '这段话用并不存在的期限或“最后通牒”制造压力。只能说明真实的日期。',
  },
  lawsuit_threat: {
    code: 'FORBIDDEN_LAWSUIT_THREAT',
    slug: 'NO-LAWSUIT-THREATS',
    en: 'This threatens a lawsuit, court or seizing property. Outreach never threatens legal action.',
    zh: '这段话以起诉、法院或查封财产相威胁。催收沟通中不得以法律行动相威胁。',
  },
  new_borrowing: {
    code: 'FORBIDDEN_NEW_BORROWING',
    slug: 'NO-NEW-BORROWING',
    en: 'This pushes the customer to borrow (a loan, a card, an app, friends or family) to pay. We never do that.',
    zh: '这段话引导客户借钱还款（贷款、信用卡、网贷、亲友）。我们绝不这样做。',
  },
  unauthorised_fee: {
    code: 'FORBIDDEN_EXTRA_FEES',
    slug: 'NO-EXTRA-FEES',
    en: 'This adds a fee or charge the agreement does not allow. Only the computed figures may be stated.',
    zh: '这段话加收了协议未约定的费用。只能说明系统计算出的金额。',
  },
  false_promise: {
    code: 'FORBIDDEN_FALSE_PROMISE',
    slug: 'NO-FALSE-PROMISES',
    en: 'This promises an outcome we cannot guarantee or misstates what will happen (credit record, debt wiped, consequences). Say only what is true.',
    zh: '这段话承诺了无法保证的结果或歪曲后果（征信、债务清零等）。只能陈述真实情况。',
  },
  insult: {
    code: 'FORBIDDEN_ABUSE',
    slug: 'NO-ABUSE',
    en: 'This insults or belittles the customer. Every message must be respectful.',
    zh: '这段话侮辱或贬低客户。每条信息都必须尊重客户。',
  },
  profanity: {
    code: 'FORBIDDEN_PROFANITY',
    slug: 'NO-PROFANITY',
    en: 'This contains swearing or vulgar language. Messages never carry profanity.',
    zh: '这段话含有脏话或粗俗用语。信息中不得出现脏话。',
  },
  discrimination: {
    code: 'FORBIDDEN_DISCRIMINATION',
    slug: 'NO-DISCRIMINATION',
    en: 'This demeans people for who they are (nationality, religion, ethnicity, gender, age, disability, region). We never do that.',
    zh: '这段话因身份（国籍、宗教、民族、性别、年龄、残疾、地域）贬低他人。我们绝不这样做。',
  },
};
