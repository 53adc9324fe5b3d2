/**
 * One message read end to end: evasion-normalise, read the slots once, classify the intent (the trained model,
 * with the protected-intent rules where it is unsure), keep the slots the intent means, flag manipulation.
 * Pure and total: any string (empty, 2,000 characters, emoji only, mixed scripts) gets a reading.
 */
import { type IntentName, PROTECTED_INTENTS, type Understanding } from '../taxonomy';
import { type IntentModel, intentProbabilities } from './classifier';
import { featuresOf, hashFeature, type SlotFacts } from './features';
import { isManipulation } from './injection';
import { normaliseText } from './normalise';
import { protectedRules, type RuleReading } from './protected-rules';
import { shortAnswer } from './short-answers';
import { readSlotReading, type SlotContext, type SlotReading, slotsFor } from './slots';

/** Longer messages are read up to this many characters: the ask is stated by then, and reading stays fast. */
export const MAX_READ_CHARS = 2_000;

/** When the model is this sure, a protected rule of lower priority does not overrule it. */
const SURE = 0.6;
/** A runner-up at least this likely is worth a clarifying question. */
const RUNNER_UP_MIN = 0.15;

/**
 * Priority when a message carries several asks (CORPUS-SPEC: the one with most legal weight wins); `crisis`
 * is vulnerability with self-harm, which ranks just below deceased.
 */
const PRIORITY: readonly IntentName[] = [
  'deceased',
  'fraud',
  'bankruptcy',
  'legal_representation',
  'dispute',
  'stop_contact',
  'complaint',
  'contact_preferences',
  'vulnerability',
  'hardship',
  'already_paid',
  'payment_arrangement',
  'promise_to_pay',
  'discount_request',
  'explain_balance',
  'request_person',
  'choose_option',
  'show_options',
  'decline',
  'confirm',
  'greeting',
  'unknown',
];
const rank = (intent: IntentName) => PRIORITY.indexOf(intent);

export interface MessageFeatures {
  readonly normalised: string;
  readonly reading: SlotReading;
  readonly hashes: number[];
}

function factsOf(reading: SlotReading): SlotFacts {
  return {
    amount: reading.amount !== undefined,
    date: reading.date !== undefined,
    monthly: reading.affordableMinor !== undefined,
    budget: reading.monthlyIncomeMinor !== undefined || reading.monthlyExpensesMinor !== undefined,
    channels: reading.refusedChannels.length > 0 || reading.noWorkplace || reading.noThirdParties,
    option: reading.optionNumber !== undefined,
    term: reading.termMonths !== undefined,
  };
}

/**
 * Spoofed speaker labels ("SYSTEM:", "[admin mode]", "【系统公告】") say who pretends to speak, not what is asked:
 * the manipulation flag keeps them, the intent is read without them.
 */
const ROLE_MARKERS =
  /(?:^|[\s[(<{【（])(?:system|sys|admin|administrator|assistant|developer|operator|root)(?:\s+(?:mode|override|note|message|notice|prompt))?\s*(?:[\]】>)）])?\s*[:：]|\[\/?(?:inst|system|admin|sys)[^\]]*\]|<\/?(?:system|s|end|inst|admin)>|【[^】]{0,8}】|系统(?:公告|备注|消息|指令|通知)?\s*[:：]/gu;

/** What the classifier sees of a message; training uses exactly this. */
export function messageFeatures(text: string, context: SlotContext): MessageFeatures {
  const normalised = normaliseText(text.length > MAX_READ_CHARS ? text.slice(0, MAX_READ_CHARS) : text);
  const reading = readSlotReading(normalised, context);
  const withoutRoles = normalised.replace(ROLE_MARKERS, ' ');
  const features = featuresOf(withoutRoles, factsOf(reading));
  // The labels themselves are a strong sign of manipulation, for the manipulation model.
  if (withoutRoles !== normalised) features.push('role-marker');
  const hashes = features.map(hashFeature);
  return { normalised, reading, hashes };
}

export interface Decision {
  readonly intent: IntentName;
  readonly confidence: number;
  readonly runnerUp?: IntentName;
}

/** The intent from the model's probabilities and the protected rules that fired. */
export function decide(
  classes: readonly IntentName[],
  probabilities: ArrayLike<number>,
  rules: RuleReading,
  short?: IntentName,
): Decision {
  const ranked = classes
    .map((intent, index) => ({ intent, p: probabilities[index]! }))
    .filter(({ intent }) => !rules.denied.includes(intent))
    .sort((a, b) => b.p - a.p || rank(a.intent) - rank(b.intent));
  // A denied ask's probability is shared out among the rest.
  const kept = ranked.reduce((sum, r) => sum + r.p, 0) || 1;
  for (const r of ranked) r.p /= kept;
  const top = ranked[0]!;
  const probabilityOf = (intent: IntentName) => ranked.find((r) => r.intent === intent)?.p ?? 0;
  let chosen = top;
  const ruleHits = rules.hits;
  if (short !== undefined && ruleHits.length === 0)
    chosen = { intent: short, p: Math.max(probabilityOf(short), 0.9) };
  // Self-harm is never left to a guess.
  else if (rules.selfHarm && top.intent !== 'deceased')
    chosen = { intent: 'vulnerability', p: Math.max(probabilityOf('vulnerability'), SURE) };
  else {
    const rule = ruleHits.find((hit) => hit !== top.intent);
    if (
      rule !== undefined &&
      !ruleHits.includes(top.intent) &&
      (top.p < SURE ||
        rank(rule) < rank(top.intent) ||
        (rule === 'vulnerability' && top.intent === 'deceased' && rules.bereavedOwnAccount))
    ) {
      chosen = { intent: rule, p: Math.max(probabilityOf(rule), 0.5) };
    }
  }
  const others = ranked.filter((r) => r.intent !== chosen.intent);
  const second = others[0]!;
  const runnerUp =
    chosen.intent !== top.intent
      ? top.intent
      : second.p >= RUNNER_UP_MIN || (PROTECTED_INTENTS.has(second.intent) && second.p >= RUNNER_UP_MIN / 2)
        ? second.intent
        : undefined;
  return { intent: chosen.intent, confidence: round(chosen.p), ...(runnerUp ? { runnerUp } : {}) };
}

const round = (p: number) => Math.round(p * 1000) / 1000;

/** The probability that a message tries to manipulate the assistant, by the trained model (0 without one). */
export function manipulationProbability(model: IntentModel, hashes: readonly number[]): number {
  return model.manipulation ? intentProbabilities(model.manipulation.model, hashes)[1]! : 0;
}

/** Reads a message's features with a decoded model: the rules flag manipulation, and so does the model when sure. */
export function readFeatures(
  model: IntentModel,
  { normalised, reading, hashes }: MessageFeatures,
): Understanding {
  const injection =
    isManipulation(normalised) ||
    (model.manipulation !== undefined &&
      manipulationProbability(model, hashes) >= model.manipulation.threshold);
  if (!/[\p{L}\p{N}]/u.test(normalised)) return { intent: 'unknown', confidence: 1, injection, slots: {} };
  const decision = decide(
    model.classes,
    intentProbabilities(model, hashes),
    protectedRules(normalised),
    shortAnswer(normalised),
  );
  return { ...decision, injection, slots: slotsFor(reading, decision.intent) };
}

/** Reads one message with a decoded model. */
export function readMessage(model: IntentModel, text: string, context: SlotContext): Understanding {
  return readFeatures(model, messageFeatures(text, context));
}
