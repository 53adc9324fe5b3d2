/**
 * The DynamoDB adapters, one cached factory each. A factory reads only the table names it needs (the env vars
 * the catalog grants the function), so a function that never asks for a store needs no setting for it.
 * Adapters whose modules carry domain code (scans that read accounts as the queue or the dashboard need them)
 * have their own factory module, so a bundle carries only what its function uses.
 */
import { DynamoAccountRepository } from '../adapters/dynamodb/account-repository';
import { DynamoAccountUpdater } from '../adapters/dynamodb/account-updater';
import { DynamoAgentOfferStore } from '../adapters/dynamodb/agent-offer-store';
import { DynamoAuditLog } from '../adapters/dynamodb/audit-log';
import { documentClient } from '../adapters/dynamodb/client';
import { DynamoContactStore } from '../adapters/dynamodb/contact-store';
import { DynamoConversationStore } from '../adapters/dynamodb/conversation-store';
import { DynamoDraftStore } from '../adapters/dynamodb/draft-store';
import { DynamoPaymentStore } from '../adapters/dynamodb/payment-store';
import { DynamoPortfolioSegments } from '../adapters/dynamodb/portfolio-segments';
import { DynamoScoringRunStore } from '../adapters/dynamodb/scoring-run-store';
import { tableName } from '../runtime/config';
import { once } from './once';

export const accountRepository = /* @__PURE__ */ once(
  () => new DynamoAccountRepository(documentClient(), tableName('accounts')),
);
/** Strongly consistent reads, for code that writes conditionally on what it read (payments). */
export const consistentAccountRepository = /* @__PURE__ */ once(
  () => new DynamoAccountRepository(documentClient(), tableName('accounts'), { consistentRead: true }),
);
/** Agents' plans offered on accounts (offers/agent-plan.ts). */
export const agentOfferStore = /* @__PURE__ */ once(
  () => new DynamoAgentOfferStore(documentClient(), tableName('accounts')),
);
export const accountUpdater = /* @__PURE__ */ once(
  () => new DynamoAccountUpdater(documentClient(), tableName('accounts')),
);
export const portfolioSegments = /* @__PURE__ */ once(
  () => new DynamoPortfolioSegments(documentClient(), tableName('accounts')),
);
/** The outbox and the contact log live in one table: one store serves as both. */
export const contactStore = /* @__PURE__ */ once(
  () => new DynamoContactStore(documentClient(), tableName('contacts')),
);
export const draftStore = /* @__PURE__ */ once(
  () => new DynamoDraftStore(documentClient(), tableName('offers')),
);
export const conversationStore = /* @__PURE__ */ once(
  () => new DynamoConversationStore(documentClient(), tableName('conversations')),
);
export const auditLog = /* @__PURE__ */ once(() => new DynamoAuditLog(documentClient(), tableName('audit')));
export const paymentStore = /* @__PURE__ */ once(
  () => new DynamoPaymentStore(documentClient(), tableName('payments'), tableName('accounts')),
);
export const scoringRunStore = /* @__PURE__ */ once(
  () => new DynamoScoringRunStore(documentClient(), tableName('scoringRuns')),
);
