import { policyPackFor } from './catalogue';
import { mismatchWithOffer, statedFigures } from './offer-numbers';
import type { PhraseList } from './phrase-lists';
import type { DisclosureRule, ForbiddenContentRule, MessagePolicy } from './policy-pack';
import type { ComplianceRule, MessageRequest, MessageVerdict, MessageViolation } from './types';

/**
 * Lints a drafted message against its jurisdiction's pack: required disclosures, forbidden content (English
 * and Chinese lists both apply, whatever the message's language), figures that must come from the offer, and
 * channel length. Every violation is returned; a message with none is allowed.
 */
export function checkMessage(request: MessageRequest): MessageVerdict {
  const pack = policyPackFor(request.jurisdiction);
  if (!pack) {
    const detail = `no policy pack for jurisdiction "${request.jurisdiction}"`;
    return { allowed: false, violations: [{ rule: 'UNKNOWN_JURISDICTION', detail }] };
  }
  const policy = pack.message;
  const text = normalised(request.text);
  const violations = [
    ...sizeViolations(policy, request),
    ...policy.disclosures.flatMap((rule) => missingDisclosure(rule, request, text)),
    ...policy.forbidden.flatMap((rule) => forbiddenContent(rule, text)),
    ...(request.offer ? figuresNotInOffer(policy.offerNumbers, text, request) : []),
  ];
  return { allowed: violations.length === 0, violations };
}

/** NFKC folds full-width letters, digits and signs to their usual forms; curly apostrophes become straight. */
function normalised(text: string): string {
  return text.normalize('NFKC').replace(/[\u2018\u2019\u02BC]/g, "'");
}

function violation(rule: ComplianceRule, detail: string): MessageViolation {
  return { rule: rule.code, detail: `${detail} [${rule.id}@${rule.version}]` };
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
      violation(policy.textLength, `${text.length} characters; ${channel} in ${language} allows ${limit}`),
    );
  return violations;
}

function missingDisclosure(rule: DisclosureRule, request: MessageRequest, text: string): MessageViolation[] {
  if (!rule.channels.includes(request.channel)) return [];
  const language = request.language === 'en' ? 'en' : 'zh';
  const missing = rule.parts.filter((part) => phraseMatches(part[language], language, text).length === 0);
  if (missing.length === 0) return [];
  const names = missing.map((part) => part.name).join(', ');
  return [violation(rule, `${request.channel} in ${request.language} lacks ${names} wording`)];
}

function forbiddenContent(rule: ForbiddenContentRule, text: string): MessageViolation[] {
  const { phrases } = rule;
  const checked = withoutExceptions(phrases, text);
  const found = [...phraseMatches(phrases.en, 'en', checked), ...phraseMatches(phrases.zh, 'zh', checked)];
  if (found.length === 0) return [];
  const quoted = [...new Set(found)].map((phrase) => `"${phrase}"`).join(', ');
  return [violation(rule, `forbidden phrase ${quoted} (list ${phrases.name}@${phrases.version})`)];
}

function withoutExceptions(phrases: PhraseList, text: string): string {
  const exceptions = phrases.exceptions;
  if (!exceptions) return text;
  const patterns = [
    ...exceptions.en.map((source) => compiled(source, 'en')),
    ...exceptions.zh.map((source) => compiled(source, 'zh')),
  ];
  return patterns.reduce((rest, pattern) => rest.replace(pattern, ' '), text);
}

function figuresNotInOffer(rule: ComplianceRule, text: string, request: MessageRequest): MessageViolation[] {
  const offer = request.offer!;
  return statedFigures(text).flatMap((figure) => {
    const mismatch = mismatchWithOffer(figure, offer);
    return mismatch ? [violation(rule, mismatch)] : [];
  });
}

type PhraseLanguage = 'en' | 'zh';

/** Every occurrence in `text` of a phrase in `sources`, lower-cased and single-spaced. */
function phraseMatches(sources: readonly string[], language: PhraseLanguage, text: string): string[] {
  return sources.flatMap((source) =>
    [...text.matchAll(compiled(source, language))].map((match) =>
      match[0].toLowerCase().replace(/\s+/g, ' '),
    ),
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
