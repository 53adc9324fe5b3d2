/** The dashboard's figures over a range: every block by source and rule, agents, escalations, trends. */
import { describe, expect, it } from 'vitest';
import { activity, periodOf } from '../../lambdas/domain/dashboard/activity';
import { buildDashboard, type DashboardInput } from '../../lambdas/domain/dashboard/dashboard';

const NOW = new Date('2026-11-23T12:00:00.000Z');

const INPUT: DashboardInput = {
  accounts: [],
  drafts: [
    {
      accountId: 'A1',
      draftId: 'd1',
      status: 'blocked',
      tier: 'reminder',
      createdAt: '2026-11-20T09:00:00.000Z',
      reasons: ['FORBIDDEN_THREAT: "arrest"', 'FORBIDDEN_THREAT: "jail"'],
    },
    // Ready drafts are not blocks; a draft blocked before the range is not in it.
    {
      accountId: 'A1',
      draftId: 'd2',
      status: 'ready',
      tier: 'reminder',
      createdAt: '2026-11-21T09:00:00.000Z',
    },
    {
      accountId: 'A2',
      draftId: 'd3',
      status: 'blocked',
      tier: 'reminder',
      createdAt: '2026-09-01T09:00:00.000Z',
    },
  ],
  blockedMessages: [
    {
      accountId: 'A2',
      messageId: 'm1',
      channel: 'sms',
      blockedReasons: ['NO_SMS_CONSENT'],
      at: '2026-11-23T08:00:00.000Z',
    },
  ],
  gateBlocks: [
    {
      accountId: 'A3',
      source: 'agent_message',
      at: '2026-11-23T10:00:00.000Z',
      rules: ['NUMBER_NOT_IN_OFFER'],
      agentId: 'agent-1',
    },
    { accountId: 'A3', source: 'assistant_reply', at: '2026-11-23T10:05:00.000Z', rules: [] },
    // The period before (7 days: 2026-11-10 .. 2026-11-16).
    { accountId: 'A3', source: 'agent_message', at: '2026-11-12T10:00:00.000Z', rules: ['FORBIDDEN_THREAT'] },
  ],
  calls: [
    { accountId: 'A1', agentId: 'agent-1', at: '2026-11-22T15:00:00.000Z', outcome: 'promise_to_pay' },
    { accountId: 'A2', agentId: 'agent-1', at: '2026-11-22T16:00:00.000Z', outcome: 'no_answer' },
    { accountId: 'A3', agentId: 'agent-2', at: '2026-11-18T16:00:00.000Z', outcome: 'right_party' },
    { accountId: 'A3', agentId: 'agent-2', at: '2026-10-01T16:00:00.000Z', outcome: 'right_party' },
  ],
  promiseEntries: [
    // agent-1: one kept (fell due, not broken), one broken; agent-2: one pending.
    {
      accountId: 'A1',
      kind: 'PromiseToPayRecorded',
      at: '2026-11-17T15:00:00Z',
      dueDate: '2026-11-19',
      agentId: 'agent-1',
    },
    {
      accountId: 'A2',
      kind: 'PromiseToPayRecorded',
      at: '2026-11-18T15:00:00Z',
      dueDate: '2026-11-20',
      agentId: 'agent-1',
    },
    { accountId: 'A2', kind: 'PromiseBroken', at: '2026-11-21T06:00:00Z', dueDate: '2026-11-20' },
    {
      accountId: 'A3',
      kind: 'PromiseToPayRecorded',
      at: '2026-11-22T15:00:00Z',
      dueDate: '2026-11-30',
      agentId: 'agent-2',
    },
    // The customer's own promise (portal): not an agent's.
    { accountId: 'A4', kind: 'PromiseToPayRecorded', at: '2026-11-22T15:00:00Z', dueDate: '2026-11-25' },
    // Escalations: answered after 12 and 30 minutes; one still waiting.
    { accountId: 'A1', kind: 'EscalationRequested', at: '2026-11-20T10:00:00Z' },
    { accountId: 'A1', kind: 'AgentJoined', at: '2026-11-20T10:12:00Z' },
    { accountId: 'A2', kind: 'EscalationRequested', at: '2026-11-21T10:00:00Z' },
    { accountId: 'A2', kind: 'AgentJoined', at: '2026-11-21T09:00:00Z' }, // joined before: not the answer
    { accountId: 'A2', kind: 'AgentJoined', at: '2026-11-21T10:30:00Z' },
    { accountId: 'A3', kind: 'EscalationRequested', at: '2026-11-23T11:00:00Z' },
  ],
  payments: { instalments: [], attempts: [] },
};

describe('dashboard activity over a range', () => {
  const week = buildDashboard(INPUT, NOW, 7).activity;

  it('counts every block in the range, by where it was stopped and by rule', () => {
    expect(week.period).toEqual({ days: 7, from: '2026-11-17', to: '2026-11-23' });
    expect(week.blocks.total).toBe(4);
    expect(week.blocks.bySource).toEqual({ draft: 1, agent_message: 1, assistant_reply: 1, send: 1 });
    expect(week.blocks.previousTotal).toBe(1);
    expect(week.blocks.byRule).toEqual([
      {
        rule: 'FORBIDDEN_THREAT',
        total: 1,
        bySource: { draft: 1, agent_message: 0, assistant_reply: 0, send: 0 },
      },
      {
        rule: 'NO_SMS_CONSENT',
        total: 1,
        bySource: { draft: 0, agent_message: 0, assistant_reply: 0, send: 1 },
      },
      {
        rule: 'NUMBER_NOT_IN_OFFER',
        total: 1,
        bySource: { draft: 0, agent_message: 1, assistant_reply: 0, send: 0 },
      },
      {
        rule: 'UNSPECIFIED',
        total: 1,
        bySource: { draft: 0, agent_message: 0, assistant_reply: 1, send: 0 },
      },
    ]);
    // 90 days takes in the September draft too.
    expect(buildDashboard(INPUT, NOW, 90).activity.blocks.total).toBe(6);
  });

  it('gives each agent their calls, promises and kept rate', () => {
    expect(week.agents).toEqual([
      { agentId: 'agent-1', calls: 2, conversations: 1, promises: 2, kept: 1, broken: 1, keptRate: 0.5 },
      { agentId: 'agent-2', calls: 1, conversations: 1, promises: 1, kept: 0, broken: 0, keptRate: null },
    ]);
    expect(week.totals).toEqual({ calls: 3, promises: 4 });
  });

  it('times the answer to each escalation: median, 90th percentile, and those waiting', () => {
    expect(week.escalations).toMatchObject({
      requested: 3,
      answered: 2,
      waiting: 1,
      medianMinutes: 12,
      p90Minutes: 30,
      previousMedianMinutes: null,
    });
  });

  it('draws one trend point per day of the range', () => {
    expect(week.trend).toHaveLength(7);
    expect(week.trend[0]!.date).toBe('2026-11-17');
    expect(week.trend.at(-1)).toEqual({
      date: '2026-11-23',
      blocked: 3,
      calls: 0,
      promises: 0,
      escalations: 1,
    });
    expect(buildDashboard(INPUT, NOW, 90).activity.trend).toHaveLength(90);
  });

  it('is empty, not broken, with no facts', () => {
    const empty = activity({ blocks: [], calls: [], entries: [], promiseOutcome: () => 'open' }, 30, NOW);
    expect(empty.blocks.total).toBe(0);
    expect(empty.agents).toEqual([]);
    expect(empty.escalations.medianMinutes).toBeNull();
    expect(periodOf(30, NOW)).toEqual({ days: 30, from: '2026-10-25', to: '2026-11-23' });
  });
});
