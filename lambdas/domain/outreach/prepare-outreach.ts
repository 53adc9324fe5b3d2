/**
 * On a treatment change: compute the account's offer options, draft the messages and the call script
 * (model or offline, through the gate), store the draft with its verdicts, queue what may be sent and announce
 * it all. Safe to repeat for the same change (events arrive at least once): the draft is keyed by the change
 * and drafted once, the outbox keyed by draft and channel, and the events carry those keys.
 */

import { type DetailOf, domainEvent } from '../../../contracts/events';
import type { Account } from '../accounts/account';
import type { BusinessMetrics } from '../business-metrics';
import { reasonCode, recordBlocked } from '../dashboard/gate-blocks';
import { draftAccountOutreach } from '../drafting/account-outreach';
import { channelTexts, gateOfferOf } from '../drafting/draft';
import type { LlmPort } from '../drafting/drafting-service';
import type { OfferPolicy } from '../offers/offer-policy';
import type { AccountRepository, AuditLog, Clock, DomainEvent, EventPublisher } from '../ports';
import { TREATMENT_POLICY, type TreatmentPolicy } from '../treatment/treatment-policy';
import type { ContactLog, DraftRecord, DraftStore, Outbox, OutboxMessage } from './outreach';
import { offerDrafted, outreachQueued } from './outreach-events';
import { type BlockedChannel, historyStart, type OutreachPlan, planOutreach } from './outreach-plan';

export interface PrepareOutreachDeps {
  readonly accounts: AccountRepository;
  readonly drafts: DraftStore;
  readonly outbox: Outbox;
  readonly contactLog: ContactLog;
  readonly events: EventPublisher;
  readonly llm: LlmPort | undefined;
  /** Optional model review of model drafts (see DraftingDeps.reviewer). */
  readonly reviewer?: LlmPort;
  readonly clock: Clock;
  readonly offerPolicy?: OfferPolicy;
  readonly treatmentPolicy?: TreatmentPolicy;
  /** Business figures counted here (catalog/metrics.ts); none: not counted. */
  readonly metrics?: BusinessMetrics;
  /** Where channels the contact policy refused at queue time are kept as facts (the dashboard counts them). */
  readonly audit?: AuditLog;
}

export type PrepareOutcome =
  | {
      readonly outcome: 'skipped';
      readonly reason: 'ACCOUNT_NOT_FOUND' | 'SUPERSEDED' | 'NOTHING_DUE' | 'NO_OUTREACH_FOR_TIER';
    }
  | {
      readonly outcome: 'prepared';
      readonly draftId: string;
      readonly status: DraftRecord['status'];
      readonly queued: readonly string[];
      readonly blocked: readonly BlockedChannel[];
    };

export const draftIdOf = (change: Pick<DetailOf<'TreatmentChanged'>, 'assessedAt' | 'changeId'>) =>
  `${change.assessedAt}#${change.changeId}`;

export async function prepareOutreach(
  deps: PrepareOutreachDeps,
  change: DetailOf<'TreatmentChanged'>,
): Promise<PrepareOutcome> {
  const treatmentPolicy = deps.treatmentPolicy ?? TREATMENT_POLICY;
  const account = await deps.accounts.get(change.accountId);
  if (!account) return { outcome: 'skipped', reason: 'ACCOUNT_NOT_FOUND' };
  // A later run moved the account on; that change has its own event and its own draft.
  if (account.treatment?.tier !== change.current.tier) return { outcome: 'skipped', reason: 'SUPERSEDED' };
  if (account.balanceMinor <= 0) return { outcome: 'skipped', reason: 'NOTHING_DUE' };
  if (treatmentPolicy.tiers[change.current.tier].channels.length === 0) {
    // Holds, monitoring: nothing to draft, and no record kept per quiet account.
    return { outcome: 'skipped', reason: 'NO_OUTREACH_FOR_TIER' };
  }

  const record = await storedDraft(deps, account, change, treatmentPolicy);
  const now = deps.clock.now();
  const history = await deps.contactLog.since(account.accountId, historyStart(now));
  const plan = planOutreach({ account, history, now, policy: treatmentPolicy }, record);
  const queued = planned(record, plan, now);
  await Promise.all(queued.map((message) => deps.outbox.enqueue(message)));
  // Stopped before it was queued: kept with the draft's time, so a redelivered event writes the same entry.
  await Promise.all(
    record.status === 'ready'
      ? plan.blocked.map(({ channel, reasons }) =>
          recordBlocked(deps.audit, {
            accountId: account.accountId,
            source: 'send',
            ref: `${record.draftId}#${channel}`,
            at: record.createdAt,
            verdict: { rules: reasons.map(reasonCode) },
          }),
        )
      : [],
  );
  await deps.events.publish(announcements(record, plan, queued));
  return {
    outcome: 'prepared',
    draftId: record.draftId,
    status: record.status,
    queued: queued.map((message) => message.messageId),
    blocked: plan.blocked,
  };
}

/** The draft for this change: the stored one when a delivery already made it (no second model call). */
async function storedDraft(
  deps: PrepareOutreachDeps,
  account: Account,
  change: DetailOf<'TreatmentChanged'>,
  treatmentPolicy: TreatmentPolicy,
): Promise<DraftRecord> {
  const draftId = draftIdOf(change);
  const existing = await deps.drafts.get(account.accountId, draftId);
  if (existing) return existing;
  const { tier, bucket } = account.treatment!;
  const { offers, result } = await draftAccountOutreach(
    { llm: deps.llm, clock: deps.clock, reviewer: deps.reviewer, metrics: deps.metrics },
    {
      account,
      tier,
      bucket,
      riskBand: account.risk?.band ?? change.current.band,
      offerPolicy: deps.offerPolicy,
      treatmentPolicy,
    },
  );
  const record: DraftRecord = {
    ...result,
    accountId: account.accountId,
    draftId,
    changeId: change.changeId,
    tier,
    bucket,
    jurisdiction: account.jurisdiction,
    language: account.customer.language,
    offers,
    createdAt: deps.clock.now().toISOString(),
  };
  if (await deps.drafts.create(record)) return record;
  // Another delivery of the same change stored its draft first: keep one, theirs.
  return (await deps.drafts.get(account.accountId, draftId)) ?? record;
}

function planned(record: DraftRecord, plan: OutreachPlan, now: Date): OutboxMessage[] {
  if (!record.draft) return [];
  const texts = channelTexts(record.draft);
  const gateOffer = gateOfferOf(record.offers);
  return plan.messages.map(({ channel, notBefore }) => ({
    accountId: record.accountId,
    messageId: `${record.draftId}#${channel}`,
    draftId: record.draftId,
    channel,
    tier: record.tier,
    jurisdiction: record.jurisdiction,
    language: record.language,
    subject: channel === 'email' ? record.draft!.email.subject : undefined,
    text: channel === 'email' ? record.draft!.email.body : texts[channel],
    gateOffer,
    status: 'queued',
    queuedAt: now.toISOString(),
    notBefore,
    expiresAt: plan.expiresAt,
    sendAttempts: 0,
  }));
}

function announcements(
  record: DraftRecord,
  plan: OutreachPlan,
  queued: readonly OutboxMessage[],
): DomainEvent[] {
  const keys = { accountId: record.accountId, draftId: record.draftId };
  return [
    offerDrafted(record),
    ...queued.map((message) => outreachQueued(message)),
    ...(record.status === 'blocked'
      ? [domainEvent('OutreachBlocked', { ...keys, stage: 'draft', reasons: record.reasons ?? [] })]
      : plan.blocked.map(({ channel, reasons }) =>
          domainEvent('OutreachBlocked', { ...keys, stage: 'queue', channel, reasons }),
        )),
  ];
}
