/**
 * Messages the compliance gate stopped, kept as facts. Drafts the gate blocked stay in the offers table and
 * sends it blocked at send time stay in the outbox; an agent's message (in a take-over, or an edited draft at
 * approval), an assistant reply that was replaced by the safe reply, and a channel the contact policy refused
 * when outreach was queued leave nothing else behind, so each is written to the account's audit trail as a
 * `MessageBlocked` entry. The supervisor dashboard counts them all.
 */
import type { MessageVerdict } from '../compliance';
import type { AuditLog } from '../ports';

export const BLOCK_SOURCES = ['draft', 'agent_message', 'assistant_reply', 'send'] as const;
export type BlockSource = (typeof BLOCK_SOURCES)[number];

export const MESSAGE_BLOCKED = 'MessageBlocked';

export interface BlockedFact {
  readonly accountId: string;
  readonly source: BlockSource;
  /** What was stopped: `<conversationId>#<clientMessageId>`, a draft id, …; with `at`, one entry per block. */
  readonly ref: string;
  readonly at: string;
  /** The gate's verdict, or the rule codes that stopped it. */
  readonly verdict: MessageVerdict | { readonly rules: readonly string[] };
  /** Who wrote it, for an agent's message. */
  readonly agentId?: string;
}

/** `MESSAGE_REJECTED`, `NO_SMS_CONSENT: …`, `FORBIDDEN_THREAT: forbidden phrase …` → the code before the colon. */
export const reasonCode = (reason: string) => (reason.split(':')[0] ?? reason).trim();

/** The rules that stopped a message, each once. */
export const rulesOf = (verdict: MessageVerdict): string[] => [
  ...new Set(verdict.violations.map((violation) => violation.rule)),
];

/** Writes the block to the audit trail (no audit log wired: nothing). */
export async function recordBlocked(audit: AuditLog | undefined, fact: BlockedFact): Promise<void> {
  if (!audit) return;
  const rules = 'rules' in fact.verdict ? [...new Set(fact.verdict.rules)] : rulesOf(fact.verdict);
  await audit.append({
    accountId: fact.accountId,
    entryId: `blocked:${fact.source}:${fact.ref}`,
    at: fact.at,
    kind: MESSAGE_BLOCKED,
    summary: `${fact.source.replace('_', ' ')} stopped by the compliance gate: ${rules.join(', ')}`,
    data: {
      source: fact.source,
      ref: fact.ref,
      rules,
      ...(fact.agentId ? { agentId: fact.agentId } : {}),
    },
  });
}
