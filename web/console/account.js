// @ts-check
// One account for an agent: who and what is owed, the risk score and its reasons, the suggested call script
// and options (script.js), logging a call (calls.js), payments (payments.js), drafted messages to approve
// (drafts.js), the conversations (conversation.js), and the outbox and contact log (contacts.js). Sections
// load on their own, so one slow or missing endpoint never blanks the page.
import { h, replace, say, svg } from '/lib/dom.js';
import { formatDate, formatDateTime, formatMoney, formatPercent, humanise } from '/lib/format.js';
import { chip, empty, figures, loading, notice, section, table } from '/lib/ui.js';
import { callSection } from './calls.js';
import { loadContacts } from './contacts.js';
import { loadConversations } from './conversation.js';
import { loadDrafts } from './drafts.js';
import { known, lang, t } from './i18n.js';
import { label, payStatusText } from './labels.js';
import { paymentsPanel } from './payments.js';
import { planBuilderSection } from './plan-builder.js';
import { loadScript } from './script.js';

/** @typedef {import('./console.js').ConsoleContext} ConsoleContext */
/** @typedef {(minor: number | undefined) => string} Money */

/** @type {Record<string, string>} */
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

/**
 * The hours the customer asked to be contacted in, on their own clock.
 * @param {{ from?: string, to?: string } | undefined} hours
 */
function contactHoursText(hours) {
  if (!hours?.from && !hours?.to) return '';
  if (hours.from && hours.to) return t('acct.hoursBetween', hours.from, hours.to);
  return hours.from ? t('acct.hoursFrom', hours.from) : t('acct.hoursTo', hours.to);
}

/**
 * @param {HTMLElement} view
 * @param {ConsoleContext} ctx
 * @param {string} accountId
 */
export function renderAccount(view, ctx, accountId) {
  const { signal } = ctx;
  replace(view, loading(t('acct.loading', accountId)));
  ctx
    .api('GET', `/accounts/${enc(accountId)}`)
    .then((/** @type {any} */ account) => {
      if (!signal.aborted) drawAccount(view, ctx, account);
    })
    .catch((/** @type {any} */ error) => {
      if (signal.aborted || error.status === 401) return;
      const text =
        error.code === 'ACCOUNT_NOT_FOUND'
          ? t('acct.noAccount', accountId)
          : error.code === 'VALIDATION_FAILED'
            ? t('acct.badReference', accountId)
            : `${t('acct.couldNotLoad', accountId)}: ${error.message}`;
      replace(
        view,
        notice(text, 'error', { role: 'alert' }),
        h('p', {}, h('a', { href: '#/queue' }, t('Back to the queue'))),
      );
    });
}

/**
 * @param {HTMLElement} view
 * @param {ConsoleContext} ctx
 * @param {any} account GET /accounts/{id}'s answer
 */
function drawAccount(view, ctx, account) {
  const id = account.accountId;
  /**
   * @param {number | undefined} minor
   */
  const money = (minor) => formatMoney(minor, account.currency, lang());
  const summary = h('div', { id: 'summary-slot' });
  const conversations = section(t('Conversations'), { id: 'conversations' }, loading());
  const script = section(t('Suggested call script'), { id: 'script' }, loading());
  const draftAgain = h('button', { type: 'button', class: 'small', id: 'draft-again' }, t('Draft again'));
  const drafts = section(t('Drafted messages'), { id: 'drafts', actions: draftAgain }, loading());
  draftAgain.addEventListener('click', async () => {
    draftAgain.disabled = true;
    try {
      // A fresh draft from today's options (the model's words when one is configured), through the gate.
      await ctx.api('POST', `/accounts/${enc(id)}/drafts`);
      await loadDrafts(ctx, id, drafts);
    } catch (error) {
      drafts.append(notice(`${t('Could not draft again')}: ${error.message}`, 'error'));
    } finally {
      draftAgain.disabled = false;
    }
  });
  const contacts = section(t('Outbox and contact log'), { id: 'contacts' }, loading());
  let shown = account;
  /** @type {any} where the customer stands on an agreed plan (GET /accounts/{id}/payments's `plan`), once known */
  let planStanding;
  const drawSummary = () => replace(summary, summarySection(ctx, shown, money, planStanding));
  const call = callSection(ctx, account, money, () => {
    loadContacts(ctx, id, contacts);
    refreshSummary();
  });

  replace(
    view,
    h('p', { class: 'small' }, h('a', { href: '#/queue' }, t('← Work queue'))),
    summary,
    h(
      'div',
      { class: 'account-grid' },
      h(
        'div',
        {},
        script,
        planBuilderSection(ctx, account, money),
        call,
        paymentsPanel(ctx, id, (payments) => {
          // Only a plan's figures come from the payments; redrawing otherwise would close an open reveal form.
          if (!shown.repaymentPlan) return;
          planStanding = payments.plan;
          drawSummary();
        }),
        drafts,
        statementsSection(account, money),
      ),
      h('div', {}, conversations, riskSection(account), contacts),
    ),
  );
  drawSummary();

  async function refreshSummary() {
    // Decisions (a promise taken on a call) reach the account through the event bus: give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 600));
    try {
      const fresh = await ctx.api('GET', `/accounts/${enc(id)}`);
      if (ctx.signal.aborted) return;
      shown = fresh;
      drawSummary();
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

/**
 * @param {ConsoleContext} ctx
 * @param {any} account
 * @param {Money} money
 * @param {any} [standing] where the customer stands on the agreed plan (plan-status.ts), once loaded
 */
function summarySection(ctx, account, money, standing) {
  const customer = account.customer ?? {};
  const treatment = account.treatment ?? {};
  const flags = Object.entries(account.flags ?? {}).filter(([, on]) => on === true);
  const plan = account.repaymentPlan;
  const promise = account.promise;
  const escalation = account.escalation;
  const strategy = account.strategy;
  return section(
    `${customer.name ?? t('Customer')} · ${account.accountId}`,
    { id: 'account-summary' },
    h(
      'div',
      { class: 'chips' },
      chip(label(account.jurisdiction)),
      chip(label(customer.language)),
      treatment.tier && chip(t('acct.tier', label(treatment.tier)), 'info'),
      treatment.bucket && chip(label(treatment.bucket)),
      treatment.variant && chip(t('acct.variant', label(treatment.variant))),
      account.risk?.band && chip(t('queue.band', account.risk.band)),
      flags.map(([flag]) => chip(FLAG_NAMES[flag] ? t(FLAG_NAMES[flag]) : humanise(flag), 'warn')),
    ),
    escalation &&
      h(
        'div',
        { class: 'notice warn', id: 'escalation', role: 'note' },
        h('strong', {}, label(escalation.reason)),
        ` ${t('acct.since', formatDateTime(escalation.at, lang()))} `,
        escalation.conversationId &&
          h(
            'button',
            {
              type: 'button',
              class: 'small',
              onclick: () => document.getElementById('conversations')?.scrollIntoView({ behavior: 'smooth' }),
            },
            t('Go to the conversation'),
          ),
      ),
    promise &&
      notice(
        `Promise to pay ${money(promise.amountMinor)} by ${formatDate(promise.dueDate, lang())}` +
          (promise.source
            ? ` (taken by ${promise.source}` +
              (promise.recordedAt ? `, ${formatDateTime(promise.recordedAt, lang())})` : ')')
            : '.'),
        'info',
        { id: 'promise' },
      ),
    plan && planNotice(plan, standing, money),
    figures([
      // With an agreed plan, the plan is the account's state: what is overdue and due next under it, not the
      // statement's figures it replaced.
      ...(plan
        ? [
            [t('acct.planOverdueFigure'), standing ? money(standing.overdueMinor) : '…', 'account-overdue'],
            [
              t('acct.planNextFigure'),
              standing?.next
                ? `${money(standing.next.owedMinor)} · ${formatDate(standing.next.dueDate, lang())}`
                : standing
                  ? '—'
                  : '…',
              'account-next',
            ],
          ]
        : [[t('Amount overdue'), money(account.amountOverdueMinor), 'account-overdue']]),
      [t('Balance'), money(account.balanceMinor)],
      [
        t('Days past due'),
        account.daysPastDue === null || account.daysPastDue === undefined ? '—' : String(account.daysPastDue),
      ],
      !plan && [t('Next due'), formatDate(account.nextDueDate, lang())],
      // The statement's minimum is replaced by the plan's next instalment.
      !plan && account.minimumDueMinor !== undefined && [t('Minimum due'), money(account.minimumDueMinor)],
      account.creditLimitMinor !== undefined && [t('Credit limit'), money(account.creditLimitMinor)],
    ]),
    h(
      'dl',
      { class: 'details' },
      h('dt', {}, t('Phone')),
      revealable(ctx, account.accountId, 'phone', customer.phone || '—'),
      h('dt', {}, t('E-mail')),
      revealable(ctx, account.accountId, 'email', customer.email || '—'),
      h('dt', {}, t('Time zone')),
      h('dd', {}, customer.timezone ?? '—'),
      h('dt', {}, t('Date of birth')),
      revealable(
        ctx,
        account.accountId,
        'dateOfBirth',
        customer.birthYear ? t('acct.yearOnly', customer.birthYear) : '—',
      ),
      h('dt', {}, t('Contact')),
      h(
        'dd',
        {},
        customer.contactPreferences?.smsConsent ? t('SMS consent') : t('No SMS consent'),
        (customer.contactPreferences?.refusedChannels ?? []).length > 0
          ? ` · ${t('acct.refuses', customer.contactPreferences.refusedChannels.map(label).join(', '))}`
          : '',
        customer.contactPreferences?.noWorkplace ? ` · ${t('never at work')}` : '',
        customer.contactPreferences?.noThirdParties ? ` · ${t('nobody else to be contacted')}` : '',
        contactHoursText(customer.contactPreferences?.contactHours),
      ),
      strategy && [
        h('dt', {}, t('Strategy')),
        h(
          'dd',
          {},
          // The policy's description is English; in Chinese, the tier's strategy told in Chinese.
          lang() === 'en' || !treatment.tier
            ? (strategy.description ?? '')
            : known('strategy.', treatment.tier, () => strategy.description ?? ''),
          (strategy.channels ?? []).length > 0
            ? ` ${t('acct.channels', strategy.channels.map(label).join(', '))}`
            : '',
          strategy.humanReview ? ` ${t('A person must review.')}` : '',
        ),
      ],
    ),
  );
}

/**
 * The agreed plan on the summary: its kind and total, how far the customer is ("n of N paid"), the next
 * instalment and what is overdue under it. The schedule itself is in the Payments panel.
 * @param {any} plan the account's repaymentPlan
 * @param {any} standing plan-status.ts's answer, undefined until the payments have loaded
 * @param {Money} money
 */
function planNotice(plan, standing, money) {
  const overdue = (standing?.overdueMinor ?? 0) > 0;
  return h(
    'div',
    { class: ['notice', overdue ? 'warn' : 'ok'], id: 'plan' },
    h('strong', {}, t('acct.planAgreed', label(plan.kind), money(plan.totalMinor))),
    plan.acceptedAt && ` ${t('acct.on', formatDateTime(plan.acceptedAt, lang()))}`,
    !standing
      ? h('p', { class: 'small muted' }, t('acct.planLoading'))
      : [
          h(
            'p',
            { id: 'plan-progress' },
            t(
              'acct.planProgress',
              standing.paidCount,
              standing.instalmentCount,
              money(standing.remainingMinor),
            ),
            ' ',
            standing.next
              ? t('acct.planNext', money(standing.next.owedMinor), formatDate(standing.next.dueDate, lang()))
              : standing.remainingMinor === 0 && t('acct.planNoneLeft'),
          ),
          overdue &&
            h(
              'p',
              { id: 'plan-overdue' },
              h('strong', {}, t('acct.planOverdue', money(standing.overdueMinor), standing.overdueCount)),
            ),
        ],
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
/** @type {Record<string, string>} */
const FIELD_LABELS = { phone: 'phone number', email: 'e-mail address', dateOfBirth: 'date of birth' };

/**
 * @param {ConsoleContext} ctx
 * @param {string} accountId
 * @param {'phone' | 'email' | 'dateOfBirth'} field
 * @param {string} masked
 */
function revealable(ctx, accountId, field, masked) {
  const value = h('span', { class: 'masked', id: `customer-${field}` }, masked);
  const dd = h('dd', {}, value, ' ');
  const open = h(
    'button',
    { type: 'button', class: 'small quiet', id: `reveal-${field}`, 'aria-expanded': 'false' },
    t('Reveal'),
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

/**
 * @param {ConsoleContext} ctx
 * @param {string} accountId
 * @param {'phone' | 'email' | 'dateOfBirth'} field
 * @param {HTMLElement} value
 * @param {() => void} cancelled
 */
function revealForm(ctx, accountId, field, value, cancelled) {
  const reason = h(
    'select',
    { id: `reveal-${field}-reason`, 'aria-label': t('acct.whyNeed', t(FIELD_LABELS[field] ?? field)) },
    h('option', { value: '' }, t('Why do you need it?')),
    // The reason is logged as written here (English), whatever the agent reads.
    REVEAL_REASONS.map((text) => h('option', { value: text }, t(text))),
  );
  const error = h('span', { class: 'form-error', role: 'alert', hidden: true });
  const show = h('button', { type: 'submit', class: 'small' }, t('Show (logged)'));
  const cancel = h('button', { type: 'button', class: 'small quiet' }, t('Cancel'));
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
      say(error, t('Choose a reason: it is logged for your supervisor.'));
      reason.focus();
      return;
    }
    show.disabled = true;
    try {
      const revealed = await ctx.api('POST', `/accounts/${enc(accountId)}/personal-data/reveal`, {
        field,
        reason: reason.value,
      });
      const text = field === 'dateOfBirth' ? formatDate(revealed.value, lang()) : revealed.value;
      replace(value, text);
      value.classList.remove('masked');
      form.replaceWith(
        h(
          'span',
          { class: 'muted small' },
          ` ${t('acct.revealed', formatDateTime(revealed.revealedAt, lang()))}`,
        ),
      );
    } catch (failure) {
      show.disabled = false;
      say(error, `${t('Could not reveal it')}: ${failure.message}`);
    }
  });
  return form;
}

/**
 * @param {any} account
 */
function riskSection(account) {
  const risk = account.risk;
  if (!risk) return section(t('Risk score'), { id: 'risk' }, empty(t('Not scored yet.')));
  /** @type {any[]} */
  const reasons = Array.isArray(risk.reasons) ? risk.reasons : [];
  const largest = Math.max(...reasons.map((reason) => Math.abs(Number(reason.contribution) || 0)), 0);
  return section(
    t('Risk score'),
    { id: 'risk' },
    figures([
      [t('Score'), String(risk.score ?? '—')],
      [t('Band'), String(risk.band ?? '—')],
      [t('Probability of default'), formatPercent(risk.probabilityOfDefault, lang())],
    ]),
    risk.fallback && notice(t('The history could not be scored: a conservative fallback was used.'), 'warn'),
    h('h3', {}, t('Why')),
    reasons.length === 0
      ? empty(t('No reasons recorded.'))
      : h(
          'ol',
          { class: 'reasons' },
          reasons.map((reason) => {
            const english = reason.en ?? reason.text?.en ?? reason.code ?? reason.feature ?? '';
            const chinese = reason.zh ?? reason.text?.['zh-CN'] ?? reason['zh-CN'];
            // In the agent's language; the other one underneath, smaller.
            const [first, second, secondLang] =
              lang() === 'zh-CN' && chinese ? [chinese, english, 'en'] : [english, chinese, 'zh-CN'];
            const share = largest > 0 ? Math.abs(Number(reason.contribution) || 0) / largest : 0;
            return h(
              'li',
              {},
              h('span', {}, first),
              second && h('span', { class: 'small muted', lang: secondLang }, ` · ${second}`),
              contributionBar(share, reason.contribution),
            );
          }),
        ),
    h(
      'p',
      { class: 'small muted' },
      t('acct.model', risk.modelVersion ?? '—'),
      account.treatment?.assessedAt
        ? ` · ${t('acct.scored', formatDateTime(account.treatment.assessedAt, lang()))}`
        : '',
    ),
  );
}

/**
 * A thin bar: this reason's share of the largest reason's contribution to the log-odds.
 * @param {number} share
 * @param {unknown} contribution
 */
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

/**
 * @param {any} account
 * @param {Money} money
 */
function statementsSection(account, money) {
  const statements = Array.isArray(account.statements) ? account.statements : [];
  return section(
    t('Statements'),
    { id: 'statements' },
    statements.length === 0
      ? empty(t('No statements.'))
      : table(
          [
            { label: t('Month'), value: (s) => s.month, header: true },
            { label: t('Limit'), value: (s) => money(s.creditLimitMinor), num: true },
            { label: t('Balance'), value: (s) => money(s.statementBalanceMinor), num: true },
            { label: t('Paid'), value: (s) => money(s.amountPaidMinor), num: true },
            { label: t('Status'), value: (s) => payStatusText(s.payStatus) },
          ],
          statements,
        ),
  );
}
