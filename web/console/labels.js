// @ts-check
// Names for the codes the API uses; anything unknown is shown humanised.
import { humanise } from '/lib/format.js';

/** @type {Record<string, string>} */
const NAMES = {
  current: 'Current',
  dpd_1_30: '1–30 days',
  dpd_31_60: '31–60 days',
  dpd_61_90: '61–90 days',
  dpd_91_180: '91–180 days',
  dpd_180_plus: '180+ days',
  reminder_and_call: 'Reminder and call',
  hardship_restructure: 'Hardship restructure',
  hardship_plan_active: 'Hardship plan active',
  plan_active: 'Repayment plan agreed',
  pay_in_full: 'Pay in full',
  hardship: 'Reduced-payment (hardship)',
  right_party: 'Spoke with the customer',
  promise_to_pay: 'Promise to pay',
  refused: 'Customer refused',
  wrong_number: 'Wrong number',
  no_answer: 'No answer',
  call_attempt: 'Call attempt',
  customer_request: 'Customer asked for a person',
  promise_broken: 'Promise broken',
  debit_failed: 'Automatic payments failed',
  self_harm: 'Self-harm mentioned: reach them now',
  deceased: 'Holder reported deceased',
  fraud: 'Fraud reported',
  bankruptcy: 'Bankruptcy reported',
  legal_representation: 'Represented by a lawyer',
  vulnerability: 'Vulnerable customer',
  complaint: 'Complaint',
  payment_trace: 'Payment trace',
  specialist: 'Specialist team',
  supervisor: 'Supervisor',
  agents: 'Agents',
  FRAUD_REPORTED: 'Fraud reported',
  REPRESENTED_BY_LAWYER: 'Represented by a lawyer',
  SPECIALIST_CARE: 'Specialist care',
  sms: 'SMS',
  email: 'E-mail',
  call: 'Call',
  portal: 'Portal',
  call_script: 'Call script',
  en: 'English',
  'zh-CN': 'Chinese',
  US: 'US',
  CN: 'China',
  // Debits (other codes read well humanised): attempt states and reasons.
  unknown: 'Unknown (asking the bank)',
  unresolved: 'Unresolved (bank never answered)',
  CEASE: 'Cease request',
  SUPERSEDED: 'Superseded by a plan',
  UNSPECIFIED: 'No reason recorded',
};

/**
 * The console's name for an API code; '—' for none.
 * @param {unknown} code
 */
export const label = (code) =>
  code === null || code === undefined ? '—' : (NAMES[String(code)] ?? humanise(code));

/**
 * The statement's repayment status (UCI coding).
 * @param {unknown} status
 */
export function payStatusText(status) {
  if (status === -2) return 'No spending';
  if (status === -1) return 'Paid in full';
  if (status === 0) return 'Revolving';
  if (typeof status === 'number' && Number.isInteger(status) && status > 0)
    return `${status} ${status === 1 ? 'month' : 'months'} late`;
  return String(status ?? '—');
}

/** @type {Record<string, string>} */
const STATUS_TONES = {
  sent: 'ok',
  queued: 'info',
  blocked: 'danger',
  failed: 'danger',
  unconfirmed: 'warn',
  sending: 'info',
};

/**
 * The tone of an outbox message's status chip.
 * @param {unknown} status
 */
export const statusTone = (status) => STATUS_TONES[String(status)] ?? '';
