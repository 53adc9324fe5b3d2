/**
 * Holds that put an account with a specialist team: no automated collection contact and no automatic debit
 * until a person has looked at it. One reading of the flags for outreach, debits and the agent queue, so the
 * three never disagree about whether an account may be collected from.
 */
import type { Account } from './account';

export type SpecialistHold =
  /** The holder died, or is bankrupt: never contacted, handled by the specialist team. */
  | 'ACCOUNT_EXCLUDED'
  /** Identity theft or unauthorised use reported: the fraud team looks first. */
  | 'FRAUD_REPORTED'
  /** US: a lawyer represents the customer, who may not be contacted directly (12 CFR 1006.6(b)(2)). */
  | 'REPRESENTED_BY_LAWYER'
  /** The customer told us of a crisis: a specialist contacts them, at their pace. */
  | 'SPECIALIST_CARE';

export function specialistHold(account: Pick<Account, 'flags' | 'jurisdiction'>): SpecialistHold | undefined {
  const { flags } = account;
  if (flags.deceased || flags.bankrupt) return 'ACCOUNT_EXCLUDED';
  if (flags.fraudReported) return 'FRAUD_REPORTED';
  if (flags.legalRepresentation && account.jurisdiction === 'US') return 'REPRESENTED_BY_LAWYER';
  if (flags.vulnerable) return 'SPECIALIST_CARE';
  return undefined;
}
