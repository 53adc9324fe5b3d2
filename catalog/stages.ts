/** Per-stage settings: the only place where dev, staging and prod differ. */
export const STAGE_NAMES = ['dev', 'staging', 'prod'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

export interface StageConfig {
  readonly name: StageName;
  /** Prefix for every physical resource name, so stages can share an account. */
  readonly resourcePrefix: string;
  readonly logRetentionDays: 7 | 30 | 365;
  /** Keep data when the stack is deleted. */
  readonly retainData: boolean;
  readonly pointInTimeRecovery: boolean;
  readonly deletionProtection: boolean;
  /** Archive every bus event (replayable after an incident). */
  readonly eventArchiveRetentionDays?: number;
  readonly alarms: {
    /** Function errors summed over one period before the alarm fires. */
    readonly functionErrorThreshold: number;
    readonly periodMinutes: number;
    /** Messages waiting in any dead-letter queue before the alarm fires. */
    readonly deadLetterThreshold: number;
    /** Debits refused by the bank, as a percentage of those settled or refused in one period (at least 5). */
    readonly debitFailurePercent: number;
    /** Drafts the gate blocked entirely (no compliant draft, not even offline) in one period. */
    readonly blockedDrafts: number;
    /** E-mail subscribed to the alarm topic; none in dev. */
    readonly notifyEmail?: string;
  };
  /** The OpenAI-compatible model used for drafting; `baseURL` for a server other than OpenAI's. */
  /** `gateReview`: the model also reviews its drafts for tone and implied threats (more calls per draft). */
  readonly llm: { readonly model: string; readonly baseURL?: string; readonly gateReview?: boolean };
  readonly outreach: {
    /**
     * `store_only`: messages are kept in the outbox, marked as delivered by `store-only`, and nothing leaves
     * (dev and staging hold synthetic or masked customers); `send`: e-mail by SES, SMS by SNS.
     */
    readonly delivery: 'store_only' | 'send';
    /** Verified SES identity the e-mails are sent from. */
    readonly emailFrom: string;
  };
  /** Parallel scan of the scoring run: segments scored at once, and accounts per page (one checkpoint each). */
  readonly scoring: { readonly segments: number; readonly pageSize: number };
  /** EventBridge schedule expressions, by the schedule ids the function catalog uses. */
  readonly schedules: {
    readonly scoring: string;
    readonly outbox: string;
    readonly promises: string;
    /** Instalment monitoring: statement instalments tracked, unpaid ones past their grace raise PaymentMissed. */
    readonly instalments: string;
    /** Backstop for debit attempts: due ones a one-off schedule missed, timeouts and crashes to reconcile. */
    readonly debits: string;
  };
  /**
   * The bank's debit API (contract: `docs/bank-api.md`): base URL, and how long a call may take before its
   * outcome counts as unknown and is reconciled by lookup.
   */
  readonly bankApi: { readonly baseUrl: string; readonly timeoutMs: number };
  /**
   * The bank's role when it collects (DESIGN.md §4): `first_party`, a bank collecting its own debt, is not a
   * "debt collector" under the FDCPA / Regulation F; it may adopt the agency rules (debt-collector disclosure,
   * 7-in-7 call presumption) anyway, as many banks do. The gate applies the agency rules when the role is
   * `third_party` or when they are adopted.
   */
  readonly collector: {
    readonly role: 'first_party' | 'third_party';
    readonly adoptsThirdPartyRules: boolean;
  };
  readonly http: {
    /** Origins allowed to call the API from a browser besides the stage's own web distribution. */
    readonly extraCorsOrigins: readonly string[];
    readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  };
}

const STAGES: Record<StageName, StageConfig> = {
  dev: {
    name: 'dev',
    resourcePrefix: 'collections-dev',
    logRetentionDays: 7,
    retainData: false,
    pointInTimeRecovery: false,
    deletionProtection: false,
    alarms: {
      functionErrorThreshold: 5,
      periodMinutes: 5,
      deadLetterThreshold: 1,
      debitFailurePercent: 30,
      blockedDrafts: 10,
    },
    llm: { model: 'gpt-4o-mini' },
    outreach: { delivery: 'store_only', emailFrom: 'collections@dev.collections.example.com' },
    scoring: { segments: 4, pageSize: 500 },
    schedules: {
      scoring: 'cron(0 2 * * ? *)',
      outbox: 'rate(5 minutes)',
      promises: 'cron(0 6 * * ? *)',
      instalments: 'rate(1 hour)',
      debits: 'rate(5 minutes)',
    },
    // The demo bank collects its own debt and holds itself to the agency rules.
    collector: { role: 'first_party', adoptsThirdPartyRules: true },
    bankApi: { baseUrl: 'https://bank-sandbox.dev.collections.example.com/v1', timeoutMs: 10_000 },
    http: { extraCorsOrigins: ['http://localhost:3000'], throttle: { rateLimit: 20, burstLimit: 40 } },
  },
  staging: {
    name: 'staging',
    resourcePrefix: 'collections-staging',
    logRetentionDays: 30,
    retainData: false,
    pointInTimeRecovery: true,
    deletionProtection: false,
    alarms: {
      functionErrorThreshold: 3,
      periodMinutes: 5,
      deadLetterThreshold: 1,
      debitFailurePercent: 20,
      blockedDrafts: 5,
    },
    llm: { model: 'gpt-4o-mini' },
    outreach: { delivery: 'store_only', emailFrom: 'collections@staging.collections.example.com' },
    scoring: { segments: 8, pageSize: 500 },
    schedules: {
      scoring: 'cron(0 2 * * ? *)',
      outbox: 'rate(5 minutes)',
      promises: 'cron(0 6 * * ? *)',
      instalments: 'rate(1 hour)',
      debits: 'rate(5 minutes)',
    },
    // The demo bank collects its own debt and holds itself to the agency rules.
    collector: { role: 'first_party', adoptsThirdPartyRules: true },
    bankApi: { baseUrl: 'https://bank-sandbox.staging.collections.example.com/v1', timeoutMs: 10_000 },
    http: { extraCorsOrigins: [], throttle: { rateLimit: 50, burstLimit: 100 } },
  },
  prod: {
    name: 'prod',
    resourcePrefix: 'collections-prod',
    logRetentionDays: 365,
    retainData: true,
    pointInTimeRecovery: true,
    deletionProtection: true,
    eventArchiveRetentionDays: 365,
    alarms: {
      functionErrorThreshold: 1,
      periodMinutes: 5,
      deadLetterThreshold: 1,
      debitFailurePercent: 20,
      blockedDrafts: 3,
    },
    llm: { model: 'gpt-4o' },
    outreach: { delivery: 'send', emailFrom: 'collections@collections.example.com' },
    scoring: { segments: 32, pageSize: 500 },
    schedules: {
      scoring: 'cron(0 1 * * ? *)',
      outbox: 'rate(5 minutes)',
      promises: 'cron(0 6 * * ? *)',
      instalments: 'rate(1 hour)',
      debits: 'rate(5 minutes)',
    },
    // The demo bank collects its own debt and holds itself to the agency rules.
    collector: { role: 'first_party', adoptsThirdPartyRules: true },
    bankApi: { baseUrl: 'https://bank-api.internal.collections.example.com/v1', timeoutMs: 10_000 },
    http: { extraCorsOrigins: [], throttle: { rateLimit: 200, burstLimit: 400 } },
  },
};

/** The role whose rules the gate applies for a stage: the agency rules unless a first party does not adopt them. */
export function gateCollectorRole(stage: StageConfig): 'first_party' | 'third_party' {
  return stage.collector.role === 'third_party' || stage.collector.adoptsThirdPartyRules
    ? 'third_party'
    : 'first_party';
}

export class UnknownStageError extends Error {
  readonly code = 'UNKNOWN_STAGE';
  constructor(stage: unknown) {
    super(
      `Unknown stage ${JSON.stringify(stage)}: pass one of ${STAGE_NAMES.join(', ')}, e.g. \`npx cdk synth -c stage=dev\`.`,
    );
  }
}

export function stageConfig(stage: unknown): StageConfig {
  if (typeof stage === 'string' && (STAGE_NAMES as readonly string[]).includes(stage)) {
    return STAGES[stage as StageName];
  }
  throw new UnknownStageError(stage);
}
