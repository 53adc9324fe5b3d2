/** What the outbox announces, built one way wherever a message is queued, sent or stopped. */
import { type DetailInput, type DomainEvent, domainEvent } from '../../../contracts/events';
import type { DraftRecord, OutboxMessage } from './outreach';

const keysOf = (message: OutboxMessage) => ({
  accountId: message.accountId,
  draftId: message.draftId,
  messageId: message.messageId,
  channel: message.channel,
});

/** A queued message, for the sender (`deliverOutreach`); who approved it when a person did. */
export function outreachQueued(message: OutboxMessage): DomainEvent<'OutreachQueued'> {
  return domainEvent('OutreachQueued', {
    ...keysOf(message),
    notBefore: message.notBefore,
    ...(message.approvedBy ? { approvedBy: message.approvedBy, edited: message.edited === true } : {}),
  });
}

export function outreachSent(
  message: OutboxMessage,
  sent: { sentAt: string; deliveredBy?: string },
): DomainEvent<'OutreachSent'> {
  return domainEvent('OutreachSent', { ...keysOf(message), ...sent });
}

/** A message that will not be sent, with the stage that stopped it. */
export function messageBlocked(
  message: OutboxMessage,
  stage: DetailInput<'OutreachBlocked'>['stage'],
  reasons: readonly string[],
): DomainEvent<'OutreachBlocked'> {
  return domainEvent('OutreachBlocked', { ...keysOf(message), stage, reasons });
}

/** A stored draft, announced the same way whether a treatment change or an agent asked for it. */
export function offerDrafted(record: DraftRecord): DomainEvent<'OfferDrafted'> {
  return domainEvent('OfferDrafted', {
    accountId: record.accountId,
    draftId: record.draftId,
    changeId: record.changeId,
    tier: record.tier,
    status: record.status,
    source: record.draft?.metadata.source,
    promptVersion: record.draft?.metadata.promptVersion,
    model: record.draft?.metadata.model,
    optionIds: record.offers.options.map((option) => option.id),
    llmCalls: record.llmCalls,
  });
}
