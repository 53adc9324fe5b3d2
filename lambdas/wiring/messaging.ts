/** The stage's channel senders (`OUTREACH_DELIVERY`, `OUTREACH_EMAIL_FROM`): SES and SNS, or stored only. */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import * as z from '../../contracts/schema';
import { lazyClient } from '../adapters/lazy-client';
import { DeveloperInboxSender } from '../adapters/messaging/developer-inbox-sender';
import { SesEmailSender } from '../adapters/messaging/ses-email-sender';
import { SnsSmsSender } from '../adapters/messaging/sns-sms-sender';
import { StoredSender } from '../adapters/messaging/stored-sender';
import type { MessageSender, OutboundChannel } from '../domain/outreach/outreach';
import { loadConfig } from '../runtime/config';
import { once } from './once';

const channelSettings = {
  OUTREACH_DELIVERY: z.enum(['store_only', 'send']),
  OUTREACH_EMAIL_FROM: z.email(),
  STAGE: z.optional(z.string()),
  /** Set by the local runtime only: its in-memory developer inbox. Ignored in any other stage. */
  DEVELOPER_INBOX_URL: z.optional(z.url()),
};

export const outreachSenders = /* @__PURE__ */ once((): Record<OutboundChannel, MessageSender> => {
  const config = loadConfig(channelSettings);
  const portal = new StoredSender('portal');
  if (config.OUTREACH_DELIVERY === 'store_only') {
    // Locally, texts and e-mails also reach the developer inbox (memory only): where a developer reads a code.
    const stored =
      config.STAGE === 'local' && config.DEVELOPER_INBOX_URL
        ? new DeveloperInboxSender(config.DEVELOPER_INBOX_URL)
        : new StoredSender('store-only');
    return { sms: stored, email: stored, portal };
  }
  return {
    sms: new SnsSmsSender(lazyClient(() => new SNSClient({}))),
    email: new SesEmailSender(
      lazyClient(() => new SESv2Client({})),
      config.OUTREACH_EMAIL_FROM,
    ),
    portal,
  };
});
