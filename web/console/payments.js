// The account view's Payments panel: the customer's debit mandate, tracked instalments and debit attempts
// with their states and reasons, and "Debit now (customer agreed)" per unpaid instalment. Text only.
import { notBuiltYet } from '/lib/api.js';
import { h, replace, say } from '/lib/dom.js';
import { formatDate, formatDateTime, formatMoney } from '/lib/format.js';
import { chip, empty, figures, loading, notice, section, table } from '/lib/ui.js';
import { label } from './labels.js';

const enc = encodeURIComponent;
const UNPAID = new Set(['due', 'missed']);
const PENDING = new Set(['scheduled', 'executing', 'unknown']);
const STATE_TONES = {
  scheduled: 'info',
  executing: 'info',
  unknown: 'warn',
  succeeded: 'ok',
  failed: 'danger',
  cancelled: '',
  unresolved: 'danger',
};
const INSTALMENT_TONES = { due: 'info', missed: 'warn', paid: 'ok', superseded: '' };

/** A calendar date or an instant. */
const when = (value) =>
  /^\d{4}-\d{2}-\d{2}$/.test(String(value ?? '')) ? formatDate(value) : formatDateTime(value);

/** "12.34" → 1234 minor units by string handling (no floating point); null when not an amount. */
function parseMinor(text, currency) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  const match = /^(\d{1,12})(?:\.(\d*))?$/.exec(
    String(text)
      .trim()
      .replace(/[\s,_]/g, ''),
  );
  if (!match || (match[2] ?? '').length > digits) return null;
  const minor = Number.parseInt(`${match[1]}${(match[2] ?? '').padEnd(digits, '0')}`, 10);
  return minor > 0 ? minor : null;
}

/** 1234 → "12.34", to prefill an amount field. */
function minorText(minor, currency) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  const text = String(Math.max(0, Math.trunc(minor))).padStart(digits + 1, '0');
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** The panel: drawn now with a spinner, filled when GET /accounts/{id}/payments answers. */
export function paymentsPanel(ctx, accountId) {
  const card = section('Payments', { id: 'payments' }, loading());
  loadPayments(ctx, accountId, card);
  return card;
}

async function loadPayments(ctx, accountId, card, status) {
  const body = h('div', { class: 'payments-body' });
  try {
    const payments = await ctx.api('GET', `/accounts/${enc(accountId)}/payments`);
    if (ctx.signal.aborted) return;
    const reload = (message) => loadPayments(ctx, accountId, card, message);
    replace(
      body,
      status,
      mandateBlock(payments),
      instalmentsBlock(ctx, accountId, payments, reload),
      debitsBlock(payments),
    );
  } catch (error) {
    if (ctx.signal.aborted || error.status === 401) return;
    replace(
      body,
      notBuiltYet(error)
        ? notice('Payments are not available yet.', 'info')
        : notice(`Could not load the payments: ${error.code}: ${error.message}`, 'error', { role: 'alert' }),
    );
  }
  card.querySelector('.spinner')?.parentElement?.remove();
  card.querySelector('.payments-body')?.remove();
  card.append(body);
}

function mandateBlock(payments) {
  const mandate = payments.mandate;
  const money = (minor) => formatMoney(minor, payments.currency);
  const policy = payments.policy ?? {};
  return h(
    'div',
    { id: 'payments-mandate' },
    h('h3', {}, 'Debit mandate'),
    !mandate
      ? empty('No debit mandate: the customer has not authorised debits.')
      : [
          h(
            'p',
            { class: 'meta' },
            chip(
              mandate.status === 'active' ? 'Active' : 'Revoked',
              mandate.status === 'active' ? 'ok' : 'warn',
            ),
            h('span', {}, `authorised ${formatDateTime(mandate.authorisedAt)} via ${label(mandate.channel)}`),
            mandate.revokedAt && h('span', {}, `revoked ${formatDateTime(mandate.revokedAt)}`),
          ),
          figures([
            ['Bank account', mandate.debtorAccountMasked ?? '—'],
            ['Maximum per debit', money(mandate.maxAmountMinor)],
            ['Partial sweeps', mandate.partialAllowed ? 'Allowed' : 'Not allowed'],
          ]),
          h(
            'details',
            {},
            h(
              'summary',
              {},
              'Authorisation text the customer accepted',
              mandate.termsVersion && ` (${mandate.termsVersion})`,
            ),
            h('p', { class: 'message-text', id: 'payments-mandate-text' }, mandate.authorisationText ?? ''),
          ),
        ],
    h(
      'p',
      { class: 'small muted' },
      `Policy: the customer can stop a debit until ${policy.stopNoticeBusinessDays ?? '—'} business days before it; ` +
        `partial sweeps leave at least ${money(policy.protectedMinimumMinor)}; ` +
        `at most ${policy.maxRepresentments ?? '—'} re-presentments.`,
    ),
  );
}

function instalmentsBlock(ctx, accountId, payments, reload) {
  const instalments = payments.instalments ?? [];
  return h(
    'div',
    { id: 'payments-instalments' },
    h('h3', {}, 'Instalments'),
    instalments.length === 0
      ? empty('No instalments tracked.')
      : h(
          'ul',
          { class: 'instalment-list' },
          instalments.map((instalment) => instalmentItem(ctx, accountId, payments, instalment, reload)),
        ),
  );
}

function instalmentItem(ctx, accountId, payments, instalment, reload) {
  const currency = payments.currency;
  const money = (minor) => formatMoney(minor, currency);
  const owed = Math.max(0, (instalment.amountMinor ?? 0) - (instalment.paidMinor ?? 0));
  const pending = (payments.debits ?? []).some(
    (debit) => debit.instalmentId === instalment.instalmentId && PENDING.has(debit.state),
  );
  const blocked = instalment.debitBlockedReasons ?? [];
  return h(
    'li',
    {
      dataset: {
        instalmentId: String(instalment.instalmentId ?? ''),
        status: String(instalment.status ?? ''),
      },
    },
    h(
      'p',
      { class: 'meta' },
      h('strong', {}, `${formatDate(instalment.dueDate)} · ${money(instalment.amountMinor)}`),
      chip(label(instalment.status), INSTALMENT_TONES[instalment.status] ?? ''),
      chip(label(instalment.source)),
      instalment.paidMinor > 0 && h('span', {}, `paid ${money(instalment.paidMinor)}`),
      h('span', { class: 'small muted' }, instalment.instalmentId),
    ),
    blocked.length > 0 &&
      h('p', { class: 'small' }, 'No debit: ', blocked.map((reason) => label(reason)).join(', ')),
    UNPAID.has(instalment.status) &&
      owed > 0 &&
      pending &&
      h('p', { class: 'small muted' }, 'A debit is pending.'),
    UNPAID.has(instalment.status) &&
      owed > 0 &&
      !pending &&
      debitForm(ctx, accountId, currency, instalment, owed, reload),
  );
}

function debitForm(ctx, accountId, currency, instalment, owed, reload) {
  const id = `debit-${String(instalment.instalmentId).replace(/[^\w-]/g, '_')}`;
  const amount = h('input', {
    id,
    name: 'amount',
    inputmode: 'decimal',
    autocomplete: 'off',
    value: minorText(owed, currency),
  });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit', class: 'small primary' }, 'Debit now (customer agreed)');
  const form = h(
    'form',
    { class: 'debit-now', novalidate: true },
    h('label', { for: id }, `Amount (${currency})`),
    h('div', { class: 'debit-now-row' }, amount, button),
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    say(error, '');
    amount.removeAttribute('aria-invalid');
    const amountMinor = parseMinor(amount.value, currency);
    if (amountMinor === null) {
      amount.setAttribute('aria-invalid', 'true');
      amount.focus();
      return say(error, `Enter an amount such as ${minorText(owed, currency)} (${currency}).`);
    }
    button.disabled = true;
    try {
      const { debit } = await ctx.api(
        'POST',
        `/accounts/${enc(accountId)}/instalments/${enc(instalment.instalmentId)}/debits`,
        { amountMinor },
      );
      if (ctx.signal.aborted) return;
      reload(
        notice(
          `Debit of ${formatMoney(debit?.plannedMinor ?? amountMinor, currency)} scheduled for ${when(debit?.debitAt)}; ` +
            `the customer can stop it until ${when(debit?.stopBy)}.`,
          'ok',
          { id: 'debit-requested', role: 'status' },
        ),
      );
    } catch (failure) {
      if (failure.status === 401) return;
      button.disabled = false;
      say(error, `${failure.code}: ${failure.message}`);
    }
  });
  return form;
}

function debitsBlock(payments) {
  const debits = payments.debits ?? [];
  const money = (minor) => formatMoney(minor, payments.currency);
  return h(
    'div',
    { id: 'payments-debits' },
    h('h3', {}, 'Debit attempts'),
    debits.length === 0
      ? empty('No debit attempts.')
      : table(
          [
            { label: 'Debit at', value: (d) => when(d.debitAt), header: true },
            { label: 'Instalment', value: (d) => `${d.instalmentId} #${d.number}` },
            { label: 'State', value: (d) => chip(label(d.state), STATE_TONES[d.state] ?? '') },
            { label: 'Planned', value: (d) => money(d.plannedMinor), num: true },
            {
              label: 'Taken',
              value: (d) => (d.amountMinor === undefined ? '—' : money(d.amountMinor)),
              num: true,
            },
            {
              label: 'Reason',
              value: (d) =>
                d.failureReason
                  ? label(d.failureReason)
                  : (d.cancelledReasons ?? []).map((reason) => label(reason)).join(', ') || '—',
            },
            { label: 'Stop by', value: (d) => when(d.stopBy) },
            { label: 'Requested by', value: (d) => d.requestedBy ?? '—' },
            { label: 'Finished', value: (d) => (d.finishedAt ? formatDateTime(d.finishedAt) : '—') },
          ],
          debits,
          { className: 'debits-table' },
        ),
  );
}
