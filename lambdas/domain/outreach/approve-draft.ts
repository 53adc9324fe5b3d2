/**
 * An agent approves a stored draft's message for one channel, as drafted or edited, and it is queued in the
 * outbox like the messages `prepareOutreach` queues — and gated again when it is sent.
 *
 * Rules:
 * - The draft must still fit the account: same tier as now (else 409 `DRAFT_SUPERSEDED`, a message for an old
 *   tier would be blocked at send time) and its offer dates still ahead (else 409 `DRAFT_EXPIRED`); a draft
 *   written before the customer agreed a plan pitched the options it replaced (409 `DRAFT_REPLACED_BY_PLAN`).
 * - Edits: the agent edits the body only. Code appends the channel's required disclosures (mini-Miranda in
 *   the US, opt-out for SMS and e-mail) exactly as it does for drafts, skipping any the agent's text already
 *   contains verbatim (an agent who edited the full stored text keeps one copy). An e-mail's subject may be
 *   edited too; only e-mails have one.
 * - The text (subject and body for e-mail) is linted with the draft's offer figures, channel, jurisdiction
 *   and language: any violation → 400 `MESSAGE_REJECTED` naming them. This applies to unedited texts too.
 * - Timing and holds come from the same planning as automatic outreach (`planOutreach`, one channel): a hold
 *   (dispute, cease, hardship plan, refused channel, no SMS consent, exclusion) or no contact window before the
 *   message goes stale → 409 `OUTREACH_BLOCKED` with the reasons. Outside contact hours or within the tier's
 *   cadence the message is queued for later (`notBefore`). The approval is the human review a tier may
 *   require, and the agent may pick any outbound channel, not only the tier's.
 * - One approved message per draft and channel: `<draftId>#<channel>#approved`. Approving again returns the
 *   message already queued (whatever the new text) and queues nothing more.
 * - The approved message takes the place of the draft's automatic one: automatic outreach sends at most one
 *   outbound message (SMS or e-mail) per draft plus a portal notice, so an approved SMS or e-mail withdraws
 *   the draft's automatic SMS and e-mail still waiting in the outbox, and an approved portal notice the
 *   automatic notice (blocked with `REPLACED_BY_APPROVAL`, announced as `OutreachBlocked`). What has left
 *   already stays sent; the tier's cadence then spaces the approved message after it.
 */
import type { Account, Language } from '../accounts/account';
import { type BusinessMetrics, countBlocked } from '../business-metrics';
import { checkMessage, checkTemplate, type MessageVerdict } from '../compliance';
import { requiredDisclosures } from '../compliance/disclosures';
import { recordBlocked } from '../dashboard/gate-blocks';
import { gateOfferOf } from '../drafting/draft';
import { conflict, DomainError, notFound } from '../errors';
import type { AccountRepository, AuditLog, Clock, DomainEvent, EventPublisher } from '../ports';
import { TREATMENT_POLICY, type TreatmentPolicy } from '../treatment/treatment-policy';
import type { ContactLog, DraftRecord, DraftStore, OutboundChannel, Outbox, OutboxMessage } from './outreach';
import { messageBlocked, outreachQueued } from './outreach-events';
import { historyStart, planOutreach } from './outreach-plan';

export interface ApproveDraftDeps {
  readonly accounts: AccountRepository;
  readonly drafts: DraftStore;
  readonly outbox: Outbox;
  readonly contactLog: ContactLog;
  readonly events: EventPublisher;
  readonly clock: Clock;
  readonly treatmentPolicy?: TreatmentPolicy;
  /** Business figures counted here (catalog/metrics.ts); none: not counted. */
  readonly metrics?: BusinessMetrics;
  /** Where an approval the gate stopped is kept as a fact (the supervisor dashboard counts it). */
  readonly audit?: AuditLog;
}

export interface ApprovalRequest {
  readonly accountId: string;
  readonly draftId: string;
  readonly channel: OutboundChannel;
  /** The agent's body, without disclosures (they are appended when missing); absent = the draft's text. */
  readonly text?: string;
  /** E-mail only: the agent's subject; absent = the draft's. */
  readonly subject?: string;
  readonly agentId: string;
}

export interface ApprovalResult {
  /** false when this draft's message for the channel had been approved before: nothing new was queued. */
  readonly queued: boolean;
  readonly message: OutboxMessage;
  /** The linter's verdict on the text queued now (absent for a repeat). */
  readonly verdict?: MessageVerdict;
}

/** Long enough to block a withdrawn message right after claiming it. */
const WITHDRAW_CLAIM_MS = 60_000;

export const approvedMessageId = (draftId: string, channel: OutboundChannel) =>
  `${draftId}#${channel}#approved`;

const joinerOf = (channel: OutboundChannel, language: Language) =>
  channel === 'sms' ? (language === 'en' ? ' ' : '') : '\n\n';

/** The agent's body with each required disclosure the text lacks appended, as drafts get them. */
export function withMissingDisclosures(
  body: string,
  record: Pick<DraftRecord, 'jurisdiction' | 'language'>,
  channel: OutboundChannel,
): string {
  const trimmed = body.trim();
  const missing = requiredDisclosures(record.jurisdiction, channel, record.language).filter(
    (disclosure) => !trimmed.includes(disclosure),
  );
  return [trimmed, ...missing].join(joinerOf(channel, record.language));
}

/** The subject and text to queue: the draft's, or the agent's edit with the disclosures. */
export function approvedText(
  record: DraftRecord,
  request: Pick<ApprovalRequest, 'channel' | 'text' | 'subject'>,
): { subject?: string; text: string; edited: boolean } {
  const { channel } = request;
  const draft = record.draft;
  const stored = draft ? (channel === 'email' ? draft.email.body : draft[channel]) : undefined;
  const storedSubject = channel === 'email' ? draft?.email.subject : undefined;
  if (request.subject !== undefined && channel !== 'email') {
    throw new DomainError('invalid', 'VALIDATION_FAILED', 'body.subject: only e-mails have a subject');
  }
  const text = request.text !== undefined ? withMissingDisclosures(request.text, record, channel) : stored;
  const subject = channel === 'email' ? (request.subject?.trim() ?? storedSubject) : undefined;
  if (text === undefined) {
    throw new DomainError('invalid', 'TEXT_REQUIRED', 'The draft has no message to approve: write the text.');
  }
  if (channel === 'email' && !subject) {
    throw new DomainError('invalid', 'SUBJECT_REQUIRED', 'The draft has no e-mail subject: write one.');
  }
  const edited = text !== stored || subject !== storedSubject;
  return { ...(subject !== undefined ? { subject } : {}), text, edited };
}

/**
 * A draft written before the customer agreed a plan pitched the options the plan replaced: it is no longer
 * offered for approval (the contact history keeps what was sent), as the portal drops the outreach that
 * pitched them.
 */
export const pitchStillStands = (
  account: Pick<Account, 'repaymentPlan'>,
  draft: Pick<DraftRecord, 'createdAt'>,
): boolean => !account.repaymentPlan || draft.createdAt >= account.repaymentPlan.acceptedAt;

export async function approveDraft(
  deps: ApproveDraftDeps,
  request: ApprovalRequest,
): Promise<ApprovalResult> {
  const { accountId, draftId, channel } = request;
  const [account, record] = await Promise.all([
    deps.accounts.get(accountId),
    deps.drafts.get(accountId, draftId),
  ]);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${accountId}.`);
  if (!record) throw notFound('DRAFT_NOT_FOUND', `No draft ${draftId} for account ${accountId}.`);
  if (!pitchStillStands(account, record)) {
    throw conflict(
      'DRAFT_REPLACED_BY_PLAN',
      'The draft pitched the options the agreed plan replaced: it can no longer be approved.',
    );
  }
  if (account.treatment?.tier !== record.tier) {
    throw conflict(
      'DRAFT_SUPERSEDED',
      `The draft was written for tier ${record.tier}; the account is now in ${account.treatment?.tier ?? 'no tier'}.`,
    );
  }

  const { subject, text, edited } = approvedText(record, request);
  const gateOffer = gateOfferOf(record.offers);
  const checkedText = subject ? `${subject}\n\n${text}` : text;
  // An agent's edit or a model's draft is free text; the offline drafter's words are its templates.
  const freeText = edited || record.draft?.metadata.source !== 'offline';
  const verdict = (freeText ? checkMessage : checkTemplate)({
    jurisdiction: record.jurisdiction,
    channel,
    language: record.language,
    text: checkedText,
    offer: gateOffer,
  });
  if (!verdict.allowed) {
    countBlocked(deps.metrics, [verdict]);
    // The agent's words (or the draft as approved) were stopped: counted with agents' messages.
    await recordBlocked(deps.audit, {
      accountId,
      source: edited ? 'agent_message' : 'draft',
      ref: `${draftId}#${channel}`,
      at: deps.clock.now().toISOString(),
      verdict,
      agentId: request.agentId,
    });
    const violations = verdict.violations.map(({ rule, detail }) => `${rule}: ${detail}`).join('; ');
    throw new DomainError('invalid', 'MESSAGE_REJECTED', `The message was rejected: ${violations}`, {
      violations: verdict.violations,
      text: checkedText,
    });
  }

  const now = deps.clock.now();
  const key = { accountId, messageId: approvedMessageId(draftId, channel) };
  const existing = await deps.outbox.get(key);
  if (existing) return repeat(deps, existing);

  const history = await deps.contactLog.since(accountId, historyStart(now));
  const plan = planOutreach(
    {
      account,
      history,
      now,
      policy: oneChannelPolicy(deps.treatmentPolicy ?? TREATMENT_POLICY, record, channel),
    },
    { ...record, status: 'ready' },
  );
  if (Date.parse(plan.expiresAt) <= now.getTime()) {
    throw conflict('DRAFT_EXPIRED', `The draft's offer dates have passed (${plan.expiresAt}): draft again.`);
  }
  const planned = plan.messages.find((message) => message.channel === channel);
  if (!planned) {
    const reasons = plan.blocked.flatMap((blocked) => blocked.reasons);
    throw conflict('OUTREACH_BLOCKED', `The ${channel} message may not be sent: ${reasons.join(', ')}`);
  }

  const message: OutboxMessage = {
    ...key,
    draftId,
    channel,
    tier: record.tier,
    jurisdiction: record.jurisdiction,
    language: record.language,
    ...(subject !== undefined ? { subject } : {}),
    text,
    gateOffer,
    status: 'queued',
    queuedAt: now.toISOString(),
    notBefore: planned.notBefore,
    expiresAt: plan.expiresAt,
    sendAttempts: 0,
    approvedBy: request.agentId,
    edited,
  };
  if (!(await deps.outbox.enqueue(message))) {
    // Another approval of the same draft and channel got there first: theirs stands.
    const winner = await deps.outbox.get(key);
    if (winner) return repeat(deps, winner);
  }
  const withdrawn = await withdrawAutomatic(deps, message, now);
  await deps.events.publish([outreachQueued(message), ...withdrawn]);
  return { queued: true, message, verdict };
}

/** Takes the draft's automatic messages the approved one replaces out of the queue; returns the announcements. */
async function withdrawAutomatic(
  deps: ApproveDraftDeps,
  approved: OutboxMessage,
  now: Date,
): Promise<DomainEvent[]> {
  const replaced: readonly OutboundChannel[] = approved.channel === 'portal' ? ['portal'] : ['sms', 'email'];
  const events: DomainEvent[] = [];
  for (const channel of replaced) {
    const key = { accountId: approved.accountId, messageId: `${approved.draftId}#${channel}` };
    const automatic = await deps.outbox.get(key);
    if (automatic?.status !== 'queued') continue;
    // Claimed like a sender would (also when it waits for later hours), so a send in progress wins.
    const claimAt = automatic.notBefore > now.toISOString() ? automatic.notBefore : now.toISOString();
    const claimEnd = new Date(Date.parse(claimAt) + WITHDRAW_CLAIM_MS).toISOString();
    if (!(await deps.outbox.claim(key, claimAt, claimEnd))) continue;
    const reasons = [`REPLACED_BY_APPROVAL: ${approved.messageId} approved by ${approved.approvedBy}`];
    await deps.outbox.finish(key, 'blocked', reasons);
    events.push(messageBlocked(automatic, 'approval', reasons));
  }
  return events;
}

/**
 * The approval makes the human decision, and the agent may choose the channel: plan this one channel with
 * the tier's cadence, without the tier's own channel list or review requirement. Holds, hours, consent and
 * caps apply as for any outreach.
 */
function oneChannelPolicy(
  policy: TreatmentPolicy,
  record: DraftRecord,
  channel: OutboundChannel,
): TreatmentPolicy {
  const strategy = policy.tiers[record.tier];
  return {
    ...policy,
    tiers: { ...policy.tiers, [record.tier]: { ...strategy, channels: [channel], humanReview: false } },
  };
}

/** A repeated approval: nothing new is queued; a message still waiting is announced again (harmless). */
async function repeat(deps: ApproveDraftDeps, message: OutboxMessage): Promise<ApprovalResult> {
  if (message.status === 'queued') await deps.events.publish([outreachQueued(message)]);
  return { queued: false, message };
}
