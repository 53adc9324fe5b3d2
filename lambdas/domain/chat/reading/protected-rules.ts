/**
 * High-precision rules for the asks with legal weight (taxonomy PROTECTED_INTENTS). They do not replace the
 * classifier; they catch what it is unsure about: when one fires and the model's reading is weak or of lower
 * priority, the rule's intent wins and the model's guess becomes the runner-up, so the dialogue asks once
 * instead of missing the ask quietly. Each rule is written to be specific ("my lawyer handles this", not
 * "lawyer"), and a negation right before it ("i'm not going bankrupt", "没有律师") cancels it.
 */
import type { IntentName } from '../taxonomy';

const RULES: readonly (readonly [IntentName, RegExp])[] = [
  [
    'vulnerability',
    /\b(?:kill(?:ing)? myself|end (?:it all|my life)|suicid\w*|(?:don'?t|do not) want to (?:live|be alive|be here anymore|wake up)|better off dead|take my (?:own )?life|self[- ]harm\w*|hurt(?:ing)? myself|want to die|wanna die|no reason to live|not worth living|(?:don'?t|do not|can'?t) see the point (?:in|of) (?:anything|living|going on|life)|what'?s the point (?:anymore|any more|of (?:anything|living|going on|it all))|overdos\w*|can'?t go on(?: like this)?|end it)\b|不想活|活够了|自杀|轻生|活着(?:没意思|有什么意思|没什么意思)|死了算了|一了百了|跳楼|跳下去|烧炭|安眠药|喝农药|割腕|结束(?:自己的)?生命|想死|活不下去|天台|最后一个年|解脱了/u,
  ],
  [
    'fraud',
    /\b(?:identity theft|identity (?:was |got )?stolen|stole my identity|someone (?:opened|took out|applied for|used my (?:details|identity|name|info))|opened (?:it |this )?(?:fraudulently|in my name)|(?:charges|purchases|transactions) (?:i|that i) (?:didn'?t|did not|never) (?:make|authori[sz]e)|unauthori[sz]ed (?:charges?|transactions?|purchases?|use)|card (?:was |got )?(?:stolen|cloned|skimmed)\b.{0,40}\b(?:used|charges)|victim of (?:fraud|identity))|盗刷|冒用(?:我的)?(?:身份|名义)?|被人冒名|身份(?:证)?被(?:盗|冒用)|(?:被人|有人)(?:拿|用)我的(?:身份|信息|身份证).{0,6}(?:办|借|申请)/u,
  ],
  [
    'bankruptcy',
    /\b(?:(?:filed|filing|file|declared|declaring|going through|in|entered) (?:for )?(?:personal )?bankruptcy|chapter (?:7|13|seven|thirteen)|ch\.? ?(?:7|13)\b|bankruptcy (?:case|petition|trustee|court|discharge|attorney|lawyer)|(?:my|the) bankruptcy|insolvency (?:practitioner|proceedings)|i(?:'m| am) (?:now )?bankrupt|debt relief order)\b|(?:申请|进入|办理|走).{0,6}(?:个人)?破产|破产(?:申请|程序|管理人|案)|资不抵债/u,
  ],
  [
    'legal_representation',
    /\b(?:(?:my|our) (?:lawyer|attorney|solicitor|legal (?:team|representative|counsel))\b.{0,40}\b(?:handl\w*|deal\w*|represent\w*|contact|talk|speak|go through|sent|will|is|has)|(?:hired|retained|appointed|got|have) (?:a |an )?(?:lawyer|attorney|solicitor|debt counsell?or)|represented by|letter of (?:representation|authority)|(?:talk|speak) to my (?:lawyer|attorney|solicitor)|debt (?:relief|management|counsell?ing) (?:company|firm|agency) (?:is )?(?:represent|handl|negotiat)\w*)|委托(?:了)?.{0,6}(?:律师|律所|机构|代理)|(?:我的|代理|援助)律师.{0,12}(?:处理|代理|对接|联系|负责|跟进)|律所全权代理|律师函|法律援助/u,
  ],
  [
    'stop_contact',
    /\b(?:stop (?:contacting|all contact|all communication|communicating|harassing) (?:with )?me|(?:don'?t|do not|never) (?:ever )?contact me (?:again|ever|anymore|in any (?:form|way))|leave me alone|cease (?:all )?(?:contact|communication)|cease and desist|no (?:more|further) contact|stop all communication|(?:my )?right to have you stop)\b|(?:别|不要|停止)(?:再)?(?:联系|骚扰|打扰)我(?![家的爸妈父母老公同单朋室亲哥姐弟妹女男前对])|停止(?:对我的)?(?:一切|所有)?(?:催收)?联系|(?:别|不要)(?:再)?找我了|不想再收到(?:你们)?(?:任何)?|拒绝一切联系/u,
  ],
  [
    'dispute',
    /\b(?:(?:this|it) (?:is|'s|isn'?t|is not) not? ?my (?:debt|account|loan|card)|not my debt|i (?:don'?t|do not) owe (?:this|that|you|it|anything)|never (?:received|got) (?:a |any )?(?:single )?(?:bill|statement|notice|letter)|prove (?:that )?i owe|(?:debt )?validation|validate (?:the|this) debt|i dispute|disputing (?:this|the))\b|不是我的(?:债|欠款|账|钱)|我(?:没|没有)欠|(?:金额|数额|账单|这个数).{0,4}(?:不对|有误|错了)|我不认|不认这|(?:从来)?没(?:有)?收到(?:过)?(?:任何)?(?:账单|通知)|提出异议|证明(?:这笔钱)?是我借的/u,
  ],
];

const NEGATED =
  /(?:\b(?:not|never|no|isn'?t|wasn'?t|won'?t|don'?t|didn'?t|not going to|i'?m not|am not)\s+(?:\S+\s+){0,2}|不|没有|没|并非)$/u;

/** Someone died, and the account was theirs (not the writer's own account while grieving). */
const DEATH =
  /\b(?:passed away|passed on|has passed|passed (?:in|last|on|recently)|died|is deceased|death|late (?:father|dad|mother|mum|mom|husband|wife|son|daughter|brother|sister|partner|uncle|aunt))\b|去世|过世|离世|病逝|逝世|死亡|走了|人没了|不在了|火化/u;
const THEIR_ACCOUNT =
  /\b(?:(?:his|her|their) (?:card|account|loan|debt|name|balance|credit card)|(?:account|card) ?holder|in (?:his|her) name|(?:was|is) (?:his|hers)|(?:account|card) (?:was|is) (?:my )?(?:mum|mom|dad|father|mother|husband|wife|son|daughter|brother|sister|uncle|aunt|gran)\w*'?s|executor|estate|next of kin|death certificate|probate|on behalf of (?:my|the))\b|持卡人|借款人|卡主|他的卡|她的卡|卡是(?:他|她)的|(?:他|她)(?:的)?名下|遗产|死亡证明|家属|(?:他|她)的(?:账户|贷款|欠款|信用卡|号码|电话)|是(?:他|她)的/u;
const MY_OWN_ACCOUNT =
  /\b(?:the account is mine|it'?s my (?:own )?(?:account|card|debt)|i(?:'m| am) the one who owes|i know i owe|my own (?:card|account|debt))\b|我自己(?:这张|的)?卡|我(?:自己)?欠的|我的卡|我自己的账/u;

/**
 * A crisis that needs specialist care short of self-harm: abuse, a grave diagnosis, psychiatric care,
 * addiction treatment, dementia, a disability that blocks the service. It outranks hardship, a payment or a
 * plan, not the asks with more legal weight.
 */
const CRISIS =
  /\b(?:domestic (?:abuse|violence)|(?:he|she|partner|husband|wife|boyfriend|ex) (?:hits|beats|hurts|controls) (?:me|all|my)|abusive (?:partner|husband|relationship)|i(?:'ve| have| was| am|'m)? (?:been )?(?:diagnosed with|got|have) (?:terminal|cancer|a terminal)|terminal diagnosis|psychiatric|sectioned|bipolar|schizophreni\w*|severe (?:depression|anxiety|ptsd)|ptsd|(?:in|out of) rehab|gambling addiction|i'?m (?:an )?addict|i'?m (?:blind|deaf)|not functioning|falling apart|(?:nervous|mental) breakdown|having a breakdown)\b|家暴|打我|控制了?我(?:所有)?的钱|我(?:得了|确诊了?|查出(?:来)?(?:是)?)|渐冻症|抑郁|焦虑症|双相|精神(?:病|科)|戒毒|戒赌|赌博上瘾|上瘾|盲人|看不清|不会用(?:这个)?app|崩溃|撑不下去/u;

/** Rule intents a crisis outranks. */
const PRIORITY_AFTER_VULNERABILITY: ReadonlySet<IntentName> = new Set(['hardship']);

/** Denials of an ask ("i'm not going bankrupt", "i don't have a lawyer"): the model's reading of that ask is vetoed. */
const DENIALS: readonly (readonly [IntentName, RegExp])[] = [
  [
    'bankruptcy',
    /\b(?:not|never|n'?t|no)\s+(?:\w+\s+){0,2}?(?:bankrupt|bankruptcy)\b|(?:不会|没有|没|不想|不打算)(?:去)?(?:申请)?破产/u,
  ],
  [
    'legal_representation',
    /\b(?:don'?t|do not|never|can'?t afford (?:to|a)|no)\s+(?:\w+\s+){0,2}?(?:lawyer|attorney|solicitor)s?\b|没(?:有)?(?:钱)?(?:请|找)?律师/u,
  ],
];

export interface RuleReading {
  /** Protected intents whose rule fired, most legal weight first. */
  readonly hits: readonly IntentName[];
  /** Self-harm or suicide is mentioned: always vulnerability (a crisis line and a person at once). */
  readonly selfHarm: boolean;
  /** A death in the family, and the account is the writer's own: vulnerability, never deceased. */
  readonly bereavedOwnAccount: boolean;
  /** Asks the message denies; the model's reading of them falls to its runner-up. */
  readonly denied: readonly IntentName[];
}

/** The protected intents whose rule fires on the normalised text, in priority order. */
export function protectedRules(text: string): RuleReading {
  const hits: IntentName[] = [];
  let selfHarm = false;
  if (DEATH.test(text) && THEIR_ACCOUNT.test(text) && !MY_OWN_ACCOUNT.test(text)) hits.push('deceased');
  // Bereaved, and the account is the writer's own: vulnerability, not a death of the holder.
  const bereaved = DEATH.test(text) && MY_OWN_ACCOUNT.test(text);
  for (const [intent, pattern] of RULES) {
    if (intent === 'vulnerability' && hits.length > 0) continue;
    const match = pattern.exec(text);
    if (!match) continue;
    const before = text.slice(Math.max(0, match.index - 20), match.index);
    if (NEGATED.test(before) && !/(?:别|不要|停止|don'?t|do not|never)/u.test(match[0].slice(0, 4))) continue;
    if (intent === 'vulnerability') selfHarm = true;
    hits.push(intent);
  }
  if (!selfHarm && (bereaved || CRISIS.test(text))) {
    const at = hits.findIndex((hit) => PRIORITY_AFTER_VULNERABILITY.has(hit));
    hits.splice(at < 0 ? hits.length : at, 0, 'vulnerability');
  }
  const denied = DENIALS.filter(([intent, pattern]) => pattern.test(text) && !hits.includes(intent)).map(
    ([intent]) => intent,
  );
  return { hits, selfHarm, bereavedOwnAccount: bereaved, denied };
}
