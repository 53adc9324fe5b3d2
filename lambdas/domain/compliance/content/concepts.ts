import { negated } from '../understanding/negation';
import type { PlacedFeature } from './abuse-features';
import type { ReadMessage } from './detect';

/**
 * Concepts of collection misconduct, in English and Chinese: who (a third party, the customer's family or
 * property, a group of people), what (telling, publishing, harming, watching, guaranteeing, erasing, suing…)
 * and about what (the debt, the credit record). The category classifier reads a sentence as the concepts it
 * holds and the pairs of them ("a third party" × "told" × "the debt"), each marked when a negation or a
 * reassurance covers it, so "we've been in touch with your sister" and "your HR department has our file"
 * share what they mean, whatever the words, and "nobody at your office will hear from us" does not.
 */
export const CONCEPTS_VERSION = '2026.12.2';

const CONCEPTS_EN: Readonly<Record<string, string>> = {
  party: `employers?|boss(?:es)?|managers?|supervisors?|team leaders?|line managers?|hr|human resources|payroll(?: office)?|colleagues?|co-?workers?|workplace|office|receptionist|front desk|switchboard|reception|neighbou?rs?|landlord|letting agent|relatives?|in-laws?|(?:brother|sister|mother|father)-in-law|wife|husband|spouse|partner|business partner|mum|mom|mother|dad|father|parents?|sister|brother|siblings?|cousin|uncle|aunt|grandma|grandmother|grandpa|grandfather|son|daughter|ex|ex-wife|ex-husband|girlfriend|boyfriend|roommate|flatmate|housemate|friends?|mates|followers|contacts?(?: list)?|address book|references?|referees?|guarantors?|next of kin|emergency contacts?|church|pastor|priest|congregation|mosque|temple|teachers?|street|neighbou?rhood|town|village|community|block|building|estate|classmates|alumni office|gym|whoever (?:picked up|answered)|people you know|everyone you know|your people|the family`,
  tell: `told|tell|telling|tells|spoke|spoken|speak|speaking|talked|talking|had a word|in touch|contacted|contacting|reached out|reached|informed|inform|informing|notified|notify|notifying|mentioned|mention|mentioning|explained|explaining|shared|share|sharing|passed(?: on)?|forwarded|copied|cc'?d|left (?:a )?(?:message|voicemail|note)|messaged|letting|let (?:them|him|her) know|knows?|knew|aware|hear|hearing|heard|asking questions|find out|found out|finding out|rang|ringing|ring|called|calling|call|phoned|sent|send|sending|emailed|wrote to|alerted|briefed|has (?:our|the) (?:file|details|letter)|have (?:our|the) (?:file|details)|got (?:our|the) (?:file|details)|loop(?:ed)? in|looped|involved|get involved|dragged into|caught up in|made aware|be made aware|on the phone|answered|picked up`,
  debt: `debts?|balances?|arrears|owe|owed|owes|owing|overdue|loans?|missed payments?|defaults?|defaulted|unpaid|delinquent|outstanding|account|money you owe|what you owe|the amount|bill|bills|card balance`,
  harm: `hurt|harm|live long enough|won't be around|affairs in order|harmed|injur\\w*|accidents?|happen|happens|happened|happening|go wrong|going wrong|went wrong|gone wrong|shame|pity|awful|terrible|unfortunate|regret|sorry|safety|unsafe|danger|dangerous|trouble|fire|burn\\w*|break|broken|smash\\w*|damage\\w*|careful|surprises?|consequences|uncomfortable|harder|worse|lesson|didn't end well|end badly|not end well|pay (?:you )?a visit|meet them|whatever comes next|can't be responsible|no guarantees?|can't guarantee|cannot guarantee|(?:can't|cannot|can not|won't) be guaranteed|physically|sort (?:you|them|him|her) out|have ways|our ways|watch your (?:back|black)|can't protect|stop being (?:polite|nice)|not be so polite|find out what happens|you never know|anything can happen|anything could happen|things happen|bad things|cross us|ignore us`,
  target: `kids|children|child|your son|your daughter|your family|family's|your wife|your husband|loved ones|house|home|car|dog|cat|pets?|shop|business|windows|front door|door|legs|knees|face|your health|yourself|your life|your job|little business`,
  watch: `we (?:already )?(?:have|got) (?:your|their|his|her) (?:\\w+ )?(?:details|number|numbers|line|direct line|address|contacts)|we know where|know where you|know where the|watching|watched|been watching|keep an eye|seen you|saw you|spotted you|your routine|find you|we'll find|track(?:ed)? you down|in your area|people in your|people near|our people|outside your|we know your|we know who|where you live|where you work|where they (?:go|play|live)`,
  public: `post|posted|posting|publish|published|publishing|public|publicly|list of|register|wall of|wall|page|newsletter|local paper|newspaper|poster|posters|notice board|display\\w*|lobby|facebook|linkedin|instagram|twitter|tiktok|youtube|social media|online|group chat|whatsapp|wechat|tag you|tagged|screenshot|name and shame|everyone|the whole (?:street|town|village|congregation|office|family|school)|all your (?:friends|followers|contacts|neighbou?rs)|embarrass\\w*|humiliat\\w*|ashamed|shame on you|dodger|defaulters`,
  guarantee: `guarantee\\w*|promise\\w*|100%|certainly|definitely|for sure|assure\\w*|personally|forever|for life|permanently|never again|never have to|never hear|instantly|within 24 hours|straight back|no questions asked|no catch|trust me|as if`,
  erase: `vanish\\w*|restored?|repaired|fixed|boost\\w*|jumps? back|bounces? back|go(?:es)? back up|back to normal|straight back|wipe|wipes|clean|cleared|clear|erase\\w*|delet\\w*|removed?|disappear\\w*|goes away|go away|spotless|reversed?|reset|forgiven|forgive|cancel\\w*|dropped|never (?:shows?|happened)|treated as never|frozen|waived|resets?`,
  credit: `credit|record|records|score|report|reports|bureaus?|history|file|agencies|rating|mortgage|approved|approval|credit check`,
  urgent: `final|last chance|last warning|final warning|final notice|immediately|urgent\\w*|hours?|minutes?|mins|tonight|midnight|too late|running out|escalat\\w*|next level|no exceptions|no second chances?|second chance|act now|right now|within the hour|dies|gone forever|closing permanently|irreversible|beyond our control`,
  visit: `visit\\w*|call (?:straight|right|them) back|and again|scheduled|find you|come round|come by|drop by|turn up|show up|showing up|attend\\w*|at your door|on your doorstep|outside your|waiting (?:for you|at|outside)|parked|in person|every (?:hour|night|day|morning)|keep (?:calling|ringing|texting)|back-to-back|again and again|several times a day|\\d+ calls|\\d+ more|all afternoon|until you (?:answer|pick up|pay)|school gate|field (?:agent|team|staff)`,
  borrow: `borrow\\w*|payday|cash advance|another (?:credit )?card|credit card|remortgag\\w*|lend\\w*|personal loan|new loan|quick cash|pre-approved|limit (?:has been )?increased|credit line|ask your (?:mates|friends|family|parents)`,
  fee: `fees?|charges?|penalt\\w*|surcharge|processing|admin(?:istrative)?|convenience`,
  legal: `sue|suing|sued|lawsuit|court|courts|judgment|judgement|garnish\\w*|seize\\w*|legal action|legal proceedings|court papers|small claims|wage|wages|bailiffs?|enforcement`,
  crime: `jail|prison|arrest\\w*|warrant|police|fraud|theft|stealing|criminal|prosecut\\w*|crime|immigration|deport\\w*|child services|visa|locked up`,
  authority: `sheriff|officer|federal|department of|division|government|state attorney|legal department|the court|county|magistrate`,
  group: `you people|your (?:lot|kind|type|sort|people|country|countrymen|culture|religion|faith|generation|age|background|community|race)|people (?:from|of|like you)|immigrants?|foreigners?|migrants?|women|woman|females?|girls?|old people|elderly|pensioners?|old man|old woman|disabled|disability|handicap\\w*|blind|deaf|cripple\\w*|wheelchair|muslims?|christians?|jews?|jewish|hindus?|catholics?|islam|church|chinese|mexicans?|indians?|africans?|arabs?|asians?|blacks|black people|gay|gays|lesbians?|trans|single mums?|single moms?|single mothers?|the islands|south side|that neighbou?rhood|northerners|southerners|millennials|boomers|young people|your age`,
  generic: `always|never pay|all the same|same with|typical|typically|rarely|every one of you|those people|them people|that's what you get|of your (?:kind|lot)|in our experience|like you|you lot|proper english|should know better`,
  worth: `pathetic|disgrace\\w*|embarrassing|shameful|joke|waste|loser|useless|worthless|grow up|self-respect|responsible people|decent people|no excuse|excuses?|sort yourself out|like an adult|too dim|idiot|stupid|dumb|scrounger|freeloader|parasite|drain`,
};

const CONCEPTS_ZH: Readonly<Record<string, string>> = {
  party: `单位|公司|领导|上司|主管|老板|人事|人力|财务部|同事|前台|保安|总机|邻居|小区|业主群|楼里|房东|家人|家里人|亲人|亲戚|亲友|父母|爸妈|爸爸|妈妈|父亲|母亲|老人家|老婆|老公|爱人|配偶|妻子|丈夫|姐姐|哥哥|弟弟|妹妹|表哥|表姐|表弟|表妹|小舅子|丈母娘|岳母|婆婆|儿子|女儿|老师|同学|辅导员|室友|朋友|好友|微信好友|联系人|紧急联系人|通讯录|担保人|村里|村委会|老家|乡亲|教会|牧师|前女友|前男友|合伙人|家族群|健身房|亲朋|熟人`,
  tell: `告知|告诉|通知|说了|讲了|说明了|联系了|联系过|沟通过|沟通了|打了电话|打过电话|打给|打电话|致电|打过招呼|打招呼|转告|抄送|留言|留了言|发送给|发给|知道|得知|收到|了解|提醒|跟(?=[^，。]{0,4}[说讲])|同步|找过|找了|拜访|加进去|议论|问起`,
  debt: `欠款|欠钱|欠债|欠了|逾期|债务|这笔债|贷款|账|账户|未还|不还|拖欠|信用卡|这笔钱|欠的钱`,
  harm: `砸|烧|揍|挨揍|打断|弄死|砍|泼|出事|出点事|出什么事|意外|后悔|安全|危险|麻烦|可惜|不好过|难过|后果|小心|教训|收拾|好看|不客气|别怪|哭都来不及|不太好|不愉快|牵扯|卷进来|可怜|不负责|无法保证|保护不了|碰到鬼|别的办法|有的是办法|走着瞧|等着瞧|好自为之|不好说|难说|什么事都可能|谁知道`,
  target: `孩子|小孩|儿子|女儿|家人|老婆|老公|家里|家门|你家|您家|房子|车|狗|小店|生意|工作|学校|门|腿|脸|人身|身体|老人`,
  watch: `我们都有|我们手上有|我们手里有|我们有你|知道您|知道孩子|盯着|盯上|看见你|看到你|行程|找到你|找到您|附近转|在你那边|有人在|你住|您住|在哪上班|在哪儿|很熟|监控`,
  public: `曝光|公开|公布|发布|名单|挂到|挂在|挂出|张贴|贴在|贴出|海报|朋友圈|微博|抖音|快手|群里|微信群|家族群|所有人|大家|全村|乡亲|丢人|丢脸|没面子|脸上|评评理|戳脊梁骨|看不起|广播|大堂|截图|@|老赖`,
  guarantee: `保证|承诺|百分百|百分之百|一定|永久|终身|马上|立刻|立即|绝对|包你|内部操作|直接|帮你|帮您|搞定|信我|啥事没有|就像从来没有`,
  erase: `洗白|消除|删除|清零|撤销|撤掉|消失|免掉|勾销|恢复|干净|查不到|免除|视为从未|撤掉|不再有|抹掉|冻结`,
  credit: `征信|记录|信用|评分|黑名单|征信分|审批|房贷|查询`,
  urgent: `最后|立即|马上|紧急|小时|分钟|今晚|过时不候|来不及|升级|永久|机会|通牒|后果不可挽回|无法控制|再也不会`,
  visit: `上门|门口|楼下|等你|等着|每天|每小时|每晚|天天|不停|反复|连续|一直打|多次|直到|外访|到你公司|到您单位|到单位|校门口|当面`,
  borrow: `借呗|网贷|微粒贷|花呗|借钱|借点|借一下|套现|以卡养卡|抵押|周转|快易贷|额度|下个|贷款`,
  fee: `手续费|服务费|催收费|外访费|滞纳金|加收|收取|费用|罚款|违约金`,
  legal: `起诉|法院|传票|立案|强制执行|查封|冻结|诉讼|法务|律师|法院见`,
  crime: `坐牢|拘留|公安|警察|诈骗|盗窃|刑事|犯罪|逃犯|政审|考公|子女上学|上学|经侦|抓`,
  authority: `人民法院|公安局|警官|执行局|监管|政府|法务部|执行通知`,
  group: `(?:河南|河北|山东|山西|东北|安徽|湖南|湖北|广西|广东|四川|江西|福建|上海|北京|新疆|西藏|甘肃|贵州|云南|浙江|江苏|陕西|内蒙|宁夏|青海|海南|重庆|天津|辽宁|吉林|黑龙江|温州|潮汕)(?:人|佬|的|女人|男人)|外地|乡下|农村|山沟|女人|女的|老东西|老家伙|残疾|残废|聋|瞎|哑|少数民族|同性恋|信佛|信教|那个教|穆斯林|九零后|零零后|单亲|岁数|你们那边|你们那里|这种背景|外国人|黑人`,
  generic: `都这样|都一样|都一个样|就是|就这|德性|素质|从来不|典型|一般都|都是|向来|天生`,
  worth: `没出息|丢人|算什么东西|活该|看不起|白眼狼|脸皮|废物|浪费|不要脸|人话|傻|笨|自尊|成熟点|装穷|可笑|拖累`,
};

let compiledEn: RegExp | undefined;
/** Chinese: plain words by their first character (longest first), and a small pattern for the rest. */
let chineseWords: Map<string, Array<[string, string]>> | undefined;
let chinesePattern: RegExp | undefined;

function englishPattern(): RegExp {
  // The reading text is lower case already. Sticky: tried only where a word starts (see `matchesOf`).
  compiledEn ??= new RegExp(
    `(?:${Object.entries(CONCEPTS_EN)
      .map(([name, body]) => `(?<${name}>${body})`)
      .join('|')})(?![\\p{L}\\p{N}])`,
    'uy',
  );
  return compiledEn;
}

function chinese(): { words: Map<string, Array<[string, string]>>; pattern: RegExp } {
  if (!chineseWords || !chinesePattern) {
    chineseWords = new Map();
    const special: string[] = [];
    for (const [name, body] of Object.entries(CONCEPTS_ZH)) {
      const plain: string[] = [];
      const rest: string[] = [];
      // Top-level alternatives; one with regex syntax (a group, a look-ahead) goes to the pattern.
      let depth = 0;
      let current = '';
      for (const char of body) {
        if (char === '(') depth++;
        if (char === ')') depth--;
        if (char === '|' && depth === 0) {
          (/[()[\]?.*+{}]/u.test(current) ? rest : plain).push(current);
          current = '';
        } else current += char;
      }
      (/[()[\]?.*+{}]/u.test(current) ? rest : plain).push(current);
      for (const word of plain) {
        const list = chineseWords.get(word[0]!) ?? [];
        list.push([word, name]);
        chineseWords.set(word[0]!, list);
      }
      if (rest.length > 0) special.push(`(?<${name}>${rest.join('|')})`);
    }
    for (const list of chineseWords.values()) list.sort((a, b) => b[0].length - a[0].length);
    chinesePattern = new RegExp(special.join('|'), 'gu');
  }
  return { words: chineseWords, pattern: chinesePattern };
}

interface Match {
  readonly concept: string;
  readonly index: number;
  readonly length: number;
}

const conceptOf = (match: RegExpExecArray) =>
  Object.entries(match.groups ?? {}).find(([, value]) => value !== undefined)?.[0];

const WORD_START = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu;

/** Every concept match, not overlapping: English at word starts (sticky), Chinese at every character. */
function matchesOf(sentence: string, language: 'en' | 'zh'): Match[] {
  const found: Match[] = [];
  if (language === 'en') {
    const regex = englishPattern();
    let after = 0;
    for (const word of sentence.matchAll(WORD_START)) {
      if (word.index! < after) continue;
      regex.lastIndex = word.index!;
      const match = regex.exec(sentence);
      const concept = match && conceptOf(match);
      if (!match || !concept) continue;
      found.push({ concept, index: word.index!, length: match[0].length });
      after = word.index! + Math.max(1, match[0].length);
    }
    return found;
  }
  const { words, pattern } = chinese();
  const special = new Map<number, Match>();
  pattern.lastIndex = 0;
  for (const match of sentence.matchAll(pattern)) {
    const concept = conceptOf(match);
    if (concept) special.set(match.index!, { concept, index: match.index!, length: match[0].length });
  }
  for (let at = 0; at < sentence.length; ) {
    let best = special.get(at);
    for (const [word, concept] of words.get(sentence[at]!) ?? []) {
      if (best && best.length >= word.length) break;
      if (sentence.startsWith(word, at)) {
        best = { concept, index: at, length: word.length };
        break;
      }
    }
    if (best && best.length > 0) {
      found.push(best);
      at += best.length;
    } else at++;
  }
  return found;
}

/** Whether a clause could hold a negation at all (a cheap test before the full reading of its scope). */
const NEGATION_CUE =
  /n't|\b(?:not|no|never|nobody|none|nothing|neither|nor|without|cannot|hardly|instead|rather|free|zero|off|out of|waiv|remov|drop|cancel|refund|revers|exempt|fee-free|no-fee|no-one)|[不没无别勿未莫禁严杜免]|退回|退还|返还|更正|已退/u;

/** The customer's own circumstance inside a clause: "call 911 if you are in danger", 如果您遇到困难. */
const CUSTOMER_CONDITION =
  /(?:\b(?:if|in case|whenever|when|should) you(?:'re|'ve)?\b(?![^,;]*\b(?:we|us|our)\b)[^,;]*$)|(?:如果|万一|若|如)(?:您|你)[^，；我]*$/u;

/** A concept found in a sentence: its name, whether negation or reassurance covers it, and where. */
export interface ConceptHit {
  readonly concept: string;
  readonly negated: boolean;
  readonly start: number;
  readonly end: number;
}

/** The concepts of `[from, to)` of the message's reading text, in order. */
export function conceptsOf(message: ReadMessage, from: number, to: number): ConceptHit[] {
  const text = message.read.text;
  const sentence = text.slice(from, to);
  const hits: ConceptHit[] = [];
  for (const language of ['en', 'zh'] as const) {
    if (language === 'zh' && !/[\u4e00-\u9fff]/u.test(sentence)) continue;
    if (language === 'en' && !/[a-z]{2}/u.test(sentence)) continue;
    for (const match of matchesOf(sentence, language)) {
      const { concept } = match;
      const start = from + match.index;
      const end = start + match.length;
      const clause = message.clauses.find((candidate) => candidate.start <= start && start < candidate.end);
      const covered = clause
        ? (clause.condition && clause.actor !== 'us') ||
          CUSTOMER_CONDITION.test(text.slice(clause.scopeStart, start)) ||
          (clause.rights && clause.actor !== 'us') ||
          (NEGATION_CUE.test(text.slice(clause.scopeStart, clause.end)) &&
            negated(text, clause.scopeStart, start, end, clause.end))
        : false;
      hits.push({ concept, negated: covered, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * Features of the concepts: each concept (`K:party`, `K:party~no` when negated), each pair of different
 * concepts in the sentence (`KP:party+tell`, negated when either is). Pairs carry the meaning lists of
 * phrases miss: any disclosure verb × any third party, any harm × the customer's family or property.
 */
export function conceptFeatures(message: ReadMessage, from: number, to: number): PlacedFeature[] {
  const hits = conceptsOf(message, from, to);
  const features: PlacedFeature[] = [];
  const firstOf = new Map<string, ConceptHit>();
  for (const hit of hits) {
    features.push({ key: `K:${hit.concept}${hit.negated ? '~no' : ''}`, start: hit.start, end: hit.end });
    const seen = firstOf.get(hit.concept);
    // A concept said plainly anywhere in the sentence counts as plain.
    if (!seen || (seen.negated && !hit.negated)) firstOf.set(hit.concept, hit);
  }
  const distinct = [...firstOf.values()].sort((a, b) => (a.concept < b.concept ? -1 : 1));
  for (let i = 0; i < distinct.length; i++)
    for (let j = i + 1; j < distinct.length; j++) {
      const a = distinct[i]!;
      const b = distinct[j]!;
      const no = a.negated || b.negated ? '~no' : '';
      features.push({
        key: `KP:${a.concept}+${b.concept}${no}`,
        start: Math.min(a.start, b.start),
        end: Math.max(a.end, b.end),
      });
    }
  return features;
}
