/**
 * Reads one customer message into the taxonomy: `understand` is the only entry point the assistant, the model
 * fallback and the CLI use. Offline and deterministic: the trained intent classifier (models/assistant-intents.json,
 * see docs/assistant-model-card.md) with high-precision rules for the asks with legal weight, slots read by rules,
 * and the manipulation flag. Any text gets a reading; nothing here throws on customer input.
 */
import { readModelArtifact } from '../../../models/artifacts';
import type { Currency, Language } from '../accounts/account';
import { decodeIntentModel, type IntentModel, type IntentModelArtifact } from './reading/classifier';
import { readMessage } from './reading/reader';
import type { Understanding } from './taxonomy';

export interface MessageContext {
  /** The page's language. */
  readonly language: Language;
  /** The account's currency: amounts are read in it. */
  readonly currency: Currency;
  /** The customer's local date, `YYYY-MM-DD`, for relative dates. */
  readonly today: string;
}

let model: IntentModel | undefined;

/**
 * Read and decoded once per process, on first use: a function that never reads a message never loads it.
 */
function committedModel(): IntentModel {
  model ??= decodeIntentModel(readModelArtifact('assistant-intents.json') as IntentModelArtifact);
  return model;
}

/** The version of the classifier behind every reading, for the record of a turn. */
export const understandingModelVersion = (): string => committedModel().version;

export function understand(text: string, context: MessageContext): Understanding {
  return readMessage(committedModel(), typeof text === 'string' ? text : '', {
    currency: context.currency,
    today: context.today,
  });
}
