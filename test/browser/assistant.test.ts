/**
 * The portal assistant end to end in headless Chromium, against `npm start`'s runtime with a scored demo
 * portfolio, in the customer's own words: a dispute, hardship with a free-form budget, a promise with the
 * amount and the date in one message, a bereavement, contact at work refused, the language switched mid-chat.
 * Each journey checks the reply on the page and what it did to the account (flags, holds, queue), waiting for
 * the reply or the write to happen, never for a fixed time.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  describeWithBrowser,
  expectNoProblems,
  saveScreenshot,
  signInToPortal,
  watchPage,
} from '../support/browser';
import { useScoredRuntime } from '../support/scored-runtime';

const SEEDED = 160;
/** Generous: on a loaded two-core machine a turn can take seconds. Every wait ends as soon as its event does. */
const WAIT_MS = 60_000;
const POLL = { timeout: WAIT_MS, intervals: [100, 250, 500, 1_000] };

interface StaffAccount {
  readonly accountId: string;
  readonly jurisdiction: 'US' | 'CN';
  readonly currency: 'USD' | 'CNY';
  readonly balanceMinor: number;
  readonly customer: {
    readonly dateOfBirth: string;
    readonly language: 'en' | 'zh-CN';
    readonly timezone: string;
    readonly contactPreferences: {
      readonly refusedChannels: readonly string[];
      readonly noWorkplace?: boolean;
      readonly noThirdParties?: boolean;
    };
  };
  readonly flags: Record<string, boolean | undefined>;
  readonly strategy: { readonly offers: readonly string[] } | null;
  readonly promise?: { readonly amountMinor: number; readonly dueDate: string };
  readonly affordability?: Record<string, number>;
  readonly escalation?: { readonly reason: string };
}

describeWithBrowser('the portal assistant in the customer’s own words', (browser) => {
  const runtime = useScoredRuntime(SEEDED);
  const { staff } = runtime;
  const takeAccount = (why: string, wanted: (account: StaffAccount) => boolean) =>
    runtime.takeAccount<StaffAccount>(why, wanted);

  const collectable = (account: StaffAccount) =>
    Object.values(account.flags).every((flag) => !flag) &&
    (account.strategy?.offers.length ?? 0) > 0 &&
    account.balanceMinor > 50_000;
  const usEnglish = (account: StaffAccount) =>
    collectable(account) && account.jurisdiction === 'US' && account.customer.language === 'en';

  /** A signed-in portal page on the chat, animations off (replies appear whole; nothing waits on a timer). */
  async function chatAs(account: StaffAccount, use: (page: Page) => Promise<void>) {
    const context: BrowserContext = await browser().newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
      locale: account.customer.language,
    });
    try {
      const page = await context.newPage();
      const problems = watchPage(page);
      await signInToPortal(page, runtime.url, account);
      await page.locator('a[data-view=chat]').click();
      await page.locator('#quick-replies button').first().waitFor();
      await use(page);
      expectNoProblems(problems);
    } finally {
      await context.close();
    }
  }

  /** Types a message and waits for the assistant's answer to it; returns the answer's text. */
  async function ask(page: Page, text: string): Promise<string> {
    const replies = page.locator('#chat-log li[data-author=assistant][aria-busy=false] .text');
    const before = await replies.count();
    await page.locator('#chat-input').fill(text);
    await page.locator('#chat-input').press('Enter');
    await replies.nth(before).waitFor({ timeout: WAIT_MS });
    return spaced((await replies.nth(before).textContent()) ?? '');
  }

  /** The no-break spaces money is written with, read as spaces. */
  const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
  const disclosureTexts = (page: Page) => page.locator('#chat-log li.msg-disclosure').allTextContents();
  const account = (id: string) => staff<StaffAccount>(`/accounts/${id}`);

  const DISPUTE = 'I never received any bill for this card and this is not my debt';
  it('a dispute: held at once, with what happens next', async () => {
    const customer = await takeAccount('US, English, collectable', usEnglish);
    await chatAs(customer, async (page) => {
      const reply = await ask(page, DISPUTE);
      expect(reply).toMatch(/^I've recorded your dispute\. What happens next: we pause all collection/);
      // The debt-collector notice is shown once, at the top, not in the bubble.
      expect(reply).not.toMatch(/debt collector/);
      expect(await disclosureTexts(page)).toEqual([
        expect.stringMatching(/communication from a debt collector/),
      ]);
      await saveScreenshot(page, 'assistant-dispute');
      await expect
        .poll(async () => {
          const held = await account(customer.accountId);
          return { dispute: held.flags.dispute, escalation: held.escalation?.reason };
        }, POLL)
        .toEqual({ dispute: true, escalation: 'dispute' });
      // Asked for options next, the held account is not offered any.
      expect(await ask(page, 'show my options')).toMatch(/paused while we check your dispute/);
      expect(await disclosureTexts(page)).toHaveLength(1);
    });
  });

  const BUDGET = 'I lost my job last month. I bring home roughly 2,400 and rent plus bills eat 1,900';
  it('hardship with a free-form budget: only plans within what is left each month', async () => {
    // A reduced-payment plan of up to 60 months fits USD 500.00 a month for any balance up to USD 10,000.
    const customer = await takeAccount(
      'US, English, a hardship plan on offer, balance up to USD 10,000',
      (a) => usEnglish(a) && a.strategy!.offers.includes('hardship') && a.balanceMinor <= 1_000_000,
    );
    await chatAs(customer, async (page) => {
      let reply = await ask(page, BUDGET);
      // Read in one message by the classifier; the interim reader misses the income and asks for it once.
      if (/how much comes in each month/.test(reply)) reply = await ask(page, '2,400');
      expect(reply).toMatch(/fit within USD 500\.00 a month/);
      const monthly = [...reply.matchAll(/up to USD ([\d,]+\.\d{2})/g)].map((m) =>
        Number(m[1]!.replaceAll(',', '')),
      );
      const single = [...reply.matchAll(/(?:Pay|Settle for) USD ([\d,]+\.\d{2}) in one payment/g)].map((m) =>
        Number(m[1]!.replaceAll(',', '')),
      );
      expect(monthly.length + single.length).toBeGreaterThan(0);
      for (const amount of [...monthly, ...single]) expect(amount).toBeLessThanOrEqual(500);
      await saveScreenshot(page, 'assistant-hardship-budget');
      await expect
        .poll(async () => (await account(customer.accountId)).affordability, POLL)
        .toEqual({ monthlyIncomeMinor: 240_000, monthlyExpensesMinor: 190_000 });
    });
  });

  it('a promise with the amount and the date in one message: read back, confirmed, recorded', async () => {
    const customer = await takeAccount('US, English, collectable', usEnglish);
    const due = new Date(Date.now() + 10 * 86_400_000);
    const dueDate = due.toISOString().slice(0, 10);
    const said = `I can send $180 on ${due.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${due.getUTCDate()}`;
    const spoken = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(due);
    await chatAs(customer, async (page) => {
      const readBack = await ask(page, said);
      expect(readBack).toBe(
        `Just to check: you plan to pay USD 180.00 by ${spoken}. Shall I note that? Reply "yes" to confirm, or tell me what to change.`,
      );
      expect((await account(customer.accountId)).promise).toBeUndefined();
      expect(await ask(page, 'yes')).toMatch(
        new RegExp(`I've noted that you plan to pay USD 180\\.00 by ${spoken}`),
      );
      await saveScreenshot(page, 'assistant-promise');
      await expect
        .poll(async () => (await account(customer.accountId)).promise, POLL)
        .toMatchObject({ amountMinor: 18_000, dueDate });
    });
  });

  const BEREAVEMENT =
    "My father passed away last month. This was his card and I don't know what I'm supposed to do";
  it('a bereavement: condolence, a hold, the specialist team, never asked to pay', async () => {
    const customer = await takeAccount('US, English, collectable', usEnglish);
    await chatAs(customer, async (page) => {
      const reply = await ask(page, BEREAVEMENT);
      expect(reply).toMatch(/^I'm so sorry for your loss/);
      expect(reply).toMatch(/You are not being asked to pay anything/);
      // No invitation to browse options or declare a job loss: only a way to a person.
      const suggested = page.locator('#quick-replies button');
      await expect.poll(() => suggested.allTextContents(), POLL).toEqual(['Talk to a person']);
      await saveScreenshot(page, 'assistant-bereavement');
      await expect
        .poll(async () => {
          const held = await account(customer.accountId);
          return { deceased: held.flags.deceased, escalation: held.escalation?.reason };
        }, POLL)
        .toEqual({ deceased: true, escalation: 'deceased' });
      expect(await ask(page, 'what are my options')).toMatch(/not being asked to pay anything/);
    });
  });

  const AT_WORK = "Please don't ring me at work, my manager listens in on every call";
  it('contact at work refused: applied at once, other contact goes on', async () => {
    const customer = await takeAccount('US, English, collectable', usEnglish);
    await chatAs(customer, async (page) => {
      const reply = await ask(page, AT_WORK);
      expect(reply).toMatch(/^Done: .*we won't contact you at work/);
      await saveScreenshot(page, 'assistant-no-contact-at-work');
      await expect
        .poll(async () => (await account(customer.accountId)).customer.contactPreferences.noWorkplace, POLL)
        .toBe(true);
      const after = await account(customer.accountId);
      expect(after.flags.ceaseRequested).toBe(false);
      expect(after.customer.contactPreferences.refusedChannels).not.toContain('call');
    });
  });

  it('the language switched mid-chat: replies and the notice follow the page', async () => {
    const customer = await takeAccount('US, English, with options', usEnglish);
    await chatAs(customer, async (page) => {
      expect(await ask(page, 'show my options')).toMatch(/^Here are your repayment options:/);
      expect(await disclosureTexts(page)).toEqual([
        expect.stringMatching(/communication from a debt collector/),
      ]);
      await page.getByRole('button', { name: '中文' }).click();
      await page.locator('a[data-view=chat]', { hasText: '在线咨询' }).waitFor();
      const chinese = await ask(page, '方案1');
      expect(chinese).toMatch(/^方案1：/);
      expect(chinese).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
      // The notice once more, now in Chinese; the earlier English one stays where it was.
      expect(await disclosureTexts(page)).toEqual([
        expect.stringMatching(/debt collector/),
        expect.stringMatching(/债务催收/),
      ]);
      expect(await ask(page, '不')).toMatch(/^好的，没有做任何更改/);
      expect(await disclosureTexts(page)).toHaveLength(2);
      await saveScreenshot(page, 'assistant-language-switched');
    });
  });
});
