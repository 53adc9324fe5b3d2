import { originalSpan } from '../understanding/normalise';
import { featuresOf } from './abuse-features';
import { type AbuseModel, type AbuseScore, languageOf } from './abuse-model';
import { deniesAbuse, harshWords, harshWordsHarmless, speaksWellOrOfSelf } from './aim';
import type { ContentCategory } from './categories';
import { type CategoryModel, type CategoryScore, fullHash, isGroundingFeature } from './category-model';
import { conceptFeatures } from './concepts';
import { detectContent, type Finding, type ReadMessage, readMessage, sentenceOf } from './detect';
import { type MessageModel, type MessageScore, messageFeatures } from './message-model';

/** A finding with what produced it: the rules, the abuse classifier or the category classifier (with its score). */
export interface ContentFinding extends Finding {
  readonly detector: 'rules' | 'classifier' | 'category-classifier' | 'message-classifier';
  readonly score?: AbuseScore;
  readonly categoryScore?: CategoryScore;
  readonly messageScore?: MessageScore;
}

/**
 * Everything forbidden in a message: the detectors' findings, then the classifier's for sentences the rules
 * found no abuse in. The classifier reads only the message's own words: guidance to the agent and quoted
 * words of others are left out, as they are for the rules.
 */
export function contentFindings(
  text: string,
  model: AbuseModel | undefined,
  categoryModel?: CategoryModel,
  messageModel?: MessageModel,
): ContentFinding[] {
  const message = readMessage(text);
  const findings: ContentFinding[] = detectContent(message).map((finding) => ({
    ...finding,
    detector: 'rules',
  }));
  sentenceFindings(message, findings, model, categoryModel);
  if (messageModel && findings.length === 0) {
    const found = messageFinding(message, messageModel);
    if (found && !messageScoreSpared(message, found.messageScore!)) findings.push(found);
  }
  return findings;
}

/**
 * The message classifier's finding: the whole message at or above its language's threshold, where nothing
 * else was found. It points at the sentence whose words raised the score most: a single word ("pay") says
 * little; "I'd put you through the wall" is what a reviewer needs to see.
 */
function messageFinding(message: ReadMessage, model: MessageModel): ContentFinding | undefined {
  const features = messageFeatures(message);
  const score = model.score(features, languageOf(message.read.text));
  if (!score || score.reasons.length === 0) return undefined;
  const sentences = new Map<number, { start: number; end: number; weight: number }>();
  for (const clause of message.clauses) {
    const known = sentences.get(clause.sentence);
    sentences.set(clause.sentence, {
      start: known?.start ?? clause.start,
      end: clause.end,
      weight: 0,
    });
  }
  const ranges = [...sentences.values()];
  for (const { start, contribution } of score.contributions) {
    const range = ranges.find((candidate) => candidate.start <= start && start < candidate.end);
    if (range) range.weight += contribution;
  }
  const strongest = ranges.reduce<(typeof ranges)[number] | undefined>(
    (best, range) => (!best || range.weight > best.weight ? range : best),
    undefined,
  );
  const top = score.reasons[0]!;
  const [from, to] = strongest
    ? trimmed(message.read.text, strongest.start, strongest.end)
    : [top.start, top.end];
  const where = originalSpan(message.read, from, to);
  return {
    category: score.category,
    ...where,
    phrase: message.read.original.slice(where.start, where.end),
    detector: 'message-classifier',
    messageScore: score,
  };
}

/** `[start, end)` without the spaces at either end. */
function trimmed(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from]!)) from++;
  while (to > from && /\s/u.test(text[to - 1]!)) to--;
  return [from, to];
}

/** The abuse and category classifiers' findings, sentence by sentence, added to `findings`. */
function sentenceFindings(
  message: ReadMessage,
  findings: ContentFinding[],
  model: AbuseModel | undefined,
  categoryModel: CategoryModel | undefined,
): void {
  if (!model && !categoryModel) return;
  const ruleFindings = findings.length;
  for (const [from, to] of ownSentences(message)) {
    const features = featuresOf(message, from, to);
    const hashes = features.map((feature) => fullHash(feature.key));
    const language = languageOf(message.read.text.slice(from, to));
    if (categoryModel) {
      const found = categoryFinding(
        message,
        from,
        to,
        features,
        hashes,
        language,
        categoryModel,
        findings,
        ruleFindings,
      );
      if (found && !spares(message, found.category, [[from, to]])) findings.push(found);
    }
    if (!model) continue;
    const score = model.scoreFeatures(features, language, from, to, hashes);
    if (score.probability < score.threshold || score.reasons.length === 0) continue;
    if (spares(message, categoryOf(score), [[from, to]])) continue;
    // An English sentence the model is not sure of needs a word of the lexicon's classes among its reasons:
    // weak generic cues ("you", "pay") adding up are not abuse. Praise of a group or a person ("gay people
    // are great") must be clearly abusive to count.
    if (score.language === 'en' && score.probability < CONFIDENT && !score.reasons.some(isLexiconReason))
      continue;
    const sentence = message.read.text.slice(from, to);
    if (score.probability < 0.85 && PRAISE.test(sentence) && !NEGATION.test(sentence)) continue;
    const span = originalSpan(message.read, from, to);
    const abuseFound = findings.some(
      (finding) =>
        ABUSE_CATEGORIES.has(finding.category) && finding.start < span.end && finding.end > span.start,
    );
    if (abuseFound) continue;
    const top = score.reasons[0]!;
    const where = originalSpan(message.read, top.start, top.end);
    findings.push({
      category: categoryOf(score),
      ...where,
      phrase: message.read.original.slice(where.start, where.end),
      detector: 'classifier',
      score,
    });
  }
}

/**
 * The category classifier's finding for one sentence: its best category at or above the threshold, where the
 * rules found nothing in the sentence (they already explain it), pointing at the words that raised it most.
 */
function categoryFinding(
  message: ReadMessage,
  from: number,
  to: number,
  features: ReturnType<typeof featuresOf>,
  hashes: readonly number[],
  language: 'en' | 'zh',
  model: CategoryModel,
  findings: readonly ContentFinding[],
  ruleFindings: number,
): ContentFinding | undefined {
  const sentence = originalSpan(message.read, from, to);
  const ruled = findings
    .slice(0, ruleFindings)
    .some((finding) => finding.start < sentence.end && finding.end > sentence.start);
  if (ruled) return undefined;
  const concepts = conceptFeatures(message, from, to);
  // Without a concept pair, a core concept or a word class of abuse nothing could ground a finding.
  if (!concepts.some((f) => isGroundingFeature(f.key)) && !features.some((f) => isGroundingFeature(f.key)))
    return undefined;
  const score = model.best([...features, ...concepts], language, false, hashes);
  if (!score || score.probability < score.threshold || !score.grounding) return undefined;
  // As for the abuse classifier: praise of a group or a person must be clearly abusive to count.
  const words = message.read.text.slice(from, to);
  if (
    ABUSE_CATEGORIES.has(score.category) &&
    score.probability < 0.85 &&
    PRAISE.test(words) &&
    !NEGATION.test(words)
  )
    return undefined;
  // The words the score rests on are harsh, but here they hurt no one ("this fee structure is garbage").
  const { start, end } = score.grounding;
  const harsh = harshWords(message.read, message.clauses, start, end, from, to);
  const abuse = sparable(score.category);
  if (harsh.length > 0 && harsh.every(({ harmless, sense }) => sense || (abuse && harmless)))
    return undefined;
  const where = originalSpan(message.read, start, end);
  return {
    category: score.category,
    ...where,
    phrase: message.read.original.slice(where.start, where.end),
    detector: 'category-classifier',
    categoryScore: score,
  };
}

const ABUSE_CATEGORIES = new Set<ContentCategory>(['insult', 'profanity', 'discrimination']);
/** The categories a denial, a condemned quote or harmless words can spare: abuse and threats. */
const sparable = (category: ContentCategory) =>
  ABUSE_CATEGORIES.has(category) || category === 'threat_violence';

/**
 * Whether the gate drops a classifier's finding of `category` in the sentence `[from, to)` (see `spares`): the
 * category trainer scores its folds as the gate applies the classifier.
 */
export function sentenceSpared(
  message: ReadMessage,
  category: ContentCategory,
  from: number,
  to: number,
): boolean {
  return spares(message, category, [[from, to]]);
}

/**
 * Whether the gate drops the message classifier's `score`: every sentence is spared, or the score rests on
 * spared words. The message trainer scores its folds as the gate applies the classifier.
 */
export function messageScoreSpared(message: ReadMessage, score: MessageScore): boolean {
  const sentences = ownSentences(message);
  return spares(message, score.category, sentences) || restsOnSparedWords(message, score, sentences);
}

/**
 * Whether every one of `sentences` is beyond a classifier's finding of `category`: it denies the abuse
 * ("women are not stupid"), it condemns words it quotes ("'Refugees are vermin' is hateful"), or, for
 * abuse, it names no one to abuse ("this printer is a useless piece of junk"). The rules still read them.
 */
function spares(
  message: ReadMessage,
  category: ContentCategory,
  sentences: ReadonlyArray<readonly [number, number]>,
): boolean {
  if (sentences.length === 0) return false;
  if (!sparable(category)) return false;
  const { read, clauses } = message;
  return sentences.every(
    ([from, to]) =>
      deniesAbuse(read, from, to) ||
      condemnsQuote(message, from) ||
      harshWordsHarmless(read, clauses, from, to) ||
      (ABUSE_CATEGORIES.has(category) && speaksWellOrOfSelf(read, clauses, from, to)),
  );
}

/**
 * Whether the message classifier's score rests on words that are spared here: at least half of what raised
 * it lies in sentences that deny abuse or condemn a quote, in quotes reported as others' words, or on
 * harsh words that hurt no one ("picked up a bastard sword", "A guy yelled 'I'll kill you' at the teller").
 */
function restsOnSparedWords(
  message: ReadMessage,
  found: MessageScore,
  sentences: ReadonlyArray<readonly [number, number]>,
): boolean {
  const harsh = sentences.flatMap(([from, to]) => harshWords(message.read, message.clauses, from, to));
  const regions = [
    ...sentences.filter(
      ([from, to]) =>
        sparable(found.category) && (deniesAbuse(message.read, from, to) || condemnsQuote(message, from)),
    ),
    ...message.reported.map((quote): readonly [number, number] => [quote.start, quote.end]),
    // A harsh word in its other sense weighs nothing whatever the category; one said of a thing only for abuse.
    ...(harsh.some(({ harmless }) => !harmless)
      ? []
      : harsh
          .filter((word) => word.sense || ABUSE_CATEGORIES.has(found.category))
          .map((word): readonly [number, number] => [word.start, word.end])),
  ];
  const raising = found.contributions.filter((reason) => reason.contribution > 0);
  const total = raising.reduce((sum, reason) => sum + reason.contribution, 0);
  const spared = raising
    .filter((reason) => regions.some(([from, to]) => reason.start < to && reason.end > from))
    .reduce((sum, reason) => sum + reason.contribution, 0);
  return total > 0 && spared >= total / 2;
}

/**
 * Whether the English sentence holding `text[from]` also holds a quote it reports or rejects ("A guy
 * yelled 'I'll kill you' at the teller"): its own words are about the quote. (Chinese scripts quote what the
 * agent is to say too often for this to hold: 可以直接骂回去：“…”.)
 */
function condemnsQuote(message: ReadMessage, from: number): boolean {
  const clause = message.clauses.find((candidate) => candidate.start <= from && from < candidate.end);
  if (!clause) return false;
  const [start, end] = sentenceOf(message.clauses, clause);
  if (/[\u4e00-\u9fff]/u.test(message.read.text.slice(start, end))) return false;
  return message.reported.some((quote) => quote.start < end && quote.end > start);
}
const CONFIDENT = 0.6;
/** Words of praise: a sentence praising a group or a person is not abuse unless the model is sure. */
const PRAISE =
  /\b(?:great|wonderful|amazing|lovely|brilliant|welcome|valued|kind|friendly|nice|good|smart|intelligent|honest|hard-?working|beautiful|love|loves|proud|respect|support|admire|neighbou?rs)\b/u;
const NEGATION = /\b(?:not|never|no|nobody|none)\b|n't\b/u;
/** A reason naming a word class of the lexicon (an insult, a slur, a group, a demeaning attribute). */
const isLexiconReason = (reason: { readonly feature: string }) => /^(?:k:|kb:|Z:)/u.test(reason.feature);

function categoryOf(score: AbuseScore): ContentCategory {
  const keys = score.reasons.map((reason) => reason.feature).join(' ');
  if (/<(?:profanity)>|Z:profanityZh/u.test(keys)) return 'profanity';
  if (/<(?:identity|slur)>|Z:(?:identityZh|slurZh)/u.test(keys)) return 'discrimination';
  return 'insult';
}

/** Sentence ranges of the message's own words: without guidance clauses and reported quotes. */
export function ownSentences(message: ReadMessage): Array<[number, number]> {
  const ranges = new Map<number, [number, number]>();
  for (const clause of message.clauses) {
    if (clause.guidance || clause.reported) continue;
    const range = ranges.get(clause.sentence);
    ranges.set(clause.sentence, range ? [range[0], clause.end] : [clause.start, clause.end]);
  }
  // A reported quote inside a sentence ("If the customer says "…", stay calm") is cut out of it, and so is a
  // disclosure glued to the last sentence.
  const cuts = [...message.reported, ...message.boilerplate].sort((a, b) => a.start - b.start);
  return [...ranges.values()].flatMap(([from, to]) => {
    const pieces: Array<[number, number]> = [];
    let at = from;
    for (const quote of cuts) {
      if (quote.end <= at || quote.start >= to) continue;
      if (quote.start > at) pieces.push([at, quote.start]);
      at = Math.max(at, quote.end);
    }
    if (at < to) pieces.push([at, to]);
    return pieces.filter(([a, b]) => message.read.text.slice(a, b).trim() !== '');
  });
}
