/**
 * An agent asks for a fresh draft of an account's outreach (the options may have changed, or the agent wants
 * the model's words): the same options and drafting as on a treatment change, stored with the agent's name.
 * Nothing is queued: the agent reviews and approves a message from it, which gates it again.
 */
import { randomUUID } from 'node:crypto';
import type { BusinessMetrics } from '../business-metrics';
import { draftAccountOutreach } from '../drafting/account-outreach';
import type { LlmPort } from '../drafting/drafting-service';
import { conflict, notFound } from '../errors';
import type { AccountRepository, Clock, EventPublisher } from '../ports';
import { TREATMENT_POLICY } from '../treatment/treatment-policy';
import type { DraftRecord, DraftStore } from './outreach';
import { offerDrafted } from './outreach-events';

export async function draftOnRequest(
  deps: {
    accounts: AccountRepository;
    drafts: DraftStore;
    events: EventPublisher;
    llm: LlmPort | undefined;
    clock: Clock;
    metrics?: BusinessMetrics;
  },
  request: { accountId: string; agentId: string },
): Promise<DraftRecord> {
  const account = await deps.accounts.get(request.accountId);
  if (!account) throw notFound('ACCOUNT_NOT_FOUND', `No account ${request.accountId}.`);
  if (!account.treatment || !account.risk) {
    throw conflict('ACCOUNT_NOT_SCORED', `Account ${request.accountId} has not been scored yet.`);
  }
  const { tier, bucket } = account.treatment;
  if (TREATMENT_POLICY.tiers[tier].channels.length === 0) {
    throw conflict('NO_OUTREACH_FOR_TIER', `Tier ${tier} has no outreach to draft.`);
  }
  if (account.balanceMinor <= 0) throw conflict('NOTHING_DUE', `Account ${request.accountId} owes nothing.`);
  const { offers, result } = await draftAccountOutreach(deps, {
    account,
    tier,
    bucket,
    riskBand: account.risk.band,
  });
  const createdAt = deps.clock.now().toISOString();
  const record: DraftRecord = {
    ...result,
    accountId: account.accountId,
    draftId: `${createdAt}#requested-${randomUUID()}`,
    changeId: `requested-by:${request.agentId}`,
    tier,
    bucket,
    jurisdiction: account.jurisdiction,
    language: account.customer.language,
    offers,
    createdAt,
  };
  await deps.drafts.create(record);
  await deps.events.publish([offerDrafted(record)]);
  return record;
}
