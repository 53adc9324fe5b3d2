// @ts-check
// The work queue: accounts that need a person, most urgent first, with filters kept in the address
// (#/queue?tier=…&bucket=…&team=…&escalated=true&limit=…) so Back returns to the same list.
import { notBuiltYet } from '/lib/api.js';
import { h, replace } from '/lib/dom.js';
import { formatDate, formatMoney } from '/lib/format.js';
import { BUCKETS, TEAMS, TIERS } from '/lib/taxonomy.js';
import { chip, empty, loading, notice, section } from '/lib/ui.js';
import { known, lang, t } from './i18n.js';
import { label } from './labels.js';

const REFRESH_MS = 30_000;
const LIMITS = ['25', '50', '100', '200'];

/** @typedef {import('./console.js').ConsoleContext} ConsoleContext */

/**
 * @param {HTMLElement} view
 * @param {ConsoleContext} ctx
 * @param {URLSearchParams} query the filters in the address
 */
export function renderQueue(view, ctx, query) {
  const limit = query.get('limit') ?? '';
  const filters = {
    tier: query.get('tier') ?? '',
    bucket: query.get('bucket') ?? '',
    team: query.get('team') ?? '',
    escalated: query.get('escalated') === 'true',
    limit: LIMITS.includes(limit) ? limit : '50',
  };
  const results = h('div', { id: 'queue-results' }, loading(t('Loading the queue…')));
  /**
   * @param {'tier' | 'bucket' | 'team'} name
   * @param {string} text
   * @param {readonly string[]} values
   */
  const select = (name, text, values) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: `queue-${name}` }, text),
      h(
        'select',
        { id: `queue-${name}`, name },
        h('option', { value: '' }, t('All')),
        values.map((value) => h('option', { value, selected: filters[name] === value }, label(value))),
      ),
    );
  const form = h(
    'form',
    { class: 'filters', 'aria-label': t('Queue filters') },
    select('tier', t('Tier'), TIERS),
    select('bucket', t('Days past due'), BUCKETS),
    select('team', t('Team'), TEAMS),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'queue-limit' }, t('Show')),
      h(
        'select',
        { id: 'queue-limit', name: 'limit' },
        LIMITS.map((value) =>
          h('option', { value, selected: filters.limit === value }, t('queue.limit', value)),
        ),
      ),
    ),
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: 'escalated', id: 'queue-escalated', checked: filters.escalated }),
      h('span', {}, t('Escalations only')),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('Apply'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const key of ['tier', 'bucket', 'team']) if (data.get(key)) params.set(key, String(data.get(key)));
    if (data.get('escalated')) params.set('escalated', 'true');
    if (data.get('limit') !== '50') params.set('limit', String(data.get('limit')));
    ctx.navigate(`#/queue${params.toString() ? `?${params}` : ''}`);
  });

  const refresh = h('button', { type: 'button', class: 'small', onclick: () => load() }, t('Refresh'));
  replace(
    view,
    section(t('Work queue'), { id: 'queue', actions: refresh }, form),
    section(t('Accounts to work'), { id: 'queue-items', level: 2 }, results),
  );

  const params = new URLSearchParams();
  if (filters.tier) params.set('tier', filters.tier);
  if (filters.bucket) params.set('bucket', filters.bucket);
  if (filters.team) params.set('team', filters.team);
  if (filters.escalated) params.set('escalated', 'true');
  params.set('limit', filters.limit);

  const { signal } = ctx;
  async function load() {
    try {
      const queue = await ctx.api('GET', `/queue?${params}`);
      if (signal.aborted) return;
      replace(results, queueList(queue));
    } catch (error) {
      if (signal.aborted || error.status === 401) return;
      replace(
        results,
        notBuiltYet(error)
          ? notice(
              t('The work queue is not available yet. Open an account by its reference above meanwhile.'),
              'info',
            )
          : notice(`${t('Could not load the queue')}: ${error.message}`, 'error', { role: 'alert' }),
      );
    }
  }
  load();
  const timer = setInterval(() => {
    if (document.visibilityState === 'visible') load();
  }, REFRESH_MS);
  signal.addEventListener('abort', () => clearInterval(timer));
}

/**
 * Why the account is in the queue, in the agent's language: the API's words in English; in Chinese, the
 * same reason told from the item's codes (the API's words when no code tells it).
 * @param {any} item
 */
function queueReason(item) {
  const english = String(item.reason ?? '');
  if (lang() === 'en') return english;
  if (item.escalation?.reason) return label(item.escalation.reason);
  if (item.priority === 'promise_due' && item.promise?.dueDate)
    return t('queue.promiseDue', formatDate(item.promise.dueDate, lang()));
  if (item.team === 'specialist' && item.tier !== 'excluded') return t('queue.specialistHold');
  if (item.reasonCode) return known('queue.reason.', item.reasonCode, () => english);
  const tierReason = item.tier ? t(`queue.tierReason.${item.tier}`) : '';
  return tierReason && tierReason !== `queue.tierReason.${item.tier}` ? tierReason : english;
}

/** @param {any} queue GET /queue's answer */
function queueList(queue) {
  const items = Array.isArray(queue?.items) ? queue.items : [];
  if (items.length === 0) return empty(t('Nothing in the queue for these filters.'));
  return [
    typeof queue.total === 'number' &&
      h('p', { class: 'muted small' }, t('queue.showing', items.length, queue.total)),
    h('ol', { class: 'queue-list', id: 'queue-list' }, items.map(queueItem)),
  ];
}

/**
 * @param {any} item
 * @param {number} index
 */
function queueItem(item, index) {
  const escalated = Boolean(item.escalation);
  const name = item.customerName ?? item.name ?? '';
  return h(
    'li',
    { class: ['queue-item', escalated && 'escalated'], dataset: { accountId: String(item.accountId ?? '') } },
    h(
      'span',
      { class: 'rank', 'aria-label': t('queue.rank', item.rank ?? index + 1) },
      String(item.rank ?? index + 1),
    ),
    h(
      'div',
      {},
      h(
        'h3',
        {},
        h(
          'a',
          { href: `#/accounts/${encodeURIComponent(item.accountId ?? '')}` },
          `${item.accountId ?? '?'} · ${name}`,
        ),
      ),
      h('p', { class: 'reason' }, queueReason(item)),
      h(
        'div',
        { class: 'chips' },
        escalated && chip(label(item.escalation.reason ?? 'escalated'), 'warn'),
        item.team && item.team !== 'agents' && chip(label(item.team), 'warn'),
        item.promise && chip(t('queue.promise', formatDate(item.promise.dueDate, lang())), 'info'),
        item.tier && chip(label(item.tier)),
        item.bucket && chip(label(item.bucket)),
        item.band &&
          chip(
            `${t('queue.band', item.band)}${item.score !== null && item.score !== undefined ? ` · ${item.score}` : ''}`,
          ),
        item.variant && item.variant !== 'champion' && chip(label(item.variant)),
        item.jurisdiction && chip(label(item.jurisdiction)),
        item.language && chip(label(item.language)),
      ),
    ),
    h(
      'p',
      { class: 'amounts' },
      h('strong', {}, formatMoney(item.amountOverdueMinor, item.currency, lang())),
      h(
        'span',
        { class: 'muted small' },
        t('queue.overdueOf', formatMoney(item.balanceMinor, item.currency, lang())),
      ),
    ),
  );
}
