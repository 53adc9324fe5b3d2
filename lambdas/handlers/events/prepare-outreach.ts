import * as z from '../../../contracts/schema';
import { type PrepareOutreachDeps, prepareOutreach } from '../../domain/outreach/prepare-outreach';
import { eventHandler } from '../../events/event-handler';
import { loadConfig } from '../../runtime/config';
import { logger } from '../../runtime/logger';
import { clock } from '../../wiring/clock';
import { accountRepository, auditLog, contactStore, draftStore } from '../../wiring/dynamo';
import { eventPublisher } from '../../wiring/events';
import { businessMetrics } from '../../wiring/metrics';
import { configuredModel } from '../../wiring/model';

const config = loadConfig({
  // The stage's llm.gateReview: the model also reviews its own drafts for tone and implied threats.
  GATE_MODEL_REVIEW: z._default(z.enum(['on', 'off']), 'off'),
});
const stores = {
  accounts: accountRepository(),
  drafts: draftStore(),
  outbox: contactStore(),
  contactLog: contactStore(),
  events: eventPublisher(),
  clock: clock(),
  metrics: businessMetrics(),
  audit: auditLog(),
};
const deps: Promise<PrepareOutreachDeps> = configuredModel('drafting').then((llm) => ({
  ...stores,
  llm,
  reviewer: config.GATE_MODEL_REVIEW === 'on' ? llm : undefined,
}));

export const handler = eventHandler(['TreatmentChanged'], async (event) => {
  const outcome = await prepareOutreach(await deps, event.detail);
  logger.info('Outreach prepared', { accountId: event.detail.accountId, ...outcome });
  return outcome;
});
