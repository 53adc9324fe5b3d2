/** Event sources and detail types on the collections bus, declared once for publishers and rules. */
export const EVENT_SOURCES = {
  scoring: 'collections.scoring',
  outreach: 'collections.outreach',
  /** What customers and agents decide in the portal and the console. */
  portal: 'collections.portal',
  /** Instalments, mandates and debits; core banking publishes `PaymentReceived` here too. */
  payments: 'collections.payments',
} as const;

export const DETAIL_TYPES = {
  treatmentChanged: 'TreatmentChanged',
  scoringSegmentRequested: 'ScoringSegmentRequested',
  /** A draft (offer options, messages, call script) was stored, ready or blocked. */
  offerDrafted: 'OfferDrafted',
  /** A message was put in the outbox; it is gated again when it is sent. */
  outreachQueued: 'OutreachQueued',
  /** A draft or a message will not be sent, with the reasons. */
  outreachBlocked: 'OutreachBlocked',
  /** A message left through its channel (or, in store-only stages, was stored as sent). */
  outreachSent: 'OutreachSent',
  planAccepted: 'PlanAccepted',
  promiseToPayRecorded: 'PromiseToPayRecorded',
  /** A promise's date passed with the arrears still unpaid: a person follows up. */
  promiseBroken: 'PromiseBroken',
  hardshipRegistered: 'HardshipRegistered',
  disputeOpened: 'DisputeOpened',
  /** The customer reported identity theft or unauthorised use: collection stops, a case for the fraud team. */
  fraudReported: 'FraudReported',
  /** A lawyer represents the customer on the debt: recorded, routed to agents (US: no direct contact). */
  legalRepresentationReported: 'LegalRepresentationReported',
  /** The customer reported a bankruptcy: collection held, specialist queue. */
  bankruptcyReported: 'BankruptcyReported',
  /** Someone reported the account holder's death: collection held, specialist queue. */
  deceasedReported: 'DeceasedReported',
  /** The customer told of a crisis (with `selfHarm` when they mentioned harming themselves): specialist queue. */
  vulnerabilityReported: 'VulnerabilityReported',
  /** A complaint about treatment or service: supervisor queue. */
  complaintRecorded: 'ComplaintRecorded',
  /** The customer says a payment is missing: agents trace it with the bank. */
  paymentTraceRequested: 'PaymentTraceRequested',
  ceaseRequested: 'CeaseRequested',
  contactPreferencesChanged: 'ContactPreferencesChanged',
  escalationRequested: 'EscalationRequested',
  agentJoined: 'AgentJoined',
  /** An agent logged a call: it counts toward the call caps. */
  callLogged: 'CallLogged',
  /** An instalment was still unpaid at its due date plus the product's grace days. */
  paymentMissed: 'PaymentMissed',
  /** Money arrived for the account by any route (core banking's feed, or a debit's settlement). */
  paymentReceived: 'PaymentReceived',
  mandateAuthorised: 'MandateAuthorised',
  mandateRevoked: 'MandateRevoked',
  /** A debit attempt was scheduled and its pre-debit notice queued. */
  debitScheduled: 'DebitScheduled',
  debitSucceeded: 'DebitSucceeded',
  /** The gateway refused the debit (with the reason), or never answered and a person must reconcile it. */
  debitFailed: 'DebitFailed',
  /** A debit was not scheduled, or stopped before it ran: no mandate, a hold, revocation, payment received. */
  debitCancelled: 'DebitCancelled',
} as const;

export type EventSource = (typeof EVENT_SOURCES)[keyof typeof EVENT_SOURCES];
export type DetailType = (typeof DETAIL_TYPES)[keyof typeof DETAIL_TYPES];
