import { allMatches } from '../text/matches';
import { policyPackFor } from './catalogue';
import type { AbuseModel } from './content/abuse-model';
import { CATEGORY_INFO, type ContentCategory } from './content/categories';
import type { CategoryModel } from './content/category-model';
import { committedAbuseModel } from './content/committed-abuse-model';
import { committedCategoryModel } from './content/committed-category-model';
import { committedMessageModel } from './content/committed-message-model';
import { type ContentFinding, contentFindings } from './content/content-check';
import type { MessageModel } from './content/message-model';
import { mismatchWithOffer, statedFigures } from './offer-numbers';
import type { ContentRule, DisclosureRule, MessagePolicy } from './policy-pack';
import type { ComplianceRule, MessageRequest, MessageVerdict, MessageViolation, TextSpan } from './types';

/**
 * Lints a drafted message against its jurisdiction's pack: required disclosures (for the collector's role),
 * forbidden content (read clause by clause in English and Chinese, whatever the message's language, plus the
 * abuse and category classifiers), figures that must come from the offer, and channel length. Every violation is returned,
 * each with its category, span, plain words in English and Chinese, and the rule's id@version and source; a
 * message with none is allowed.
 */
export function checkMessage(request: MessageRequest): MessageVerdict {
  return checkMessageWith(request, committedAbuseModel());
}

/**
 * The gate for words the product writes from its own reviewed templates (the assistant's replies, payment and
 * security notices, plan check-ins, the offline drafter), and for the send-time check of words already gated
 * when they were written: the rules and the abuse classifier. The category and message classifiers read free
 * text (a model's draft, an agent's words) when it is written; on a template, which people and the tests have
 * read, they could only refuse words nobody can change at run time, and each retraining could move which
 * (a retrained category classifier refused the assistant's "I've opened a case for our fraud team").
 */
export function checkTemplate(request: MessageRequest): MessageVerdict {
  return checkMessageWith(request, committedAbuseModel(), null, null);
}

/** `checkMessage` with given classifiers (training evaluates a new artefact through the whole gate). */
export function checkMessageWith(
  request: MessageRequest,
  abuseModel: AbuseModel,
  /** `null`: without the category classifier. */
  categoryModel: CategoryModel | null = committedCategoryModel(),
  /** `null`: without the message classifier. */
  messageModel: MessageModel | null = committedMessageModel(),
): MessageVerdict {
  const pack = policyPackFor(request.jurisdiction);
  if (!pack) {
    const detail = `no policy pack for jurisdiction "${request.jurisdiction}"`;
    return {
      allowed: false,
      violations: [{ rule: 'UNKNOWN_JURISDICTION', detail, ...explained('UNKNOWN_JURISDICTION') }],
    };
  }
  const policy = pack.message;
  const text = normalised(request.text);
  const violations = [
    ...sizeViolations(policy, request),
    ...policy.disclosures.flatMap((rule) => missingDisclosure(rule, request, text)),
    ...forbiddenContent(policy.forbidden, request.text, { abuseModel, categoryModel, messageModel }),
    ...(request.offer ? figuresNotInOffer(policy.offerNumbers, text, request) : []),
  ];
  return { allowed: violations.length === 0, violations };
}

/** NFKC folds full-width letters, digits and signs to their usual forms; curly apostrophes become straight. */
function normalised(text: string): string {
  return text.normalize('NFKC').replace(/[\u2018\u2019\u02BC]/g, "'");
}

/** Plain words for agents for the rules that are not about content. */
const OTHER_EXPLANATIONS: Readonly<Record<string, { en: string; zh: string }>> = {
  UNKNOWN_JURISDICTION: {
    en: 'We have no rules for this customer’s country, so nothing can be sent.',
    zh: '我们没有该客户所在地区的规则，因此不能发送任何信息。',
  },
  EMPTY_TEXT: { en: 'The message is empty.', zh: '信息内容为空。' },
  TEXT_TOO_LONG: {
    en: 'The message is longer than this channel allows.',
    zh: '信息长度超过了该渠道的上限。',
  },
  MISSING_MINI_MIRANDA: {
    en: 'A debt collector must say it is a debt collector and that information will be used to collect the debt.',
    zh: '催收方必须说明自己是债务催收方，并说明所获信息将用于催收。',
  },
  MISSING_OPT_OUT: {
    en: 'Texts and e-mails must tell the customer how to opt out (for example "Reply STOP").',
    zh: '短信和电子邮件必须告知客户退订方式（例如“回复TD退订”）。',
  },
  NUMBER_NOT_IN_OFFER: {
    en: 'An amount, date or rate here is not one the system computed for this customer. Only the computed figures may be stated.',
    zh: '这里的金额、日期或比例不是系统为该客户计算的数字。只能使用系统计算的数字。',
  },
};

function explained(code: string, rule?: ComplianceRule) {
  const explanation = OTHER_EXPLANATIONS[code];
  return {
    ...(explanation ? { explanation } : {}),
    ...(rule ? { ruleId: `${rule.id}@${rule.version}`, source: rule.source } : {}),
  };
}

function violation(rule: ComplianceRule, detail: string, span?: TextSpan): MessageViolation {
  return {
    rule: rule.code,
    detail: `${detail} [${rule.id}@${rule.version}]`,
    category: categoryOfCode(rule.code),
    ...(span ? { span } : {}),
    ...explained(rule.code, rule),
  };
}

function categoryOfCode(code: string): string {
  return (
    {
      EMPTY_TEXT: 'empty_text',
      TEXT_TOO_LONG: 'text_length',
      MISSING_MINI_MIRANDA: 'missing_disclosure',
      MISSING_OPT_OUT: 'missing_disclosure',
      NUMBER_NOT_IN_OFFER: 'wrong_figure',
    }[code] ?? code.toLowerCase()
  );
}

function sizeViolations(
  policy: MessagePolicy,
  { channel, language, text }: MessageRequest,
): MessageViolation[] {
  const violations: MessageViolation[] = [];
  if (text.trim() === '') violations.push(violation(policy.nonEmpty, 'the message is empty'));
  const { maxLength } = policy.textLength;
  const limit = channel === 'sms' ? maxLength.sms[language] : maxLength[channel];
  if (text.length > limit)
    violations.push(
      violation(policy.textLength, `${text.length} characters; ${channel} in ${language} allows ${limit}`, {
        start: limit,
        end: text.length,
      }),
    );
  return violations;
}

function missingDisclosure(rule: DisclosureRule, request: MessageRequest, text: string): MessageViolation[] {
  if (!rule.channels.includes(request.channel)) return [];
  if (rule.roles && !rule.roles.includes(request.collectorRole ?? 'third_party')) return [];
  const language = request.language === 'en' ? 'en' : 'zh';
  const missing = rule.parts.filter((part) => phraseMatches(part[language], language, text).length === 0);
  if (missing.length === 0) return [];
  const names = missing.map((part) => part.name).join(', ');
  return [violation(rule, `${request.channel} in ${request.language} lacks ${names} wording`)];
}

/** One violation per category found, naming the phrases and pointing at the first. */
function forbiddenContent(
  rules: readonly ContentRule[],
  text: string,
  models: {
    readonly abuseModel: AbuseModel;
    readonly categoryModel: CategoryModel | null;
    readonly messageModel: MessageModel | null;
  },
): MessageViolation[] {
  const { abuseModel, categoryModel, messageModel } = models;
  const findings = contentFindings(text, abuseModel, categoryModel ?? undefined, messageModel ?? undefined);
  const byCategory = new Map<ContentCategory, ContentFinding[]>();
  for (const finding of findings)
    byCategory.set(finding.category, [...(byCategory.get(finding.category) ?? []), finding]);
  return rules.flatMap((rule) => {
    const found = byCategory.get(rule.category);
    if (!found) return [];
    const first = found[0]!;
    const phrases = [...new Set(found.map((finding) => finding.phrase.toLowerCase().replace(/\s+/g, ' ')))];
    const quoted = phrases.map((phrase) => `"${phrase}"`).join(', ');
    const how =
      first.detector === 'classifier'
        ? `abuse classifier ${abuseModel.version}, p=${first.score!.probability.toFixed(2)}`
        : first.detector === 'category-classifier'
          ? `category classifier ${categoryModel?.version}, p=${first.categoryScore!.probability.toFixed(2)}`
          : first.detector === 'message-classifier'
            ? `message classifier ${messageModel?.version}, p=${first.messageScore!.probability.toFixed(2)}`
            : `${rule.category}`;
    return [
      {
        rule: rule.code,
        detail: `forbidden phrase ${quoted} (${how}) [${rule.id}@${rule.version}]`,
        category: rule.category,
        span: { start: first.start, end: first.end },
        explanation: { en: CATEGORY_INFO[rule.category].en, zh: CATEGORY_INFO[rule.category].zh },
        ruleId: `${rule.id}@${rule.version}`,
        source: rule.source,
      },
    ];
  });
}

function figuresNotInOffer(rule: ComplianceRule, text: string, request: MessageRequest): MessageViolation[] {
  const offer = request.offer!;
  return statedFigures(text).flatMap((figure) => {
    const mismatch = mismatchWithOffer(figure, offer);
    if (!mismatch) return [];
    const at = text.indexOf(figure.text);
    return [violation(rule, mismatch, at >= 0 ? { start: at, end: at + figure.text.length } : undefined)];
  });
}

type PhraseLanguage = 'en' | 'zh';

/** Every occurrence in `text` of a phrase in `sources`, lower-cased and single-spaced. */
function phraseMatches(sources: readonly string[], language: PhraseLanguage, text: string): string[] {
  return sources.flatMap((source) =>
    allMatches(compiled(source, language), text).map((match) => match[0].toLowerCase().replace(/\s+/g, ' ')),
  );
}

const compiledPhrases = new Map<string, RegExp>();

/** English phrases match whole words, a space matching any white space; Chinese phrases match anywhere. */
function compiled(source: string, language: PhraseLanguage): RegExp {
  const key = `${language}:${source}`;
  let pattern = compiledPhrases.get(key);
  if (!pattern) {
    const body =
      language === 'en'
        ? `(?<![\\p{L}\\p{N}_])(?:${source.replaceAll(' ', '\\s+')})(?![\\p{L}\\p{N}_])`
        : source;
    pattern = new RegExp(body, 'giu');
    compiledPhrases.set(key, pattern);
  }
  return pattern;
}
