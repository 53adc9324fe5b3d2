/**
 * Every event on the collections bus, declared once: its detail-type, source, contract version, a one-line
 * meaning and the zod schema of its detail. Producers build events only with `domainEvent` (events.ts),
 * which checks the detail against this schema; consumers receive details parsed by the same schema
 * (lambdas/events/event-handler.ts); `npm run events` publishes each as JSON Schema in docs/events/.
 *
 * Depends on zod only, so Lambda code imports it without the CDK; the rules import just the names (names.ts).
 *
 * Versioning (docs/events/README.md): adding an optional field, or a new value a consumer may ignore, keeps
 * the version; removing or renaming a field, making one required, narrowing a type or changing a meaning
 * bumps `version` (and `npm run events` refuses a breaking change without one).
 */
import * as z from '../schema';
import { type DetailType, EVENT_SOURCES, type EventSource } from './names';

export { DETAIL_TYPES, type DetailType, EVENT_SOURCES, type EventSource } from './names';

// ---------------------------------------------------------------------------------------------------------
// Building blocks (the domain's own types; the producers' and consumers' typecheck keeps them equal)
// ---------------------------------------------------------------------------------------------------------

const id = z.string().check(z.minLength(1));
/** An instant as `Date.toISOString()` writes it. */
const instant = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
/** Money is integer minor units (cents, fen). */
const minor = z.number().check(z.int(), z.nonnegative());
const positiveMinor = z.number().check(z.int(), z.positive());
const currency = z.enum(['USD', 'CNY']);
const tier = z.enum([
  'monitor',
  'early_warning',
  'reminder',
  'reminder_and_call',
  'agent_call',
  'hardship_restructure',
  'referral_review',
  'promise_pending',
  'hardship_plan_active',
  'plan_active',
  'dispute_hold',
  'cease_hold',
  'excluded',
]);
const bucket = z.enum(['current', 'dpd_1_30', 'dpd_31_60', 'dpd_61_90', 'dpd_91_180', 'dpd_180_plus']);
const band = z.enum(['A', 'B', 'C', 'D', 'E']);
const contactChannel = z.enum(['call', 'sms', 'email']);
const outboundChannel = z.enum(['sms', 'email', 'portal']);
const offerKind = z.enum(['pay_in_full', 'settlement', 'instalment', 'hardship']);
const hhmm = z.string().check(z.regex(/^\d{2}:\d{2}$/));

/** Keys every decision announced by the portal or the console carries. */
const decision = z.object({
  requestId: id.check(
    z.describe(
      'Unique per decision (conversation, message and type; or the call; or the form post): apply it once.',
    ),
  ),
  accountId: id,
  conversationId: z.optional(id).check(z.describe('Set when the decision was taken in a chat.')),
  decidedAt: instant,
});

const debitKeys = z.object({
  accountId: id,
  attemptId: id,
  instalmentId: id,
  number: z
    .number()
    .check(z.int(), z.positive(), z.describe('1 for the first presentment, 2.. for re-presentments.')),
  currency,
  requestedBy: id.check(z.describe('`monitor`, `customer` or `agent:<id>`.')),
});
const debitResult = z.extend(debitKeys, { finishedAt: z.optional(instant) });

const outboxKeys = z.object({ accountId: id, draftId: id, messageId: id, channel: outboundChannel });

// ---------------------------------------------------------------------------------------------------------
// The contracts
// ---------------------------------------------------------------------------------------------------------

export interface EventContract<S extends z.ZodMiniType = z.ZodMiniType> {
  readonly source: EventSource;
  /** The contract's version: bumped by a breaking change (docs/events/README.md). */
  readonly version: number;
  /** What happened, in one line. */
  readonly meaning: string;
  readonly schema: S;
}

const contract = <S extends z.ZodMiniType>(c: EventContract<S>): EventContract<S> => c;

export const EVENT_CONTRACTS = {
  // ---- scoring
  TreatmentChanged: contract({
    source: EVENT_SOURCES.scoring,
    version: 1,
    meaning:
      'A scoring run, or a customer decision or payment at once (`runId` `event-<id>`), moved an account to another treatment tier; `changeId` is the same when it is announced again.',
    schema: z.object({
      changeId: id,
      accountId: id,
      runId: id,
      variant: z.enum(['champion', 'challenger']),
      policyVersion: id,
      modelVersion: id,
      previous: z.object({ tier: z.nullable(tier), bucket: z.nullable(bucket) }),
      current: z.object({
        tier,
        bucket,
        band,
        score: z.number(),
        probabilityOfDefault: z.number().check(z.gte(0), z.lte(1)),
      }),
      assessedAt: instant,
    }),
  }),
  ScoringSegmentRequested: contract({
    source: EVENT_SOURCES.scoring,
    version: 1,
    meaning: 'One segment of a scoring run’s parallel scan is to be scored (first request or continuation).',
    schema: z.object({
      runId: id,
      segment: z.number().check(z.int(), z.gte(0)),
      totalSegments: z.number().check(z.int(), z.gte(1)),
    }),
  }),

  // ---- outreach
  OfferDrafted: contract({
    source: EVENT_SOURCES.outreach,
    version: 1,
    meaning: 'A draft (offer options, messages, call script) was stored, ready or blocked by the gate.',
    schema: z.object({
      accountId: id,
      draftId: id,
      changeId: id.check(z.describe('The treatment change that caused it, or `requested-by:<agentId>`.')),
      tier,
      status: z.enum(['ready', 'blocked']),
      source: z
        .optional(z.enum(['llm', 'offline']))
        .check(z.describe('Who wrote the words (absent when nothing was written).')),
      promptVersion: z.optional(z.string()),
      model: z.optional(z.string()),
      optionIds: z.array(id),
      llmCalls: z.number().check(z.int(), z.nonnegative()),
    }),
  }),
  OutreachQueued: contract({
    source: EVENT_SOURCES.outreach,
    version: 1,
    meaning: 'A message was put in the outbox; it is gated again when it is sent, from `notBefore` on.',
    schema: z.extend(outboxKeys, {
      notBefore: instant,
      approvedBy: z.optional(id).check(z.describe('The agent who approved it, when a person did.')),
      edited: z
        .optional(z.boolean())
        .check(z.describe('With `approvedBy`: whether the agent changed the text or subject.')),
    }),
  }),
  OutreachBlocked: contract({
    source: EVENT_SOURCES.outreach,
    version: 1,
    meaning: 'A draft or a message will not be sent, with the reasons and the stage that stopped it.',
    schema: z.object({
      accountId: id,
      draftId: id,
      messageId: z
        .optional(id)
        .check(z.describe('Absent when the whole draft was blocked before any message was made.')),
      channel: z.optional(outboundChannel),
      stage: z.enum(['draft', 'queue', 'approval', 'send']),
      reasons: z.array(z.string()),
    }),
  }),
  OutreachSent: contract({
    source: EVENT_SOURCES.outreach,
    version: 1,
    meaning: 'A message left through its channel (or, in store-only stages, was stored as sent).',
    schema: z.extend(outboxKeys, { sentAt: instant, deliveredBy: z.optional(z.string()) }),
  }),

  // ---- decisions (portal and console)
  PlanAccepted: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning:
      'The customer accepted a repayment plan: it becomes the account’s schedule (hardship: no debits).',
    schema: z.extend(decision, {
      optionId: id,
      kind: offerKind,
      totalMinor: minor,
      instalments: z.array(z.object({ dueDate: isoDate, amountMinor: positiveMinor })).check(z.minLength(1)),
    }),
  }),
  PromiseToPayRecorded: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning: 'The customer promised to pay an amount by a date (in the chat, or to an agent on a call).',
    schema: z.extend(decision, {
      amountMinor: positiveMinor,
      dueDate: isoDate,
      agentId: z.optional(id).check(z.describe('Set when an agent took the promise on a call.')),
      callId: z.optional(id).check(z.describe('The call the promise was taken on.')),
    }),
  }),
  PromiseBroken: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning: 'A promise’s date passed with the arrears still unpaid: a person follows up.',
    schema: z.object({
      requestId: id,
      accountId: id,
      dueDate: isoDate,
      amountMinor: minor.check(z.describe('The amount promised.')),
      amountOverdueMinor: minor.check(
        z.describe('The arrears still unpaid when the promise was found broken.'),
      ),
      brokenAt: instant,
    }),
  }),
  HardshipRegistered: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning: 'The customer declared a budget (each figure when stated): offers are fitted to it.',
    schema: z.extend(decision, {
      monthlyIncomeMinor: z.optional(minor),
      monthlyExpensesMinor: z.optional(minor),
      affordableMinor: z.optional(minor),
    }),
  }),
  DisputeOpened: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning: 'The customer disputes the debt: collection held for compliance review.',
    schema: decision,
  }),
  FraudReported: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning:
      'The customer reported identity theft or unauthorised use: collection stops, a fraud case opens.',
    schema: decision,
  }),
  LegalRepresentationReported: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning:
      'A lawyer represents the customer on the debt: recorded, routed to agents (US: no direct contact).',
    schema: decision,
  }),
  BankruptcyReported: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning: 'The customer reported a bankruptcy: collection held, specialist queue.',
    schema: decision,
  }),
  DeceasedReported: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning: 'Someone reported the account holder’s death: collection held, specialist queue.',
    schema: decision,
  }),
  VulnerabilityReported: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning:
      'The customer told of a crisis (`selfHarm` when they mentioned harming themselves): specialist queue.',
    schema: z.extend(decision, { selfHarm: z.boolean() }),
  }),
  ComplaintRecorded: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning: 'A complaint about treatment or service: supervisor queue.',
    schema: decision,
  }),
  PaymentTraceRequested: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning:
      'The customer says a payment is missing (amount and date when given): agents trace it with the bank.',
    schema: z.extend(decision, { amountMinor: z.optional(positiveMinor), paidOn: z.optional(isoDate) }),
  }),
  CeaseRequested: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning: 'The customer asked us to stop contacting them: contact stops, compliance reviews.',
    schema: decision,
  }),
  ContactPreferencesChanged: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning:
      'The customer’s full set of refused channels and other contact limits: applied to the next send.',
    schema: z.extend(decision, {
      refusedChannels: z.array(contactChannel),
      noWorkplace: z.optional(z.boolean()),
      noThirdParties: z.optional(z.boolean()),
      contactHours: z
        .optional(z.object({ from: z.optional(hhmm), to: z.optional(hhmm) }))
        .check(z.describe('On the customer’s clock, `HH:MM`: not before `from`, not from `to` on.')),
    }),
  }),
  EscalationRequested: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning:
      'The customer asked for a person, or no plan fits the budget they declared (`no_affordable_plan`): the account goes to the agent queue.',
    schema: z.extend(decision, { reason: z.enum(['customer_request', 'no_affordable_plan']) }),
  }),
  AgentJoined: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning: 'An agent took a chat over: the open escalation is answered.',
    schema: z.object({ accountId: id, conversationId: id, agentId: id, joinedAt: instant }),
  }),
  CallLogged: contract({
    source: EVENT_SOURCES.portal,
    version: 1,
    meaning: 'An agent logged a call and its outcome: it counts toward the call caps.',
    schema: z.object({
      requestId: id,
      accountId: id,
      callId: id,
      agentId: id,
      outcome: z.enum(['right_party', 'promise_to_pay', 'refused', 'wrong_number', 'no_answer']),
      kind: z.enum(['call_attempt', 'conversation', 'message']),
      at: instant,
      allowedByPolicy: z.boolean(),
      policyReasons: z.array(z.string()),
      note: z.optional(z.string()),
    }),
  }),

  // ---- payments
  PaymentMissed: contract({
    source: EVENT_SOURCES.payments,
    version: 1,
    meaning: 'An instalment was still unpaid at its due date plus the product’s grace days.',
    schema: z.object({
      accountId: id,
      instalmentId: id,
      source: z.enum(['plan', 'statement']),
      dueDate: isoDate,
      amountMinor: minor,
      outstandingMinor: minor,
      currency,
      missedAt: z.optional(instant),
    }),
  }),
  PaymentReceived: contract({
    source: EVENT_SOURCES.payments,
    version: 1,
    meaning: 'Money arrived for the account (core banking’s feed, see docs/bank-api.md).',
    schema: z.object({
      accountId: id,
      paymentId: z.string().check(z.minLength(1), z.maxLength(128)),
      amountMinor: positiveMinor,
      currency,
      receivedAt: instant,
    }),
  }),
  MandateAuthorised: contract({
    source: EVENT_SOURCES.payments,
    version: 1,
    meaning: 'The customer authorised automatic debits (in the portal or to an agent).',
    schema: z.object({
      accountId: id,
      mandateId: id,
      authorisedAt: instant,
      channel: z.enum(['portal', 'agent']),
    }),
  }),
  MandateRevoked: contract({
    source: EVENT_SOURCES.payments,
    version: 1,
    meaning: 'The customer cancelled automatic debits: scheduled debits are cancelled.',
    schema: z.object({ accountId: id, mandateId: id, revokedAt: instant, via: z.enum(['portal', 'agent']) }),
  }),
  DebitScheduled: contract({
    source: EVENT_SOURCES.payments,
    version: 1,
    meaning: 'A debit attempt was scheduled and its pre-debit notice queued.',
    schema: z.extend(debitKeys, {
      amountMinor: positiveMinor,
      debitAt: instant,
      stopBy: z.string().check(z.minLength(1)),
    }),
  }),
  DebitSucceeded: contract({
    source: EVENT_SOURCES.payments,
    version: 1,
    meaning: 'The bank took the debit (possibly a partial sweep): receipt, instalment paid.',
    schema: z.extend(debitResult, { amountMinor: positiveMinor, gatewayDebitId: z.optional(z.string()) }),
  }),
  DebitFailed: contract({
    source: EVENT_SOURCES.payments,
    version: 1,
    meaning:
      'The gateway refused the debit (with the reason), or never answered (`unresolved`) and a person must reconcile it.',
    schema: z.extend(debitResult, {
      amountMinor: minor,
      reason: z.optional(
        z.enum([
          'insufficient_funds',
          'account_closed',
          'account_not_found',
          'currency_mismatch',
          'rejected',
          'unresolved',
        ]),
      ),
      final: z.boolean().check(z.describe('No re-presentment follows.')),
    }),
  }),
  DebitCancelled: contract({
    source: EVENT_SOURCES.payments,
    version: 1,
    meaning: 'A debit was stopped before it ran: no mandate, a hold, revocation, payment received.',
    schema: z.extend(debitResult, { plannedMinor: minor, reasons: z.array(z.string()) }),
  }),
} as const satisfies Record<DetailType, EventContract>;
/** A detail as consumers receive it, parsed. */
export type DetailOf<T extends DetailType> = z.output<(typeof EVENT_CONTRACTS)[T]['schema']>;
/** A detail as a producer gives it to `domainEvent` (read-only arrays welcome). */
export type DetailInput<T extends DetailType> = ReadonlyDeep<z.input<(typeof EVENT_CONTRACTS)[T]['schema']>>;
type ReadonlyDeep<T> = T extends readonly (infer U)[]
  ? readonly ReadonlyDeep<U>[]
  : T extends object
    ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> }
    : T;
export type SourceOf<T extends DetailType> = (typeof EVENT_CONTRACTS)[T]['source'];

export const ALL_DETAIL_TYPES = Object.keys(EVENT_CONTRACTS) as DetailType[];
