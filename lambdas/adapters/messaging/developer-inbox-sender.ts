import type { MessageSender, OutboundMessage, SendReceipt } from '../../domain/outreach/outreach';

/**
 * Local runtime only: hands a text or an e-mail to the developer inbox the runtime keeps in memory, instead
 * of a phone or a mailbox. It is the one place a security code can be read locally; nothing is stored.
 */
export class DeveloperInboxSender implements MessageSender {
  constructor(private readonly url: string) {}

  async send(message: OutboundMessage): Promise<SendReceipt> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
    });
    if (!response.ok) throw new Error(`The developer inbox refused the message (${response.status}).`);
    // Stored, never sent: the same receipt as the store-only delivery it stands beside.
    return { deliveredBy: 'store-only' };
  }
}
