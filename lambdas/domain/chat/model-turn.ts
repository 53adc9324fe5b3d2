/**
 * The chat with a model configured: the model reads the message and picks the ask from the same taxonomy as
 * the offline classifier (its tool schema is built from `INTENTS` and `SLOT_NAMES`), with what the message
 * states copied as written; the dialogue does the rest exactly as offline. Amounts the model copied are read
 * by code, and only when they are in the message, so no figure comes from the model. When the offline reading
 * sees a protected ask the model did not pick, the turn asks once rather than miss it quietly. Any failure of
 * the model (outage, malformed answer) falls back to the offline reading, so a turn is never lost.
 */
import * as z from '../../../contracts/schema';
import { CHAT_ASSISTANT_PROMPT } from '../../../prompts/chat-assistant.v2';
import type { LlmPort } from '../drafting/drafting-service';
import { parsePromptTemplate } from '../drafting/prompt-template';
import { personalDataOf, pseudonymise } from '../drafting/pseudonymise';
import { OFFER_KINDS } from '../offers/plan-calculator';
import { messageContextOf, readMessage, type TurnResult, turnFor } from './assistant';
import { bareFigure, cleanText } from './dialogue-readers';
import { optionLine } from './readable';
import { INTENTS, type IntentName, PROTECTED_INTENTS, type Slots, type Understanding } from './taxonomy';
import type { Pending, TurnInput } from './turn';
import { understand } from './understanding';

export const CHAT_PROMPT = parsePromptTemplate(CHAT_ASSISTANT_PROMPT);
/** Messages of context: enough to resolve "yes" or "the second one", and the prompt stays flat. */
export const CONTEXT_MESSAGES = 6;
const MAX_CONTEXT_CHARS = 400;
/** How sure a model's pick is taken to be; lower when the offline reading sees a protected ask instead. */
const MODEL_CONFIDENCE = 0.9;
const DISPUTED_CONFIDENCE = 0.5;

/** What each ask means, for the model: the taxonomy's definitions (docs: CORPUS-SPEC section A). */
export const INTENT_DEFINITIONS: Readonly<Record<IntentName, string>> = {
  greeting: 'hello, thanks, small talk, with no other ask',
  show_options: 'wants to see repayment options or plans',
  choose_option: 'picks one of the options shown (by number, kind or number of months)',
  confirm: 'yes / ok / go ahead, answering the assistant',
  decline: 'no / not that one / none of these',
  promise_to_pay: 'commits to paying an amount and/or on a date',
  payment_arrangement: 'proposes their own schedule or split, without a hardship reason',
  hardship:
    'cannot pay because of a financial difficulty (job loss, reduced hours, bills, a budget that does not stretch)',
  explain_balance: 'why do I owe this, what is this amount or these fees made of',
  already_paid: 'says they paid, or a payment is missing',
  dispute: 'the debt or amount is not theirs or is wrong, never received a bill, wants proof they owe it',
  fraud:
    'identity theft, someone opened the account in their name, card stolen and used, charges they did not make',
  request_person: 'wants a human, an agent, a call back',
  stop_contact: 'wants all contact about the debt to stop',
  contact_preferences: 'restricts channel, place (work), time or other people, without stopping all contact',
  discount_request: 'asks for a reduction, waiver or settlement discount',
  legal_representation: 'a lawyer, attorney or debt-counselling firm handles it for them',
  bankruptcy: 'filed or filing for bankruptcy or personal insolvency',
  deceased: 'the account holder has died (someone else writing)',
  vulnerability:
    'a health, mental-health, bereavement (not the holder), abuse, addiction or self-harm crisis needing care',
  complaint: 'complains about how they were treated or about the service',
  unknown: 'off-topic, gibberish, emoji only, unclear',
};

/** When a message makes several asks, the one with the most legal weight (CORPUS-SPEC section A). */
const PRIORITY =
  'deceased > vulnerability (self-harm or crisis) > fraud > bankruptcy > legal_representation > dispute > ' +
  'stop_contact > complaint > contact_preferences > vulnerability (other) > hardship > already_paid > ' +
  'payment_arrangement > promise_to_pay > discount_request > explain_balance > request_person > ' +
  'choose_option > show_options > decline > confirm > greeting > unknown';

const nullable = <T extends z.ZodMiniType>(schema: T) => z.nullable(schema);
const copied = nullable(z.string().check(z.maxLength(60)));
/** Flat and strict: every field present, unused ones null (what strict structured outputs require). */
export const toolChoiceSchema = z.strictObject({
  intent: z.enum(INTENTS),
  amountText: copied,
  date: nullable(z.iso.date()),
  monthlyIncomeText: copied,
  monthlyExpensesText: copied,
  affordableText: copied,
  refusedChannels: nullable(z.array(z.enum(['call', 'sms', 'email']))),
  noWorkplace: nullable(z.boolean()),
  noThirdParties: nullable(z.boolean()),
  optionNumber: nullable(z.int().check(z.gte(1), z.lte(20))),
  termMonths: nullable(z.int().check(z.gte(1), z.lte(1200))),
  kind: nullable(z.enum(OFFER_KINDS)),
  injection: z.boolean(),
});
type ToolChoice = z.infer<typeof toolChoiceSchema>;
let toolChoiceJsonSchema: Record<string, unknown> | undefined;
/** Built on the first model turn, not at load: a function without the model carries no JSON Schema writer. */
function toolChoiceJsonSchemaOnce(): Record<string, unknown> {
  if (!toolChoiceJsonSchema) {
    const { $schema: _ignored, ...schema } = z.toJSONSchema(toolChoiceSchema) as Record<string, unknown>;
    toolChoiceJsonSchema = schema;
  }
  return toolChoiceJsonSchema;
}

export interface RecentMessage {
  readonly author: string;
  readonly text: string;
}

export type ModelTurnInput = TurnInput & {
  readonly recent: readonly RecentMessage[];
  /** The offline reading, when the caller has it already (else it is read here). */
  readonly offline?: Understanding;
};

export interface ModelTurnResult extends TurnResult {
  readonly model: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** The model failed and the offline reading was used. */
  readonly ruleFallback: boolean;
}

export async function modelTurn(llm: LlmPort, input: ModelTurnInput): Promise<ModelTurnResult> {
  const offline = input.offline ?? readMessage(input.text, messageContextOf(input));
  const prompt = renderChatPrompt(input);
  try {
    const response = await llm.complete({
      ...prompt,
      schemaName: 'tool_choice',
      jsonSchema: toolChoiceJsonSchemaOnce(),
    });
    const choice = toolChoiceSchema.parse(JSON.parse(response.text));
    return {
      ...turnFor(input, readingOf(choice, input, offline)),
      model: response.model,
      promptTokens: response.promptTokens,
      completionTokens: response.completionTokens,
      ruleFallback: false,
    };
  } catch {
    return {
      ...turnFor(input, offline),
      model: 'offline-classifier',
      promptTokens: 0,
      completionTokens: 0,
      ruleFallback: true,
    };
  }
}

/**
 * The model's pick as a reading: its slots read by code; the offline slots fill what it left out when both
 * name the same ask; either reader's suspicion of manipulation counts; a protected ask only the offline
 * reader saw becomes the runner-up of an unsure reading, so the dialogue asks about it once.
 */
export function readingOf(choice: ToolChoice, input: TurnInput, offline: Understanding): Understanding {
  // The model could not place it and the offline reader could: the offline reading stands.
  if (choice.intent === 'unknown' && offline.intent !== 'unknown')
    return { ...offline, injection: choice.injection || offline.injection };
  const message = cleanText(input.text);
  const amount = (text: string | null) => (text ? copiedAmount(text, message, input) : undefined);
  const slots: Slots = Object.fromEntries(
    Object.entries({
      amountMinor: amount(choice.amountText),
      date: choice.date ?? undefined,
      monthlyIncomeMinor: amount(choice.monthlyIncomeText),
      monthlyExpensesMinor: amount(choice.monthlyExpensesText),
      affordableMinor: amount(choice.affordableText),
      refusedChannels: choice.refusedChannels?.length ? choice.refusedChannels : undefined,
      noWorkplace: choice.noWorkplace || undefined,
      noThirdParties: choice.noThirdParties || undefined,
      optionNumber: choice.optionNumber ?? undefined,
      termMonths: choice.termMonths ?? undefined,
      kind: choice.kind ?? undefined,
    }).filter(([, value]) => value !== undefined),
  );
  const sameAsk = offline.intent === choice.intent;
  const missed =
    !sameAsk && PROTECTED_INTENTS.has(offline.intent) && !PROTECTED_INTENTS.has(choice.intent)
      ? offline.intent
      : undefined;
  return {
    intent: choice.intent,
    confidence: missed ? DISPUTED_CONFIDENCE : MODEL_CONFIDENCE,
    ...(missed
      ? { runnerUp: missed }
      : !sameAsk && offline.intent !== 'unknown'
        ? { runnerUp: offline.intent }
        : {}),
    injection: choice.injection || offline.injection,
    slots: sameAsk ? { ...offline.slots, ...slots } : slots,
  };
}

const compact = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s,，]/g, '');

/** An amount the model copied, when it is in the message: read as a typed one would be. */
function copiedAmount(text: string, message: string, input: TurnInput): number | undefined {
  const numeral = /[\d.]+|[零〇一二两三四五六七八九十百千万]+/u.exec(compact(text))?.[0];
  if (!numeral || !compact(message).includes(numeral)) return undefined;
  const currency = input.account.currency;
  const figure = bareFigure(text, currency);
  if (figure !== undefined) return figure;
  const { slots } = understand(text, { language: input.language, currency, today: input.today });
  return slots.amountMinor ?? slots.affordableMinor ?? slots.monthlyIncomeMinor ?? slots.monthlyExpensesMinor;
}

const PENDING_DESCRIPTIONS: Record<Pending['kind'], (pending: Pending) => string> = {
  plan: (pending) => `a yes to option ${(pending as Extract<Pending, { kind: 'plan' }>).number}`,
  promise: () => 'a yes to the payment amount and date it read back (or a correction)',
  figure: (pending) =>
    ({
      promise: 'the amount and date of a payment',
      promise_amount: 'the amount of a payment',
      promise_date: 'the date of a payment',
      income: "the customer's monthly income",
      expenses: "the customer's essential monthly expenses",
    })[(pending as Extract<Pending, { kind: 'figure' }>).want],
  clarify: (pending) =>
    `a yes or no to whether the customer's ask is ${(pending as Extract<Pending, { kind: 'clarify' }>).intent}`,
  person: () => 'a yes or no to asking a person to join',
  contact: () => 'which contact preference to change',
};

/** The prompt as sent: pseudonymised, with a fixed window of context. */
export function renderChatPrompt(input: TurnInput & { readonly recent: readonly RecentMessage[] }) {
  const { account, offers, language } = input;
  const lines = offers.options.map(
    (option, index) => `  ${index + 1}. ${optionLine(option, offers.currency, language)}`,
  );
  const { pending } = input.state;
  const recent = input.recent
    .slice(-CONTEXT_MESSAGES)
    .map(({ author, text }) => `${author}: ${text.replace(/\s+/g, ' ').slice(0, MAX_CONTEXT_CHARS)}`);
  const rendered = CHAT_PROMPT.render({
    intent_list: INTENTS.map((intent) => `- ${intent}: ${INTENT_DEFINITIONS[intent]}.`).join('\n'),
    priority: PRIORITY,
    language_name: language === 'en' ? 'English' : 'Simplified Chinese',
    currency: offers.currency,
    today: input.today,
    option_lines: lines.length > 0 ? lines.join('\n') : '  (none)',
    pending: pending ? PENDING_DESCRIPTIONS[pending.kind](pending) : 'nothing',
    recent_messages: recent.length > 0 ? recent.join('\n') : '(none)',
    message: cleanText(input.text).slice(0, 2_000),
  });
  const personal = personalDataOf(account);
  return {
    system: pseudonymise(rendered.system, personal, account.accountId),
    user: pseudonymise(rendered.user, personal, account.accountId),
  };
}
