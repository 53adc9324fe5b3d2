/**
 * The chat with a model configured: the model reads the message and picks the tool (an intent with its
 * arguments); the deterministic turn does the rest, exactly as offline. Amounts the model copied are parsed
 * by the same readers as typed ones, so no figure comes from the model. Any failure of the model (outage,
 * malformed answer) falls back to the rule-based reading, so a turn is never lost.
 */
import * as z from 'zod';
import { CHAT_ASSISTANT_PROMPT } from '../../../prompts/chat-assistant.v1';
import type { ContactChannel } from '../compliance';
import { describeOption } from '../drafting/draft';
import type { LlmPort } from '../drafting/drafting-service';
import { parsePromptTemplate } from '../drafting/prompt-template';
import { personalDataOf, pseudonymise } from '../drafting/pseudonymise';
import { OFFER_KINDS } from '../offers/plan-calculator';
import { type OfflineTurnInput, type TurnResult, turnForIntent } from './assistant';
import { classifyIntent, type Intent, type IntentBody } from './intents';
import { readAmount } from './reading/slots';

export const CHAT_PROMPT = parsePromptTemplate(CHAT_ASSISTANT_PROMPT);
/** Messages of context: enough to resolve "yes" or "the second one", and the prompt stays flat. */
export const CONTEXT_MESSAGES = 6;
const MAX_CONTEXT_CHARS = 400;

const INTENT_TYPES = [
  'greeting',
  'show_options',
  'choose_option',
  'confirm',
  'decline',
  'promise_to_pay',
  'hardship',
  'dispute',
  'request_person',
  'stop_contact',
  'contact_preferences',
  'discount_request',
  'unknown',
] as const;

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();
/** Flat and strict: every field present, unused ones null (what strict structured outputs require). */
export const toolChoiceSchema = z.strictObject({
  type: z.enum(INTENT_TYPES),
  optionNumber: nullable(z.int().min(1).max(20)),
  optionKind: nullable(z.enum(OFFER_KINDS)),
  termMonths: nullable(z.int().min(1).max(120)),
  amountText: nullable(z.string().max(60)),
  dueDate: nullable(z.iso.date()),
  incomeText: nullable(z.string().max(60)),
  expensesText: nullable(z.string().max(60)),
  refusedChannels: nullable(z.array(z.enum(['call', 'sms', 'email']))),
  injectionSuspected: z.boolean(),
});
type ToolChoice = z.infer<typeof toolChoiceSchema>;
const TOOL_CHOICE_JSON_SCHEMA = (() => {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(toolChoiceSchema) as Record<string, unknown>;
  return schema;
})();

export interface RecentMessage {
  readonly author: string;
  readonly text: string;
}

export interface ModelTurnResult extends TurnResult {
  readonly model: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** The model failed and the rule-based reading was used. */
  readonly ruleFallback: boolean;
}

export async function modelTurn(
  llm: LlmPort,
  input: OfflineTurnInput & { readonly recent: readonly RecentMessage[] },
): Promise<ModelTurnResult> {
  const rules = classifyIntent(input.text, input.language, input.account.currency, input.today);
  const prompt = renderChatPrompt(input);
  try {
    const response = await llm.complete({
      ...prompt,
      schemaName: 'tool_choice',
      jsonSchema: TOOL_CHOICE_JSON_SCHEMA,
    });
    const choice = toolChoiceSchema.parse(JSON.parse(response.text));
    const intent: Intent = {
      ...intentOf(choice, input),
      // Either reader's suspicion counts: the rules see patterns a model may be talked out of.
      injectionSuspected: choice.injectionSuspected || rules.injectionSuspected,
    };
    return {
      ...turnForIntent(input, intent),
      model: response.model,
      promptTokens: response.promptTokens,
      completionTokens: response.completionTokens,
      ruleFallback: false,
    };
  } catch {
    return {
      ...turnForIntent(input, rules),
      model: 'offline-intents',
      promptTokens: 0,
      completionTokens: 0,
      ruleFallback: true,
    };
  }
}

/** The prompt as sent: pseudonymised, with a fixed window of context. */
export function renderChatPrompt(input: OfflineTurnInput & { readonly recent: readonly RecentMessage[] }) {
  const { account, offers, language } = input;
  const lines = offers.options.map(
    (option, index) => `  ${index + 1}. ${describeOption(option, offers.currency, language)}`,
  );
  const pending = input.state.proposal ? `option ${input.state.proposal.number}` : 'nothing';
  const recent = input.recent
    .slice(-CONTEXT_MESSAGES)
    .map(({ author, text }) => `${author}: ${text.replace(/\s+/g, ' ').slice(0, MAX_CONTEXT_CHARS)}`);
  const rendered = CHAT_PROMPT.render({
    language_name: language === 'en' ? 'English' : 'Simplified Chinese',
    currency: offers.currency,
    today: input.today,
    option_lines: lines.length > 0 ? lines.join('\n') : '  (none)',
    pending,
    recent_messages: recent.length > 0 ? recent.join('\n') : '(none)',
    message: input.text.slice(0, 2_000),
  });
  const personal = personalDataOf(account);
  return {
    system: pseudonymise(rendered.system, personal, account.accountId),
    user: pseudonymise(rendered.user, personal, account.accountId),
  };
}

/** The amount the model copied, read as a typed one would be; a bare number is in the account's currency. */
function amountIn(text: string, currency: OfflineTurnInput['account']['currency']): number | undefined {
  return readAmount(text, currency);
}

function intentOf(choice: ToolChoice, input: OfflineTurnInput): IntentBody {
  const money = (text: string | null) => (text ? amountIn(text, input.account.currency) : undefined);
  switch (choice.type) {
    case 'choose_option':
      if (choice.optionNumber)
        return { type: 'choose_option', choice: { by: 'number', number: choice.optionNumber } };
      if (choice.optionKind)
        return { type: 'choose_option', choice: { by: 'kind', kind: choice.optionKind } };
      if (choice.termMonths)
        return { type: 'choose_option', choice: { by: 'term', termMonths: choice.termMonths } };
      return { type: 'show_options' };
    case 'promise_to_pay':
      return {
        type: 'promise_to_pay',
        amountMinor: money(choice.amountText),
        dueDate: choice.dueDate ?? undefined,
      };
    case 'hardship':
      return {
        type: 'hardship',
        monthlyIncomeMinor: money(choice.incomeText),
        monthlyExpensesMinor: money(choice.expensesText),
      };
    case 'contact_preferences':
      return {
        type: 'contact_preferences',
        refusedChannels: (choice.refusedChannels ?? []) as ContactChannel[],
      };
    default:
      return { type: choice.type };
  }
}
