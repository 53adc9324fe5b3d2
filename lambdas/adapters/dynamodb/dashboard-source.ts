/**
 * The supervisor dashboard's reads: scans of the accounts, offers (drafts), contacts (blocked outbox messages),
 * audit (promise entries) and payments (instalments and debit attempts) tables, each reading only the attributes it needs and filtering server-side.
 * Fine for the demo portfolio; a production portfolio would keep these aggregates up to date from the
 * tables' streams (or export to an analytics store) instead of scanning on every page load.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type BlockedMessage,
  DASHBOARD_ACCOUNT_ATTRIBUTES,
  type DashboardAccount,
  type DashboardDraft,
  type DashboardSource,
  type PromiseAuditEntry,
} from '../../domain/dashboard/dashboard';
import {
  PAYMENT_METRICS_ATTRIBUTES,
  type PaymentMetricsAttempt,
  type PaymentMetricsInstalment,
  type PaymentRows,
} from '../../domain/dashboard/payment-metrics';
import { projectionOf, scanAll } from './scan-all';

export interface DashboardTables {
  readonly accounts: string;
  readonly offers: string;
  readonly contacts: string;
  readonly audit: string;
  readonly payments: string;
}

const ACCOUNTS = projectionOf(DASHBOARD_ACCOUNT_ATTRIBUTES);
const DRAFTS = projectionOf(['accountId', 'offerId', 'draftId', 'status', 'tier']);
const MESSAGES = projectionOf(['accountId', 'messageId', 'channel', 'blockedReasons']);
const PROMISE_ENTRIES = projectionOf(['accountId', 'kind', 'at', 'data.dueDate']);
const PAYMENT_ROWS = projectionOf(PAYMENT_METRICS_ATTRIBUTES);

/** A filter's own names, next to the projection's aliases. */
const withNames = (projection: ReturnType<typeof projectionOf>, names: Record<string, string>) => ({
  ...projection,
  ExpressionAttributeNames: { ...projection.ExpressionAttributeNames, ...names },
});

export class DynamoDashboardSource implements DashboardSource {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tables: DashboardTables,
  ) {}

  async accounts(): Promise<DashboardAccount[]> {
    const items = await scanAll(this.db, { TableName: this.tables.accounts, ...ACCOUNTS });
    return items as unknown as DashboardAccount[];
  }

  async drafts(): Promise<DashboardDraft[]> {
    const items = await scanAll(this.db, { TableName: this.tables.offers, ...DRAFTS });
    return items.flatMap((item) =>
      item.status === 'ready' || item.status === 'blocked'
        ? [
            {
              accountId: String(item.accountId),
              draftId: String(item.draftId ?? item.offerId),
              status: item.status,
              tier: item.tier as DashboardDraft['tier'],
            },
          ]
        : [],
    );
  }

  async blockedMessages(): Promise<BlockedMessage[]> {
    const items = await scanAll(this.db, {
      TableName: this.tables.contacts,
      ...withNames(MESSAGES, { '#key': 'contactKey', '#st': 'status' }),
      FilterExpression: 'begins_with(#key, :outbox) AND #st = :blocked',
      ExpressionAttributeValues: { ':outbox': 'outbox#', ':blocked': 'blocked' },
    });
    return items.map((item) => ({
      accountId: String(item.accountId),
      messageId: String(item.messageId),
      channel: item.channel as BlockedMessage['channel'],
      blockedReasons: Array.isArray(item.blockedReasons) ? item.blockedReasons.map(String) : [],
    }));
  }

  async promiseEntries(): Promise<PromiseAuditEntry[]> {
    const items = await scanAll(this.db, {
      TableName: this.tables.audit,
      ...withNames(PROMISE_ENTRIES, { '#kind': 'kind' }),
      FilterExpression: '#kind IN (:recorded, :broken)',
      ExpressionAttributeValues: { ':recorded': 'PromiseToPayRecorded', ':broken': 'PromiseBroken' },
    });
    return items.map((item) => {
      const dueDate = (item.data as { dueDate?: unknown } | undefined)?.dueDate;
      return {
        accountId: String(item.accountId),
        kind: item.kind as PromiseAuditEntry['kind'],
        at: String(item.at),
        ...(typeof dueDate === 'string' ? { dueDate } : {}),
      };
    });
  }

  async payments(): Promise<PaymentRows> {
    const items = await scanAll(this.db, {
      TableName: this.tables.payments,
      ...withNames(PAYMENT_ROWS, { '#type': 'itemType' }),
      FilterExpression: '#type IN (:instalment, :attempt)',
      ExpressionAttributeValues: { ':instalment': 'instalment', ':attempt': 'attempt' },
    });
    // The items are the domain records stored flat; `itemType` tells instalments from attempts.
    return {
      instalments: items.filter(
        (item) => item.itemType === 'instalment',
      ) as unknown as PaymentMetricsInstalment[],
      attempts: items.filter((item) => item.itemType === 'attempt') as unknown as PaymentMetricsAttempt[],
    };
  }
}
