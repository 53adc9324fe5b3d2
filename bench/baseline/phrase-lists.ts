// Frozen copy of the phrase lists the gate used before issue 12: the benchmark baseline only (bench/baseline/).
/**
 * Phrase lists of the policy packs, as named, versioned data. Each entry is a regular-expression source,
 * matched case-insensitively on text normalised with NFKC (full-width letters and digits become ASCII).
 * English entries match whole words only (so "sue" does not match "issue", nor "loser" "closer") and a space
 * stands for any run of white space (so no spaces inside character classes); Chinese entries match anywhere, Chinese having no word boundaries.
 * `exceptions` are phrases removed from the text before the list is applied, for reassurances such as
 * "no processing fee" / "无需手续费" that name a forbidden thing only to deny it.
 * Lists err on blocking: a false positive costs a redraft, a false negative a breach.
 */
export interface PhraseList {
  readonly name: string;
  readonly version: string;
  readonly en: readonly string[];
  readonly zh: readonly string[];
  readonly exceptions?: { readonly en: readonly string[]; readonly zh: readonly string[] };
}

const VERSION = '2026.11.1';

export const THREATS_AND_VIOLENCE: PhraseList = {
  name: 'threats-and-violence',
  version: VERSION,
  en: [
    'hurt you',
    'harm you',
    'beat (?:you|you up)',
    'kill',
    'violence',
    'violent',
    'break your',
    "you(?: will|'ll) regret",
    'regret it',
    'or else',
    'we know where you live',
    'watch your back',
    '(?:face|suffer|pay) the consequences',
    'threaten',
    '(?:show up|come) (?:at|to) your (?:home|house|door|work|office)',
  ],
  zh: [
    '暴力',
    '打死',
    '弄死',
    '打断',
    '伤害(?:你|您)',
    '后果自负',
    '走着瞧',
    '小心(?:点|你|您)',
    '找上门',
    '上门找',
    '你等着',
    '(?:让|要)你好看',
    '不得安宁',
    '恐吓',
    '不会放过',
  ],
};

export const ARREST_AND_CRIMINAL_THREATS: PhraseList = {
  name: 'arrest-and-criminal-threats',
  version: VERSION,
  en: [
    'arrest',
    'arrested',
    'arresting',
    'arrests',
    'jail',
    'jailed',
    'prison',
    'imprison\\p{L}*',
    'police',
    'criminal',
    'crime',
    'warrant',
    'handcuff\\p{L}*',
    'locked up',
    'prosecut\\p{L}*',
    'fraud charges?',
    'charged with (?:fraud|theft|a crime)',
    'detained',
    'detention',
  ],
  zh: [
    '逮捕',
    '坐牢',
    '拘留',
    '刑拘',
    '监狱',
    '判刑',
    '刑事',
    '报警',
    '警察',
    '抓(?:你|您|人)',
    '通缉',
    '诈骗罪',
    '犯罪',
  ],
};

export const INSULTS_AND_ABUSE: PhraseList = {
  name: 'insults-and-abuse',
  version: VERSION,
  en: [
    'deadbeat',
    'loser',
    'idiot',
    'stupid',
    'moron',
    'liar',
    'cheat(?:er)?',
    'scum',
    'pathetic',
    'worthless',
    'thief',
    'crook',
    'freeloader',
    'bum',
    'low-?life',
    'bastard',
    'damn',
    'hell',
    'shit\\p{L}*',
    'fuck\\p{L}*',
    'bitch',
    'irresponsible',
    'shame on you',
    'disgrace(?:ful)?',
  ],
  zh: [
    '老赖',
    '骗子',
    '无赖',
    '赖皮',
    '废物',
    '不要脸',
    '人渣',
    '混蛋',
    '王八蛋',
    '去死',
    '傻子',
    '傻瓜',
    '白痴',
    '畜生',
    '垃圾人',
    '可耻',
  ],
};

export const PUBLIC_SHAMING: PhraseList = {
  name: 'public-shaming',
  version: VERSION,
  en: [
    'shame',
    'shaming',
    'humiliat\\p{L}*',
    'embarrass\\p{L}*',
    'publish your name',
    'social media',
    'tell everyone',
    'everyone will know',
    'your neighbou?rs will',
    'expose you',
    'public(?:ly)? (?:list|post|name|expose)',
    'blacklist\\p{L}*',
  ],
  zh: [
    '曝光',
    '公开(?:你|您)',
    '朋友圈',
    '通讯录',
    '黑名单',
    '失信名单',
    '失信被执行人',
    '张贴',
    '大字报',
    '让大家(?:都)?知道',
    '社死',
    '公之于众',
    '示众',
    '丢脸',
  ],
};

const THIRD_PARTIES_EN =
  '(?:employer|boss|manager|supervisor|family|relatives|parents|spouse|wife|husband|partner|children|kids|friends|co-?workers|colleagues|neighbou?rs|references|workplace|HR)';
const THIRD_PARTIES_ZH =
  '(?:家人|家属|亲人|亲属|亲友|亲戚|父母|配偶|老婆|老公|子女|孩子|单位|公司|领导|老板|同事|朋友|邻居|通讯录|紧急联系人)';

/** Contact verbs followed by a third party; the gap words skip "us" so "tell us about your family" passes. */
export const THIRD_PARTY_CONTACT: PhraseList = {
  name: 'third-party-contact',
  version: VERSION,
  en: [
    `(?:contact|call|phone|ring|tell|inform|notify|visit|e-?mail|text|write to|reach out to|speak (?:to|with)|talk (?:to|with)|get in touch with|let) (?:(?!us\\b)\\S+ ){0,3}?(?:your|ur) ${THIRD_PARTIES_EN}`,
    `(?:your|ur) ${THIRD_PARTIES_EN} (?:will|may|might|could|would|is going to|are going to) (?:\\S+ ){0,2}?(?:contacted|notified|informed|told|called|hear|know)`,
    'third part(?:y|ies) (?:will|may|might|could) be (?:contacted|notified|informed|told)',
  ],
  zh: [
    `(?:通知|联系|告诉|告知|打电话给|致电|找|拨打|发给)(?:你|您)?(?:的)?${THIRD_PARTIES_ZH}`,
    `${THIRD_PARTIES_ZH}(?:都|也)?(?:会|将)(?:知道|收到|被通知|接到)`,
  ],
};

export const IMPERSONATING_AUTHORITIES: PhraseList = {
  name: 'impersonating-authorities',
  version: VERSION,
  en: [
    'court officer',
    'officer of the court',
    'court(?:-| )order(?:ed)?',
    'on behalf of the (?:court|government|state|police)',
    'sheriff',
    'marshal',
    'police',
    'law enforcement',
    'government (?:agency|official|department)',
    'federal (?:agent|agency)',
    'state agency',
    'attorney general',
    'FBI',
    'IRS',
    'department of justice',
    'summons',
    'subpoena',
    'judge',
  ],
  zh: [
    '法院',
    '公安',
    '检察院',
    '警方',
    '政府',
    '司法机关',
    '执法',
    '法官',
    '法警',
    '传票',
    '公检法',
    '派出所',
    '执行局',
  ],
};

export const FALSE_URGENCY: PhraseList = {
  name: 'false-urgency',
  version: VERSION,
  en: [
    'final (?:notice|warning|demand)',
    'last (?:warning|chance)',
    'act now or',
    'immediately or',
    'within \\d+ (?:hours|days) or',
    "before it(?:'s| is) too late",
    'time is running out',
    'urgent(?:ly)? action (?:is )?required',
    'this is your final',
  ],
  zh: [
    '最后通牒',
    '最后(?:一次)?机会',
    '最后(?:警告|通知)',
    '否则',
    '限你',
    '限期',
    '今天之内必须',
    '紧急通知',
  ],
};

export const LAWSUIT_THREATS: PhraseList = {
  name: 'lawsuit-threats',
  version: VERSION,
  en: [
    'sue',
    'sued',
    'suing',
    'lawsuit',
    'legal (?:action|proceedings|steps)',
    'litigation',
    'court',
    'take (?:you|this) to court',
    'judge?ments? against you',
    'obtain a judge?ment',
    'garnish\\p{L}*',
    '(?:place|put) a lien',
    'seize your',
  ],
  zh: [
    '起诉',
    '诉讼',
    '法律(?:行动|程序|手段|途径)',
    '追究.{0,4}法律责任',
    '律师函',
    '强制执行',
    '冻结',
    '查封',
    '打官司',
    '上法庭',
    '司法途径',
  ],
};

export const NEW_BORROWING: PhraseList = {
  name: 'new-borrowing',
  version: VERSION,
  en: [
    'take out (?:a |another |a new |new )?loans?',
    'borrow (?:from|money|the money|funds)',
    'get a (?:new |payday |personal )?loan',
    'payday loans?',
    '(?:new|another) loan',
    '(?:new|another) credit card',
    'balance transfer',
    'cash advance',
    'loan app',
  ],
  zh: [
    '以贷还贷',
    '借钱还',
    '借款还',
    '贷款还',
    '再借',
    '网贷',
    '借呗',
    '花呗',
    '微粒贷',
    '套现',
    '以卡养卡',
    '新贷款',
    '向(?:亲友|朋友|家人|亲戚|他人|别人)借',
    '拆东墙补西墙',
  ],
};

const FEE_NAMES_ZH = '(?:手续费|服务费|额外费用|附加费|管理费|分期费|办理费|咨询费|费用)';

export const EXTRA_FEES: PhraseList = {
  name: 'extra-fees',
  version: VERSION,
  en: [
    '(?:processing|additional|extra|service|convenience|administrative|admin|set-?up|handling|collection|plan|enrol(?:l)?ment) fees?',
  ],
  zh: ['手续费', '服务费', '额外费用', '附加费', '管理费', '分期费', '办理费', '咨询费'],
  exceptions: {
    en: [
      '(?:no|zero|without(?: any)?|free of(?: any)?|waive[sd]?(?: the| any| all)?) (?:\\S+ ){0,2}?(?:fees?|charges?)',
      "(?:won't|will not|do not|don't|never|doesn't|does not) charge (?:you )?(?:any |an? )?(?:\\S+ ){0,2}?fees?",
    ],
    zh: [
      `(?:无|免|免收|免除|不收|不收取|无需|不需|不需要|没有|零|不另收|不额外收取)(?:任何)?(?:额外)?的?${FEE_NAMES_ZH}`,
      `${FEE_NAMES_ZH}(?:全)?(?:免|为零|为0|减免)`,
    ],
  },
};

/** Disclosure phrasings: a message satisfies a disclosure when every one of its parts matches. */
export const MINI_MIRANDA_IDENTITY: PhraseList = {
  name: 'mini-miranda-identity',
  version: VERSION,
  en: [
    'communication from a debt collector',
    "(?:we are|we're|i am|i'm|this is|is) a debt collector",
    'attempt(?:ing)? to collect (?:a|this|the|your) debt',
  ],
  zh: ['债务催收', '催收债务', '催收方', '催收机构', '追讨债务'],
};

export const MINI_MIRANDA_PURPOSE: PhraseList = {
  name: 'mini-miranda-purpose',
  version: VERSION,
  en: ['information (?:\\S+ ){0,3}?will be used for (?:that|this) purpose'],
  zh: ['信息.{0,6}(?:将|会)(?:被)?用于(?:该|此|这一|上述|催收)'],
};

export const OPT_OUT: PhraseList = {
  name: 'opt-out',
  version: VERSION,
  en: [
    '(?:reply|text|send) stop',
    'stop to (?:opt(?:-| )?out|unsubscribe|cancel|end|quit)',
    'unsubscribe',
    'opt(?:-| )?out',
  ],
  zh: ['退订', '回复\\s*(?:TD|T|N|STOP)', '取消订阅', '拒收'],
};
