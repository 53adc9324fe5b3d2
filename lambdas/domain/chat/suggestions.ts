/**
 * The chat's suggested next messages (the portal's quick replies), from what the conversation has recorded.
 * A customer who has told us of a death, a crisis, bankruptcy, a lawyer, a dispute or fraud, or who asked us
 * to stop, is not invited to browse options or declare a job loss: only to reach a person. Once a person is
 * asked for or has joined, nothing is suggested.
 */
import type { Conversation } from './conversation';
import { type ChatState, type Recorded, readChatState } from './turn';

export const SUGGESTIONS = ['show_options', 'hardship', 'person'] as const;
export type Suggestion = (typeof SUGGESTIONS)[number];

const FOR_A_PERSON: ReadonlySet<Recorded> = new Set([
  'deceased',
  'vulnerability',
  'self_harm',
  'bankruptcy',
  'legal_representation',
  'dispute',
  'fraud',
  'stop_contact',
]);

export function suggestionsFor(state: ChatState, agentJoined: boolean): readonly Suggestion[] {
  const recorded = state.recorded ?? [];
  if (agentJoined || recorded.includes('person')) return [];
  if (recorded.some((item) => FOR_A_PERSON.has(item))) return ['person'];
  return SUGGESTIONS;
}

/** The suggestions for a stored conversation. */
export function conversationSuggestions(conversation: Conversation): readonly Suggestion[] {
  return suggestionsFor(readChatState(conversation.assistantState), conversation.agent !== undefined);
}
