/**
 * Negation and reassurance scope. A finding inside "we will never contact your employer", "no one at your
 * workplace will hear from us", "legal action is off the table" or 困难期间不会起诉 is a reassurance, not a
 * threat; "we will not hesitate to sue", "we have no choice but to…", 不得不起诉, 不排除起诉 are not negations.
 */
import { allMatches } from '../../text/matches';

const NEGATOR_EN =
  /\b(?:waiv\w*|remov\w*|dropp?\w*|cancel\w*|refund\w*|revers\w*|exempt|fee-free|no-fee|not|never|no|nobody|none|nothing|neither|nor|without|cannot|hardly|instead of|rather than|free (?:of|from)|no one|no-one|no longer|zero|nor will)\b|n't\b/giu;
const AFFIRMING_EN =
  /\b(?:why not|why don't you|why don't|(?:won't|will not|not|never) (?:live|be around|survive|last)|(?:not|never)\s+(?:hesitate|think twice|rule out|stop|go easy|let (?:this|it|you) (?:go|slide)|be (?:so )?(?:nice|patient|lenient|gentle)|wait|tolerate|only|just|forget|afraid|shy|last)|(?:won't|will not|cannot|can't|don't|do not|didn't)\s+(?:hesitate|think twice|rule out|stop|go easy|let (?:this|it|you) (?:go|slide)|be (?:so )?(?:nice|patient|lenient|gentle|polite)|wait|tolerate|forget|make (?:us|me)|test|push|try (?:us|me|our)|ignore|say we didn't|blame us|want to|want us|like|guarantee|promise)|without (?:further |any |prior )?(?:notice|warning|delay|hesitation|reference to you|further reference)|no (?:choice|option|alternative|other way) but|nothing (?:will )?(?:stop|prevent)|no more (?:mr\.? nice|chances|patience|warnings|excuses)|not (?:going to )?(?:wait|be patient)|no (?:way|escape|hiding)|can(?:'t|not) (?:promise|guarantee)|no matter|never (?:forget|forgive)|not (?:the )?(?:last|only)|if not|or not|not paying|don't pay|do not pay|not pay|didn't pay|haven't paid|have not paid|fail(?:s|ed)? to|no response|no payment|not respond|don't respond|ignore)\b/iu;
const POST_NEGATION_EN =
  /^[^.;!?]{0,40}?\b(?:(?:is|are|was|were|will be|remains?)\s+)?(?:not (?:an option|on the table|going to happen|something (?:we|collectors|anyone) (?:\w+)|part of|our (?:practice|policy)|allowed|permitted|planned|happening|being considered)|off the table|out of the question|(?:has|have) nothing to do with|off (?:your|the) (?:balance|account|bill|statement)|never (?:happen|an option)|will not (?:happen|be taken|be pursued|be considered)|won't (?:happen|be taken|be pursued))\b/iu;

const NEGATOR_ZH =
  /并非|绝非|而非|绝不|决不|从不|从未|永不|并不|并没|毫不|不会|不得|不再|不要|不用|不必|不需|不能|不可|不想|不打算|不至于|不|没有|没|无需|无须|无意|无|别|勿|未|莫|禁止|严禁|杜绝|免于|免|非(?=司法|律师|法院|公安|政府|官方|执法|国家|$)/gu;
/** 不-words that do not negate what follows: 不断, 不停 (continuously), 不管, 不过 … */
const NOT_A_NEGATOR_ZH =
  /^(?:不行|不信|不断|不停|不管|不论|不仅|不足|不少|不良|不便|不过|不然|不久|不同|不安|不满|不止|不堪|不利|不当|不法|不诚信|不守信|不讲信用|不要脸|不像话|不识抬举|不配|无论|无法(?!保证|承诺|确保|删除|消除|清除|撤销|修改|更改)|无赖|无耻|无能|无知|无用|别人|别的|别处|未来|未还|未按时|未能|未偿|没用|没脸|没出息|没素质|没教养|没良心|免费)/u;
const AFFIRMING_ZH =
  /还不上|还不起|拿不出|没钱|不保证|不敢保证|难保|不得不|不排除|不会放过|不会手软|不会客气|不客气|善罢甘休|别怪|不要怪|莫怪|别逼|不要逼|不然|要不然|不能保证不|无法保证不|别想|休想|不会再(?:客气|容忍|忍|等)|没(?:有)?(?:别的)?(?:办法|选择)|不要以为|别以为|不是吓唬|不是开玩笑|不信|不要不|不还|没还|未还|不按时|不配合|不接电话|不处理|不理会|不回复|不还款|没有还款|拒不|不要逼|无法容忍|不怕|不见棺材|不给面子|不要再拖|别再拖|不识相/u;
const POST_NEGATION_ZH =
  /^.{0,6}?(?:不会(?!放过|手软|客气|善罢甘休|再等|再忍|让你|让您|轻易)|绝不(?!放过|手软)|从不|从未)|^.{0,8}?(?:不会发生|不会采取|不在考虑|不予考虑|不会进行|不会启动|暂不|不会有|都不会|也不会|不会出现|是不会的|退回|退还|返还|已退|更正)|^.{0,10}?(?:都|也|就|千万|可)?(?:别|不要|莫|甭)再?(?:动|碰|借|去借|沾|套|考虑)/u;

/** Whether the match at `[start, end)` of `text`, inside the clause starting at `clauseStart`, is negated. */
export function negated(
  text: string,
  clauseStart: number,
  start: number,
  end: number,
  clauseEnd: number,
): boolean {
  const before = text.slice(clauseStart, start);
  const after = text.slice(end, clauseEnd);
  const chinese =
    /[\u4e00-\u9fff]/u.test(text.slice(start, end)) || /[\u4e00-\u9fff]$/u.test(before.trimEnd());
  if (chinese) return negatedZh(before, after);
  if (POST_NEGATION_EN.test(after)) return true;
  const window = lastWords(before, 16);
  const lastNegator = allMatches(NEGATOR_EN, window).at(-1);
  if (!lastNegator) return false;
  // "we won't hesitate to", "no choice but to": the negation affirms.
  const fromNegator = window.slice(Math.max(0, lastNegator.index - 12));
  if (AFFIRMING_EN.test(fromNegator)) return false;
  return true;
}

/** A negated verb inside the matched words themselves: "your employer has not been told", "we never contact". */
const NEGATED_VERB_EN =
  /\b(?:(?:will|would|shall|has|have|had|is|are|was|were|do|does|did|can|could|must|should|may|might)\s+(?:not|never)|won't|hasn't|haven't|isn't|aren't|wasn't|weren't|doesn't|didn't|can't|couldn't|wouldn't|never)\b/iu;
const NEGATED_VERB_ZH = /不会|绝不|从不|从未|没有|并未|不得|不再/u;

export function negatedWithin(words: string): boolean {
  if (/[\u4e00-\u9fff]/u.test(words)) return NEGATED_VERB_ZH.test(words) && !AFFIRMING_ZH.test(words);
  return NEGATED_VERB_EN.test(words) && !AFFIRMING_EN.test(words);
}

/**
 * Whether the Chinese negator `word` at `at` of `text` negates: not a 不-word that does not (不断, 无论), and not
 * the middle of a question (是不是, 会不会, 有没有: A-not-A).
 */
function negatesZh(text: string, at: number, word: string): boolean {
  if (NOT_A_NEGATOR_ZH.test(text.slice(at))) return false;
  const char = word.length === 1 ? text[at - 1] : undefined;
  return !(char && text[at + 1] === char);
}

function negatedZh(before: string, after: string): boolean {
  if (POST_NEGATION_ZH.test(after)) return true;
  const window = before;
  let found: { index: number; text: string } | undefined;
  for (const match of allMatches(NEGATOR_ZH, window)) {
    if (!negatesZh(window, match.index, match[0])) continue;
    found = { index: match.index, text: match[0] };
  }
  if (!found) return false;
  if (AFFIRMING_ZH.test(window.slice(Math.max(0, found.index - 2)))) return false;
  return true;
}

function lastWords(text: string, count: number): string {
  const words = text.split(/(?<=\s)/u);
  return words.slice(-count).join('');
}

/**
 * Where negation starts in the clause `text[start, end)`: the first negator that is not a question (是不是)
 * or an affirming phrase ("we won't hesitate to", 不得不), or undefined. One pass per clause, for the message
 * classifier's scope marks, which need a cheap reading rather than `negated`'s per-finding one.
 */
export function negationStart(text: string, start: number, end: number): number | undefined {
  const clause = text.slice(start, end);
  const chinese = /[\u4e00-\u9fff]/u.test(clause);
  const pattern = chinese ? NEGATOR_ZH : NEGATOR_EN;
  for (const match of allMatches(pattern, clause)) {
    const at = match.index;
    if (chinese) {
      if (!negatesZh(clause, at, match[0])) continue;
      if (AFFIRMING_ZH.test(clause.slice(Math.max(0, at - 2), at + 8))) continue;
    } else if (AFFIRMING_EN.test(clause.slice(at, at + 40))) continue;
    return start + at;
  }
  return undefined;
}
