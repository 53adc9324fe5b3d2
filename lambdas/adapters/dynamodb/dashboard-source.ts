/**
 * The supervisor dashboard's reads: scans of the accounts, offers (drafts), contacts (blocked outbox messages,
 * logged calls), audit (promises, escalations, blocked messages) and payments (instalments and debit attempts) tables, each reading only the attributes it needs and filtering server-side.
 * Fine for the demo portfolio; a production portfolio would keep these aggregates up to date from the
 * tables' streams (or export to an analytics store) instead of scanning on every page load.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BlockRow, CallRow } from '../../domain/dashboard/activity';
import {
  type BlockedMessage,
  DASHBOARD_ACCOUNT_ATTRIBUTES,
  type DashboardAccount,
  type DashboardDraft,
  type DashboardSource,
  type PromiseAuditEntry,
} from '../../domain/dashboard/dashboard';
import { BLOCK_SOURCES, type BlockSource, MESSAGE_BLOCKED } from '../../domain/dashboard/gate-blocks';
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
const DRAFTS = projectionOf(['accountId', 'offerId', 'draftId', 'status', 'tier', 'createdAt', 'reasons']);
const MESSAGES = projectionOf(['accountId', 'messageId', 'channel', 'blockedReasons', 'notBefore']);
const PROMISE_ENTRIES = projectionOf(['accountId', 'kind', 'at', 'data.dueDate', 'data.agentId']);
const BLOCK_ENTRIES = projectionOf(['accountId', 'at', 'data.source', 'data.rules', 'data.agentId']);
const CALLS = projectionOf(['accountId', 'at', 'agentId', 'outcome']);
const ACTIVITY_KINDS = ['PromiseToPayRecorded', 'PromiseBroken', 'EscalationRequested', 'AgentJoined'];
const isBlockSource = (value: unknown): value is BlockSource =>
  (BLOCK_SOURCES as readonly unknown[]).includes(value);
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
              ...(typeof item.createdAt === 'string' ? { createdAt: item.createdAt } : {}),
              ...(Array.isArray(item.reasons) ? { reasons: item.reasons.map(String) } : {}),
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
      ...(typeof item.notBefore === 'string' ? { at: item.notBefore } : {}),
    }));
  }

  async promiseEntries(): Promise<PromiseAuditEntry[]> {
    const items = await scanAll(this.db, {
      TableName: this.tables.audit,
      ...withNames(PROMISE_ENTRIES, { '#kind': 'kind' }),
      FilterExpression: `#kind IN (${ACTIVITY_KINDS.map((_, index) => `:k${index}`).join(', ')})`,
      ExpressionAttributeValues: Object.fromEntries(
        ACTIVITY_KINDS.map((kind, index) => [`:k${index}`, kind]),
      ),
    });
    return items.map((item) => {
      const data = (item.data ?? {}) as { dueDate?: unknown; agentId?: unknown };
      return {
        accountId: String(item.accountId),
        kind: item.kind as PromiseAuditEntry['kind'],
        at: String(item.at),
        ...(typeof data.dueDate === 'string' ? { dueDate: data.dueDate } : {}),
        ...(typeof data.agentId === 'string' ? { agentId: data.agentId } : {}),
      };
    });
  }

  async gateBlocks(): Promise<BlockRow[]> {
    const items = await scanAll(this.db, {
      TableName: this.tables.audit,
      ...withNames(BLOCK_ENTRIES, { '#kind': 'kind' }),
      FilterExpression: '#kind = :blocked',
      ExpressionAttributeValues: { ':blocked': MESSAGE_BLOCKED },
    });
    return items.flatMap((item) => {
      const data = (item.data ?? {}) as { source?: unknown; rules?: unknown; agentId?: unknown };
      if (!isBlockSource(data.source)) return [];
      return [
        {
          accountId: String(item.accountId),
          source: data.source,
          at: String(item.at),
          rules: Array.isArray(data.rules) ? data.rules.map(String) : [],
          ...(typeof data.agentId === 'string' ? { agentId: data.agentId } : {}),
        },
      ];
    });
  }

  async calls(): Promise<CallRow[]> {
    const items = await scanAll(this.db, {
      TableName: this.tables.contacts,
      ...withNames(CALLS, { '#key': 'contactKey', '#channel': 'channel' }),
      FilterExpression: 'begins_with(#key, :log) AND #channel = :call',
      ExpressionAttributeValues: { ':log': 'log#', ':call': 'call' },
    });
    return items.flatMap((item) =>
      typeof item.agentId === 'string'
        ? [
            {
              accountId: String(item.accountId),
              agentId: item.agentId,
              at: String(item.at),
              outcome: String(item.outcome ?? ''),
            },
          ]
        : [],
    );
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
