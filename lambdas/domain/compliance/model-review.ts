/**
 * The optional model review: with a model configured, a message the rules allowed is also read by the model
 * for tone and implied threats. Its opinion is recorded on the verdict. It can add findings (and so block) but
 * never remove one: what the rules block stays blocked, and a model that fails, times out or answers out of
 * schema leaves the rules' verdict as it is ("unavailable").
 */
import * as z from '../../../contracts/schema';
import { GATE_REVIEW_PROMPT } from '../../../prompts/gate-review.v1';
import { parsePromptTemplate } from '../drafting/prompt-template';
import type { LlmPort } from '../ports';
import { CATEGORY_INFO, CONTENT_CATEGORIES, isContentCategory } from './content/categories';
import type { MessageRequest, MessageReview, MessageVerdict, MessageViolation } from './types';

const PROMPT = parsePromptTemplate(GATE_REVIEW_PROMPT);

export const MODEL_REVIEW_RULE = {
  id: 'GATE-MODEL-REVIEW',
  version: PROMPT.version,
  source: 'Gate policy: a configured model may add findings on tone and implied threats (never remove one)',
  code: 'MODEL_REVIEW_CONCERN',
} as const;

const reviewSchema = z.object({
  verdict: z.enum(['ok', 'concern']),
  findings: z
    .array(
      z.object({
        category: z.enum(CONTENT_CATEGORIES),
        quote: z.string().check(z.maxLength(400)),
        reason: z.string().check(z.maxLength(400)),
      }),
    )
    .check(z.maxLength(10)),
});

const JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['verdict', 'findings'],
  properties: {
    verdict: { type: 'string', enum: ['ok', 'concern'] },
    findings: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['category', 'quote', 'reason'],
        properties: {
          category: { type: 'string', enum: [...CONTENT_CATEGORIES] },
          quote: { type: 'string' },
          reason: { type: 'string' },
        },
      },
    },
  },
} as const;

/** The rules' verdict, with the model's opinion recorded and its concerns added as violations. */
export async function reviewedVerdict(
  request: MessageRequest,
  verdict: MessageVerdict,
  llm: LlmPort,
): Promise<MessageVerdict> {
  const { system, user } = PROMPT.render({
    jurisdiction: request.jurisdiction,
    channel: request.channel,
    text: request.text.replaceAll('</message>', '</ message>'),
  });
  let review: MessageReview;
  try {
    const response = await llm.complete({ system, user, schemaName: 'gate_review', jsonSchema: JSON_SCHEMA });
    const parsed = reviewSchema.safeParse(JSON.parse(response.text));
    review = parsed.success
      ? {
          model: response.model,
          promptVersion: `${PROMPT.id}@${PROMPT.version}`,
          verdict: parsed.data.verdict,
          findings: parsed.data.findings,
        }
      : unavailable(response.model);
  } catch {
    review = unavailable('unknown');
  }
  const added: MessageViolation[] =
    review.verdict === 'concern'
      ? review.findings.flatMap((finding) => violationOf(request.text, finding))
      : [];
  const violations = [...verdict.violations, ...added];
  return { allowed: verdict.allowed && added.length === 0, violations, review };
}

function unavailable(model: string): MessageReview {
  return { model, promptVersion: `${PROMPT.id}@${PROMPT.version}`, verdict: 'unavailable', findings: [] };
}

/** A concern the model can point at in the text; a quote that is not in the message is not a finding. */
function violationOf(
  text: string,
  finding: { readonly category: string; readonly quote: string; readonly reason: string },
): MessageViolation[] {
  const at = finding.quote.trim() === '' ? -1 : text.indexOf(finding.quote.trim());
  if (at < 0 || !isContentCategory(finding.category)) return [];
  const info = CATEGORY_INFO[finding.category];
  return [
    {
      rule: MODEL_REVIEW_RULE.code,
      detail: `model review: "${finding.quote.trim()}" (${finding.category}: ${finding.reason}) [${MODEL_REVIEW_RULE.id}@${MODEL_REVIEW_RULE.version}]`,
      category: finding.category,
      span: { start: at, end: at + finding.quote.trim().length },
      explanation: { en: info.en, zh: info.zh },
      ruleId: `${MODEL_REVIEW_RULE.id}@${MODEL_REVIEW_RULE.version}`,
      source: MODEL_REVIEW_RULE.source,
    },
  ];
}
