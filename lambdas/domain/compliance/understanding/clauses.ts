/**
 * How the gate reads a message before it looks for forbidden content: sentences and clauses, and for each
 * clause whether it is a condition ("if another creditor is suing you"), whose words it carries (an agent
 * being told what not to say, a customer being quoted), and who acts in it. A finding's meaning depends on
 * these: "we will sue you" is a threat, "if another creditor sues you, tell us" is help, "Never mention
 * lawsuits" is guidance for the agent.
 */

export type Actor = 'us' | 'customer' | 'third_party' | 'unknown';

export interface Clause {
  readonly start: number;
  /** Where negation scope starts: a short list item ("…suit, arrest, or jail") shares its head's scope. */
  readonly scopeStart: number;
  readonly end: number;
  readonly sentence: number;
  /** Inside an if/unless/如果 condition: what may happen, not what we say we will do. */
  readonly condition: boolean;
  /** A call-script instruction not to say or do something ("Never mention jail", "不要提及起诉"). */
  readonly guidance: boolean;
  /** Someone else's words: the customer quoted in a script, or a quote the message rejects. */
  readonly reported: boolean;
  /** The customer's rights or choices: "you can ask us to stop", "您有权…". */
  readonly rights: boolean;
  readonly actor: Actor;
}

/** Sentence ends: . ! ? … and Chinese full stops, not decimal points or abbreviations' dots. */
const SENTENCE_END =
  /(?<!\b(?:e\.g|i\.e|mr|mrs|ms|dr|st|no|vs|etc|approx|u\.s))[.!?…](?![\d\w])["')\]]*|[。！？；;]+|\n+/giu;
const CLAUSE_BREAK_EN =
  /,|:|\s[-–—]\s|\(|\)|\b(?:but|however|although|though|whereas|yet|instead|otherwise|except that|so that|because|since|as long as|while)\b/giu;
const CLAUSE_BREAK_ZH = /[，：（）,:]|但是|但|不过|然而|否则|不然|要不然|以免|只要|因为|由于|同时/gu;

const CONDITION_START_EN =
  /^\s*(?:and\s+|or\s+|so\s+)?(?:if|unless|in case|should you|when(?:ever)?|until|once|even if)\b/iu;
const CONDITION_START_ZH = /^\s*(?:如果|要是|若是?|假如|假设|万一|一旦|倘若|如|当)/u;
/** Where the consequence of an unpunctuated English condition begins: "if you don't pay we will …". */
const CONSEQUENCE_EN =
  /\s(?=(?:then\s+)?(?:we|we'll|we've|i'll|our\s+\S+|the\s+(?:bank|company|lender|agency|firm)|you(?:'ll|\s+will|\s+could|\s+may|\s+might|\s+would)|they(?:'ll|\s+will)|legal\s+action|your\s+(?:account|debt|case|file)\s+will|this\s+(?:will|could|may))\b)/iu;
const CONSEQUENCE_ZH = /的话|就|那么|便|那/u;

/** Instructions to the agent not to say or do something; what follows is guidance, not speech. */
const GUIDANCE_EN =
  /(?:^|[\s"(])(?:do not|don't|never|avoid|refrain from|stay away from|no|did not|didn't|must not|mustn't|should not|shouldn't|may not|is not to|are not to|not to)\s+(?:\S+\s+){0,2}?(?:mention\w*|say\w*|claim\w*|pretend\w*|pos(?:e|ing) as|impersonat\w*|threaten\w*|imply\w*|impl(?:y|ies)|suggest\w*|discuss\w*|talk\w*|us(?:e|ing)\s+(?:words|language|terms|phrases)|refer\w*|bring\w* up|rais\w*|(?<!(?:their|your|his|her|our|my|a|the|any)\s)promis\w*|call\w*\s+(?:the\s+|a\s+|any\s+)?(?:customers?|consumers?|debtors?|them|him|her)|make\s+(?:threats|promises|jokes|comments)|hint\w*|tell\w*\s+(?:the\s+|a\s+|any\s+)?(?:customers?|consumers?|debtors?|them)|speak\w*|use\s+(?:\S+\s+){0,3}(?:language|words|tone)|threats?|insult\w*|swear\w*|pressur\w*|lie\w*|curs\w*)\b/iu;
const GUIDANCE_ZH =
  /(?:不要|不得|禁止|切勿|请勿|严禁|避免|不可|不能|勿|别|不允许|不准)(?:对客户|向客户|对对方|跟客户)?(?:提及|提到|说|讲|使用|威胁|暗示|谈论|承诺|辱骂|骂|回骂|恐吓|透露|称呼|声称|冒充|施压|收取|索要|加收)|(?:^|[，。；、\s：:])(?:更|一律|均|亦|也)?(?:不得|严禁|禁止|不准|不允许)(?!不)/u;
/** The script names what the customer might say: the words after it are theirs. */
const REPORTED_SPEECH_EN =
  /\b(?:apologi[sz]ed|blamed yourself|called yourself|described yourself|you said you(?:'re| were))(?: \S+){0,4}?(?: for| as)?\s*$|\b(?:you|were|was|been) told\s*[:,-]?\s*$|\b(?:agent|collector|caller|employee|representative) (?:said|told you|wrote)\s*[:,-]?\s*$|\b(?:customer|consumer|debtor|caller|they|he|she|client|someone|person|borrower)\s+(?:\S+\s+){0,3}?(?:says?|said|asks?|asked|claims?|shouts?|yells?|tells? you|might say|may say|responds?|replies|objects?|calls? (?:you|us))\b(?:\s+(?:something like|things like|that|like))?\s*[:,-]?\s*$|\b(?:objection|customer|if asked|statements? like|comments? like|phrases? like|words like|saying|to say|calling (?:people|them|customers))\s*:?\s*$/iu;
/**
 * Someone else's words or deeds, reported: "the previous agency called you …", "someone claimed we publish
 * …", "being told … is discrimination", 听说有人…, 之前的催收员…. The message tells what another said or did.
 */
const OTHERS_SPEECH_EN =
  /\b(?:(?:the|a|your|that|an?) (?:previous|prior|last|other|former|earlier|old|different) (?:caller|agent|agency|collector|company|firm|creditor|representative|rep|servicer|lender)|someone|somebody|anyone|anybody|a caller|the caller|an? (?:scammer|fraudster|impostor|imposter)|scammers|fraudsters|another (?:company|agency|caller|collector))\b[^.!?]{0,60}?\b(?:said|says|told|tells|called|calls|claimed|claims|guarantee[sd]?|promised|promises|threatened|threatens|wrote|texted|messaged|saying|telling|posted|warned)\b|\bbeing told\b/iu;
const OTHERS_SPEECH_ZH = /听说有人|有不法分子|有人冒充|之前的催收员|上一家(?:机构|公司)|前任催收/u;
/** A policy about conduct ("our policy bans…", "…lead to immediate removal", "count as swearing"): guidance. */
const POLICY_EN =
  /\b(?:our|the|company|bank) (?:policy|rules?|code of conduct|standards?|guidelines?) (?:bans?|prohibits?|forbids?|does not allow|doesn't allow|never allows?)\b|\b(?:is|are) (?:strictly )?(?:banned|prohibited|forbidden|not allowed|not permitted)\b|\blead(?:s)? to (?:immediate )?(?:removal|dismissal|termination|disciplinary)|\bcounts? as (?:swearing|profanity|abuse|harassment|a threat)|\b(?:script|coaching|qa|quality) notes?:/iu;
/** A header of a do-not-say list: the list items after it are guidance. */
const GUIDANCE_LIST_HEADER =
  /do[- ]not[- ]say|never say|words to avoid|phrases to avoid|avoid saying|not to say|prohibited (?:phrases|words|language)|banned (?:phrases|words)|禁用语|禁止用语|禁语|不得使用|不能说的话|避免使用|(?:规范|须知|守则|红线|禁止行为|严禁话术|话术禁忌|质检标准|抽检重点|注意事项|合规要求|严禁|禁止)\s*[：:]/iu;
const LIST_ITEM = /^\s*(?:[-•*·▪–]|\[\s?\]|\d+[.)]|[a-z][.)])\s*/iu;
/** The customer's own question or worry, reported: "you asked whether…", "您担心我们会…". */
const CUSTOMER_REPORT =
  /^\s*(?:and |but |so )?(?:you|some customers|many customers|customers|customer|people|clients|a customer|the customer)\s+(?:\S+\s+){0,2}?(?:asked|ask|asks|wondered|wonder|wonders|worried|worry|worries|mentioned|said|told us|were worried|are worried|raised|questioned|feared|fear)\b|^\s*(?:您|你|客户|有客户|不少客户|很多客户)(?![^，。？！]{0,8}?(?:小舅子|妈|爸|父亲|母亲|老婆|老公|爱人|姐|哥|弟|妹|朋友|同事|领导|房东|担保人|联系人|家人|亲戚|邻居|室友))[^，。？！]{0,8}?(?:(?<!直接|可以|就|可|再|要)说|问到|问|提到|担心|以为|关心|询问|表示担心|顾虑)/iu;
/** "Saying that … is awful", "People who think … are wrong": a view named to reject it. */
const COUNTER_REFERENCE =
  /^\s*(?:saying|to say|claiming|to claim|thinking|believing|calling (?:people|them|someone)|(?:people|anyone|those) who (?:say|think|believe|claim)|if you (?:say|think))\b/iu;
/** A warning about scams: the conduct it describes is someone else's ("beware of anyone who…", 谨防诈骗). */
const SCAM_WARNING =
  /\b(?:beware|watch out for|scam\w*|fraudsters?|impostors?|imposters?|pretending to be (?:us|from us)|(?:was|is)n't (?:from )?us|(?:was|is) not (?:from )?us)\b|(?:谨防|警惕|当心|均为|均属|皆为|都是|属于)(?:电信)?诈骗|骗局|冒充(?:我行|我们|本行|银行|我司|本公司)/iu;
const NEGATIVE_ANSWER =
  /^\s*(?:no\b|not at all|never\b|absolutely not|of course not|不会|不|没有|并不会|当然不会|绝对不会|并不)|^[^.!?。！？]{0,60}?(?:\b(?:is not|isn't|is never) (?:a crime|criminal|an arrestable)|\byou (?:won't|will not|cannot|can't) (?:go to jail|be arrested|be jailed)|不是犯罪|不构成犯罪|不会坐牢|不会被抓)/iu;
const REPORTED_SPEECH_ZH =
  /(?:称|叫|骂|喊)(?:您|你|客户)(?:为|是|作)?\s*$|(?:转发|转来|发来|收到|听到|看到)的(?:那条|这条|那句|这句)?\s*$|(?:把|将)(?:客户|您|你)(?:叫作|称为|叫做|骂作|骂成)\s*$|说(?:您|你)\s*$|(?:您|你)(?:问到|问|提到|担心|说|以为)[^“”"]{0,20}$|(?:客户|对方|顾客|借款人|他|她|有人)(?:如果|若)?(?:说|问|表示|称|骂|抱怨|质问)[^“”"]{0,20}$|(?:像|诸如|类似|比如)\s*$/u;
/** An instruction to say the quoted words to the customer: they are the script's own words. */
const SAY_TO_CUSTOMER_EN =
  /\b(?:say|tell|ask|remind|warn|inform)\s+(?:to\s+)?(?:the\s+|a\s+)?(?:customer|consumer|debtor|borrower|client|them|him|her)\s*(?:something like|that)?\s*[:,-]?\s*$|\b(?:agent can say|you can say|you could say|say|script|opener|line|ask|reply|respond|response|answer|closing|close with|voicemail(?: script)?)\s*:\s*$|\b(?:rebuttal|objection handling|if (?:they|the customer) (?:say|says|object|objects|push(?:es)? back))\b[^"\n]{0,60}:\s*$/iu;
const SAY_TO_CUSTOMER_ZH =
  /(?:对|跟|向|和|告诉|提醒)[^，。！？“”"]{0,6}?(?:客户|对方|借款人|他|她|他们)(?:说|讲)?\s*[：:]?\s*$|(?:话术|开场白|可以说|可以这样说|这样说|直接说|就说|回复|回怼|暗示|引导其|引导客户|引导他|引导她|吓唬|警告)(?:他|她|客户|对方)?\s*[：:]?\s*$/u;
/** A clause that rejects what it quotes: "… is unacceptable", "why would you say that". */
const REJECTION_EN =
  /\b(?:wrong|unacceptable|hateful|hurtful|offensive|bigoted|racist|sexist|not (?:ok|okay|true|acceptable|fair)|why would (?:you|anyone)|(?:is|isn't|is not) how we (?:talk|speak|work|treat|write)|not how we (?:talk|speak|work|treat|write)|that's a threat|that is a threat|was wrong|is illegal|(?:did not|didn't) come from us|won't happen again|will not happen again|removed (?:that|this|the) (?:template|wording|message)|should never have|how dare|shameful to say|(?:is|was|are) (?:just |simply |really |so |totally |completely )?(?:awful|disgusting|appalling|vile|terrible|hateful|wrong|ignorant|unacceptable|offensive|bigoted|racist|sexist)|stop saying|shouldn't say|should not say|no place|misguided|(?:are|is) (?:banned|forbidden|prohibited|not allowed|not permitted))\b/iu;
const REJECTION_ZH =
  /(?:的说法|这种说法|所谓|不是我们发的|都是错的|是错的|侮辱性|贬低|不被允许|明令禁止|禁止|不允许|道歉|诈骗|不当|违规|不可接受|不对|错误|不可接受|不能接受|歧视|偏见|太过分|凭什么这么说|为什么要说|不应该说|不该说|这种说法|这样说)/u;

const RIGHTS_EN =
  /\b(?:you (?:have|retain) (?:the |a )?right|you(?:'re| are) (?:entitled|welcome to (?:call|contact|ask|reach|reply|write|dispute|speak|talk)|free to (?:call|contact|ask|reach|reply|dispute|speak|talk|stop|choose))|you (?:can|may|could) (?:always |also |still )?(?:ask|request|choose|dispute|reply|opt|stop|complain|file (?:a )?complaint|report (?:us|this|it)|withdraw|cancel|revoke|tell us|let us|call us|contact us|reach us|write to us|speak (?:to|with) (?:us|an?|your own)|talk (?:to|with) (?:us|an?|your own)|consult|contact (?:the |a |an |your own |any )?(?:cfpb|consumer financial protection bureau|attorney general|lawyer|attorney|counsel|advisor|adviser|counsell?or|regulator|ombudsman))|your rights?|entitled to|feel free to (?:call|contact|ask|reach|reply))\b/iu;
const RIGHTS_ZH =
  /(?:您|你)(?:有权|有权利|依法|可以随时(?:联系我们|要求|拨打|致电|投诉)|可(?:以)?(?:向我们|向监管|向银保监|拨打|致电|联系我们|投诉|要求(?:我们)?停止|申请(?:分期|延期|暂缓|减免|停催|个性化)))|合法权益/u;

const US_EN =
  /\b(?:we|we'll|we've|we're|we'd|us|our|ours|i|i'll|i'm|i've|i'd|the bank|this bank|the lender|the agency|our (?:team|agents?|collectors?|staff|company|firm|office|representatives?))\b/iu;
const CUSTOMER_EN = /\b(?:you|you'll|you're|you've|you'd|your)\b/iu;
const THIRD_EN =
  /\b(?:another|other|a different|third[- ]party|someone else|they|the court|a court|a judge|the police|the creditor|creditors?|lenders?|landlord|employer)\b/iu;
const US_ZH = /我们|我方|本行|我行|本公司|我司|银行|催收员|工作人员|本人/u;
const CUSTOMER_ZH = /你|您/u;
const THIRD_ZH = /有人|任何人|他人|别人|其他(?:债权人|机构|银行|贷款|公司)|别的(?:机构|银行)|他人|别人|对方/u;

/**
 * Whether `text` holds a Latin letter: every English pattern here needs one (case-insensitive Unicode
 * matching also reads ſ and the Kelvin sign as letters), so a clause without one skips them.
 */
const LATIN = /[a-z\u017f\u212a]/iu;
const CJK = /[\u4e00-\u9fff]/u;

/** Clause boundaries over `text` (already read by the normaliser); `quotes` when the caller has them. */
export function clausesOf(text: string, quotes: readonly QuoteSpan[] = quotedSpans(text)): Clause[] {
  const sentences = splitAt(text, 0, text.length, SENTENCE_END);
  const clauses: Clause[] = [];
  let inGuidanceList = false;
  for (let sentence = 0; sentence < sentences.length; sentence++) {
    const [sentenceStart, sentenceEnd] = sentences[sentence]!;
    const sentenceText = text.slice(sentenceStart, sentenceEnd);
    const chinese = CJK.test(sentenceText);
    const latinSentence = LATIN.test(sentenceText);
    const guidanceMatch =
      (chinese ? GUIDANCE_ZH : latinSentence ? GUIDANCE_EN : GUIDANCE_ZH).exec(sentenceText) ??
      GUIDANCE_ZH.exec(sentenceText);
    const guidanceFrom =
      latinSentence && POLICY_EN.test(sentenceText)
        ? sentenceStart
        : guidanceMatch
          ? sentenceStart + guidanceMatch.index
          : Number.POSITIVE_INFINITY;
    const parts = splitAt(text, sentenceStart, sentenceEnd, CLAUSE_BREAK_EN).flatMap(([start, end]) =>
      splitAt(text, start, end, CLAUSE_BREAK_ZH),
    );
    if (GUIDANCE_LIST_HEADER.test(sentenceText)) inGuidanceList = true;
    else if (inGuidanceList && !LIST_ITEM.test(sentenceText)) inGuidanceList = false;
    const listGuidance =
      inGuidanceList && (LIST_ITEM.test(sentenceText) || GUIDANCE_LIST_HEADER.test(sentenceText));
    let previous: Clause | undefined;
    const firstPart = parts[0] ? text.slice(parts[0][0], parts[0][1]) : '';
    // "You asked whether…, …" / "您问到…，…": the whole sentence reports the customer's words. So does a
    // question the next sentence answers "No": "Will I go to jail? No."
    const nextSentence = sentences[sentence + 1] ? text.slice(...sentences[sentence + 1]!) : '';
    const reportedSentence =
      CUSTOMER_REPORT.test(firstPart) ||
      SCAM_WARNING.test(sentenceText) ||
      (latinSentence && OTHERS_SPEECH_EN.test(sentenceText)) ||
      OTHERS_SPEECH_ZH.test(sentenceText) ||
      (latinSentence && COUNTER_REFERENCE.test(sentenceText) && REJECTION_EN.test(sentenceText)) ||
      (/[?？吗]\s*$/u.test(text.slice(sentenceStart, sentenceEnd + 1)) && NEGATIVE_ANSWER.test(nextSentence));
    for (const [partStart, partEnd] of parts) {
      for (const [start, end, isCondition] of conditionSplit(text, partStart, partEnd)) {
        const clauseText = text.slice(start, end);
        const latin = latinSentence && LATIN.test(clauseText);
        const quote = quoteAround(quotes, start, end);
        // "…threaten suit, arrest, or contact with employer": a short verbless item continues its head clause.
        const shortItem =
          previous !== undefined &&
          previous.sentence === sentence &&
          !isCondition &&
          !CJK.test(clauseText) &&
          isShortItem(clauseText) &&
          !/\b(?:we|we'll|i|i'll|you|you'll|they|he|she|it|will|would|can|could|may|might|is|are|was|were|be|have|has|do|does|did|shall|must|should)\b/iu.test(
            clauseText,
          );
        const clause: Clause = {
          start,
          scopeStart: shortItem ? previous!.scopeStart : start,
          end,
          sentence,
          condition: isCondition || (shortItem ? previous!.condition : false),
          guidance: listGuidance || end > guidanceFrom,
          reported:
            reportedSentence ||
            (quote?.reported ?? false) ||
            CUSTOMER_REPORT.test(clauseText) ||
            (shortItem ? previous!.reported : false),
          rights:
            (latin && RIGHTS_EN.test(clauseText)) ||
            RIGHTS_ZH.test(clauseText) ||
            (shortItem ? previous!.rights : false),
          actor: shortItem ? previous!.actor : actorOf(clauseText, latin),
        };
        clauses.push(clause);
        previous = clause;
      }
    }
  }
  return clauses;
}

/** The first quote holding `[start, end)` (a closing quote mark may end the clause). */
function quoteAround(quotes: readonly QuoteSpan[], start: number, end: number): QuoteSpan | undefined {
  for (const span of quotes) if (start >= span.start && end <= span.end + 1) return span;
  return undefined;
}

/**
 * `/^\s*(?:or |and |nor )?(?:\S+\s*){1,4}$/u` without its backtracking (the regex tries every way of cutting a
 * long unspaced clause into four pieces before it fails): at most four words, or five when the first is a
 * leading "or", "and" or "nor".
 */
function isShortItem(clause: string): boolean {
  const body = clause.replace(/^\s+/u, '');
  const words = body.match(/\S+/gu)?.length ?? 0;
  return (words >= 1 && words <= 4) || (words === 5 && /^(?:or|and|nor) \S/u.test(body));
}

/** Splits `text[start, end)` at every match of `pattern`, dropping empty pieces. */
function splitAt(text: string, start: number, end: number, pattern: RegExp): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  const slice = text.slice(start, end);
  let from = 0;
  // An `exec` loop, as `matchAll` would find (the patterns never match empty) without copying the pattern.
  pattern.lastIndex = 0;
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
    // Keep the conjunction with the clause it opens ("but we will…"), drop punctuation.
    const isWord = /^[\p{L}]/u.test(match[0]);
    const cut = match.index;
    if (cut > from) pieces.push([start + from, start + cut]);
    from = isWord ? cut : cut + match[0].length;
  }
  if (from < slice.length) pieces.push([start + from, end]);
  return pieces.filter(([a, b]) => text.slice(a, b).trim() !== '');
}

/** A clause that opens with a condition is split where its consequence begins, when that is unpunctuated. */
function conditionSplit(text: string, start: number, end: number): Array<[number, number, boolean]> {
  const clause = text.slice(start, end);
  const chinese = /[\u4e00-\u9fff]/u.test(clause);
  const opens = chinese ? CONDITION_START_ZH.test(clause) : CONDITION_START_EN.test(clause);
  const zhConditionEnd = chinese ? /(?:的话|之后|以后|时)/u.exec(clause) : null;
  if (!opens && !zhConditionEnd) return [[start, end, false]];
  if (chinese) {
    const cut = zhConditionEnd ?? CONSEQUENCE_ZH.exec(clause.slice(2));
    if (!cut) return [[start, end, opens]];
    const at = zhConditionEnd ? cut.index + cut[0].length : 2 + cut.index;
    if (!opens && zhConditionEnd && zhConditionEnd[0] !== '的话') return [[start, end, false]];
    return [
      [start, start + at, true],
      [start + at, end, false],
    ].filter(([a, b]) => b! > a!) as Array<[number, number, boolean]>;
  }
  const cut = CONSEQUENCE_EN.exec(clause.slice(4));
  if (!cut) return [[start, end, true]];
  const at = 4 + cut.index;
  return [
    [start, start + at, true],
    [start + at, end, false],
  ];
}

/**
 * A quoted word named rather than said: "words like "final" or "last chance"", 严禁“报警”“抓人”等字眼, 所谓“最后通牒”,
 * 有人跟你说“…”, a document titled "court summons". Words in a list of quotes, or a quote the sentence calls
 * so-called, someone's claim or a term, are talked about, not said to the customer.
 */
const MENTION_BEFORE_ZH =
  /(?:所谓|诸如|例如|比如|包括|名为|标题为|写着|叫作|叫做|(?:有人|不法分子|骗子|他人|对方|不法人员)[^“”"，。]{0,6}?(?:说|讲|称|发|以|自称|声称|冒充|扬言)|听说|据说|流传(?:的)?)\s*$/u;
const MENTION_AFTER_ZH =
  /^\s*(?:等|之类|一类|这类|这种|这些|云云|为名|为由|字眼|字样|词汇|词语|用语|说法|(?:[、，,]|和|与|或|及|或者)\s*[“"「『])/u;
const DISOWNED_AFTER_ZH =
  /并非(?:我|本|敝)|不是我们(?:发|说|做|的|所|设)|不是本(?:行|司|公司|平台)|非我(?:行|司|方)|非敝方|没有这样说|从未这样说|不会(?:这样说|用这种)|请勿轻信|不要相信|别信|莫信|谣言|不实|不敢妄言|与我们无关|不是我司|不是我行|(?:那|这)(?:不是|并非)我(?:们|司|行)|系虚假|是谣言|不准确|不属实/u;
const MENTION_BEFORE_EN =
  /\b(?:titled|entitled|called|so-called|labell?ed|marked|stamped|headed|words? like|phrases? like|terms? like|such as|including|words?|phrases?|terms?)\s*$/iu;
const MENTION_AFTER_EN = /^\s*(?:,|or|and)\s*["“']|^\s*(?:or|and)\s+(?:similar|other)\b/iu;
const DISOWNED_AFTER_EN =
  /\b(?:(?:is|was)n't (?:true|accurate|right|correct|us|from us)|(?:is|was) not (?:true|accurate|right|correct|us|from us)|it (?:did not|didn't)|wasn't ours|never (?:came|come) from us|(?:a |likely |probable )?scam|not something we)\b/iu;

export interface QuoteSpan {
  readonly start: number;
  readonly end: number;
  readonly reported: boolean;
}

/** Quoted passages, and whether they are someone else's words (not the message's own). */
export function quotedSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const pattern =
    /"([^"\n]{2,400})"|「([^」]{1,400})」|『([^』]{1,400})』|“([^”]{1,400})”|(?<![\p{L}\p{N}])'((?:[^'\n]|'(?=\p{L})){2,400})'(?![\p{L}\p{N}])/gu;
  for (const match of text.matchAll(pattern)) {
    const start = match.index!;
    const end = start + match[0].length;
    const before = text.slice(Math.max(0, start - 80), start);
    const after = text.slice(end, end + 80);
    const guided = GUIDANCE_EN.test(before.slice(-40)) || GUIDANCE_ZH.test(before.slice(-20));
    // "Say to the customer: '…'", 对客户说：“…”: the script's own words, what the agent will say.
    const instructed =
      SAY_TO_CUSTOMER_EN.test(before.slice(-60)) || SAY_TO_CUSTOMER_ZH.test(before.slice(-20));
    // Not when the script tells the agent to use the words: 用“…”之类的话打击客户.
    const mentioned =
      !instructed &&
      !/(?:用|使用|说|讲|念|发)\s*$/u.test(before) &&
      (MENTION_BEFORE_ZH.test(before.slice(-16)) ||
        MENTION_AFTER_ZH.test(after.slice(0, 8)) ||
        DISOWNED_AFTER_ZH.test(after.slice(0, 40)) ||
        MENTION_BEFORE_EN.test(before.slice(-24)) ||
        MENTION_AFTER_EN.test(after.slice(0, 24)) ||
        DISOWNED_AFTER_EN.test(firstSentenceAfter(text, end)) ||
        DISOWNED_AFTER_EN.test(after.split(/[.!?。！？]/u)[0] ?? ''));
    const reported =
      guided ||
      mentioned ||
      (!instructed && (REPORTED_SPEECH_EN.test(before) || REPORTED_SPEECH_ZH.test(before))) ||
      REJECTION_EN.test(after.split(/[.!?。！？]/u)[0] ?? '') ||
      REJECTION_EN.test(firstSentenceAfter(text, end)) ||
      REJECTION_ZH.test(after.slice(0, 30));
    spans.push({ start, end, reported });
  }
  return spans;
}

function firstSentenceAfter(text: string, from: number): string {
  const rest = text.slice(from, from + 160);
  const match = /[.!?。！？]\s*([^.!?。！？]*)/u.exec(rest);
  return match?.[1] ?? '';
}

const ACTOR_PATTERNS: ReadonlyArray<readonly [RegExp, Actor, boolean]> = [
  [US_EN, 'us', true],
  [CUSTOMER_EN, 'customer', true],
  [THIRD_EN, 'third_party', true],
  [US_ZH, 'us', false],
  [CUSTOMER_ZH, 'customer', false],
  [THIRD_ZH, 'third_party', false],
];

function actorOf(clause: string, latin: boolean): Actor {
  // The first subject-like word decides: "we will tell your employer" is ours, "you can tell us" the customer's.
  // On a tie the earlier pattern wins. English patterns need a Latin letter, Chinese ones a Chinese character.
  const chinese = CJK.test(clause);
  let best: Actor = 'unknown';
  let bestIndex = Number.POSITIVE_INFINITY;
  for (const [pattern, actor, english] of ACTOR_PATTERNS) {
    if (english ? !latin : !chinese) continue;
    const match = pattern.exec(clause);
    if (match && match.index < bestIndex) {
      best = actor;
      bestIndex = match.index;
    }
  }
  return best;
}

/** Rejected quotes and the customer's quoted words also count as reported when a whole clause says so. */
export function rejectsWhatItSays(sentence: string): boolean {
  return REJECTION_EN.test(sentence) || REJECTION_ZH.test(sentence);
}
