/**
 * The bus's sources and detail-types by name, without their schemas: what the CDK rules and every function's
 * routing need, at no bundle cost. The contracts (schemas, versions, meanings) are in catalog.ts.
 */
export const EVENT_SOURCES = {
  scoring: 'collections.scoring',
  outreach: 'collections.outreach',
  /** What customers and agents decide in the portal and the console. */
  portal: 'collections.portal',
  /** Instalments, mandates and debits; core banking publishes `PaymentReceived` here too. */
  payments: 'collections.payments',
} as const;

export type EventSource = (typeof EVENT_SOURCES)[keyof typeof EVENT_SOURCES];

/** The detail-types by name, for rules and consumers (`DETAIL_TYPES.planAccepted`). */
export const DETAIL_TYPES = {
  treatmentChanged: 'TreatmentChanged',
  scoringSegmentRequested: 'ScoringSegmentRequested',
  offerDrafted: 'OfferDrafted',
  outreachQueued: 'OutreachQueued',
  outreachBlocked: 'OutreachBlocked',
  outreachSent: 'OutreachSent',
  planAccepted: 'PlanAccepted',
  promiseToPayRecorded: 'PromiseToPayRecorded',
  promiseBroken: 'PromiseBroken',
  hardshipRegistered: 'HardshipRegistered',
  disputeOpened: 'DisputeOpened',
  fraudReported: 'FraudReported',
  legalRepresentationReported: 'LegalRepresentationReported',
  bankruptcyReported: 'BankruptcyReported',
  deceasedReported: 'DeceasedReported',
  vulnerabilityReported: 'VulnerabilityReported',
  complaintRecorded: 'ComplaintRecorded',
  paymentTraceRequested: 'PaymentTraceRequested',
  ceaseRequested: 'CeaseRequested',
  contactPreferencesChanged: 'ContactPreferencesChanged',
  escalationRequested: 'EscalationRequested',
  agentJoined: 'AgentJoined',
  callLogged: 'CallLogged',
  paymentMissed: 'PaymentMissed',
  paymentReceived: 'PaymentReceived',
  mandateAuthorised: 'MandateAuthorised',
  mandateRevoked: 'MandateRevoked',
  debitScheduled: 'DebitScheduled',
  debitSucceeded: 'DebitSucceeded',
  debitFailed: 'DebitFailed',
  debitCancelled: 'DebitCancelled',
} as const;

export type DetailType = (typeof DETAIL_TYPES)[keyof typeof DETAIL_TYPES];
