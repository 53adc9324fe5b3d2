import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { MessageSender, OutboundMessage, SendReceipt } from '../../domain/outreach/outreach';

/** E-mail through Amazon SES (v2 API), plain text: what the gate checked is exactly what is sent. */
export class SesEmailSender implements MessageSender {
  constructor(
    private readonly client: SESv2Client,
    private readonly fromAddress: string,
  ) {}

  async send(message: OutboundMessage): Promise<SendReceipt> {
    const { MessageId } = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.fromAddress,
        Destination: { ToAddresses: [message.to!] },
        Content: {
          Simple: {
            Subject: { Data: message.subject ?? '', Charset: 'UTF-8' },
            Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
          },
        },
        EmailTags: [{ Name: 'messageId', Value: tagValue(message.messageId) }],
      }),
    );
    return { deliveredBy: 'ses', providerMessageId: MessageId };
  }
}

/** SES tags allow letters, digits, `_` and `-` only. */
const tagValue = (value: string) => value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256);
