/** The payment functions' collaborators, wired once per cold start from the function's environment. */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import { HttpPaymentGateway } from '../adapters/bank/http-payment-gateway';
import { DynamoAccountRepository } from '../adapters/dynamodb/account-repository';
import { DynamoAccountUpdater } from '../adapters/dynamodb/account-updater';
import { DynamoAuditLog } from '../adapters/dynamodb/audit-log';
import { documentClient } from '../adapters/dynamodb/client';
import { DynamoContactStore } from '../adapters/dynamodb/contact-store';
import { DynamoPaymentStore } from '../adapters/dynamodb/payment-store';
import { EventBridgePublisher, eventBridgeClient } from '../adapters/eventbridge/event-publisher';
import { debitSchedulerFromEnvironment } from '../adapters/scheduler/eventbridge-debit-scheduler';
import { systemClock } from '../adapters/system-clock';
import type { ExecuteDebitDeps } from '../domain/payments/execute-debit';
import type { HoldDeps, ServicingDeps } from '../domain/payments/payment-servicing';
import { loadConfig, tableNames } from '../runtime/config';

const busSetting = { EVENT_BUS_NAME: z.string().min(1) };

/** Applying payments and holds: the payments and accounts tables and the bus. */
export function paymentHoldDeps(): HoldDeps {
  const config = loadConfig({ ...tableNames('accounts', 'payments'), ...busSetting });
  const db = documentClient();
  return {
    store: new DynamoPaymentStore(db, config.PAYMENTS_TABLE, config.ACCOUNTS_TABLE),
    accounts: new DynamoAccountRepository(db, config.ACCOUNTS_TABLE, { consistentRead: true }),
    events: new EventBridgePublisher(eventBridgeClient(), config.EVENT_BUS_NAME),
    clock: systemClock,
  };
}

/** Planning debits: also the outbox for notices and the scheduler for the one-off runs. */
export function debitPlanningDeps(): ServicingDeps {
  const config = loadConfig({ ...tableNames('contacts'), ...busSetting });
  return {
    ...paymentHoldDeps(),
    outbox: new DynamoContactStore(documentClient(), config.CONTACTS_TABLE),
    scheduler: debitSchedulerFromEnvironment(),
  };
}

/** Mandates and the audit trail, for the portal and the console. */
export function mandateDeps() {
  const config = loadConfig({ ...tableNames('audit') });
  return { ...debitPlanningDeps(), audit: new DynamoAuditLog(documentClient(), config.AUDIT_TABLE) };
}

/** Running debits: the bank's API, with its token read once per cold start. */
export function debitExecutionDeps(): ExecuteDebitDeps {
  const config = loadConfig({
    ...tableNames('contacts'),
    BANK_API_URL: z.url(),
    BANK_API_TIMEOUT_MS: z.coerce.number().int().positive(),
    BANK_API_TOKEN: z.string().optional(),
    BANK_API_SECRET_ARN: z.string().optional(),
  });
  let token: Promise<string> | undefined;
  return {
    ...paymentHoldDeps(),
    outbox: new DynamoContactStore(documentClient(), config.CONTACTS_TABLE),
    gateway: new HttpPaymentGateway({
      baseUrl: config.BANK_API_URL,
      timeoutMs: config.BANK_API_TIMEOUT_MS,
      token: () => {
        token ??= config.BANK_API_TOKEN
          ? Promise.resolve(config.BANK_API_TOKEN)
          : tokenFromSecret(config.BANK_API_SECRET_ARN);
        return token;
      },
    }),
  };
}

/** The secret holds `{"token": "..."}`, set by operators with the token the bank issued. */
async function tokenFromSecret(secretArn: string | undefined): Promise<string> {
  if (!secretArn) throw new Error('Set BANK_API_TOKEN or BANK_API_SECRET_ARN: the bank API needs a token.');
  const { SecretString } = await new SecretsManagerClient({}).send(
    new GetSecretValueCommand({ SecretId: secretArn }),
  );
  const { token } = JSON.parse(SecretString ?? '{}') as { token?: unknown };
  if (typeof token !== 'string' || !token.trim()) {
    throw new Error(
      'The bank API token secret is empty: put the token the bank issued in it as {"token": "..."}.',
    );
  }
  return token.trim();
}

/** Feedback needs to update the account (escalation) and write the audit trail. */
export function debitFeedbackDeps() {
  const config = loadConfig({ ...tableNames('accounts', 'contacts', 'audit'), ...busSetting });
  const db = documentClient();
  const accounts = new DynamoAccountRepository(db, config.ACCOUNTS_TABLE, { consistentRead: true });
  const updater = new DynamoAccountUpdater(db, config.ACCOUNTS_TABLE);
  return {
    accounts: { get: (id: string) => accounts.get(id), update: updater.update.bind(updater) },
    outbox: new DynamoContactStore(db, config.CONTACTS_TABLE),
    events: new EventBridgePublisher(eventBridgeClient(), config.EVENT_BUS_NAME),
    audit: new DynamoAuditLog(db, config.AUDIT_TABLE),
    clock: systemClock,
  };
}
