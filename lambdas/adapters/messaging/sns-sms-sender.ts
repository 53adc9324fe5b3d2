import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { MessageSender, OutboundMessage, SendReceipt } from '../../domain/outreach/outreach';

/** SMS through Amazon SNS, as transactional messages (delivered at any price tier, not marketing). */
export class SnsSmsSender implements MessageSender {
  constructor(private readonly client: SNSClient) {}

  async send(message: OutboundMessage): Promise<SendReceipt> {
    const { MessageId } = await this.client.send(
      new PublishCommand({
        PhoneNumber: toE164(message.to!),
        Message: message.text,
        MessageAttributes: {
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        },
      }),
    );
    return { deliveredBy: 'sns', providerMessageId: MessageId };
  }
}

/** `+1-202-555-0100` → `+12025550100`; SNS takes E.164 only. */
export function toE164(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  // Only digits and the usual separators: `ext 5` or letters would silently become part of the number.
  const wellFormed = /^\+[1-9][\d\s().-]*$/.test(phone.trim());
  if (!wellFormed || digits.length < 8 || digits.length > 15) {
    throw new Error(`Not an international phone number: ${masked(phone)}`);
  }
  return `+${digits}`;
}

/** Every digit but the last two masked, however the number is punctuated: error messages end up in logs. */
function masked(phone: string): string {
  let toMask = phone.replace(/\D/g, '').length - 2;
  return phone.replace(/\d/g, (digit) => (toMask-- > 0 ? '•' : digit));
}
