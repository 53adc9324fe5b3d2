/**
 * The functions of the product, declared once: entry file, HTTP routes, event rules, schedules and the
 * tables each may touch. The CDK stack builds Lambdas, API routes, rules, schedules and IAM grants from this
 * list; the local runtime serves the same routes, routes events by the same patterns and fires the same
 * schedules against the same handlers.
 */

import { DETAIL_TYPES, EVENT_SOURCES } from './events';
import { gateCollectorRole, type StageConfig } from './stages';
import { TABLES, type TableId } from './tables';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: anyone; a verified customer (their own account only); agents (and supervisors);
 * supervisors only. Handlers enforce it (see `lambdas/auth/auth.ts`); in AWS, staff routes also sit behind
 * the Cognito JWT authorizer.
 */
export type Access = 'public' | 'customer' | 'agent' | 'supervisor';

export interface HttpRoute {
  readonly method: HttpMethod;
  /** API Gateway v2 route path: literal segments and `{name}` parameters. */
  readonly path: string;
  readonly access: Access;
}

export interface EventRuleDeclaration {
  /** Unique rule id; becomes part of the rule's construct id. */
  readonly id: string;
  readonly description: string;
  /** An EventBridge event pattern (the same JSON the bus receives). */
  readonly pattern: Record<string, unknown>;
}

/** Schedule ids; each stage gives the expression in its config (`StageConfig.schedules`). */
export type ScheduleId = 'scoring' | 'outbox' | 'promises' | 'instalments' | 'debits';

/** Delivery policy of every rule and schedule target: retries, then the target's dead-letter queue. */
export const TARGET_DELIVERY = { retryAttempts: 4, maxEventAgeHours: 6 } as const;

export type TableAccess = 'read' | 'readWrite';

export interface FunctionDeclaration {
  readonly id: string;
  readonly description: string;
  /** Handler module, relative to the project root; it exports `handler`. */
  readonly entry: string;
  readonly routes?: readonly HttpRoute[];
  readonly eventRules?: readonly EventRuleDeclaration[];
  readonly schedules?: readonly ScheduleId[];
  readonly tables?: Partial<Record<TableId, TableAccess>>;
  readonly publishesEvents?: boolean;
  /** Reads the LLM API key from its secret at cold start (`LLM_API_KEY_SECRET_ARN`). */
  readonly readsLlmApiKey?: boolean;
  /** Signs customer session tokens (identity verification), so it reads the session key. */
  readonly issuesSessions?: boolean;
  /** Sends outreach through SES and SNS in stages that deliver (`StageConfig.outreach.delivery`). */
  readonly sendsOutreach?: boolean;
  /**
   * Calls the bank's debit API (`BANK_API_URL`, token from the secret at `BANK_API_SECRET_ARN`); locally the
   * simulated core-banking ledger answers.
   */
  readonly usesPaymentGateway?: boolean;
  /**
   * Creates EventBridge Scheduler one-off schedules (in the debit schedule group) that run debit attempts on
   * the function marked `runsScheduledDebits`.
   */
  readonly schedulesDebits?: boolean;
  /** The target of the debit one-off schedules: invoked with an `AttemptKey`. */
  readonly runsScheduledDebits?: boolean;
  /** Settings the function takes from its stage's config. */
  readonly stageEnvironment?: (stage: StageConfig) => Record<string, string>;
  readonly timeoutSeconds?: number;
  readonly memoryMb?: number;
}

function llmEnvironment(stage: StageConfig): Record<string, string> {
  return {
    LLM_MODEL: stage.llm.model,
    ...(stage.llm.baseURL ? { OPENAI_BASE_URL: stage.llm.baseURL } : {}),
    GATE_MODEL_REVIEW: stage.llm.gateReview ? 'on' : 'off',
  };
}

function outreachEnvironment(stage: StageConfig): Record<string, string> {
  return {
    OUTREACH_DELIVERY: stage.outreach.delivery,
    OUTREACH_EMAIL_FROM: stage.outreach.emailFrom,
    GATE_COLLECTOR_ROLE: gateCollectorRole(stage),
  };
}

function bankEnvironment(stage: StageConfig): Record<string, string> {
  return { BANK_API_URL: stage.bankApi.baseUrl, BANK_API_TIMEOUT_MS: String(stage.bankApi.timeoutMs) };
}

/** Holds that stop debits: consumers cancel the account's scheduled attempts at once. */
const DEBIT_HOLD_EVENTS = [
  DETAIL_TYPES.planAccepted,
  DETAIL_TYPES.disputeOpened,
  DETAIL_TYPES.ceaseRequested,
  DETAIL_TYPES.fraudReported,
  DETAIL_TYPES.legalRepresentationReported,
  DETAIL_TYPES.bankruptcyReported,
  DETAIL_TYPES.deceasedReported,
  DETAIL_TYPES.vulnerabilityReported,
] as const;

export const FUNCTIONS: readonly FunctionDeclaration[] = [
  {
    id: 'health',
    description: 'Liveness of the API and the stage it runs in.',
    entry: 'lambdas/handlers/http/health.ts',
    routes: [{ method: 'GET', path: '/health', access: 'public' }],
  },
  {
    id: 'getAccount',
    description: 'Agent view of one account with its statement history and treatment.',
    entry: 'lambdas/handlers/http/get-account.ts',
    routes: [{ method: 'GET', path: '/accounts/{accountId}', access: 'agent' }],
    tables: { accounts: 'read' },
  },
  {
    id: 'personalData',
    description:
      "Staff see customers' personal data masked: revealing a field (date of birth, phone, e-mail) is an audited action with a reason, which supervisors review.",
    entry: 'lambdas/handlers/http/personal-data.ts',
    routes: [
      { method: 'POST', path: '/accounts/{accountId}/personal-data/reveal', access: 'agent' },
      { method: 'GET', path: '/personal-data-reveals', access: 'supervisor' },
    ],
    tables: { accounts: 'read', audit: 'readWrite' },
  },
  {
    id: 'getAccountScript',
    description:
      "Agent view: the suggested call script and the repayment options for an account, checked by the compliance gate, and the account's drafts with their verdicts.",
    entry: 'lambdas/handlers/http/get-account-script.ts',
    routes: [
      { method: 'GET', path: '/accounts/{accountId}/script', access: 'agent' },
      { method: 'GET', path: '/accounts/{accountId}/drafts', access: 'agent' },
    ],
    tables: { accounts: 'read', offers: 'read', payments: 'read' },
  },
  {
    id: 'getAccountContacts',
    description:
      "Agent view: the account's outbox (queued, sent and blocked messages with verdicts) and contact log.",
    entry: 'lambdas/handlers/http/get-account-contacts.ts',
    routes: [{ method: 'GET', path: '/accounts/{accountId}/contacts', access: 'agent' }],
    tables: { accounts: 'read', contacts: 'read' },
  },
  {
    id: 'portalVerification',
    description:
      'Customer identity verification: account reference and date of birth, then a one-time code for a session.',
    entry: 'lambdas/handlers/http/portal-verification.ts',
    routes: [
      { method: 'POST', path: '/portal/verification', access: 'public' },
      { method: 'POST', path: '/portal/verification/confirm', access: 'public' },
    ],
    tables: { accounts: 'read', contacts: 'readWrite', verifications: 'readWrite' },
    // A notice of repeated failed sign-ins is queued for delivery at once.
    publishesEvents: true,
    issuesSessions: true,
    sendsOutreach: true,
    stageEnvironment: outreachEnvironment,
  },
  {
    id: 'portalAccount',
    description:
      "The signed-in customer's account (amounts due, current options, notices), contact history and contact preferences.",
    entry: 'lambdas/handlers/http/portal-account.ts',
    routes: [
      { method: 'GET', path: '/portal/account', access: 'customer' },
      { method: 'GET', path: '/portal/contacts', access: 'customer' },
      { method: 'PUT', path: '/portal/preferences', access: 'customer' },
    ],
    tables: { accounts: 'read', offers: 'read', contacts: 'read', payments: 'read' },
    publishesEvents: true,
  },
  {
    id: 'portalConversations',
    description:
      "The customer's chat with the assistant: replies checked by the message linter, decisions announced as events.",
    entry: 'lambdas/handlers/http/portal-conversations.ts',
    routes: [
      { method: 'POST', path: '/portal/conversations', access: 'customer' },
      { method: 'GET', path: '/portal/conversations/{conversationId}/messages', access: 'customer' },
      { method: 'POST', path: '/portal/conversations/{conversationId}/messages', access: 'customer' },
    ],
    tables: { accounts: 'read', offers: 'read', conversations: 'readWrite', audit: 'readWrite' },
    publishesEvents: true,
    readsLlmApiKey: true,
    stageEnvironment: llmEnvironment,
    // A turn may wait for the model (two requests of 8 s) before the rules answer: up to API Gateway's limit.
    timeoutSeconds: 29,
  },
  {
    id: 'staffConversations',
    description:
      "Agents' side of the chat: an account's conversations, reading, taking over and answering (linted).",
    entry: 'lambdas/handlers/http/staff-conversations.ts',
    routes: [
      { method: 'GET', path: '/accounts/{accountId}/conversations', access: 'agent' },
      { method: 'GET', path: '/conversations/{conversationId}/messages', access: 'agent' },
      { method: 'POST', path: '/conversations/{conversationId}/takeover', access: 'agent' },
      { method: 'POST', path: '/conversations/{conversationId}/messages', access: 'agent' },
    ],
    tables: { accounts: 'read', offers: 'read', conversations: 'readWrite', audit: 'readWrite' },
    publishesEvents: true,
  },
  {
    id: 'agentQueue',
    description:
      'Agent work queue: accounts needing a person, by priority (escalations, promises due, tier, score), with filters.',
    entry: 'lambdas/handlers/http/agent-queue.ts',
    routes: [{ method: 'GET', path: '/queue', access: 'agent' }],
    tables: { accounts: 'read' },
  },
  {
    id: 'callOutcomes',
    description:
      "An agent logs a call's outcome (it counts toward the call caps, and a promise taken is recorded), and asks whether they may call now: the customer's local time, the contact policy's verdict and the next allowed moment.",
    entry: 'lambdas/handlers/http/call-outcomes.ts',
    routes: [
      { method: 'POST', path: '/accounts/{accountId}/calls', access: 'agent' },
      { method: 'GET', path: '/accounts/{accountId}/call-window', access: 'agent' },
    ],
    tables: { accounts: 'read', contacts: 'readWrite' },
    publishesEvents: true,
  },
  {
    id: 'agentPlans',
    description:
      'An agent builds a plan within the offer policy (an amount per month or a number of months, a start date) and offers it: the account carries it as one more option the customer can accept and messages may quote.',
    entry: 'lambdas/handlers/http/agent-plans.ts',
    routes: [
      { method: 'GET', path: '/accounts/{accountId}/agent-plans', access: 'agent' },
      { method: 'POST', path: '/accounts/{accountId}/agent-plans', access: 'agent' },
    ],
    tables: { accounts: 'readWrite' },
  },
  {
    id: 'requestDraft',
    description:
      "An agent asks for a fresh draft of an account's outreach (the model's when configured), to review and approve.",
    entry: 'lambdas/handlers/http/request-draft.ts',
    routes: [{ method: 'POST', path: '/accounts/{accountId}/drafts', access: 'agent' }],
    tables: { accounts: 'read', offers: 'readWrite' },
    publishesEvents: true,
    readsLlmApiKey: true,
    stageEnvironment: llmEnvironment,
    // Up to four model calls of 20 s each, then the offline drafter.
    timeoutSeconds: 120,
  },
  {
    id: 'draftReview',
    description: 'An agent approves a drafted message, edited or not: re-checked by the gate, then queued.',
    entry: 'lambdas/handlers/http/draft-review.ts',
    routes: [{ method: 'POST', path: '/accounts/{accountId}/drafts/{draftId}/approve', access: 'agent' }],
    tables: { accounts: 'read', offers: 'read', contacts: 'readWrite', audit: 'readWrite' },
    publishesEvents: true,
  },
  {
    id: 'supervisorDashboard',
    description:
      'Supervisor dashboard: portfolio by bucket and tier, scores, roll rates, offers, promises, blocked contacts, variants.',
    entry: 'lambdas/handlers/http/dashboard.ts',
    routes: [{ method: 'GET', path: '/dashboard', access: 'supervisor' }],
    tables: { accounts: 'read', offers: 'read', contacts: 'read', audit: 'read', payments: 'read' },
  },
  {
    id: 'checkPromises',
    description:
      'Scheduled: a promise whose date has passed with the arrears unpaid raises PromiseBroken for a follow-up.',
    entry: 'lambdas/handlers/scheduled/check-promises.ts',
    schedules: ['promises'],
    tables: { accounts: 'read' },
    publishesEvents: true,
    timeoutSeconds: 300,
  },
  {
    id: 'startScoringRun',
    description:
      'Scheduled: starts the nightly scoring run and asks for each segment of the portfolio to be scored.',
    entry: 'lambdas/handlers/scheduled/start-scoring-run.ts',
    schedules: ['scoring'],
    tables: { scoringRuns: 'readWrite' },
    publishesEvents: true,
    stageEnvironment: (stage) => ({ SCORING_SEGMENTS: String(stage.scoring.segments) }),
  },
  {
    id: 'scoringRuns',
    description: "Staff API: start a scoring run on demand, and follow a run's progress by segment.",
    entry: 'lambdas/handlers/http/scoring-runs.ts',
    routes: [
      { method: 'POST', path: '/scoring-runs', access: 'supervisor' },
      { method: 'GET', path: '/scoring-runs/{runId}', access: 'supervisor' },
    ],
    tables: { scoringRuns: 'readWrite' },
    publishesEvents: true,
    stageEnvironment: (stage) => ({ SCORING_SEGMENTS: String(stage.scoring.segments) }),
  },
  {
    id: 'scoreSegment',
    description:
      'Scores one segment of the portfolio scan: risk score, bucket and tier per account, changes only.',
    entry: 'lambdas/handlers/events/score-segment.ts',
    eventRules: [
      {
        id: 'ScoringSegmentRequested',
        description: 'Each segment of a scoring run goes to a worker.',
        pattern: { source: [EVENT_SOURCES.scoring], 'detail-type': [DETAIL_TYPES.scoringSegmentRequested] },
      },
    ],
    tables: { accounts: 'readWrite', scoringRuns: 'readWrite' },
    publishesEvents: true,
    stageEnvironment: (stage) => ({ SCORING_PAGE_SIZE: String(stage.scoring.pageSize) }),
    timeoutSeconds: 900,
    memoryMb: 1024,
  },
  {
    id: 'recordTreatmentChange',
    description: 'Writes every treatment change to the account audit trail, once per change.',
    entry: 'lambdas/handlers/events/record-treatment-change.ts',
    eventRules: [
      {
        id: 'TreatmentChangedToAudit',
        description: 'Treatment changes from the scoring run go to the audit trail.',
        pattern: { source: [EVENT_SOURCES.scoring], 'detail-type': [DETAIL_TYPES.treatmentChanged] },
      },
    ],
    tables: { audit: 'readWrite', idempotency: 'readWrite' },
  },
  {
    id: 'applyCustomerDecision',
    description:
      'Decisions from the portal and the console take effect on the account at once (plan, promise, holds, preferences, queue, treatment tier) and go to the audit trail.',
    entry: 'lambdas/handlers/events/apply-customer-decision.ts',
    eventRules: [
      {
        id: 'CustomerDecisionsToServicing',
        description:
          'Plans, promises, hardship, disputes, stop requests, preferences, escalations, agents joining.',
        pattern: {
          source: [EVENT_SOURCES.portal],
          'detail-type': [
            DETAIL_TYPES.planAccepted,
            DETAIL_TYPES.promiseToPayRecorded,
            DETAIL_TYPES.promiseBroken,
            DETAIL_TYPES.hardshipRegistered,
            DETAIL_TYPES.disputeOpened,
            DETAIL_TYPES.fraudReported,
            DETAIL_TYPES.legalRepresentationReported,
            DETAIL_TYPES.bankruptcyReported,
            DETAIL_TYPES.deceasedReported,
            DETAIL_TYPES.vulnerabilityReported,
            DETAIL_TYPES.complaintRecorded,
            DETAIL_TYPES.paymentTraceRequested,
            DETAIL_TYPES.ceaseRequested,
            DETAIL_TYPES.contactPreferencesChanged,
            DETAIL_TYPES.escalationRequested,
            DETAIL_TYPES.agentJoined,
          ],
        },
      },
    ],
    tables: { accounts: 'readWrite', audit: 'readWrite', idempotency: 'readWrite' },
    // A decision that moves the account's tier announces it (TreatmentChanged), like a scoring run.
    publishesEvents: true,
  },
  {
    id: 'prepareOutreach',
    description:
      'On a treatment change: offer options, LLM-drafted messages and call script through the compliance gate, stored and queued.',
    entry: 'lambdas/handlers/events/prepare-outreach.ts',
    eventRules: [
      {
        id: 'TreatmentChangedToDrafting',
        description: 'Treatment changes get offers, drafts and queued outreach.',
        pattern: { source: [EVENT_SOURCES.scoring], 'detail-type': [DETAIL_TYPES.treatmentChanged] },
      },
    ],
    tables: { accounts: 'read', offers: 'readWrite', contacts: 'readWrite', audit: 'readWrite' },
    publishesEvents: true,
    readsLlmApiKey: true,
    stageEnvironment: llmEnvironment,
    // Up to four model calls of 20 s each, then the offline drafter.
    timeoutSeconds: 120,
  },
  {
    id: 'deliverOutreach',
    description: 'Sends a queued message when it is due, gated again at send time; logs the contact.',
    entry: 'lambdas/handlers/events/deliver-outreach.ts',
    eventRules: [
      {
        id: 'OutreachQueuedToDelivery',
        description: 'Queued messages are sent at once when they are due.',
        pattern: { source: [EVENT_SOURCES.outreach], 'detail-type': [DETAIL_TYPES.outreachQueued] },
      },
    ],
    tables: { accounts: 'read', contacts: 'readWrite' },
    publishesEvents: true,
    sendsOutreach: true,
    stageEnvironment: outreachEnvironment,
  },
  {
    id: 'dispatchOutbox',
    description:
      'Scheduled: sends every outbox message that has become due (deferred, retried, abandoned sends).',
    entry: 'lambdas/handlers/scheduled/dispatch-outbox.ts',
    schedules: ['outbox'],
    tables: { accounts: 'read', contacts: 'readWrite' },
    publishesEvents: true,
    sendsOutreach: true,
    stageEnvironment: outreachEnvironment,
    timeoutSeconds: 300,
  },
  {
    id: 'portalPayments',
    description:
      "The signed-in customer's automatic payments: the debit mandate (terms, authorise, revoke), instalments, debits, pay now.",
    entry: 'lambdas/handlers/http/portal-payments.ts',
    routes: [
      { method: 'GET', path: '/portal/payments', access: 'customer' },
      { method: 'GET', path: '/portal/mandate/terms', access: 'customer' },
      { method: 'POST', path: '/portal/mandate', access: 'customer' },
      { method: 'DELETE', path: '/portal/mandate', access: 'customer' },
      { method: 'POST', path: '/portal/instalments/{instalmentId}/debits', access: 'customer' },
    ],
    tables: { accounts: 'read', payments: 'readWrite', contacts: 'readWrite', audit: 'readWrite' },
    publishesEvents: true,
    schedulesDebits: true,
  },
  {
    id: 'staffPayments',
    description:
      "Agent view of an account's mandate, instalments and debit attempts; a debit the customer agreed to on a call.",
    entry: 'lambdas/handlers/http/staff-payments.ts',
    routes: [
      { method: 'GET', path: '/accounts/{accountId}/payments', access: 'agent' },
      { method: 'POST', path: '/accounts/{accountId}/instalments/{instalmentId}/debits', access: 'agent' },
    ],
    tables: { accounts: 'read', payments: 'readWrite', contacts: 'readWrite', audit: 'readWrite' },
    publishesEvents: true,
    schedulesDebits: true,
  },
  {
    id: 'monitorInstalments',
    description:
      'Scheduled: tracks statement instalments, plans the due-date debits of plan instalments the customer chose to have collected, and raises PaymentMissed for instalments unpaid past their grace.',
    entry: 'lambdas/handlers/scheduled/monitor-instalments.ts',
    schedules: ['instalments'],
    // Plan instalments collected on their due date: the notice goes through the outbox, the debit is scheduled.
    tables: { accounts: 'read', payments: 'readWrite', contacts: 'readWrite' },
    publishesEvents: true,
    schedulesDebits: true,
    timeoutSeconds: 300,
  },
  {
    id: 'planDebit',
    description:
      'On a missed payment (or a new mandate): a debit attempt within the mandate, its pre-debit notice through the gate, and its one-off schedule.',
    entry: 'lambdas/handlers/events/plan-debit.ts',
    eventRules: [
      {
        id: 'MissedPaymentsToDebits',
        description:
          'Missed instalments, new mandates and refused debits (re-presentment) get a debit planned, or the reason there is none.',
        pattern: {
          source: [EVENT_SOURCES.payments],
          'detail-type': [
            DETAIL_TYPES.paymentMissed,
            DETAIL_TYPES.mandateAuthorised,
            DETAIL_TYPES.debitFailed,
          ],
        },
      },
    ],
    tables: { accounts: 'read', payments: 'readWrite', contacts: 'readWrite' },
    publishesEvents: true,
    schedulesDebits: true,
  },
  {
    id: 'executeDebit',
    description:
      "Runs one debit attempt at its scheduled time, exactly once: checks again, debits through the bank's API, settles.",
    entry: 'lambdas/handlers/scheduled/execute-debit.ts',
    tables: { accounts: 'readWrite', payments: 'readWrite', contacts: 'read' },
    publishesEvents: true,
    usesPaymentGateway: true,
    runsScheduledDebits: true,
    // A failed attempt schedules its re-presentment.
    schedulesDebits: true,
    stageEnvironment: bankEnvironment,
    timeoutSeconds: 60,
  },
  {
    id: 'sweepDebits',
    description:
      'Scheduled: runs debit attempts that are due, reconciles timeouts and crashed attempts with the bank, re-announces results.',
    entry: 'lambdas/handlers/scheduled/sweep-debits.ts',
    schedules: ['debits'],
    tables: { accounts: 'readWrite', payments: 'readWrite', contacts: 'read' },
    publishesEvents: true,
    usesPaymentGateway: true,
    schedulesDebits: true,
    stageEnvironment: bankEnvironment,
    timeoutSeconds: 300,
  },
  {
    id: 'servicePayments',
    description:
      'Payments received and accepted plans update the instalments; payments, holds and revocations cancel pending debits.',
    entry: 'lambdas/handlers/events/service-payments.ts',
    eventRules: [
      {
        id: 'PaymentsToInstalments',
        description:
          'Payments received, revoked mandates, and missed plan instalments (the plan falls behind: re-tiered at once).',
        pattern: {
          source: [EVENT_SOURCES.payments],
          'detail-type': [
            DETAIL_TYPES.paymentReceived,
            DETAIL_TYPES.mandateRevoked,
            DETAIL_TYPES.paymentMissed,
          ],
        },
      },
      {
        id: 'DecisionsToInstalments',
        description: 'Accepted plans become tracked instalments; holds stop pending debits.',
        pattern: { source: [EVENT_SOURCES.portal], 'detail-type': [...DEBIT_HOLD_EVENTS] },
      },
    ],
    tables: { accounts: 'readWrite', payments: 'readWrite' },
    publishesEvents: true,
  },
  {
    id: 'debitFeedback',
    description:
      "A debit's result goes back to collections: receipt or gentle failure notice (gated), agent queue after repeated failures, audit.",
    entry: 'lambdas/handlers/events/debit-feedback.ts',
    eventRules: [
      {
        id: 'DebitResultsToCollections',
        description: 'Debit results and cancellations.',
        pattern: {
          source: [EVENT_SOURCES.payments],
          'detail-type': [DETAIL_TYPES.debitSucceeded, DETAIL_TYPES.debitFailed, DETAIL_TYPES.debitCancelled],
        },
      },
    ],
    tables: { accounts: 'readWrite', payments: 'read', contacts: 'readWrite', audit: 'readWrite' },
    publishesEvents: true,
  },
];

/** Env var -> value for every table a function may touch. */
export const tableEnvironment = (fn: FunctionDeclaration, physicalName: (id: TableId) => string) =>
  Object.fromEntries(
    Object.keys(fn.tables ?? {}).map((id) => [TABLES[id as TableId].envVar, physicalName(id as TableId)]),
  );

/** The routes as declared: what the OpenAPI document describes. */
export const allRoutes = (): Array<HttpRoute & { functionId: string }> =>
  FUNCTIONS.flatMap((fn) => (fn.routes ?? []).map((route) => ({ ...route, functionId: fn.id })));

/**
 * The routes the API serves: every declared route, and HEAD wherever GET is declared (the GET route's handler
 * answers it, without a body). The CDK stack and the local runtime both serve these.
 */
export const servedRoutes = (): Array<HttpRoute & { functionId: string }> =>
  allRoutes().flatMap((route) =>
    route.method === 'GET' ? [route, { ...route, method: 'HEAD' as const }] : [route],
  );

export const allEventRules = (): Array<EventRuleDeclaration & { functionId: string }> =>
  FUNCTIONS.flatMap((fn) => (fn.eventRules ?? []).map((rule) => ({ ...rule, functionId: fn.id })));
