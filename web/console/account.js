// One account for an agent: who and what is owed, the risk score and its reasons, the suggested call script
// and options, logging a call, payments (payments.js), drafted messages to approve, the conversations, and the
// outbox and contact log. Sections load on their own, so one slow or missing endpoint never blanks the page.
import { notBuiltYet } from '/lib/api.js';
import { h, replace, say, svg } from '/lib/dom.js';
import { formatDate, formatDateTime, formatMoney, formatPercent, humanise } from '/lib/format.js';
import { CALL_OUTCOMES, MESSAGE_CHANNELS } from '/lib/taxonomy.js';
import { chip, empty, figures, loading, notice, reasonText, section, table } from '/lib/ui.js';
import { conversationPanel } from './conversation.js';
import { findingsList } from './findings.js';
import { label, payStatusText, statusTone } from './labels.js';
import { paymentsPanel } from './payments.js';

const FLAG_NAMES = {
  dispute: 'Dispute',
  ceaseRequested: 'Cease requested',
  hardshipPlan: 'Hardship plan',
  promiseToPay: 'Promise to pay',
  deceased: 'Deceased',
  bankrupt: 'Bankrupt',
  fraudReported: 'Fraud reported',
  legalRepresentation: 'Has a lawyer',
  vulnerable: 'Vulnerable: specialist care',
};

const enc = encodeURIComponent;

/** The hours the customer asked to be contacted in, on their own clock. */
function contactHoursText(hours) {
  if (!hours?.from && !hours?.to) return '';
  if (hours.from && hours.to) return ` · only ${hours.from}–${hours.to} their time`;
  return hours.from ? ` · not before ${hours.from} their time` : ` · not from ${hours.to} their time`;
}

export function renderAccount(view, ctx, accountId) {
  const { signal } = ctx;
  replace(view, loading(`Loading ${accountId}…`));
  ctx
    .api('GET', `/accounts/${enc(accountId)}`)
    .then((account) => {
      if (!signal.aborted) drawAccount(view, ctx, account);
    })
    .catch((error) => {
      if (signal.aborted || error.status === 401) return;
      const text =
        error.code === 'ACCOUNT_NOT_FOUND'
          ? `There is no account ${accountId}.`
          : error.code === 'VALIDATION_FAILED'
            ? `${accountId} is not an account reference (they look like ACC-000123).`
            : `Could not load ${accountId}: ${error.message}`;
      replace(
        view,
        notice(text, 'error', { role: 'alert' }),
        h('p', {}, h('a', { href: '#/queue' }, 'Back to the queue')),
      );
    });
}

function drawAccount(view, ctx, account) {
  const id = account.accountId;
  const money = (minor) => formatMoney(minor, account.currency);
  const summary = h('div', { id: 'summary-slot' });
  const conversations = section('Conversations', { id: 'conversations' }, loading());
  const script = section('Suggested call script', { id: 'script' }, loading());
  const draftAgain = h('button', { type: 'button', class: 'small', id: 'draft-again' }, 'Draft again');
  const drafts = section('Drafted messages', { id: 'drafts', actions: draftAgain }, loading());
  draftAgain.addEventListener('click', async () => {
    draftAgain.disabled = true;
    try {
      // A fresh draft from today's options (the model's words when one is configured), through the gate.
      await ctx.api('POST', `/accounts/${enc(id)}/drafts`);
      await loadDrafts(ctx, id, drafts);
    } catch (error) {
      drafts.append(notice(`Could not draft again: ${error.message}`, 'error'));
    } finally {
      draftAgain.disabled = false;
    }
  });
  const contacts = section('Outbox and contact log', { id: 'contacts' }, loading());
  const call = callSection(ctx, account, money, () => {
    loadContacts(ctx, id, contacts);
    refreshSummary();
  });

  replace(
    view,
    h('p', { class: 'small' }, h('a', { href: '#/queue' }, '← Work queue')),
    summary,
    h(
      'div',
      { class: 'account-grid' },
      h('div', {}, script, call, paymentsPanel(ctx, id), drafts, statementsSection(account, money)),
      h('div', {}, conversations, riskSection(account), contacts),
    ),
  );
  replace(summary, summarySection(ctx, account, money));

  async function refreshSummary() {
    // Decisions (a promise taken on a call) reach the account through the event bus: give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 600));
    try {
      const fresh = await ctx.api('GET', `/accounts/${enc(id)}`);
      if (!ctx.signal.aborted) replace(summary, summarySection(ctx, fresh, money));
    } catch {
      // the summary stays as it was
    }
  }

  loadScript(ctx, id, script, money);
  loadDrafts(ctx, id, drafts);
  loadContacts(ctx, id, contacts);
  loadConversations(ctx, account, conversations);
}

// ----------------------------------------------------------------------------------------------------------
// Summary, risk, statements

function summarySection(ctx, account, money) {
  const customer = account.customer ?? {};
  const treatment = account.treatment ?? {};
  const flags = Object.entries(account.flags ?? {}).filter(([, on]) => on === true);
  const plan = account.repaymentPlan;
  const promise = account.promise;
  const escalation = account.escalation;
  const strategy = account.strategy;
  return section(
    `${customer.name ?? 'Customer'} · ${account.accountId}`,
    { id: 'account-summary' },
    h(
      'div',
      { class: 'chips' },
      chip(label(account.jurisdiction)),
      chip(label(customer.language)),
      treatment.tier && chip(`Tier: ${label(treatment.tier)}`, 'info'),
      treatment.bucket && chip(label(treatment.bucket)),
      treatment.variant && chip(`Variant: ${label(treatment.variant)}`),
      account.risk?.band && chip(`Band ${account.risk.band}`),
      flags.map(([flag]) => chip(FLAG_NAMES[flag] ?? humanise(flag), 'warn')),
    ),
    escalation &&
      h(
        'div',
        { class: 'notice warn', id: 'escalation', role: 'note' },
        h('strong', {}, label(escalation.reason)),
        ` since ${formatDateTime(escalation.at)}. `,
        escalation.conversationId &&
          h(
            'button',
            {
              type: 'button',
              class: 'small',
              onclick: () => document.getElementById('conversations')?.scrollIntoView({ behavior: 'smooth' }),
            },
            'Go to the conversation',
          ),
      ),
    promise &&
      notice(
        `Promise to pay ${money(promise.amountMinor)} by ${formatDate(promise.dueDate)}` +
          (promise.source
            ? ` (taken by ${promise.source}` +
              (promise.recordedAt ? `, ${formatDateTime(promise.recordedAt)})` : ')')
            : '.'),
        'info',
        { id: 'promise' },
      ),
    plan &&
      h(
        'div',
        { class: 'notice ok', id: 'plan' },
        h('strong', {}, `Plan agreed: ${label(plan.kind)}, ${money(plan.totalMinor)}`),
        plan.acceptedAt && ` on ${formatDateTime(plan.acceptedAt)}`,
        h(
          'details',
          {},
          h('summary', {}, `Schedule (${plan.instalments?.length ?? 0} payments)`),
          h(
            'ol',
            {},
            (plan.instalments ?? []).map((i) =>
              h('li', {}, `${formatDate(i.dueDate)}: ${money(i.amountMinor)}`),
            ),
          ),
        ),
      ),
    figures([
      ['Amount overdue', money(account.amountOverdueMinor), 'account-overdue'],
      ['Balance', money(account.balanceMinor)],
      [
        'Days past due',
        account.daysPastDue === null || account.daysPastDue === undefined ? '—' : String(account.daysPastDue),
      ],
      ['Next due', formatDate(account.nextDueDate)],
      account.minimumDueMinor !== undefined && ['Minimum due', money(account.minimumDueMinor)],
      account.creditLimitMinor !== undefined && ['Credit limit', money(account.creditLimitMinor)],
    ]),
    h(
      'dl',
      { class: 'details' },
      h('dt', {}, 'Phone'),
      revealable(ctx, account.accountId, 'phone', customer.phone || '—'),
      h('dt', {}, 'E-mail'),
      revealable(ctx, account.accountId, 'email', customer.email || '—'),
      h('dt', {}, 'Time zone'),
      h('dd', {}, customer.timezone ?? '—'),
      h('dt', {}, 'Date of birth'),
      revealable(
        ctx,
        account.accountId,
        'dateOfBirth',
        customer.birthYear ? `${customer.birthYear} (year only)` : '—',
      ),
      h('dt', {}, 'Contact'),
      h(
        'dd',
        {},
        customer.contactPreferences?.smsConsent ? 'SMS consent' : 'No SMS consent',
        (customer.contactPreferences?.refusedChannels ?? []).length > 0
          ? ` · refuses ${customer.contactPreferences.refusedChannels.map(label).join(', ')}`
          : '',
        customer.contactPreferences?.noWorkplace ? ' · never at work' : '',
        customer.contactPreferences?.noThirdParties ? ' · nobody else to be contacted' : '',
        contactHoursText(customer.contactPreferences?.contactHours),
      ),
      strategy && [
        h('dt', {}, 'Strategy'),
        h(
          'dd',
          {},
          strategy.description ?? '',
          (strategy.channels ?? []).length > 0
            ? ` Channels: ${strategy.channels.map(label).join(', ')}.`
            : '',
          strategy.humanReview ? ' A person must review.' : '',
        ),
      ],
    ),
  );
}

// ----------------------------------------------------------------------------------------------------------
// Personal data: masked until revealed, and every reveal is logged with its reason for supervisors to review

const REVEAL_REASONS = [
  'Calling the customer',
  'Confirming identity on a call',
  'Customer asked us to check their details',
  'Returned mail or failed message',
  'Compliance review',
];
const FIELD_LABELS = { phone: 'phone number', email: 'e-mail address', dateOfBirth: 'date of birth' };

function revealable(ctx, accountId, field, masked) {
  const value = h('span', { class: 'masked', id: `customer-${field}` }, masked);
  const dd = h('dd', {}, value, ' ');
  const open = h(
    'button',
    { type: 'button', class: 'small quiet', id: `reveal-${field}`, 'aria-expanded': 'false' },
    'Reveal',
  );
  open.addEventListener('click', () => {
    open.hidden = true;
    open.setAttribute('aria-expanded', 'true');
    dd.append(
      revealForm(ctx, accountId, field, value, () => {
        open.hidden = false;
        open.setAttribute('aria-expanded', 'false');
      }),
    );
    dd.querySelector('select')?.focus();
  });
  dd.append(open);
  return dd;
}

function revealForm(ctx, accountId, field, value, cancelled) {
  const reason = h(
    'select',
    { id: `reveal-${field}-reason`, 'aria-label': `Why you need the ${FIELD_LABELS[field]}` },
    h('option', { value: '' }, 'Why do you need it?'),
    REVEAL_REASONS.map((text) => h('option', { value: text }, text)),
  );
  const error = h('span', { class: 'form-error', role: 'alert', hidden: true });
  const show = h('button', { type: 'submit', class: 'small' }, 'Show (logged)');
  const cancel = h('button', { type: 'button', class: 'small quiet' }, 'Cancel');
  const form = h(
    'form',
    { class: 'reveal-form', id: `reveal-${field}-form` },
    reason,
    ' ',
    show,
    ' ',
    cancel,
    ' ',
    error,
  );
  cancel.addEventListener('click', () => {
    form.remove();
    cancelled();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    say(error, '');
    if (!reason.value) {
      say(error, 'Choose a reason: it is logged for your supervisor.');
      reason.focus();
      return;
    }
    show.disabled = true;
    try {
      const revealed = await ctx.api('POST', `/accounts/${enc(accountId)}/personal-data/reveal`, {
        field,
        reason: reason.value,
      });
      const text = field === 'dateOfBirth' ? formatDate(revealed.value) : revealed.value;
      replace(value, text);
      value.classList.remove('masked');
      form.replaceWith(
        h('span', { class: 'muted small' }, ` revealed ${formatDateTime(revealed.revealedAt)}, logged`),
      );
    } catch (failure) {
      show.disabled = false;
      say(error, `Could not reveal it: ${failure.message}`);
    }
  });
  return form;
}

function riskSection(account) {
  const risk = account.risk;
  if (!risk) return section('Risk score', { id: 'risk' }, empty('Not scored yet.'));
  const reasons = Array.isArray(risk.reasons) ? risk.reasons : [];
  const largest = Math.max(...reasons.map((reason) => Math.abs(Number(reason.contribution) || 0)), 0);
  return section(
    'Risk score',
    { id: 'risk' },
    figures([
      ['Score', String(risk.score ?? '—')],
      ['Band', String(risk.band ?? '—')],
      ['Probability of default', formatPercent(risk.probabilityOfDefault)],
    ]),
    risk.fallback && notice('The history could not be scored: a conservative fallback was used.', 'warn'),
    h('h3', {}, 'Why'),
    reasons.length === 0
      ? empty('No reasons recorded.')
      : h(
          'ol',
          { class: 'reasons' },
          reasons.map((reason) => {
            const english = reason.en ?? reason.text?.en ?? reason.code ?? reason.feature ?? '';
            const chinese = reason.zh ?? reason.text?.['zh-CN'] ?? reason['zh-CN'];
            const share = largest > 0 ? Math.abs(Number(reason.contribution) || 0) / largest : 0;
            return h(
              'li',
              {},
              h('span', {}, english),
              chinese && h('span', { class: 'small muted', lang: 'zh-CN' }, ` · ${chinese}`),
              contributionBar(share, reason.contribution),
            );
          }),
        ),
    h(
      'p',
      { class: 'small muted' },
      `Model ${risk.modelVersion ?? '—'}`,
      account.treatment?.assessedAt ? ` · scored ${formatDateTime(account.treatment.assessedAt)}` : '',
    ),
  );
}

/** A thin bar: this reason's share of the largest reason's contribution to the log-odds. */
function contributionBar(share, contribution) {
  return svg(
    'svg',
    {
      class: 'bar-svg',
      viewBox: '0 0 100 6',
      preserveAspectRatio: 'none',
      width: '100%',
      height: '6',
      role: 'img',
      'aria-label': `contribution ${Number(contribution).toFixed(3)} to the log-odds`,
    },
    svg('rect', {
      width: String(Math.max(2, Math.round(share * 100))),
      height: '6',
      rx: '2',
      fill: '#2f6fb3',
    }),
  );
}

function statementsSection(account, money) {
  const statements = Array.isArray(account.statements) ? account.statements : [];
  return section(
    'Statements',
    { id: 'statements' },
    statements.length === 0
      ? empty('No statements.')
      : table(
          [
            { label: 'Month', value: (s) => s.month, header: true },
            { label: 'Limit', value: (s) => money(s.creditLimitMinor), num: true },
            { label: 'Balance', value: (s) => money(s.statementBalanceMinor), num: true },
            { label: 'Paid', value: (s) => money(s.amountPaidMinor), num: true },
            { label: 'Status', value: (s) => payStatusText(s.payStatus) },
          ],
          statements,
        ),
  );
}

// ----------------------------------------------------------------------------------------------------------
// Script and offers

async function loadScript(ctx, id, card, money) {
  const body = h('div', {});
  try {
    const suggestion = await ctx.api('GET', `/accounts/${enc(id)}/script`);
    if (ctx.signal.aborted) return;
    const script = suggestion.script ?? {};
    const verdict = suggestion.verdict;
    const metadata = suggestion.metadata ?? {};
    const part = (title, text, extra = '') =>
      text && h('div', { class: ['script-part', extra] }, h('h4', {}, title), h('p', {}, text));
    replace(
      body,
      h(
        'p',
        { class: 'meta' },
        verdict &&
          (verdict.allowed
            ? chip('Passed the compliance check', 'ok')
            : chip('Blocked by the compliance check', 'danger')),
        suggestion.status && chip(label(suggestion.status)),
        h('span', {}, [metadata.source, metadata.model, metadata.promptVersion].filter(Boolean).join(' · ')),
      ),
      verdict && !verdict.allowed && findingsList(verdict.violations, scriptText(script)),
      part('Right-party check', script.rightPartyVerification),
      part('Disclosure', script.disclosures, 'disclosure'),
      part('Opening', script.opening),
      part('Options', script.options),
      Array.isArray(script.objectionHandling) &&
        script.objectionHandling.length > 0 &&
        h(
          'div',
          { class: 'script-part' },
          h('h4', {}, 'If the customer says…'),
          h(
            'dl',
            { class: 'objections' },
            script.objectionHandling.map((item) => [
              h('dt', {}, item.objection ?? ''),
              h('dd', {}, item.response ?? ''),
            ]),
          ),
        ),
      part('Close', script.close),
      offersTable(suggestion.offers, money),
    );
  } catch (error) {
    if (ctx.signal.aborted || error.status === 401) return;
    replace(
      body,
      error.code === 'ACCOUNT_NOT_SCORED'
        ? notice('No script until the account has been scored.', 'info')
        : notice(`Could not load the script: ${error.message}`, 'error'),
    );
  }
  card.querySelector('.spinner')?.parentElement?.remove();
  card.append(body);
}

function offersTable(offers, money) {
  const options = offers?.options ?? [];
  if (options.length === 0) return h('p', { class: 'empty' }, 'No repayment options for this tier.');
  return h(
    'div',
    { class: 'script-part' },
    h('h4', {}, 'Repayment options (computed)'),
    table(
      [
        { label: '#', value: (o) => String(options.indexOf(o) + 1), header: true },
        { label: 'Kind', value: (o) => label(o.kind) },
        { label: 'Total', value: (o) => money(o.totalMinor), num: true },
        {
          label: 'Payments',
          value: (o) => (o.termMonths > 1 ? `${o.termMonths} × ${money(o.monthlyAmountMinor)}` : '1'),
          num: true,
        },
        { label: 'First due', value: (o) => formatDate(o.firstDueDate) },
        {
          label: 'Discount',
          value: (o) => (o.discountMinor > 0 ? `${money(o.discountMinor)} (${o.discountPercent}%)` : '—'),
          num: true,
        },
      ],
      options,
    ),
  );
}

/** The call script as the gate checked it (the drafting service's channel text), for highlighting. */
function scriptText(script) {
  return [
    script.rightPartyVerification,
    script.disclosures,
    script.opening,
    script.options,
    ...(script.objectionHandling ?? []).flatMap(({ objection, response }) => [objection, response]),
    script.close,
  ].join('\n');
}

// ----------------------------------------------------------------------------------------------------------
// Logging a call

function parseMoney(text, currency) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  const match = new RegExp(`^(\\d{1,12})(?:[.,](\\d{1,${digits}}))?$`).exec(
    String(text).trim().replace(/[\s_]/g, ''),
  );
  if (!match) return null;
  return Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || 0);
}

const isoDay = (date) => date.toISOString().slice(0, 10);

function callSection(ctx, account, money, onLogged) {
  const result = h('div', { id: 'call-result', role: 'status' });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const amount = h('input', {
    id: 'promise-amount',
    name: 'amount',
    inputmode: 'decimal',
    autocomplete: 'off',
  });
  const today = new Date();
  const due = h('input', {
    id: 'promise-date',
    name: 'dueDate',
    type: 'date',
    min: isoDay(today),
    max: isoDay(new Date(today.getTime() + 30 * 86_400_000)),
  });
  const promiseFields = h(
    'div',
    { class: 'promise-fields', hidden: true },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'promise-amount' }, `Amount promised (${account.currency})`),
      amount,
    ),
    h('div', { class: 'field' }, h('label', { for: 'promise-date' }, 'To be paid by'), due),
  );
  const note = h('textarea', { id: 'call-note', name: 'note', rows: '2', maxlength: '500' });
  const form = h(
    'form',
    { id: 'call-form', novalidate: true },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Outcome'),
      h(
        'div',
        { class: 'outcomes' },
        CALL_OUTCOMES.map((outcome) =>
          h(
            'label',
            { class: 'check' },
            h('input', { type: 'radio', name: 'outcome', value: outcome, required: true }),
            h('span', {}, label(outcome)),
          ),
        ),
      ),
    ),
    promiseFields,
    h('div', { class: 'field' }, h('label', { for: 'call-note' }, 'Note (optional)'), note),
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Log the call'),
  );
  form.addEventListener('change', () => {
    promiseFields.hidden = form.elements.outcome.value !== 'promise_to_pay';
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    say(error, '');
    replace(result);
    const outcome = form.elements.outcome.value;
    if (!outcome) return say(error, 'Choose what came of the call.');
    const body = { outcome };
    if (outcome === 'promise_to_pay') {
      const amountMinor = parseMoney(amount.value, account.currency);
      if (!amountMinor) {
        amount.focus();
        return say(error, `Enter the amount promised, e.g. 50.00 (${account.currency}).`);
      }
      if (!due.value) {
        due.focus();
        return say(error, 'Enter the date the customer will pay by.');
      }
      body.promise = { amountMinor, dueDate: due.value };
    }
    if (note.value.trim()) body.note = note.value.trim();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const logged = await ctx.api('POST', `/accounts/${enc(account.accountId)}/calls`, body);
      if (ctx.signal.aborted) return;
      const allowed = logged?.allowedByPolicy ?? logged?.verdict?.allowed ?? true;
      const reasons = logged?.policyReasons ?? logged?.verdict?.reasons ?? logged?.verdict?.violations ?? [];
      replace(
        result,
        notice(
          `Call logged: ${label(outcome)}${body.promise ? `, ${money(body.promise.amountMinor)} by ${formatDate(body.promise.dueDate)}` : ''}.`,
          'ok',
          { id: 'call-logged' },
        ),
        !allowed &&
          h(
            'div',
            { class: 'notice warn' },
            h('p', {}, 'The contact policy would not have allowed this call at that time:'),
            h(
              'ul',
              {},
              reasons.map((reason) => h('li', {}, reasonText(reason))),
            ),
          ),
      );
      form.reset();
      promiseFields.hidden = true;
      onLogged();
    } catch (failure) {
      if (failure.status === 401) return;
      say(
        error,
        notBuiltYet(failure)
          ? 'Logging calls is not available yet.'
          : `The call was not logged: ${failure.message}`,
      );
    } finally {
      button.disabled = false;
    }
  });
  return section('Log a call', { id: 'call' }, form, result);
}

// ----------------------------------------------------------------------------------------------------------
// Drafts

async function loadDrafts(ctx, id, card) {
  const body = h('div', { class: 'drafts-body' });
  try {
    const { drafts = [] } = (await ctx.api('GET', `/accounts/${enc(id)}/drafts`)) ?? {};
    if (ctx.signal.aborted) return;
    const newest = [...drafts].sort((a, b) =>
      String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')),
    );
    replace(
      body,
      newest.length === 0
        ? empty('No drafts for this account.')
        : newest.slice(0, 3).map((draft, index) => draftBlock(ctx, id, draft, index)),
    );
  } catch (error) {
    if (ctx.signal.aborted || error.status === 401) return;
    replace(
      body,
      notBuiltYet(error) || (error.status === 404 && error.code !== 'ACCOUNT_NOT_FOUND')
        ? notice('Drafted messages are not available yet.', 'info')
        : notice(`Could not load the drafts: ${error.message}`, 'error'),
    );
  }
  card.querySelector('.spinner')?.parentElement?.remove();
  card.querySelector('.drafts-body')?.remove();
  card.append(body);
}

function draftText(channelDraft) {
  if (typeof channelDraft === 'string') return { text: channelDraft };
  if (channelDraft && typeof channelDraft === 'object') {
    return { subject: channelDraft.subject, text: channelDraft.body ?? channelDraft.text ?? '' };
  }
  return null;
}

function draftBlock(ctx, accountId, draft, index) {
  const channels = MESSAGE_CHANNELS.filter((channel) => draftText(draft.draft?.[channel]));
  const block = h(
    'article',
    { class: 'draft', dataset: { draftId: String(draft.draftId ?? '') } },
    h(
      'p',
      { class: 'meta' },
      h('strong', {}, index === 0 ? 'Latest draft' : 'Earlier draft'),
      draft.createdAt && h('span', {}, formatDateTime(draft.createdAt)),
      draft.tier && chip(label(draft.tier)),
      draft.status && chip(label(draft.status), draft.status === 'ready' ? 'ok' : 'warn'),
    ),
  );
  if (channels.length === 0) block.append(empty('No messages in this draft.'));
  for (const channel of channels) {
    const { subject, text } = draftText(draft.draft[channel]);
    const verdict = draft.verdicts?.[channel];
    const inputId = `draft-${index}-${channel}`;
    const textarea = h('textarea', { id: inputId, rows: channel === 'sms' ? '3' : '8' }, text);
    const subjectInput =
      channel === 'email' && h('input', { id: `${inputId}-subject`, type: 'text', value: subject ?? '' });
    const outcome = h('div', { role: 'status' });
    const button = h('button', { type: 'button', class: 'small primary' }, `Approve ${label(channel)}`);
    button.addEventListener('click', async () => {
      replace(outcome);
      button.disabled = true;
      const body = { channel };
      if (textarea.value !== text) body.text = textarea.value;
      if (subjectInput && subjectInput.value !== (subject ?? '')) body.subject = subjectInput.value;
      const edited = body.text !== undefined || body.subject !== undefined;
      try {
        const approved = await ctx.api(
          'POST',
          `/accounts/${enc(accountId)}/drafts/${enc(draft.draftId)}/approve`,
          body,
        );
        const when = approved?.message?.notBefore ?? approved?.notBefore;
        replace(
          outcome,
          approved?.queued === false
            ? notice(
                'This message was approved before; it is already in the outbox. Nothing more was queued.',
                'info',
              )
            : notice(
                `Approved${edited ? ' with your edits' : ''} and queued${when ? `; not sent before ${formatDateTime(when)}` : ''}.`,
                'ok',
                { class: 'notice ok approved' },
              ),
        );
      } catch (failure) {
        if (failure.status === 401) return;
        const violations = failure.body?.error?.violations ?? failure.body?.violations;
        replace(
          outcome,
          failure.code === 'MESSAGE_REJECTED'
            ? h(
                'div',
                { class: 'notice error', role: 'alert' },
                h('p', {}, 'The compliance check stopped this message; nothing was queued.'),
                Array.isArray(violations) && violations.length > 0
                  ? findingsList(violations, failure.body?.error?.text, { className: '' })
                  : h('p', {}, failure.message),
              )
            : failure.status === 409
              ? notice(`Not queued: ${failure.message}`, 'warn', { role: 'alert' })
              : notBuiltYet(failure)
                ? notice('Approving drafts is not available yet.', 'info')
                : notice(`Not queued: ${failure.message}`, 'error', { role: 'alert' }),
        );
      } finally {
        button.disabled = false;
      }
    });
    block.append(
      h(
        'div',
        { class: 'draft-channel', dataset: { channel } },
        h(
          'p',
          { class: 'meta' },
          h('strong', {}, label(channel)),
          verdict && (verdict.allowed ? chip('Allowed', 'ok') : chip('Blocked', 'danger')),
        ),
        subjectInput &&
          h('div', { class: 'field' }, h('label', { for: `${inputId}-subject` }, 'Subject'), subjectInput),
        h('label', { for: inputId, class: 'visually-hidden' }, `${label(channel)} text`),
        textarea,
        verdict &&
          !verdict.allowed &&
          findingsList(verdict.violations, channel === 'email' ? `${subject ?? ''}\n\n${text}` : text),
        h('div', { class: 'actions' }, button),
        outcome,
      ),
    );
  }
  return block;
}

// ----------------------------------------------------------------------------------------------------------
// Outbox and contact log

async function loadContacts(ctx, id, card) {
  const body = h('div', { class: 'contacts-body' });
  try {
    const history = await ctx.api('GET', `/accounts/${enc(id)}/contacts`);
    if (ctx.signal.aborted) return;
    const messages = [...(history.messages ?? [])].sort((a, b) =>
      String(b.queuedAt ?? '').localeCompare(String(a.queuedAt ?? '')),
    );
    const contacts = [...(history.contacts ?? [])].sort((a, b) =>
      String(b.at ?? '').localeCompare(String(a.at ?? '')),
    );
    replace(
      body,
      h('h3', {}, 'Messages'),
      messages.length === 0
        ? empty('No messages.')
        : h('ul', { class: 'messages-list' }, messages.map(outboxItem)),
      h('h3', {}, 'Contact log'),
      contacts.length === 0
        ? empty('No contacts logged.')
        : table(
            [
              { label: 'When', value: (c) => formatDateTime(c.at), header: true },
              { label: 'Channel', value: (c) => label(c.channel) },
              { label: 'Kind', value: (c) => label(c.outcome ?? c.kind) },
            ],
            contacts,
          ),
    );
  } catch (error) {
    if (ctx.signal.aborted || error.status === 401) return;
    replace(body, notice(`Could not load the contacts: ${error.message}`, 'error'));
  }
  card.querySelector('.contacts-body')?.remove();
  card.querySelector('.spinner')?.parentElement?.remove();
  card.append(body);
}

/** One outbox message: channel, status, times, the gate's verdict and block reasons, the text. */
export function outboxItem(message) {
  const violations = message.sendVerdict?.violations ?? [];
  const reasons = message.blockedReasons ?? [];
  return h(
    'li',
    { dataset: { status: String(message.status ?? '') } },
    h(
      'p',
      { class: 'meta' },
      chip(label(message.channel)),
      chip(label(message.status), statusTone(message.status)),
      message.purpose && chip(label(message.purpose)),
      h('span', {}, `queued ${formatDateTime(message.queuedAt)}`),
      message.sentAt
        ? h('span', {}, `sent ${formatDateTime(message.sentAt)}`)
        : message.notBefore && h('span', {}, `not before ${formatDateTime(message.notBefore)}`),
      message.deliveredBy && h('span', {}, `by ${message.deliveredBy}`),
    ),
    message.subject && h('p', { class: 'small' }, h('strong', {}, message.subject)),
    h('details', {}, h('summary', {}, 'Text'), h('p', { class: 'message-text' }, message.text ?? '')),
    reasons.length > 0 &&
      h(
        'ul',
        { class: 'notice error small' },
        reasons.map((reason) => h('li', {}, reasonText(reason))),
      ),
    violations.length > 0 &&
      findingsList(
        violations,
        message.subject ? `${message.subject}\n\n${message.text ?? ''}` : message.text,
        { className: 'notice warn small' },
      ),
  );
}

// ----------------------------------------------------------------------------------------------------------
// Conversations

async function loadConversations(ctx, account, card) {
  const list = h('div', { class: 'conversation-list' });
  const panel = h('div', { id: 'conversation-panel' });
  let panelController = null;
  const open = (conversationId) => {
    panelController?.abort();
    panelController = new AbortController();
    ctx.signal.addEventListener('abort', () => panelController.abort());
    for (const button of list.querySelectorAll('button')) {
      button.setAttribute('aria-pressed', String(button.dataset.conversationId === conversationId));
    }
    conversationPanel(ctx, panel, conversationId, panelController.signal);
  };
  try {
    const { conversations = [] } =
      (await ctx.api('GET', `/accounts/${enc(account.accountId)}/conversations`)) ?? {};
    if (ctx.signal.aborted) return;
    const newest = [...conversations].sort((a, b) =>
      String(b.startedAt ?? '').localeCompare(String(a.startedAt ?? '')),
    );
    card.querySelector('.spinner')?.parentElement?.remove();
    if (newest.length === 0) {
      card.append(empty('No conversations with this customer.'));
      return;
    }
    replace(
      list,
      h(
        'div',
        { class: 'actions', role: 'group', 'aria-label': 'Conversations' },
        newest.map((conversation) =>
          h(
            'button',
            {
              type: 'button',
              class: 'small',
              dataset: { conversationId: conversation.conversationId },
              'aria-pressed': 'false',
              onclick: () => open(conversation.conversationId),
            },
            formatDateTime(conversation.startedAt),
            conversation.agent
              ? ' · agent'
              : conversation.assistantState?.escalated
                ? ' · asked for a person'
                : '',
          ),
        ),
      ),
    );
    card.append(list, panel);
    const preferred =
      newest.find((c) => c.conversationId === account.escalation?.conversationId) ?? newest[0];
    open(preferred.conversationId);
  } catch (error) {
    if (ctx.signal.aborted || error.status === 401) return;
    card.querySelector('.spinner')?.parentElement?.remove();
    card.append(notice(`Could not load the conversations: ${error.message}`, 'error'));
  }
}
