/**
 * Table key schemas, declared once. The CDK stack creates these tables, the local runtime creates the same
 * tables in DynamoDB Local, and handlers find a table's physical name in the env var named here.
 * Imported by Lambda code too, so it must stay free of CDK imports.
 */
export type KeyType = 'S' | 'N';

export interface KeyAttribute {
  readonly name: string;
  readonly type: KeyType;
}

export interface IndexDeclaration {
  readonly name: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
}

export interface TableDeclaration {
  readonly id: TableId;
  readonly description: string;
  readonly envVar: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly indexes?: readonly IndexDeclaration[];
  /** Attribute holding an epoch-seconds expiry, for items DynamoDB should delete by itself. */
  readonly timeToLiveAttribute?: string;
}

/** A customer's conversations, newest first; only conversation headers carry its sort key. */
export const CONVERSATIONS_BY_ACCOUNT_INDEX = 'byAccount';

/** Sparse index of outbox messages waiting to be sent, by the time they may go. */
export const CONTACTS_DUE_INDEX = 'dueMessages';

/** Sparse index of audit entries a supervisor reviews across accounts (personal data revealed), by time. */
export const AUDIT_REVIEW_INDEX = 'reviewQueue';

/** Sparse index of payment work waiting for its time: instalments to check, debit attempts to run or settle. */
export const PAYMENTS_WORK_INDEX = 'paymentWork';

export const TABLE_IDS = [
  'accounts',
  'conversations',
  'offers',
  'contacts',
  'audit',
  'scoringRuns',
  'idempotency',
  'verifications',
  'payments',
] as const;
export type TableId = (typeof TABLE_IDS)[number];

export const TABLES = {
  accounts: {
    id: 'accounts',
    description:
      'One item per credit account: customer, statement history, delinquency, score and treatment.',
    envVar: 'ACCOUNTS_TABLE',
    partitionKey: { name: 'accountId', type: 'S' },
  },
  conversations: {
    id: 'conversations',
    description:
      'Portal and agent conversations: a header, one item per message (ordered by sequence number) and one per client message id.',
    envVar: 'CONVERSATIONS_TABLE',
    partitionKey: { name: 'conversationId', type: 'S' },
    sortKey: { name: 'itemKey', type: 'S' },
    indexes: [
      {
        name: CONVERSATIONS_BY_ACCOUNT_INDEX,
        partitionKey: { name: 'accountId', type: 'S' },
        sortKey: { name: 'startedAt', type: 'S' },
      },
    ],
  },
  offers: {
    id: 'offers',
    description: 'Repayment offers and drafted messages per account, with their compliance verdicts.',
    envVar: 'OFFERS_TABLE',
    partitionKey: { name: 'accountId', type: 'S' },
    sortKey: { name: 'offerId', type: 'S' },
  },
  contacts: {
    id: 'contacts',
    description: 'Contact log and outbox: every attempted or sent contact, used for frequency caps.',
    envVar: 'CONTACTS_TABLE',
    partitionKey: { name: 'accountId', type: 'S' },
    sortKey: { name: 'contactKey', type: 'S' },
    indexes: [
      {
        name: CONTACTS_DUE_INDEX,
        partitionKey: { name: 'dueShard', type: 'S' },
        sortKey: { name: 'notBefore', type: 'S' },
      },
    ],
  },
  audit: {
    id: 'audit',
    description:
      'Append-only trail of decisions and events per account (kept for the regulatory record period).',
    envVar: 'AUDIT_TABLE',
    partitionKey: { name: 'accountId', type: 'S' },
    sortKey: { name: 'entryKey', type: 'S' },
    indexes: [
      {
        name: AUDIT_REVIEW_INDEX,
        partitionKey: { name: 'review', type: 'S' },
        sortKey: { name: 'entryKey', type: 'S' },
      },
    ],
  },
  scoringRuns: {
    id: 'scoringRuns',
    description:
      'Scoring runs and the checkpoint of every segment of their parallel scan (progress, resume).',
    envVar: 'SCORING_RUNS_TABLE',
    partitionKey: { name: 'runId', type: 'S' },
    sortKey: { name: 'part', type: 'S' },
    timeToLiveAttribute: 'expiresAt',
  },
  idempotency: {
    id: 'idempotency',
    description: 'Powertools idempotency records for event consumers (events are delivered at least once).',
    envVar: 'IDEMPOTENCY_TABLE',
    partitionKey: { name: 'id', type: 'S' },
    timeToLiveAttribute: 'expiration',
  },
  verifications: {
    id: 'verifications',
    description:
      "Customers' identity verification: failed attempts, lock, the hashed one-time code (expires by itself).",
    envVar: 'VERIFICATIONS_TABLE',
    partitionKey: { name: 'accountId', type: 'S' },
    timeToLiveAttribute: 'expiresAt',
  },
  payments: {
    id: 'payments',
    description:
      'Debit mandates, tracked instalments and debit attempts per account, and a marker per payment applied.',
    envVar: 'PAYMENTS_TABLE',
    partitionKey: { name: 'accountId', type: 'S' },
    sortKey: { name: 'itemKey', type: 'S' },
    indexes: [
      {
        name: PAYMENTS_WORK_INDEX,
        partitionKey: { name: 'workShard', type: 'S' },
        sortKey: { name: 'workAt', type: 'S' },
      },
    ],
  },
} as const satisfies Record<TableId, TableDeclaration>;
