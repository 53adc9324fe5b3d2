/** The agent work queue: who needs a person, in which order, with which reason, filtered and limited. */
import { describe, expect, it } from 'vitest';
import type { Bucket } from '../../lambdas/domain/accounts/account';
import {
  buildQueue,
  DEFAULT_QUEUE_LIMIT,
  needsAgent,
  priorityOf,
  type QueueAccount,
} from '../../lambdas/domain/console/agent-queue';
import type { Tier } from '../../lambdas/domain/treatment/treatment-policy';

const NOW = new Date('2026-11-23T15:00:00.000Z');
const TODAY = '2026-11-23';

function account(
  accountId: string,
  options: {
    tier?: Tier;
    bucket?: Bucket;
    score?: number;
    escalation?: string;
    promiseDue?: string;
    flags?: QueueAccount['flags'];
    jurisdiction?: QueueAccount['jurisdiction'];
  } = {},
): QueueAccount {
  return {
    accountId,
    jurisdiction: options.jurisdiction ?? 'US',
    ...(options.flags ? { flags: options.flags } : {}),
    currency: 'USD',
    balanceMinor: 100_000,
    amountOverdueMinor: 5_000,
    customer: { name: `Customer ${accountId}`, language: 'en' },
    ...(options.score !== undefined ? { risk: { score: options.score, band: 'C' as const } } : {}),
    ...(options.tier
      ? {
          treatment: {
            tier: options.tier,
            bucket: options.bucket ?? 'dpd_31_60',
            variant: 'champion' as const,
          },
        }
      : {}),
    ...(options.escalation ? { escalation: { reason: options.escalation, at: '2026-11-22T10:00:00Z' } } : {}),
    ...(options.promiseDue
      ? {
          promise: {
            amountMinor: 5_000,
            dueDate: options.promiseDue,
            recordedAt: '2026-11-01T00:00:00Z',
            source: 'portal',
          },
        }
      : {}),
  };
}

const ids = (queue: ReturnType<typeof buildQueue>) => queue.items.map((item) => item.accountId);

describe('which accounts need a person', () => {
  it('lists tiers that call the customer or need a human review, and nothing quiet', () => {
    const needing = (
      ['agent_call', 'reminder_and_call', 'hardship_restructure', 'referral_review'] as const
    ).map((tier) => needsAgent(tier));
    expect(needing).toEqual([true, true, true, true]);
    expect((['dispute_hold', 'cease_hold', 'excluded'] as const).map((tier) => needsAgent(tier))).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      (['monitor', 'early_warning', 'reminder', 'promise_pending', 'hardship_plan_active'] as const).map(
        (tier) => needsAgent(tier),
      ),
    ).toEqual([false, false, false, false, false]);
  });

  it('gives a reason a person can read', () => {
    expect(priorityOf(account('A', { escalation: 'customer_request' }), TODAY)).toEqual({
      group: 'escalation',
      reason: 'Customer asked for a person',
      team: 'agents',
      urgency: 40,
    });
    expect(priorityOf(account('B', { tier: 'promise_pending', promiseDue: TODAY }), TODAY)).toEqual({
      group: 'promise_due',
      reason: 'Promise due today',
      team: 'agents',
      urgency: 0,
    });
    expect(
      priorityOf(account('C', { tier: 'promise_pending', promiseDue: '2026-11-20' }), TODAY)?.reason,
    ).toBe('Promise overdue since 2026-11-20');
    expect(priorityOf(account('D', { tier: 'agent_call' }), TODAY)).toEqual({
      group: 'agent_contact',
      reason: 'Mid-stage arrears: agent call',
      team: 'agents',
      urgency: 0,
    });
    expect(priorityOf(account('E', { escalation: 'something_new' }), TODAY)?.reason).toBe(
      'Escalated: something_new',
    );
    // A promise not yet due, a quiet tier, an unscored account without escalation: not in the queue.
    expect(
      priorityOf(account('F', { tier: 'promise_pending', promiseDue: '2026-11-24' }), TODAY),
    ).toBeUndefined();
    expect(priorityOf(account('G', { tier: 'reminder' }), TODAY)).toBeUndefined();
    expect(priorityOf(account('H'), TODAY)).toBeUndefined();
  });

  it('sends what the customer reported in the chat to the right team', () => {
    const team = (escalation: string) => priorityOf(account('X', { escalation }), TODAY)?.team;
    expect(
      ['self_harm', 'deceased', 'fraud', 'bankruptcy', 'legal_representation', 'vulnerability'].map(team),
    ).toEqual(Array(6).fill('specialist'));
    expect(team('complaint')).toBe('supervisor');
    expect(team('payment_trace')).toBe('agents');
  });

  it('reads the holds: a held account goes to the specialist team, never to a collection call', () => {
    for (const flags of [
      { deceased: true },
      { fraudReported: true },
      { vulnerable: true },
      { legalRepresentation: true },
    ]) {
      expect(priorityOf(account('H', { tier: 'agent_call', flags }), TODAY)).toMatchObject({
        group: 'agent_contact',
        team: 'specialist',
      });
      expect(priorityOf(account('H', { tier: 'agent_call', flags }), TODAY)?.reason).not.toMatch(
        /agent call/,
      );
    }
    // A promise falling due on a held account is not chased.
    expect(
      priorityOf(
        account('P', { tier: 'promise_pending', promiseDue: TODAY, flags: { vulnerable: true } }),
        TODAY,
      ),
    ).toMatchObject({ team: 'specialist' });
    // In China a lawyer does not stop contact with the debtor.
    expect(
      priorityOf(
        account('L', { tier: 'agent_call', jurisdiction: 'CN', flags: { legalRepresentation: true } }),
        TODAY,
      ),
    ).toMatchObject({ team: 'agents', reason: 'Mid-stage arrears: agent call' });
  });
});

describe('queue order', () => {
  const portfolio = [
    account('ACC-CALL-LOW', { tier: 'agent_call', score: 480 }),
    account('ACC-CALL-HIGH', { tier: 'hardship_restructure', score: 590 }),
    account('ACC-QUIET', { tier: 'reminder', score: 600 }),
    account('ACC-PROMISE-LATE', { tier: 'promise_pending', promiseDue: '2026-11-10', score: 500 }),
    account('ACC-PROMISE-TODAY', { tier: 'promise_pending', promiseDue: TODAY, score: 520 }),
    account('ACC-PROMISE-LATER', { tier: 'promise_pending', promiseDue: '2026-12-01', score: 700 }),
    account('ACC-ESC-LOW', { tier: 'reminder', escalation: 'customer_request', score: 400 }),
    account('ACC-ESC-HIGH', { tier: 'agent_call', escalation: 'customer_request', score: 560 }),
    account('ACC-UNSCORED-ESC', { escalation: 'customer_request' }),
    account('ACC-CALL-UNSCORED', { tier: 'agent_call' }),
  ];

  it('puts escalations first, then promises due, then agent tiers, riskier first within each', () => {
    const queue = buildQueue(portfolio, { limit: DEFAULT_QUEUE_LIMIT }, NOW);
    expect(ids(queue)).toEqual([
      'ACC-ESC-HIGH',
      'ACC-ESC-LOW',
      'ACC-UNSCORED-ESC',
      'ACC-PROMISE-TODAY',
      'ACC-PROMISE-LATE',
      'ACC-CALL-HIGH',
      'ACC-CALL-LOW',
      'ACC-CALL-UNSCORED',
    ]);
    expect(queue.items.map((item) => item.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(queue).toMatchObject({ total: 8, today: TODAY, generatedAt: NOW.toISOString() });
  });

  it('returns every field the console shows', () => {
    const [first] = buildQueue(portfolio, { limit: 1 }, NOW).items;
    expect(first).toEqual({
      rank: 1,
      priority: 'escalation',
      reason: 'Customer asked for a person',
      team: 'agents',
      accountId: 'ACC-ESC-HIGH',
      customerName: 'Customer ACC-ESC-HIGH',
      language: 'en',
      jurisdiction: 'US',
      bucket: 'dpd_31_60',
      tier: 'agent_call',
      variant: 'champion',
      score: 560,
      band: 'C',
      amountOverdueMinor: 5_000,
      currency: 'USD',
      balanceMinor: 100_000,
      escalation: { reason: 'customer_request', at: '2026-11-22T10:00:00Z' },
      promise: null,
    });
    const unscored = buildQueue(portfolio, { limit: 50 }, NOW).items.find(
      (item) => item.accountId === 'ACC-UNSCORED-ESC',
    );
    expect(unscored).toMatchObject({ bucket: null, tier: null, variant: null, score: null, band: null });
  });

  it('puts the most urgent escalation first whatever the risk score', () => {
    const urgent = [
      account('ACC-TRACE', { escalation: 'payment_trace', score: 700 }),
      account('ACC-CRISIS', { escalation: 'self_harm', score: 300 }),
      account('ACC-COMPLAINT', { escalation: 'complaint', score: 650 }),
    ];
    expect(ids(buildQueue(urgent, { limit: 50 }, NOW))).toEqual(['ACC-CRISIS', 'ACC-COMPLAINT', 'ACC-TRACE']);
    expect(ids(buildQueue(urgent, { team: 'supervisor', limit: 50 }, NOW))).toEqual(['ACC-COMPLAINT']);
  });

  it('filters by tier, bucket and escalation, ranks within the filtered queue and limits it', () => {
    expect(ids(buildQueue(portfolio, { tier: 'agent_call', limit: 50 }, NOW))).toEqual([
      'ACC-ESC-HIGH',
      'ACC-CALL-LOW',
      'ACC-CALL-UNSCORED',
    ]);
    expect(ids(buildQueue(portfolio, { escalated: true, limit: 50 }, NOW))).toEqual([
      'ACC-ESC-HIGH',
      'ACC-ESC-LOW',
      'ACC-UNSCORED-ESC',
    ]);
    expect(ids(buildQueue(portfolio, { escalated: false, limit: 2 }, NOW))).toEqual([
      'ACC-PROMISE-TODAY',
      'ACC-PROMISE-LATE',
    ]);
    const bucketed = [
      account('ACC-B1', { tier: 'agent_call', bucket: 'dpd_61_90', score: 500 }),
      account('ACC-B2', { tier: 'agent_call', bucket: 'dpd_31_60', score: 600 }),
    ];
    const filtered = buildQueue(bucketed, { bucket: 'dpd_61_90', limit: 50 }, NOW);
    expect(filtered.items.map((item) => [item.accountId, item.rank])).toEqual([['ACC-B1', 1]]);
    const limited = buildQueue(portfolio, { limit: 3 }, NOW);
    expect(limited.items).toHaveLength(3);
    expect(limited.total).toBe(8);
  });
});
