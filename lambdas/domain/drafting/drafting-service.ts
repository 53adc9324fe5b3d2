/**
 * Drafts a customer's outreach around a computed offer set. The model (when configured) writes the words of
 * a pseudonymised draft; code validates it, appends the disclosures, re-inserts the customer's details and
 * runs every channel through the compliance gate. Bounded: one repair for a malformed reply, one
 * regeneration for a draft the gate rejects, then the offline templates. A draft that fails the gate is never
 * returned as ready.
 */
import * as z from '../../../contracts/schema';
import { DRAFT_OUTREACH_PROMPT } from '../../../prompts/draft-outreach.v1';
import type { Account, Jurisdiction, Language } from '../accounts/account';
import { type BusinessMetrics, countBlocked } from '../business-metrics';
import { checkMessage, checkTemplate, type MessageChannel, type MessageVerdict } from '../compliance';
import { requiredDisclosures } from '../compliance/disclosures';
import { MODEL_REVIEW_RULE, reviewedVerdict } from '../compliance/model-review';
import { TEXT_LENGTH } from '../compliance/policy-pack';
import { formatMoney } from '../kernel/format';
import type { OfferSet } from '../offers/plan-calculator';
import type { Clock, LlmPort, LlmResponse } from '../ports';
import type { Tier, TierStrategy } from '../treatment/treatment-policy';
import {
  channelTexts,
  type Draft,
  type DraftContent,
  type DraftSource,
  describeOption,
  draftContentSchema,
  gateOfferOf,
  type RecordedDraft,
  withDisclosures,
} from './draft';
import { OFFLINE_TEMPLATES, offlineDraft } from './offline-drafter';
import { parsePromptTemplate } from './prompt-template';
import { mapStrings, type PersonalData, personalDataOf, pseudonymise, reidentify } from './pseudonymise';

/** The model port lives with the other ports; re-exported for the drafting code's many readers. */
export { type LlmPort, type LlmRequest, type LlmResponse, LlmUnavailableError } from '../ports';

export interface DraftingDeps {
  readonly llm: LlmPort | undefined;
  readonly clock: Clock;
  /**
   * Optional model review of a model's draft the rules allowed (stage setting `llm.gateReview`): its concerns
   * count as gate findings (one regeneration, then the offline drafter); its opinion is recorded on each verdict.
   */
  readonly reviewer?: LlmPort;
  /** Business figures counted here (catalog/metrics.ts); none: not counted. */
  readonly metrics?: BusinessMetrics;
}

export interface DraftingInput {
  readonly account: Account;
  readonly offerSet: OfferSet;
  readonly tier: Tier;
  readonly strategy: TierStrategy;
  readonly language: Language;
  readonly jurisdiction: Jurisdiction;
}

/** What became of one written draft (or of one model call that gave none). */
export interface DraftAttempt {
  readonly source: DraftSource;
  readonly outcome: 'accepted' | 'malformed' | 'rejected_by_gate' | 'llm_unavailable';
  readonly findings: readonly string[];
}

export type ChannelVerdicts = Record<MessageChannel, MessageVerdict>;

export interface DraftingResult {
  readonly status: 'ready' | 'blocked';
  readonly draft?: RecordedDraft;
  /** The gate's verdicts on the returned draft, or on the last one checked when blocked. */
  readonly verdicts?: ChannelVerdicts;
  readonly attempts: readonly DraftAttempt[];
  readonly llmCalls: number;
  /** Why nothing can be sent, when blocked. */
  readonly reasons?: readonly string[];
}

export const DRAFT_PROMPT = parsePromptTemplate(DRAFT_OUTREACH_PROMPT);
const SCHEMA_NAME = 'outreach_draft';
let draftJsonSchema: object | undefined;
/** Built on the first model call, not at load: a function that never calls the model carries no JSON Schema writer. */
const draftJsonSchemaOnce = (): object => (draftJsonSchema ??= structuredOutputSchema(draftContentSchema));
const CHANNELS: readonly MessageChannel[] = ['sms', 'email', 'portal', 'call_script'];

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': 'Simplified Chinese' };
const TONES: Record<Tier, string> = {
  monitor: 'no outreach',
  early_warning: 'a friendly check-in offering help before any payment is missed',
  reminder: 'a gentle reminder for a customer who probably forgot',
  reminder_and_call: 'a reminder, to be followed by an agent call',
  agent_call: 'a helpful agent call to agree a repayment plan',
  hardship_restructure: 'an empathetic offer of plans with lower monthly payments',
  referral_review: 'a calm, respectful invitation to agree a way forward',
  promise_pending: 'no outreach',
  hardship_plan_active: 'no outreach',
  plan_active: 'no outreach',
  dispute_hold: 'no outreach',
  cease_hold: 'no outreach',
  excluded: 'no outreach',
};

/** Room kept in an SMS for a long name in place of its placeholder: the gate counts the final text. */
const NAME_ALLOWANCE = 30;

interface Accumulated {
  attempts: DraftAttempt[];
  llmCalls: number;
  promptTokens: number;
  completionTokens: number;
  /** The gate's verdicts on every channel of every draft it rejected. */
  blocked: MessageVerdict[];
}

interface Checked {
  readonly draft: Draft;
  readonly verdicts: ChannelVerdicts;
  readonly findings: string[];
}

export async function draftOutreach(deps: DraftingDeps, input: DraftingInput): Promise<DraftingResult> {
  const state: Accumulated = { attempts: [], llmCalls: 0, promptTokens: 0, completionTokens: 0, blocked: [] };
  const result = await draftFor(deps, input, state);
  // Counted once the outcome is known: drafts by what wrote the one kept, every message the gate stopped.
  const source =
    result.status === 'blocked' ? 'blocked' : result.draft?.metadata.source === 'llm' ? 'model' : 'offline';
  if (result.status === 'ready' || state.blocked.length > 0) deps.metrics?.count('Drafts', { by: source });
  countBlocked(deps.metrics, state.blocked);
  return result;
}

async function draftFor(
  deps: DraftingDeps,
  input: DraftingInput,
  state: Accumulated,
): Promise<DraftingResult> {
  if (input.strategy.channels.length === 0) {
    return { status: 'blocked', attempts: [], llmCalls: 0, reasons: [`tier ${input.tier} has no outreach`] };
  }
  const personal = personalDataOf(input.account);
  if (deps.llm) {
    const fromModel = await draftWithModel(deps.llm, input, personal, state, deps.reviewer);
    if (fromModel) return ready(deps, input, fromModel.checked, 'llm', fromModel.model, state);
  }
  const checked = check(offlineDraft(input), input, personal, 'template');
  if (checked.findings.length === 0)
    return ready(deps, input, checked, 'offline', 'offline-templates', state);
  state.attempts.push({ source: 'offline', outcome: 'rejected_by_gate', findings: checked.findings });
  state.blocked.push(...rejected(checked.verdicts));
  return {
    status: 'blocked',
    verdicts: checked.verdicts,
    attempts: state.attempts,
    llmCalls: state.llmCalls,
    reasons: checked.findings,
  };
}

/**
 * Up to two drafts from the model, the second only when the gate rejected the first; each may take one
 * repair of a malformed reply. Undefined when no model draft passed.
 */
async function draftWithModel(
  llm: LlmPort,
  input: DraftingInput,
  personal: PersonalData,
  state: Accumulated,
  reviewer?: LlmPort,
): Promise<{ checked: Checked; model: string } | undefined> {
  const prompt = DRAFT_PROMPT.render(promptVariables(input));
  let feedback: string | undefined;
  for (let draftNumber = 0; draftNumber < 2; draftNumber++) {
    const user = feedback ? `${prompt.user}\n\n${feedback}` : prompt.user;
    const written = await writeValidContent(llm, { system: prompt.system, user }, input, personal, state);
    if (!written) return undefined;
    const ruled = check(written.content, input, personal, 'free_text');
    const checked =
      reviewer && ruled.findings.length === 0
        ? await reviewed(reviewer, ruled, input, personal, state)
        : ruled;
    if (checked.findings.length === 0) return { checked, model: written.model };
    state.attempts.push({ source: 'llm', outcome: 'rejected_by_gate', findings: checked.findings });
    state.blocked.push(...rejected(checked.verdicts));
    feedback = gateFeedback(written.text, checked.findings);
  }
  return undefined;
}

/** One call, plus one repair call when the reply is not JSON that follows the schema. */
async function writeValidContent(
  llm: LlmPort,
  prompt: { system: string; user: string },
  input: DraftingInput,
  personal: PersonalData,
  state: Accumulated,
): Promise<{ content: DraftContent; text: string; model: string } | undefined> {
  let user = prompt.user;
  for (let call = 0; call < 2; call++) {
    const response = await callModel(llm, { ...prompt, user }, input, personal, state);
    if (!response) return undefined;
    const parsed = parseContent(response.text);
    if (parsed.content) return { content: parsed.content, text: response.text, model: response.model };
    state.attempts.push({ source: 'llm', outcome: 'malformed', findings: parsed.errors });
    user = `${prompt.user}\n\n${repairFeedback(response.text, parsed.errors)}`;
  }
  return undefined;
}

/** Any failure of the model is an outage to the customer's eyes: recorded, then the fallback takes over. */
async function callModel(
  llm: LlmPort,
  prompt: { system: string; user: string },
  input: DraftingInput,
  personal: PersonalData,
  state: Accumulated,
): Promise<LlmResponse | undefined> {
  const accountId = input.account.accountId;
  state.llmCalls += 1;
  try {
    const response = await llm.complete({
      // The last line of defence: nothing identifying leaves, whatever a template or feedback contained.
      system: pseudonymise(prompt.system, personal, accountId),
      user: pseudonymise(prompt.user, personal, accountId),
      schemaName: SCHEMA_NAME,
      jsonSchema: draftJsonSchemaOnce(),
    });
    state.promptTokens += response.promptTokens;
    state.completionTokens += response.completionTokens;
    return response;
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    state.attempts.push({ source: 'llm', outcome: 'llm_unavailable', findings: [detail] });
    return undefined;
  }
}

function parseContent(text: string): { content?: DraftContent; errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { errors: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const result = draftContentSchema.safeParse(json);
  if (result.success) return { content: result.data, errors: [] };
  return {
    errors: result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  };
}

/** The verdicts that stopped a message (a draft is rejected when any channel is). */
const rejected = (verdicts: ChannelVerdicts): MessageVerdict[] =>
  Object.values(verdicts).filter((verdict) => !verdict.allowed);

/** Disclosures appended, customer details re-inserted, every channel through the gate. */
function check(
  content: DraftContent,
  input: DraftingInput,
  personal: PersonalData,
  /** The model's words are free text; the offline drafter's are its templates (see `checkTemplate`). */
  authored: 'template' | 'free_text',
): Checked {
  const gate = authored === 'free_text' ? checkMessage : checkTemplate;
  const finalContent = mapStrings(content, (text) => reidentify(text, personal, input.account.accountId));
  const draft = withDisclosures(finalContent, input.jurisdiction, input.language);
  const offer = gateOfferOf(input.offerSet);
  const texts = channelTexts(draft);
  const verdicts = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      gate({
        jurisdiction: input.jurisdiction,
        channel,
        language: input.language,
        text: texts[channel],
        offer,
      }),
    ]),
  ) as ChannelVerdicts;
  const findings = CHANNELS.flatMap((channel) =>
    verdicts[channel].violations.map(({ rule, detail }) => `${channel}: ${rule} — ${detail}`),
  );
  return { draft, verdicts, findings };
}

/**
 * The model review of every channel of a draft the rules allowed: concerns become findings. The model reads the
 * pseudonymised text (never the customer's details); what it quotes is found again in the real text.
 */
async function reviewed(
  reviewer: LlmPort,
  checked: Checked,
  input: DraftingInput,
  personal: PersonalData,
  state: Accumulated,
): Promise<Checked> {
  const texts = channelTexts(checked.draft);
  const offer = gateOfferOf(input.offerSet);
  const accountId = input.account.accountId;
  const verdicts = { ...checked.verdicts };
  for (const channel of CHANNELS) {
    state.llmCalls++;
    const masked = pseudonymise(texts[channel], personal, accountId);
    const request = {
      jurisdiction: input.jurisdiction,
      channel,
      language: input.language,
      text: masked,
      offer,
    };
    const verdict = await reviewedVerdict(request, checked.verdicts[channel], reviewer);
    const violations = verdict.violations.map((violation) => {
      if (violation.rule !== MODEL_REVIEW_RULE.code || !violation.span) return violation;
      const quote = reidentify(masked.slice(violation.span.start, violation.span.end), personal, accountId);
      const at = texts[channel].indexOf(quote);
      return { ...violation, span: at >= 0 ? { start: at, end: at + quote.length } : undefined };
    });
    verdicts[channel] = { ...verdict, violations };
  }
  const findings = CHANNELS.flatMap((channel) =>
    verdicts[channel].violations.map(({ rule, detail }) => `${channel}: ${rule} — ${detail}`),
  );
  return { draft: checked.draft, verdicts, findings };
}

function ready(
  deps: DraftingDeps,
  input: DraftingInput,
  checked: Checked,
  source: DraftSource,
  model: string,
  state: Accumulated,
): DraftingResult {
  state.attempts.push({ source, outcome: 'accepted', findings: [] });
  const prompt = source === 'llm' ? DRAFT_PROMPT : OFFLINE_TEMPLATES;
  return {
    status: 'ready',
    draft: {
      ...checked.draft,
      metadata: {
        promptId: prompt.id,
        promptVersion: prompt.version,
        model,
        language: input.language,
        pseudonymised: true,
        tokens: { prompt: state.promptTokens, completion: state.completionTokens },
        source,
        attempts: state.attempts.filter(({ outcome }) => outcome !== 'llm_unavailable').length,
        draftedAt: deps.clock.now().toISOString(),
      },
    },
    verdicts: checked.verdicts,
    attempts: state.attempts,
    llmCalls: state.llmCalls,
  };
}

function promptVariables(input: DraftingInput): Record<string, string> {
  const { offerSet, language } = input;
  const lines = offerSet.options.map((option) => `- ${describeOption(option, offerSet.currency, language)}`);
  const smsDisclosures = requiredDisclosures(input.jurisdiction, 'sms', language).join(' ');
  return {
    language_name: LANGUAGE_NAMES[language],
    jurisdiction: input.jurisdiction,
    tier_guidance: TONES[input.tier],
    channels: input.strategy.channels.join(', '),
    total_due: formatMoney(offerSet.totalDueMinor, offerSet.currency, language),
    offer_lines: lines.length > 0 ? lines.join('\n') : '- (no option: invite the customer to contact us)',
    sms_max_chars: String(TEXT_LENGTH.maxLength.sms[language] - smsDisclosures.length - NAME_ALLOWANCE),
  };
}

function repairFeedback(reply: string, errors: readonly string[]): string {
  return [
    'Your previous reply could not be used:',
    ...errors.map((error) => `- ${error}`),
    '<data>',
    reply,
    '</data>',
    'Reply again with the complete JSON only, following the schema.',
  ].join('\n');
}

function gateFeedback(reply: string, findings: readonly string[]): string {
  return [
    'The compliance check rejected your previous draft:',
    ...findings.map((finding) => `- ${finding}`),
    '<data>',
    reply,
    '</data>',
    'Write a new draft that fixes every finding and follows all the rules. Reply with JSON only.',
  ].join('\n');
}

/**
 * The JSON Schema for structured outputs: strict mode rejects keywords it does not support (`minLength`)
 * and needs no `$schema`. zod still enforces the full schema on the reply.
 */
function structuredOutputSchema(schema: z.ZodMiniType): object {
  const unsupported = new Set(['$schema', 'minLength']);
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key]) => !unsupported.has(key))
        .map(([key, value]) => [key, strip(value)]),
    );
  };
  return strip(z.toJSONSchema(schema)) as object;
}
