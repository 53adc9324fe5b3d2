import type { MessageSender, OutboundMessage, SendReceipt } from '../../domain/outreach/outreach';

/**
 * Keeps the message where it is: the outbox item, marked sent, is the record. Portal notices always go this
 * way (the portal shows them); e-mail and SMS do in stages that must not reach real people (local, dev,
 * staging), where the outbox is where a developer reads what would have been sent.
 */
export class StoredSender implements MessageSender {
  constructor(private readonly deliveredBy: 'portal' | 'store-only') {}

  async send(_message: OutboundMessage): Promise<SendReceipt> {
    return { deliveredBy: this.deliveredBy };
  }
}
