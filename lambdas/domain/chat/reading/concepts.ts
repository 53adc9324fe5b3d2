/**
 * Concepts: groups of ways people say one thing (a death in the family, a lawyer, "I already paid", a refused
 * channel), in English and Chinese. They are the classifier's most general features: a message nobody wrote
 * before still says "passed away" or "去世". Each concept is also read under negation ("i'm not going
 * bankrupt", "没有律师"), which is a different feature, so a denial never reads as the ask.
 */

export interface Concept {
  readonly name: string;
  /** The English phrasings, run only on text with Latin letters. */
  readonly en?: RegExp;
  /** The Chinese phrasings, run only on text with Chinese characters. */
  readonly zh?: RegExp;
  /** The concept already contains its own negation ("not mine"): a negation before it is not flipped. */
  readonly selfNegated?: boolean;
}

const c = (name: string, en: string, zh: string, selfNegated = false): Concept => ({
  name,
  ...(en ? { en: new RegExp(`(?<![a-z])(?:${en})(?![a-z])`, 'gu') } : {}),
  ...(zh ? { zh: new RegExp(zh, 'gu') } : {}),
  selfNegated,
});

export const CONCEPTS: readonly Concept[] = [
  c(
    'greet',
    "hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening|day)|yo|greetings|hope (?:you'?re|you are) (?:well|ok|good)|hi there|morning",
    '你好|您好|在吗|在不在|哈喽|哈罗|嗨|早上好|下午好|晚上好|有人吗|早啊|^喂[!！。？?]*$',
  ),
  c('thanks', 'thanks|thank you|thx|ty|cheers|appreciate', '谢谢|感谢|多谢'),
  c(
    'options',
    "options?|plans?|choices|alternatives?|what can (?:i|you|we) do|what are my|what do you (?:offer|have)|what(?:'s| is) available|how (?:can|do) i (?:pay|sort|fix|deal)|what(?:'s| are) the (?:choices|options)|programs?",
    '方案|选项|办法|有什么|有啥|怎么办|咋整|咋办|怎么处理|怎么解决|还款方式|计划',
  ),
  c(
    'choose',
    "i'?ll (?:take|go with|do|choose|pick)|i will (?:take|go with)|let'?s (?:do|go with)|i (?:choose|pick|want|prefer) (?:the|option|that|number)|the (?:\\w+[- ])?(?:month|year) one|that one|this one|go with|sign me up",
    '我选|选这个|就选|选第|要第|就这个|就那个|那个吧|这个吧|我要这个|选.{0,8}那个',
  ),
  c(
    'ordinal',
    'first|second|third|fourth|last one|option \\d|option (?:one|two|three|four)|number \\d|#\\d|plan \\d',
    '第[一二三四五六1-6]|[一二三四1-4]号方案',
  ),
  c(
    'yes',
    "yes|yeah|yep|yup|ya|yea|ok|okay|k|sure|correct|that'?s (?:right|correct|fine)|right|confirm(?:ed)?|go ahead|do it|sounds good|deal|perfect|agreed?|accept|alright|all right|fine by me|works for me|that works",
    '好的|好啊|好吧|^好|行|可以|是的|是啊|对的|对|嗯|确认|同意|没问题|就这样|就这么办|ok|确定',
  ),
  c(
    'no',
    "no|nope|nah|not really|none|neither|not that one|not interested|doesn'?t work|won'?t work|can'?t do that|too (?:much|high|expensive)|never ?mind|not now|changed my mind|cancel",
    '^不|不要|不行|不用|算了|不了|都不合适|不合适|太多了|太高了|不同意|取消|再想想',
  ),
  c(
    'will_pay',
    "i'?ll (?:pay|send|transfer|clear|do|put|make|have|get)|i will (?:pay|send|transfer|clear|make|have|get)|i can (?:pay|send|do|manage|put|make|transfer|clear|afford)|i could (?:pay|send|do|manage|put|make)|gonna (?:pay|send|clear)|going to (?:pay|send|clear)|promise|guarantee|will be paid|will pay|pay (?:it|you|the rest|in full|off) (?:on|by|tomorrow|friday|monday|next|this|at)|can do \\d|payday|get paid|when i get paid|pay ?check",
    '会还|一定还|保证|先还|就还|能还|可以还|还上|还清|准备还|打算还|到时候还|马上还|尽快还|争取还|还你们|给你们转|转给你们|发工资|工资到|工资下来',
  ),
  c(
    'paid',
    "(?:i|we|my \\w+) (?:already |just |have |had |did )?(?:paid|sent|transferred|made (?:a|the|my) payment|cleared|settled|deposited)|payment (?:went|came|has gone) (?:out|through)|left my (?:bank|account)|(?:not|isn'?t|hasn'?t|never) (?:showing|shown|show(?:ed|n)? up|updated|credited|reflected|gone through|been applied)|receipt|confirmation (?:number|email|code)|bank statement|paid (?:it|this|that) (?:off|already)|money (?:has )?left|already paid|paid in full",
    '已经还|已还|还过了|还了|转过去了|付过了|已经转|已经付|已付|已经交|扣款|扣了|转账记录|回执|凭证|截图|没显示|没有显示|没更新|没到账|还没到账|已经结清|转过|交过|付了',
  ),
  c(
    'split',
    'split|instal?l?ments?|spread|a week|per week|weekly|every (?:two |other )?weeks?|fortnight(?:ly)?|bit by bit|part payments?|smaller (?:amounts|payments)|in (?:two|three|\\d) (?:parts|payments|goes|chunks)|payment plan|each month|a month|per month|monthly|the rest (?:next|later|in)|pay (?:half|some) now',
    '分期|分.{1,3}[次期]|分.{1,3}个月|每个?月|每周|每两周|慢慢还|一点一点|先还一部分|剩下的|按月|每次|分批|停息挂账|个性化分期|延期|宽限',
  ),
  c(
    'cant_pay',
    "can'?t (?:afford|pay|make|keep up|manage)|cannot (?:afford|pay|make)|unable to (?:pay|afford)|no money|broke|skint|struggl\\w*|tight|behind on (?:rent|bills|everything)|nothing left|not enough|barely|hand to mouth|paycheck to paycheck|drowning|can'?t cover|don'?t have (?:the )?(?:money|funds)|minimum wage|on benefits|debts everywhere|(?:have|got) nothing (?:to give|left|coming in)|not getting paid|no (?:income|money) coming in|evicted|compensation claim|only (?:have|got) \\$?\\d+",
    '还不起|还不上|没钱|拿不出|拆东墙补西墙|以贷养贷|网贷|接济|借的钱|没法(?:跑车|上班|开工)|赚(?:不到|得少)|摆地摊|只有几|没能力|困难|紧张|周转不开|入不敷出|揭不开锅|一分钱都没|剩不了|不够|吃饭都成问题|穷|负担不起|压力(?:太|很)大',
  ),
  c(
    'job_loss',
    'lost (?:my|his|her|our) (?:job|work|income)|laid off|redundan\\w*|unemployed|out of work|fired|sacked|let go|hours (?:got |were )?cut|reduced hours|pay cut|cut my hours|business (?:failed|went under|closed|is failing)|shop (?:closed|shut)|no work|furlough\\w*|between jobs|job ?less|lost (?:the|my) contract|went under|losing money',
    '失业|被裁|裁员|丢了工作|没工作|没了工作|降薪|没活|活少|倒闭|关门|生意(?:不好|赔|亏|失败)|亏了|亏本|赔了|停工|工资(?:没发|拖欠|被拖)|找不到工作|下岗|辞退|开除',
  ),
  c(
    'budget',
    'income|earn\\w*|salary|wages?|take home|bring home|pension|benefits|universal credit|rent|bills|expenses|outgoings|mortgage|groceries|childcare|left over|leftover',
    '收入|工资|月薪|到手|房租|房贷|开销|支出|生活费|剩下|剩|水电|车贷|学费|低保',
  ),
  c(
    'medical',
    'hospital|hospitali[sz]ed|surgery|operation|chemo\\w*|cancer|tumou?r|diagnos\\w*|sick|illness|ill|disabled|disability|injur\\w*|accident|medical|stroke|heart attack|dialysis|treatment|icu|terminal',
    '医院|住院|手术|化疗|癌|生病|病了|确诊|残疾|受伤|车祸|病|重病|透析|icu|治疗|医药费',
  ),
  c(
    'mental',
    "depress\\w*|anxiety|anxious|panic|mental health|bipolar|ptsd|breakdown|can'?t cope|cannot cope|not coping|overwhelmed|psychiatr\\w*|therap\\w*|counsell?\\w*|crisis|dementia|alzheimer|schizo\\w*|ocd|adhd|autis\\w*|learning disab\\w*",
    '抑郁|焦虑|心慌|精神|崩溃|双相|失眠|心理|撑不住|扛不住|受不了了|痴呆|老年痴呆|精神病|吃药',
  ),
  c(
    'selfharm',
    "kill myself|killing myself|end (?:it all|my life|things)|suicid\\w*|don'?t want to (?:live|be here|wake up)|not worth living|better off dead|take my (?:own )?life|self[- ]harm|hurt(?:ing)? myself|no point (?:in )?(?:living|going on)|jump off|can'?t go on|want to die|wanna die|no reason to live",
    '不想活|自杀|轻生|活着没意思|活着有什么意思|死了算了|一了百了|跳楼|天台|割腕|结束生命|想死|活不下去|不如死|寻死|安眠药',
  ),
  c(
    'abuse',
    '(?:partner|husband|wife|boyfriend|girlfriend|ex) (?:hits|beats|controls|abuses|took|takes|hurts)|domestic (?:abuse|violence)|abusive (?:relationship|partner|husband|ex)|coercive|controls (?:all )?(?:the|my) money|hits me|beats me|violent|refuge|shelter|financial abuse',
    '家暴|打我|被打|控制我的钱|动手|暴力|庇护',
  ),
  c(
    'addiction',
    'gambl\\w*|addict\\w*|rehab|relaps\\w*|alcohol\\w*|drinking problem|drugs|betting',
    '赌|上瘾|戒毒|酗酒|成瘾|网赌|戒赌',
  ),
  c(
    'death',
    'passed away|passed on|has passed|died|dies|death|dead|deceased|funeral|late (?:mother|father|husband|wife|mum|mom|dad|son|daughter|brother|sister|partner)|bereave\\w*|widow\\w*|lost my (?:mum|mom|dad|father|mother|husband|wife|son|daughter|partner|brother|sister)|no longer with us|rest in peace|cremat\\w*|obituary',
    '去世|过世|走了|离世|死了|去了|丧|葬礼|火化|遗产|死亡|后事|人没了|不在了|病逝|逝世|没了|遗体|追悼',
  ),
  c(
    'holder_other',
    '(?:his|her|their) (?:card|account|loan|debt|name|number|phone|bills?)|account ?holder|card ?holder|in (?:his|her) name|was (?:his|hers)|executor|estate|next of kin|death certificate|probate|on behalf of|the (?:deceased|holder)|(?:he|she) (?:had|owned|held) (?:this|the|a)',
    '持卡人|他的卡|她的卡|他的|她的|遗产|名下|死亡证明|家属|他生前|她生前|借款人',
  ),
  c(
    'relative',
    'father|dad|mother|mum|mom|husband|wife|son|daughter|brother|sister|uncle|aunt|grandma|grandpa|grandmother|grandfather|partner|parents?|fianc\\w*|cousin|nephew|niece|in-law',
    '爸|妈|父亲|母亲|老公|老婆|丈夫|妻子|儿子|女儿|哥|姐|弟|妹|爷爷|奶奶|外婆|外公|爱人|对象|舅|叔|姑|姨',
  ),
  c(
    'fraud',
    "fraud\\w*|identity theft|(?:my )?(?:identity|info|information|details|data|name|ssn|social security number|card (?:number|details)) (?:was |were |got |has been |must have been )?(?:used|stolen|leaked|compromised|phished|breached)|data breach|phish\\w*|without (?:my )?(?:permission|consent|knowledge)|pretend\\w* to be me|victim of identity|faked? my|someone else'?s doing|(?:wallet|purse|card|phone|bag) (?:was |got )?(?:stolen|nicked|lost)|stolen identity|id theft|identity (?:was )?stolen|scam\\w*|someone (?:opened|used|took out|applied|stole|made|hacked)|somebody (?:opened|used|took out|applied|stole)|in my name|not me|wasn'?t me|didn'?t (?:make|authori[sz]e|open|apply|take out|sign up)|unauthori[sz]ed|stolen|stole|hacked|skimm\\w*|cloned|police report|ftc|forged|impersonat\\w*|never (?:applied|signed up|opened)",
    '身份(?:被)?盗|信息(?:被)?泄露|被盗用|冒充我|假冒|钓鱼|被黑|黑了|没授权|未授权|未经(?:我)?(?:同意|允许|授权)|偷偷(?:用|拿)|有人用我|别人用我|用我的(?:名字|身份|信息)|盗刷|冒用|被盗|身份证(?:丢|被)|不是我(?:刷|借|办|本人)|没办过|冒名|诈骗|被骗|报警|盗用|被人(?:借|办|用|拿|冒)|小偷|偷了|被偷|盗号|被刷|不是本人|伪造',
  ),
  c(
    'bankrupt',
    'bankrupt\\w*|chapter (?:7|13|seven|thirteen)|ch\\.? ?(?:7|13)|insolven\\w*|iva|trustee|debt relief order|sequestration|discharged?|automatic stay|petition|proof of claim',
    '破产|资不抵债|清算|管理人|重整|债务清理|免责考察|法院(?:已经)?(?:受理|裁定)|停止执行|债权申报|申报债权|个人破产',
  ),
  c(
    'lawyer',
    'lawyers?|attorney|atty|solicitors?|legal (?:aid|representation|counsel|advisor)|law (?:firm|office)|represent(?:ed|ing|ation|ative)|debt (?:counsell?ing|management|relief|settlement|advice) (?:company|firm|agency|charity|service|organi[sz]ation)|stepchange|debtline|letter of (?:authority|representation)|paralegal|cease and desist from my',
    '律师|律所|法律援助|委托|代理人|律师函|协商机构|债务(?:协商|咨询|重组)|法务|全权代理|代理',
  ),
  c(
    'legal_q',
    'can (?:you|they) sue|will you sue|statute|is (?:it|this|that) legal|my rights|time[- ]barred|take me to court|court|legal action|garnish\\w*|credit (?:report|score|file)|collection agency',
    '起诉|法院|合法吗|违法|上征信|征信|诉讼|立案|判决|强制执行',
  ),
  c(
    'not_mine',
    "not my (?:debt|account|card|loan|balance|bill)|isn'?t mine|not mine|ain'?t mine|don'?t owe|do not owe|never (?:had|opened|signed|took|applied for|used)|wrong (?:person|amount|account|balance|guy|name)|mistake|incorrect|error|doesn'?t (?:match|add up)|already (?:settled|closed)|closed (?:that|this|the) account|paid (?:this|it) off (?:in|years|ages|back)|not (?:the right|correct)",
    '不是我的|没欠|不认|我不认|不对|有误|算错|错了|不承认|没借过|不是这个数|不一样|对不上|搞错|弄错|有问题|不合理|凭什么',
    true,
  ),
  c(
    'proof',
    'prove|proof|validat\\w*|verif\\w*|original (?:agreement|contract|creditor)|itemi[sz]ed|statement of account|show me (?:the|a|any) (?:contract|agreement|paperwork)|dispute\\w*|signed (?:agreement|contract)|paperwork|documentation|copy of (?:the|my) (?:contract|agreement)',
    '证明|出示|合同|凭证|核实|异议|明细|对账|借款合同|放款记录|依据|证据',
  ),
  c(
    'never_received',
    "never (?:got|received|had|seen) (?:a|any|one|the)? ?(?:single )?(?:bill|statement|letter|notice|notification|invoice)|never been (?:told|notified|billed)|first i (?:heard|knew)|no idea what this|don'?t (?:recogni[sz]e|know what) this|never heard of",
    '没收到|从来没收到|不知道(?:这|有)|没见过|从没听说|不认识',
  ),
  c(
    'why',
    "why (?:do|does|is|has|am|did|are|would)|what (?:is|are|'s) (?:this|these|the|that)|how (?:did|come|is|was|are|do you)|explain|break ?down|made up of|what for|what'?s .{1,20} for|difference between|where (?:did|does) .{1,20} come from|how much (?:of|is)|calculat\\w*",
    '为什么|为啥|咋|怎么(?:算|回事|多了|这么多|来的|会)|什么钱|是啥|组成|怎么算|哪来的|啥费|什么费|多出来',
  ),
  c(
    'fees',
    'fees?|interest|charges?|penalt\\w*|late fee|apr|surcharge|added on',
    '利息|手续费|违约金|罚息|滞纳金|费用|服务费|管理费|息',
  ),
  c(
    'balance',
    'balance|how much (?:do i|is|i)|total|amount due|what i owe|owe you|outstanding|arrears|owing',
    '欠多少|余额|还欠|总共|多少钱|欠款|金额|本金|应还',
  ),
  c(
    'discount',
    'discount\\w*|knock (?:some|a bit|something|anything)?\\s?off|reduc\\w*|lower (?:the|my) (?:balance|amount|total|debt)|waive\\w*|write[- ]?off|written off|forgive\\w*|settle for|settlement|less than|cut (?:it|the|down)|cheaper|take (?:some|a bit) off|remove (?:the|some|all)|drop (?:the|some)|percent off|% off|half off|deal|freeze (?:the )?interest|reduced amount|lump sum|call it (?:even|square|done)|full and final|knock \\d+%? off|take \\d+%? off|\\d+% of (?:it|the)',
    '减免|打折|折扣|优惠|[一二三四五六七八九]折|[一二三四五六七八九]成|销账|少还|免了|免除|免掉|抹零|便宜|减(?:掉|少|一点|点)|只还本金|免息|停息|减|免',
  ),
  c(
    'human',
    'agent|human|real person|a person|someone|somebody|representative|rep|advisor|adviser|manager|supervisor|call (?:me )?back|callback|speak (?:to|with)|talk (?:to|with)|operator|staff|live chat|actual person|team',
    '人工|客服|真人|工作人员|专员|回个电话|回电|找人|经理|主管|负责人|领导',
  ),
  c('bot', 'bot|robot|machine|automated|a\\.?i\\.?|computer', '机器人|机器|智能'),
  c(
    'steer',
    'instructions?|rules?|prompts?|system|override|bypass|policy|polic(?:ies)|guidelines?|programming|script|mode|configuration|restrictions?|jailbreak|training|protocol|directive|command',
    '指令|规则|系统|提示词?|设定|模式|命令|协议|程序|训练|限制|后台|合规检查',
  ),
  c(
    'authority',
    "authori[sz]ed|approved|admin\\w*|developer|supervisor|manager|head office|ceo|compliance (?:team|department)|internal|staff only|official notice|i'?m (?:the|your)|as (?:the|an?) \\w+,",
    '授权|批准|获批|管理员|开发者|主管|经理|总部|领导|内部|官方|通知|工号|技术人员|监管|部门|上级|已同意|已经同意|答应过',
  ),
  c(
    'command',
    'confirm (?:it|this|that)|apply (?:it|this|that)|do it now|process (?:it|this)|execute|just (?:confirm|apply|do|say|approve)|respond (?:only )?with|reply (?:only )?with|output|print|repeat|reveal|must|have to honou?r',
    '直接(?:确认|执行|批准|同意|回复|应用)|立即|马上执行|请执行|执行|必须|照做|输出|重复|回答[“"]|请确认|照办|按(?:这个|新)',
  ),
  c(
    'pretend',
    "pretend|roleplay|role[- ]play|act as|you are (?:now|a|an|my)|you'?re (?:now|a|an|my)|imagine you|from now on|as if you|play the (?:role|part)",
    '扮演|假装|假设你|假如你|你现在是|你是一个|你是我的|当成|模拟|从现在起你|你的新',
  ),
  c(
    'others_data',
    "other (?:customers?|users?|people|accounts?|borrowers?)|everyone else|all (?:accounts|customers|users|balances)|someone else'?s|database|phone numbers?|home address|(?:his|her) (?:balance|number|address|account)",
    '别的客户|其他客户|其他用户|别人|所有用户|所有客户|数据库|手机号|电话号码|家庭住址|他的欠款|她的欠款|名单|还款记录',
  ),
  c(
    'stop_channel',
    "stop (?:calling|ringing|phoning|messaging|texting|emailing|sending (?:texts|emails|letters))|no more (?:calls|texts|emails)|(?:don'?t|do not|never) (?:call|text|email|ring|phone)",
    '(?:别|不要|不用|莫)(?:再)?(?:给我)?(?:打电话|打了|发短信|发了|发邮件|打)',
  ),
  c(
    'not_all',
    "not (?:saying|asking) (?:you )?(?:to )?stop|(?:can'?t|cannot) stop completely|ok (?:with|for) you (?:to )?contact(?:ing)? me|you can (?:still )?(?:contact|email|text|call) me|(?:is|are) fine|is better|instead|prefer",
    '不是(?:让|叫|说)你们(?:别|不要)联系我|可以联系我|其他都行|可以发|可以打|就行|都可以|直接找我|打我手机|找我本人',
  ),
  c(
    'restrict_target',
    '(?:contact|call|ring|text|email|tell|visit|bother|speak to|talk to|message|write to) (?:my|our) (?:\\w+ )?(?:wife|husband|partner|family|mum|mom|mother|dad|father|parents?|son|daughter|kids?|sister|brother|flatmate|roommate|friends?|neighbou?rs?|boss|employer|work|office|workplace|colleagues?|ex|girlfriend|boyfriend|landlord|job)',
    '(?:联系|打给|打|找|告诉|通知|骚扰|寄|发)(?:到)?(?:给)?我(?:的)?(?:家里人|家人|家里|爸|妈|父母|老婆|老公|对象|女朋友|男朋友|同事|单位|公司|领导|朋友|室友|同学|哥|姐|弟|妹|前妻|前夫|亲戚|老家)|(?:别|不要)(?:再)?(?:打给|找|联系)(?:他|她|他们)',
  ),
  c(
    'stop',
    "stop (?:contacting|harass\\w*|bother\\w*|all|sending|writing|this)|cease|leave me alone|(?:don'?t|do not|never) (?:ever )?(?:contact|call|message|bother|text) me (?:again|ever|anymore)|do not contact|no (?:more|further) (?:contact|communication|calls)|never contact|lose my number|remove my (?:number|details|contact)|unsubscribe|opt out|stop all communication|go away|not engaging|stop now|^stop",
    '别再联系|不要再联系|停止(?:一切)?(?:联系|催收|对我)|别联系|不要联系|别找我|不要找我|删除我的|拉黑|退订|别烦我|别骚扰|不要骚扰|莫联系|不想再收到|拒绝一切联系|别再打|不要再打|别打了|别发了|不想再和你们|不要再给我',
  ),
  c(
    'restrict',
    'at work|my work|work (?:number|phone|email|address)|office|employer|boss|manager|colleague|coworker|family|wife|husband|parents?|mother|father|mum|mom|neighbo\\w*|relatives|friends?|only (?:call|text|email|ring|contact|message)|texts? only|emails? only|calls? only|after \\d|before \\d|mornings?|evenings?|afternoons?|weekends?|at night|night shift|instead|prefer|in writing|hours|between \\d|times?',
    '单位|公司|领导|同事|家里人|家人|父母|爸妈|老家|只发|只打|晚上|白天|上午|下午|上班时间|点以后|点之前|点前|点后|周末|只要|微信|邮箱|座机|手机|物业|亲友|紧急联系人|通讯录|时间',
  ),
  c(
    'channel',
    'call\\w*|phone\\w*|ring\\w*|texts?|texting|txt|sms|e-?mails?|letters?|post|voicemail',
    '电话|短信|邮件|打给|来电|发信息|信',
  ),
  c(
    'complain',
    'complain\\w*|report (?:you|this|them|your)|formal(?:ly)?|escalat\\w*|grievance|raise (?:a|an) (?:issue|concern)|how i(?:ve| have)? been treated|the way (?:i was|ive been|you) (?:treated|spoke|talked)|not happy with (?:the|your|how)|unhappy with|investigat\\w*|apolog\\w*|cfpb|ombudsman|regulator|bbb|rude|disrespect\\w*|shout\\w*|yell\\w*|harass\\w*|threaten\\w*|unprofessional|unacceptable|disgusting|terrible|horrible|awful|worst|hung up|abusive|insult\\w*|called me (?:a|an)|treated (?:me )?like|condescending|lied|lying|useless service|poor service|joke|not good enough|on hold',
    '投诉|举报|12378|升级处理|不满|要个说法|讨个说法|给个说法|道歉|银保监|金融监管|态度|骂|威胁|恐吓|辱骂|不专业|骚扰|太过分|欺负|吼|凶|侮辱|曝光|爆通讯录|轰炸|冒充|下作|垃圾|不像话|王法|差劲',
  ),
  c(
    'future_time',
    'tomorrow|tmrw|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next (?:week|month)|end of (?:the )?month|payday|on the \\d|by the \\d|this (?:week|weekend)|tonight|later today',
    '明天|后天|周[一二三四五六日天]|星期|下周|下个月|月底|号|发工资|工资到|年终奖|过几天|这周',
  ),
  c(
    'past_time',
    'yesterday|last (?:week|month|friday|monday|tuesday|wednesday|thursday|saturday|sunday|year)|ago|earlier today|this morning',
    '昨天|前天|上周|上个月|之前|去年|早就|上星期',
  ),
  c(
    'question',
    '\\?|can i|could i|is it possible|would you|do you|are you|can you|could you|is there',
    '吗|能不能|可不可以|可以吗|行吗|行不行|？|\\?|么',
  ),
  c(
    'offtopic',
    'weather|concert|pizza|recipe|football|soccer|joke|movie|tickets|bank close|what time is it|lottery|song|game|homework|crypto|bitcoin|stock|restaurant|dog|cat|wifi|internet',
    '天气|彩票|电影|吃饭了吗|笑话|股票|游戏|作业|外卖|快递到|中彩票|梦见',
  ),
  c(
    'shame',
    "sorry|ashamed|embarrass\\w*|my fault|i know i owe|not saying i don'?t owe|i want to pay|want to sort|i'?m trying",
    '不好意思|抱歉|是我的问题|我知道|不是不还|不是我想赖账|想还|愿意还',
  ),
  c(
    'hardship_word',
    'hardship|difficult\\w*|hard times?|rough patch|tough time|financial (?:trouble|problem|difficulty)',
    '困难|难处|难关|艰难|体谅',
  ),
];

const NEGATION_EN =
  /(?:^|\b)(?:not|never|no|isn'?t|aren'?t|wasn'?t|don'?t|doesn'?t|didn'?t|won'?t|haven'?t|hasn'?t|ain'?t|nor|without|dont|didnt|isnt|im not|i'm not)\s+(?:\S+\s+){0,2}$/u;
/** "not saying i don't owe it": a denial of a denial. */
const DOUBLE_NEGATION =
  /(?:not (?:saying|claiming|that|disputing)|i'?m not saying|不是说|并不是说|不是我)\s*(?:\S+\s+){0,1}$/u;
const NEGATION_ZH = /(?:不|没|没有|别|非|并非|未|无)[\u4e00-\u9fff]{0,1}$/u;

/** The concepts a normalised text mentions, `!name` where a negation governs the mention. */
export function conceptsIn(text: string): string[] {
  const found: string[] = [];
  const latin = /[a-z?]/u.test(text);
  const han = /[\u4e00-\u9fff]/u.test(text);
  for (const concept of CONCEPTS) {
    let plain = false;
    let negated = false;
    for (const [pattern, negation] of [
      [latin ? concept.en : undefined, NEGATION_EN],
      [han ? concept.zh : undefined, NEGATION_ZH],
    ] as const) {
      if (!pattern) continue;
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        if (match[0] === '') pattern.lastIndex++;
        const before = text.slice(Math.max(0, match.index - 24), match.index);
        const denied = concept.selfNegated ? DOUBLE_NEGATION.test(before) : negation.test(before);
        if (!denied) {
          plain = true;
        } else negated = true;
      }
    }
    if (plain) found.push(concept.name);
    if (negated) found.push(`!${concept.name}`);
  }
  return found;
}
