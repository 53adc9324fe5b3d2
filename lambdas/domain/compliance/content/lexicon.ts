/**
 * Word lists the patterns name as `<insult>`, `<identity>`…: insults, profanity, slurs, identity terms and the
 * demeaning attributes that turn a mention of a group into an attack. English entries are words (the
 * evasion folder maps "l0ser", "st*pid", "s t u p i d", "stpuid" onto them); Chinese entries include the
 * usual homophone and pinyin spellings (傻逼/煞笔/sb, 他妈的/TMD).
 */
export const LEXICON_VERSION = '2026.12.1';

const words = (text: string) =>
  text
    .trim()
    .split(/\s*\|\s*/u)
    .filter(Boolean);

export const LEXICON: Readonly<Record<string, readonly string[]>> = {
  insult: words(
    `idiot|idiots|moron|morons|imbecile|imbeciles|loser|losers|deadbeat|deadbeats|scumbag|scumbags|scum|lowlife|lowlifes|low-life|parasite|parasites|leech|leeches|freeloader|freeloaders|bum|bums|liar|liars|cheat|cheater|cheats|crook|crooks|thief|thieves|fraudster|fraudsters|con artist|clown|clowns|fool|fools|dummy|dumbass|dimwit|halfwit|nitwit|numbskull|bonehead|cretin|cretins|slob|vermin|bottom-feeder|sponger|mooch|moocher|scrounger|scroungers|degenerate|degenerates|wretch|slacker|deadweight|charity case|sleazebag|creep|weasel|coward|hypocrite|dirtbag|douchebag|jackass|jerk|jerks|buffoon|simpleton|dunce|waste of space|piece of work|piece of trash|good-for-nothing|no-hoper|leech|cockroach|cockroaches|maggot|maggots|subhuman|swine`,
  ),
  adj: words(
    `stupid|dumb|idiotic|moronic|pathetic|worthless|useless|lazy|disgusting|irresponsible|shameless|dishonest|hopeless|incompetent|ignorant|brainless|clueless|spineless|greedy|selfish|filthy|pitiful|ridiculous|untrustworthy|delusional|crooked|sleazy|scummy|vile|despicable|contemptible|repulsive|retarded|a failure|a joke|a disgrace|an embarrassment|a waste|beneath contempt|trashy|low-class|uneducated|a liar|a thief|a fraud|a cheat|a leech|a parasite|a deadbeat|a loser|an idiot|a moron|scum|trash|garbage|subhuman|a burden|a nobody|a bum|an animal|a pig|deceitful|sneaky|shady|a crook|lying|cheating|thieving|good for nothing|a charity case`,
  ),
  adjStandalone: words(`stupid|idiotic|moronic|pathetic|worthless|brainless`),
  strong: words(
    `retarded|deadbeat|deadbeats|scumbag|scumbags|lowlife|lowlifes|low-life|dirtbag|dirtbags|freeloader|freeloaders|moron|morons|idiot|idiots|imbecile|imbeciles|cretin|loser|losers|halfwit|nitwit|dimwit|numbskull|bonehead|scrounger|scroungers|degenerate|degenerates|good-for-nothing|deadweight|sleazebag|douchebag|jackass|dumbass|dipshit|subhuman|sub-human|vermin|leeches|parasites|bottom-feeders?|no-hoper|simpleton|dunce`,
  ),
  profanity: words(
    `fuck|fucks|fucked|fucker|fuckers|fucking|fuckin|fuckup|fuckface|fuckhead|fuckwit|motherfucker|motherfuckers|motherfucking|mf|mfer|fck|fcking|fk|fuk|fukin|fking|phuck|effing|shit|shits|shitty|shitting|shithead|shitheads|shite|bullshit|horseshit|dipshit|bitches|bitching|bitchy|cunt|cunts|asshole|assholes|arsehole|arseholes|ass|arse|asses|dickhead|dickheads|prick|pricks|twat|twats|wanker|wankers|wank|bollocks|piss|pissed|pissing|piss off|crap|crappy|damn|damned|goddamn|goddamned|god-damn|dammit|damnit|bastard|bastards|bloody hell|go to hell|hell no|hell of|as hell|bugger|sod off|screw you|screw off|suck my|stfu|wtf|gtfo|omfg|pos|piece of shit|cocksucker|cock|slut|sluts|whore|whores|skank|tits|pussy|jizz|shag|bloody|frigging|friggin|son of a bitch|sob|jackass|dumbass|badass|smartass|kiss my ass|up yours|balls|douche|screw it`,
  ),
  slur: words(
    `nigger|niggers|nigga|niggas|negro|negroes|coon|coons|spic|spics|wetback|wetbacks|beaner|beaners|chink|chinks|gook|gooks|jap|japs|paki|pakis|raghead|ragheads|towelhead|towelheads|kike|kikes|yid|heeb|gyppo|gyppos|pikey|tranny|trannies|shemale|faggot|faggots|fag|fags|dyke|dykes|homo|homos|poof|poofter|queers|retard|retards|spaz|spastic|mong|mongoloid|cripple|cripples|midget|wop|dago|kraut|polack|camel jockey|halfbreed|half-breed|redskin|redskins|squaw|gypsies|jungle bunny|porch monkey|sand nigger|zipperhead|slant|slanteye|ching chong|hillbilly|white trash|welfare queen|anchor baby|illegals|feminazi|libtard|he-she`,
  ),
  identityOne: words(
    `muslim|jew|immigrant|foreigner|woman|girl|mexican|indian|arab|african|asian|chinese|black|gay|lesbian|refugee|migrant|hindu|sikh|catholic|christian|atheist|gypsy|cripple|old man|old woman|old lady|pensioner|disabled person|single mother|single mom`,
  ),
  identity: words(
    `women|females|trans people|trans women|trans men|transgender people|gay people|gay men|gays|lesbians|homosexuals|bisexuals|queer people|lgbt people|lgbtq people|black people|blacks|white people|whites|asians|asian people|chinese people|mexicans|hispanics|latinos|latinas|africans|arabs|indians|pakistanis|immigrants|migrants|refugees|foreigners|muslims|jews|jewish people|christians|catholics|hindus|sikhs|buddhists|atheists|mormons|disabled people|the disabled|people with disabilities|handicapped people|wheelchair users|autistic people|deaf people|blind people|old people|the elderly|elderly people|pensioners|boomers|seniors|old folks|old women|old men|young people|millennials|teenagers|gypsies|roma|travellers|poor people|the poor|single mothers|single moms|northerners|southerners|rednecks|russians|poles|nigerians|filipinos|vietnamese|koreans|japanese|irish|italians|puerto ricans|haitians|somalis|syrians|afghans|iraqis|iranians|palestinians|israelis|foreign people|people of colou?r|brown people|ethnic people|minorities|religious people|believers|veterans|trans folk|non-binary people|blacks and mexicans|immigrants and refugees`,
  ),
  negattr: words(
    `disgusting|filthy|dirty|vile|stupid|dumb|lazy|worthless|useless|inferior|subhuman|sub-human|animals|vermin|rats|cockroaches|parasites|leeches|scum|trash|garbage|savages|savage|criminals|thieves|liars|cheats|crooks|frauds|a disease|a cancer|a plague|a virus|pathetic|repulsive|revolting|evil|dangerous|idiots|morons|retarded|primitive|uncivili[sz]ed|barbaric|backward|untrustworthy|dishonest|greedy|ugly|gross|sick|mentally ill|freaks|abominations|an abomination|a burden|second-class|less than human|not human|the worst|pigs|dogs|monkeys|apes|beasts|pests|a threat|terrorists|rapists|beneath us|lesser|weak|incompetent|nasty|awful|terrible|horrible|hateful|bad with money|deadbeats|freeloaders|scroungers|losers|a waste|a waste of space|a drain|a stain|a blight|thugs|degenerates|sluts|whores|unclean|stinky|smelly|pathetic people|the problem|a problem|ruining everything|ruining this country|not welcome|unwelcome|not to be trusted|never to be trusted|crazy|insane|psychos|brainless|clueless|ignorant|illiterate|uneducated|good for nothing|deceitful|sneaky|shady|cheap|stingy|a joke|jokes|trash people|human garbage|human trash|disgraceful|shameful|despicable|contemptible|hopeless|irresponsible|spongers|bums|losers|dirt`,
  ),
  posattr: words(
    `nice|good|smart|intelligent|kind|honest|trustworthy|reliable|human|humans|people|welcome|equal|capable|competent|decent|normal|worthy|valuable|important|clever|responsible|civili[sz]ed|clean|hardworking|hard-working|friendly|beautiful|brave|strong|real people|real women|real men|fit to|able to|allowed to|worth|deserving|good people|good enough|okay|ok|fine|welcome here|as good as|equals|citizens|part of society`,
  ),
  insultZh: words(
    `货色|废物|垃圾|人渣|败类|混蛋|浑蛋|王八蛋|忘八蛋|王八|畜生|畜牲|蠢猪|笨蛋|蠢货|蠢蛋|傻子|傻瓜|白痴|智障|弱智|脑残|脑惨|神经病|神精病|疯子|骗子|无赖|赖皮|流氓|乞丐|叫花子|穷鬼|窝囊废|孬种|怂包|贱人|贱骨头|贱货|狗东西|狗杂种|杂种|砸种|老赖|老癞|失败者|寄生虫|吸血鬼|丧家犬|癞皮狗|蛀虫|饭桶|蠢材|憨批|二百五|低能儿|低能|没用的东西|小人|小偷|渣渣|人渣|下三滥|瘪三|衰人|猪头|猪脑子|猪狗不如|蠢|傻|贱|废柴|屌丝|loser|废wu|费物|辣鸡|拉圾|老lai|laolai|lao lai|feiwu|laji|naocan|baichi|bai chi|hundan|wangbadan|jianren|jian人|剑人|renzha|人zha|fw|lj|nc`,
  ),
  profanityZh: words(
    `他妈的|他妈|他玛的|他马的|特么|特么的|他喵的|tmd|TMD|妈的|妈蛋|草泥马|艹泥马|操你妈|操你|操他|操蛋|我操|卧槽|我草|我艹|艹|尼玛|你妈的|你妈逼|你妈死了|nmsl|cnm|日你|傻逼|傻屄|傻b|傻B|煞笔|沙比|傻比|傻x|傻X|傻叉|啥比|shabi|sha bi|(?<![a-z])sb(?![a-z])|装逼|牛逼|逼样|屌|鸡巴|狗日的|狗屎|屎|放屁|滚蛋|妈了个|妈了个巴子|去你的|去你妈|去你大爷|你大爷|婊子|表子|biao子|靠北|干你娘|我靠|他娘的|奶奶的|狗娘养的|龟儿子|瓜娃子|mmp|MMP|麻痹|妈卖批|去死|qusi|去shi`,
  ),
  insultZhStrong: words(
    `人渣|败类|混蛋|浑蛋|王八蛋|忘八蛋|畜生|畜牲|蠢猪|蠢货|白痴|智障|弱智|脑残|老赖|老癞|窝囊废|孬种|怂包|贱人|贱货|狗东西|狗杂种|杂种|砸种|吸血鬼|饭桶|蠢材|憨批|二百五|低能儿|下三滥|瘪三|猪狗不如|废柴|屌丝|废wu|费物|老lai|laolai|lao lai|feiwu|naocan|baichi|bai chi|hundan|wangbadan|jianren|jian人|剑人|renzha|人zha|寄生虫|蛀虫|穷鬼|无赖|流氓|傻瓜(?!式)(?!相机)(?!操作)(?!版)`,
  ),
  slurZh: words(
    `黑鬼|黑奴|尼哥|黑蛆|鬼子|小日本|倭寇|日本鬼子|阿三|高丽棒子|棒子|蛮子|支那|基佬|死基佬|人妖|娘炮|残废|瘸子|智障|弱智|乡巴佬|土鳖|婊子|绿茶婊|田园女权|女拳|剩女|母狗|绿绿|蝗虫|港灿|湾湾|老黑|黑皮|洋垃圾|白皮猪|二毛子|回回|疆独|藏独|贱民|下等人|穷逼|村姑|农民工都|外地佬|捞仔|北佬|南蛮`,
  ),
  identityZh: words(
    `移民|外来户|外地佬|女人|女的|女性|娘们|女司机|男人|男的|黑人|白人|黄种人|外地人|外省人|河南人|东北人|上海人|北京人|广东人|福建人|新疆人|西藏人|安徽人|山东人|湖南人|湖北人|四川人|江西人|贵州人|甘肃人|温州人|潮汕人|农村人|乡下人|农民工|穷人|残疾人|老人|老年人|老头|老太太|年轻人|同性恋|基佬|穆斯林|回民|回族|维族|维吾尔族|藏族|少数民族|外国人|老外|日本人|韩国人|印度人|非洲人|犹太人|基督徒|佛教徒|信教的|乡巴佬|外来人口|北方人|南方人|大陆人|香港人|台湾人|单亲妈妈|离婚的女人|残障人士|盲人|聋人|哑巴|你们那里的人|你们那边的人|你们老家的人|你们这个民族|你们民族|你们这些人|你们这种人`,
  ),
  negattrZh: words(
    `高风险|不可靠|垃圾|低等|劣等|下等|蠢|笨|懒|脏|恶心|该死|畜生|牲口|猪|狗|蟑螂|寄生虫|败类|人渣|不是人|素质低|没素质|低素质|素质差|骗子|小偷|偷井盖|不配|贱|丑|废物|没用|愚昧|野蛮|落后|不讲卫生|不讲理|不靠谱|不守信用|老赖|赖账|不还钱|欠钱不还|蛮横|坏|低贱|可恶|讨厌|无耻|狡猾|奸诈|坏人|罪犯|恐怖分子|强盗|土匪|流氓|劣根性|低能|智商低|没脑子|傻|疯|穷酸|土|懒惰|爱骗人|爱偷|偷东西|骗钱|难缠|刁民|麻烦|拖后腿|毒瘤|蝗虫|不要脸|讨人厌|招人烦|一无是处|靠不住|信不过|不可信|不值得信任|不能信|都是骗子|都是小偷`,
  ),
};

/** Words of the collection categories that evasion also hides ("att0rney", "p0lice", "j@il"). */
export const DOMAIN_WORDS = words(
  `attorney|lawyer|police|sheriff|marshal|court|judge|jail|prison|arrest|arrested|lawsuit|sue|warrant|criminal|deport|deported|immigration|employer|family|neighbours|neighbors|coworkers|colleagues|garnish|seize|loser|idiot|stupid`,
);

/** Function words that may be glued to a listed word ("hatewomen", "youidiot"). */
export const GLUE_WORDS = new Set(
  words(
    `i|you|u|ur|your|are|is|all|the|a|an|so|such|hate|kill|fucking|stupid|dumb|those|these|we|they|them|my|get|go|am|be|not|real|typical|just|bloody|damn|filthy|dirty|lazy|like`,
  ),
);
