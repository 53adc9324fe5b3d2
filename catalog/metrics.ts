/**
 * The business figures the functions publish (CloudWatch embedded metric format, Powertools Metrics), declared
 * once: the domain counts them through its `BusinessMetrics` port, the adapter publishes them under this
 * namespace with the stage as a dimension, and the stack draws each stage's dashboard and alarms from here.
 */
export const METRICS_NAMESPACE = 'CollectionsAssistant';
/** Every figure carries the service and the stage it was counted in, so one account's stages never mix. */
export const METRICS_SERVICE = 'collections';
export const STAGE_DIMENSION = 'stage';

export interface MetricDeclaration {
  readonly meaning: string;
  /** The figure's breakdown: its dimension and, where known in advance, every value it takes. */
  readonly by?: { readonly dimension: string; readonly values?: readonly string[] };
}

export const BUSINESS_METRICS = {
  AccountsScored: { meaning: 'Accounts scored by the scoring runs (flagged accounts not counted).' },
  TierChanges: {
    meaning: 'Accounts moved to another treatment tier, by the tier they moved to.',
    by: { dimension: 'tier' },
  },
  Drafts: {
    meaning:
      'Outreach drafts, by what wrote the one kept: the model, the offline templates, or none (blocked).',
    by: { dimension: 'source', values: ['model', 'offline', 'blocked'] },
  },
  MessagesBlocked: {
    meaning: 'Outbound messages the compliance gate stopped, by the rule that stopped them.',
    by: { dimension: 'rule' },
  },
  ChatsOpened: { meaning: 'Portal conversations opened by customers.' },
  PromisesRecorded: { meaning: 'Promises to pay recorded on accounts (portal assistant or agent call).' },
  PlansAccepted: { meaning: 'Repayment plans customers accepted.' },
  Debits: {
    meaning: 'Debits the bank settled, refused or that were cancelled, by outcome.',
    by: { dimension: 'outcome', values: ['succeeded', 'failed', 'cancelled'] },
  },
} as const satisfies Record<string, MetricDeclaration>;

export type BusinessMetric = keyof typeof BUSINESS_METRICS;
