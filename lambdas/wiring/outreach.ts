/** The delivery side wired for a stage: the dispatcher and the per-message sender share it. */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import * as z from 'zod';
import { DynamoAccountRepository } from '../adapters/dynamodb/account-repository';
import { documentClient } from '../adapters/dynamodb/client';
import { DynamoContactStore } from '../adapters/dynamodb/contact-store';
import { EventBridgePublisher, eventBridgeClient } from '../adapters/eventbridge/event-publisher';
import { DeveloperInboxSender } from '../adapters/messaging/developer-inbox-sender';
import { SesEmailSender } from '../adapters/messaging/ses-email-sender';
import { SnsSmsSender } from '../adapters/messaging/sns-sms-sender';
import { StoredSender } from '../adapters/messaging/stored-sender';
import { systemClock } from '../adapters/system-clock';
import type { DeliverOutreachDeps } from '../domain/outreach/deliver-outreach';
import type { MessageSender, OutboundChannel } from '../domain/outreach/outreach';
import { loadConfig, tableNames } from '../runtime/config';

const channelSettings = {
  OUTREACH_DELIVERY: z.enum(['store_only', 'send']),
  OUTREACH_EMAIL_FROM: z.email(),
  STAGE: z.string().optional(),
  /** Set by the local runtime only: its in-memory developer inbox. Ignored in any other stage. */
  DEVELOPER_INBOX_URL: z.url().optional(),
};
/** Optional: without it the gate applies the agency rules, the stricter. */
const gateSettings = { GATE_COLLECTOR_ROLE: z.enum(['first_party', 'third_party']).default('third_party') };

type ChannelSettings = z.infer<z.ZodObject<typeof channelSettings>>;

export function outreachDelivery(): DeliverOutreachDeps {
  const config = loadConfig({
    ...tableNames('accounts', 'contacts'),
    EVENT_BUS_NAME: z.string().min(1),
    ...channelSettings,
    ...gateSettings,
  });
  const db = documentClient();
  const contacts = new DynamoContactStore(db, config.CONTACTS_TABLE);
  return {
    accounts: new DynamoAccountRepository(db, config.ACCOUNTS_TABLE),
    outbox: contacts,
    contactLog: contacts,
    senders: outreachSenders(config),
    events: new EventBridgePublisher(eventBridgeClient(), config.EVENT_BUS_NAME),
    clock: systemClock,
    collectorRole: config.GATE_COLLECTOR_ROLE,
  };
}

/** The stage's channel senders (`OUTREACH_DELIVERY`, `OUTREACH_EMAIL_FROM`). */
export function outreachSenders(
  config: ChannelSettings = loadConfig(channelSettings),
): Record<OutboundChannel, MessageSender> {
  const delivery = config.OUTREACH_DELIVERY;
  const emailFrom = config.OUTREACH_EMAIL_FROM;
  const portal = new StoredSender('portal');
  if (delivery === 'store_only') {
    // Locally, texts and e-mails also reach the developer inbox (memory only): where a developer reads a code.
    const stored =
      config.STAGE === 'local' && config.DEVELOPER_INBOX_URL
        ? new DeveloperInboxSender(config.DEVELOPER_INBOX_URL)
        : new StoredSender('store-only');
    return { sms: stored, email: stored, portal };
  }
  return {
    sms: new SnsSmsSender(new SNSClient({})),
    email: new SesEmailSender(new SESv2Client({}), emailFrom),
    portal,
  };
}
