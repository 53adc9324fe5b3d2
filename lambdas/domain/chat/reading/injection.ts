/**
 * Manipulation attempts: text that tries to steer the assistant instead of asking it something. Spoofed
 * system or staff messages, "ignore your rules", role-play, claims that someone already approved a discount,
 * demands for other customers' data or the prompt, and orders about what to answer. Read on the evasion-
 * normalised text, and again with spaces and punctuation squeezed out ("i g n o r e"), so spacing tricks fail.
 * A flagged message is still read for its ask; the flag unlocks nothing.
 */

const EN: readonly RegExp[] = [
  /\{\s*"?role"?\s*:|\b[a-z]+_[a-z_]+\([^)]*=[^)]*\)/u,
  /\byou(?:'re| are) (?:my|now my) (?:lawyer|attorney|friend|advocate|representative)\b|\byour (?:developer|creator|programmer|admin)s? (?:said|told|says|approved)\b/u,
  /\b(?:meta[- ]instruction|your first rule|this conversation (?:is|will be) used for training|prompt injection)\b|(?:^|\n)\s*(?:user|assistant)\s*:/u,
  // overriding the rules
  /\b(?:ignore|disregard|forget|override|bypass|skip|drop|abandon)\b.{0,30}\b(?:rules?|instructions?|prompts?|polic(?:y|ies)|guidelines?|restrictions?|programming|script|safety|compliance|checks?|training|above|everything (?:above|before|else))/u,
  /\b(?:ignore|disregard)\s+(?:all|everything|previous|prior|the above|that)\b/u,
  /\bnew (?:instructions?|rules?|system prompt|task|policy from)\b|\bnew rule:/u,
  /\b(?:system|admin|administrator|developer|debug|test|god|maintenance|root|sudo|dan) ?(?:mode|override|note|message|prompt|notice|update)\b/u,
  /(?:^|[\s[(<{【（])(?:system|sys|admin|assistant|developer|operator|root)\s*(?:\]|】|>|\))?\s*[:：]/u,
  /\[\/?(?:inst|system|admin|sys)\b[^\]]*\]|<\/?(?:system|s|end|inst|admin)>|<\|[a-z_]*\|>|#{2,}\s*(?:new|system|instruction)/u,
  /\boverride\s*:/u,
  /\bdebug\s*=|\bjailbreak|\bdo anything now\b|\byou are dan\b/u,
  // identity and role play
  /\byou(?: are|'re| r) now\b|\bfrom now on,? you (?:are|will|must|'re)\b|\byou are (?:a|an) (?:helpful|unrestricted|complaints|different|new)\b|\byou are no longer\b/u,
  /\b(?:pretend|roleplay|role-play|role play)\b.{0,20}\b(?:you(?:'re| are)?|as|to be|the balance|that)\b/u,
  /\bact as (?:a|an|the|my)\b/u,
  /\bas (?:an? |the )?(?:ai|administrator|admin|developer|auditor)\b.{0,30}\b(?:i instruct|you must|you have to)|\bas an ai you must\b/u,
  /\bi(?:'m| am) (?:the|your|a) (?:developer|admin|administrator|engineer|programmer|supervisor of (?:this|the) (?:bot|assistant))\b(?! of (?:his|her|the|my) estate)|\bwho (?:built|made|programmed|created) you\b/u,
  /\byou must follow my instructions\b|\bi instruct you\b|\binstructs you to\b/u,
  // leaking the prompt or others' data
  /\b(?:print|repeat|reveal|show|output|tell me|give me|what(?:'s| is| are))\b.{0,25}\b(?:system prompt|your prompt|your instructions|the rules you were given|your (?:configuration|config)|everything above|word for word|internal (?:notes|comments|scoring|fee table|rules|policy)|account notes)/u,
  /\b(?:other|another|all|every)\s+(?:customers?|users?|borrowers?|people|accounts?)(?:'s|')?\b.{0,40}\b(?:data|details|accounts?|balances?|numbers?|address(?:es)?|names?|owe|info|list|records?|charge)\b/u,
  /\b(?:print|list|output|export|dump|show me)\b.{0,25}\b(?:all|every|the)\b.{0,15}\b(?:accounts?|balances?|customers?|users?|database)\b/u,
  /\b(?:who|which (?:other )?customers?)\b.{0,20}\blive on my street\b|\b(?:account|acct) (?:#|no\.? ?|number )?\d{3,}\b.{0,30}\b(?:number|balance|address|phone)\b|\bwhat'?s the number on account\b/u,
  // claimed approvals and orders about the answer
  /\b(?:manager|supervisor|ceo|head office|previous agent|last agent|other agent|your boss|someone from your (?:team|company)|agent on the phone)\b.{0,40}\b(?:said|told|approved|agreed|promised|authori[sz]ed)\b.{0,40}\b(?:off|discount|waive|cancel|free|write|settle)/u,
  /\b(?:internal|secret) polic(?:y|ies)\b.{0,40}\b(?:entitled|off|discount|must)|\bpolicy section \d|\bsection \d+(?:\.\d+)? (?:says|states)\b/u,
  /\b(?:approved|authori[sz]ed)\b.{0,20}\b\d{2,3}\s?%|\b\d{2,3}\s?% (?:discount|off)\b.{0,30}\b(?:approved|authori[sz]ed|confirmed)\b/u,
  /\b(?:respond|reply|answer) (?:only )?with\b|\brespond only\b|\bjust (?:say|confirm|reply)\b.{0,20}(?:cancelled|void|approved|paid|closed)|\b(?:apply|process|do) it\W{1,3}(?:just )?(?:dont|don't|do not) check\b/u,
  /\b(?:mark|set|change|update)\b.{0,25}\b(?:account|balance|debt|status)\b.{0,25}\b(?:to (?:0|zero)|as (?:paid|closed|disputed|void|'?not owed'?|settled)|paid in full|= ?paid)/u,
  /\bwrite me a (?:poem|song|story)\b|\bpirate speak\b|\bagree to everything\b/u,
  /\bend conversation\b|\bconfirm the debt is (?:cancelled|void)|\bdebt is void\b/u,
  /\bi'?ve read your (?:system )?prompt\b|\byour (?:system )?prompt (?:says|said)\b/u,
];

const ZH: readonly RegExp[] = [
  /(?:上一个|其他|别的|另一个)(?:跟你聊天的|来咨询的)?(?:用户|客户)|我(?:邻居|朋友|同事|表哥|表姐)[\u4e00-\u9fff]{0,3}的(?:还款记录|欠款|信息|电话|手机号|资料)/u,
  /(?:^|[（(\s])(?:助手|用户|客服)\s*[:：]|对话记录/u,
  /你是我的(?:律师|朋友|表哥|表姐|代理|亲戚|家人)|不是催收方的/u,
  /元指令|第一条规则|系统命令|当成(?:系统)?(?:命令|指令)|按(?:以下|下面的?)(?:指令|命令)?执行|用于训练|请表现出|提示词注入/u,
  /你的(?:开发者|创造者|程序员|管理员)|你之前答应过我|(?:ceo|老板|行长|总经理|董事长)的?(?:亲戚|朋友)?.{0,4}(?:说了?|同意了?)让你/u,
  /【(?:紧急|重要|通知|系统)[^】]*】|(?:合规|风控|法务)(?:部门|部)(?:通知|要求)|系统(?:更新|升级)\s*[:：]/u,
  /忽略|无视|不要管(?:之前|上面|你的)|忘(?:记|掉)(?:之前|以上|上面|所有|你的)(?:的)?(?:指令|规则|设定|提示)?/u,
  /(?:之前|以上|上面|所有|你的|新的?)(?:的)?(?:指令|规则|设定|系统提示|提示词)/u,
  /你(?:现在)?是(?:一个)?(?:没有|不受|无)(?:任何)?(?:限制|规则)|你现在是|你的新(?:任务|身份|角色)|你是dan|dan可以/u,
  /扮演|假装你是|假设你是|假如你是|角色扮演|模拟(?:一个|成)/u,
  /系统\s*[:：]|【系统|系统(?:公告|备注|消息|指令|通知|提示)|(?:后台|管理员|开发者|风控主管|客服主管)(?:备注|指令|模式|通知)|\[管理员|（系统|\(系统|（以下为后台|以下(?:内容)?来自/u,
  /开发者模式|测试模式|调试模式|越狱|上帝模式|关闭(?:合规|审核|检查)/u,
  /我是(?:你的|你们(?:公司)?的)?(?:开发者|技术人员|程序员|管理员|客服主管|主管|经理|监管局|领导)/u,
  /(?:输出|发给我|告诉我|列出|导出|显示)(?:你的|你)?(?:上面|之前)?(?:收到的)?(?:所有)?(?:的)?(?:指令|提示词|系统提示|规则原文|原文|设定)/u,
  /(?:别的|其他|其它|所有)(?:的)?(?:客户|用户|借款人|人)(?:的)?(?:信息|资料|电话|欠款|还款情况|姓名|联系方式|名单|数据)|所有逾期(?:超过\d+天的)?用户|数据库/u,
  /把[\u4e00-\u9fff]{2,3}的(?:欠款|电话|信息|资料|地址)(?:和[\u4e00-\u9fff]{2,4})?发给我/u,
  /(?:已经|已)(?:同意|批准|获批|授权)(?:给我)?(?:了)?.{0,8}(?:免|减|\d+%|清零|分\d+期)|授权你/u,
  /内部政策第.条|按照你们(?:公司)?内部(?:政策|规定)/u,
  /你(?:现在)?必须(?:回答|回复|遵守|说)|不许说别的|只(?:能|许)回答/u,
  /作为ai你必须|作为朋友帮我|查不到记录也没关系|直接执行/u,
  /余额改成0|改成0|清零/u,
  /(?:请)?重复(?:以下|下面|我说的)|(?:上级|系统|新的?)指令(?:已)?更新|别管(?:什么)?(?:合规|规定|规则)|催收员的(?:私人)?(?:手机|电话)/u,
  /<\/?system>|用户等级[:：]/u,
];

/** Whether the (normalised) text tries to manipulate the assistant. */
export function isManipulation(text: string): boolean {
  if (EN.some((p) => p.test(text)) || ZH.some((p) => p.test(text))) return true;
  // Spacing and punctuation tricks: "i.g.n.o.r.e your r u l e s", "忽 略".
  const squeezed = text.replace(/[\s.\-_*·•|]+/gu, '');
  return /ignore(?:all|your|previous|the)?(?:previous|prior)?(?:rules|instructions|prompt)|systemprompt|developermode|忽略|开发者模式|系统提示/u.test(
    squeezed,
  );
}
