import { deliverMessage } from '../../domain/outreach/deliver-outreach';
import { eventHandler } from '../../events/event-handler';
import { logger } from '../../runtime/logger';
import { outreachDelivery } from '../../wiring/outreach';

const deps = outreachDelivery();

/** Sends a message as soon as it is queued, if it is due; later ones wait for the outbox sweep. */
export const handler = eventHandler(['OutreachQueued'], async (event) => {
  const key = { accountId: event.detail.accountId, messageId: event.detail.messageId };
  const outcome = await deliverMessage(deps, key);
  logger.info('Outreach delivery', { ...key, outcome });
  return { ...key, outcome };
});
