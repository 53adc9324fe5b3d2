// @ts-check
// Names for the codes the API uses, in the reader's language (words.js); anything unknown is humanised.
import { humanise } from '/lib/format.js';
import { known, t } from './i18n.js';

/**
 * The console's name for an API code, in the reader's language ('—' for none); a code without a name is
 * shown humanised.
 * @param {unknown} code
 */
export const label = (code) => (code === null || code === undefined ? '—' : known('code.', code, humanise));

/**
 * The statement's repayment status (UCI coding).
 * @param {unknown} status
 */
export function payStatusText(status) {
  if (status === -2) return t('pay.noSpending');
  if (status === -1) return t('pay.paidInFull');
  if (status === 0) return t('pay.revolving');
  if (typeof status === 'number' && Number.isInteger(status) && status > 0) return t('pay.late', status);
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
