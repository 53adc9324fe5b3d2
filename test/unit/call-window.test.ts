/** "May I call now?": the customer's local time, the contact policy's verdict, and the next allowed moment. */
import { describe, expect, it } from 'vitest';
import type { Account } from '../../lambdas/domain/accounts/account';
import { callWindow } from '../../lambdas/domain/console/call-window';
import type { ContactLogEntry } from '../../lambdas/domain/outreach/outreach';
import { anAccount, NO_FLAGS } from '../support/accounts';

function deps(account: Account | undefined, now: string, log: ContactLogEntry[] = []) {
  return {
    accounts: { get: async (id: string) => (account?.accountId === id ? account : undefined) },
    contactLog: {
      append: async () => {},
      appendOnce: async () => undefined,
      since: async (_id: string, from: string) => log.filter((entry) => entry.at >= from),
    },
    clock: { now: () => new Date(now) },
  };
}

const NEW_YORK = anAccount({ accountId: 'ACC-CW-1' }); // America/New_York, US rules 08:00–21:00
const SHANGHAI = anAccount({
  accountId: 'ACC-CW-2',
  jurisdiction: 'CN',
  currency: 'CNY',
  customer: { ...NEW_YORK.customer, timezone: 'Asia/Shanghai', language: 'zh-CN' },
});

describe('may I call now?', () => {
  it('says yes inside the hours, with the customer’s own clock', async () => {
    // 15:00 UTC is 10:00 in New York (EST).
    const window = await callWindow(deps(NEW_YORK, '2026-12-04T15:00:00.000Z'), 'ACC-CW-1');
    expect(window).toMatchObject({
      allowed: true,
      reasons: [],
      hold: false,
      timezone: 'America/New_York',
      local: { date: '2026-12-04', time: '10:00' },
      next: { at: '2026-12-04T15:00:00.000Z', time: '10:00' },
    });
  });

  it('says no at 11 p.m. their time, and when the window opens (8 a.m. their time)', async () => {
    // 04:00 UTC on the 5th is 23:00 on the 4th in New York.
    const window = await callWindow(deps(NEW_YORK, '2026-12-05T04:00:00.000Z'), 'ACC-CW-1');
    expect(window).toMatchObject({
      allowed: false,
      reasons: ['OUTSIDE_CONTACT_HOURS'],
      hold: false,
      local: { date: '2026-12-04', time: '23:00' },
      next: { at: '2026-12-05T13:00:00.000Z', date: '2026-12-05', time: '08:00' },
    });
    // China: no collection calls 22:00–08:00; 14:30 UTC is 22:30 in Shanghai.
    const cn = await callWindow(deps(SHANGHAI, '2026-12-04T14:30:00.000Z'), 'ACC-CW-2');
    expect(cn).toMatchObject({
      allowed: false,
      local: { time: '22:30' },
      next: { date: '2026-12-05', time: '08:00' },
    });
  });

  it('counts the calls already made: after a conversation, the US 7-day quiet period', async () => {
    const log: ContactLogEntry[] = [
      {
        accountId: 'ACC-CW-1',
        at: '2026-12-02T15:00:00.000Z',
        channel: 'call',
        kind: 'conversation',
        ref: 'c1',
      },
    ];
    const window = await callWindow(deps(NEW_YORK, '2026-12-04T15:00:00.000Z', log), 'ACC-CW-1');
    expect(window.allowed).toBe(false);
    expect(window.reasons).toContain('CALL_WITHIN_7_DAYS_OF_CONVERSATION');
    expect(window.next!.at >= '2026-12-09T15:00:00.000Z').toBe(true);
  });

  it('has no next moment under a hold, which lasts until someone changes the account', async () => {
    const disputed = { ...NEW_YORK, flags: { ...NO_FLAGS, dispute: true } };
    const window = await callWindow(deps(disputed, '2026-12-04T15:00:00.000Z'), 'ACC-CW-1');
    expect(window).toMatchObject({ allowed: false, reasons: ['DISPUTE_HOLD'], hold: true, next: null });
    const refused = {
      ...NEW_YORK,
      customer: {
        ...NEW_YORK.customer,
        contactPreferences: { smsConsent: true, refusedChannels: ['call' as const] },
      },
    };
    expect((await callWindow(deps(refused, '2026-12-05T04:00:00.000Z'), 'ACC-CW-1')).reasons).toEqual([
      'CHANNEL_REFUSED',
      'OUTSIDE_CONTACT_HOURS',
    ]);
  });

  it('answers 404 ACCOUNT_NOT_FOUND for an unknown account', async () => {
    await expect(callWindow(deps(undefined, '2026-12-04T15:00:00.000Z'), 'ACC-NOPE')).rejects.toMatchObject({
      code: 'ACCOUNT_NOT_FOUND',
    });
  });
});
