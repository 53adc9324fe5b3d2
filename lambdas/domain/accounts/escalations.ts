/**
 * Why a person should look at an account, how urgently, and which team: one table read by customer decisions (a
 * more urgent escalation is never replaced by a less urgent one) and by the agent queue (order, team, the
 * words an agent reads).
 */
export type Team = 'agents' | 'specialist' | 'supervisor';

export interface EscalationKind {
  /** Higher first; an open escalation is only replaced by one at least as urgent. */
  readonly urgency: number;
  readonly team: Team;
  /** What the agent reads in the queue. */
  readonly label: string;
}

export const ESCALATIONS: Readonly<Record<string, EscalationKind>> = {
  self_harm: { urgency: 100, team: 'specialist', label: 'Customer mentioned self-harm: reach them now' },
  deceased: { urgency: 80, team: 'specialist', label: 'Account holder reported deceased: bereavement team' },
  fraud: { urgency: 80, team: 'specialist', label: 'Fraud or identity theft reported: open a fraud case' },
  bankruptcy: { urgency: 70, team: 'specialist', label: 'Bankruptcy reported: verify, no collection' },
  legal_representation: {
    urgency: 70,
    team: 'specialist',
    label: 'Customer has a lawyer: deal with the lawyer, not the customer (US)',
  },
  vulnerability: { urgency: 70, team: 'specialist', label: 'Vulnerable customer: specialist care' },
  dispute: { urgency: 60, team: 'agents', label: 'Debt disputed: compliance review' },
  complaint: { urgency: 50, team: 'supervisor', label: 'Complaint: for a supervisor' },
  no_affordable_plan: {
    urgency: 45,
    team: 'agents',
    label: 'No plan fits the budget the customer declared: find a way forward with them',
  },
  customer_request: { urgency: 40, team: 'agents', label: 'Customer asked for a person' },
  payment_trace: { urgency: 30, team: 'agents', label: 'Payment missing: trace it with the bank' },
  debit_failed: { urgency: 20, team: 'agents', label: 'Automatic payments failed: talk it through' },
  promise_broken: { urgency: 20, team: 'agents', label: 'Promise to pay broken: follow up' },
};

const UNKNOWN: EscalationKind = { urgency: 10, team: 'agents', label: 'Escalated' };

export function escalationKind(reason: string): EscalationKind {
  return ESCALATIONS[reason] ?? { ...UNKNOWN, label: `${UNKNOWN.label}: ${reason}` };
}
