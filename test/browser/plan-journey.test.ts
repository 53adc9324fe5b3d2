/**
 * The customer's plan journey end to end in headless Chromium (issue #15), English and Chinese, against
 * `npm start`'s runtime with a scored demo portfolio: a customer in the restructuring queue verifies, states
 * hardship in their own words, agrees a plan within what they said they can pay, chooses automatic payments for
 * it, pays the first instalment now, and sees the receipt and an overview that is the plan (no superseded
 * options, the next instalment). The agent side: the account leaves the restructuring queue at once and its
 * script is a check-in on the plan. Every wait is for an event (a reply rendered, a row written), never a time.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { SimulatedLedger } from '../../local/bank/simulated-bank';
import { cnCardNumber, US_ROUTING, usAccountNumber } from '../support/bank-accounts';
import {
  describeWithBrowser,
  expectNoProblems,
  horizontalExtent,
  type PageProblems,
  saveScreenshot,
  signInToPortal,
  watchPage,
} from '../support/browser';
import { useScoredRuntime } from '../support/scored-runtime';

const SEEDED = 200;
/** Generous for a loaded two-core machine; every wait ends as soon as its event happens. */
const POLL = { timeout: 90_000, intervals: [100, 250, 500, 1_000] };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  isMobile: true,
  hasTouch: true,
};

interface QueueItem {
  readonly accountId: string;
  readonly language: 'en' | 'zh-CN';
  readonly jurisdiction: 'US' | 'CN';
  readonly reason: string;
  readonly balanceMinor: number;
}
interface StaffAccount {
  readonly accountId: string;
  readonly balanceMinor: number;
  readonly treatment?: { readonly tier: string };
  readonly repaymentPlan?: {
    readonly kind: string;
    readonly instalments: readonly { dueDate: string; amountMinor: number }[];
  };
}
interface Payments {
  readonly mandate: { readonly status: string; readonly collectOnDueDate?: boolean } | null;
  readonly instalments: readonly { instalmentId: string; source: string; dueDate: string; status: string }[];
  readonly debits: readonly {
    attemptId: string;
    instalmentId: string;
    state: string;
    requestedBy: string;
    debitDate: string;
    cancelledReasons?: string[];
  }[];
}
interface Script {
  readonly tier: string;
  readonly status: string;
  readonly offers: { readonly options: readonly unknown[] };
  readonly script: { readonly opening: string; readonly options: string };
}

/** What a customer reads in each language: the words the journey types and waits for. */
const JOURNEYS = [
  {
    language: 'en' as const,
    jurisdiction: 'US' as const,
    locale: 'en-US',
    hardship: (monthly: number) =>
      `I lost my job in October and I can only manage about ${monthly} dollars a month`,
    fits: /These plans fit within/,
    reducedPlan: /^(\d+)\) Reduced-payment plan/m,
    readBack: /Reply "confirm" to accept this plan/,
    confirm: 'yes',
    agreed: /your plan is agreed/,
    /** A bank account the simulated bank holds enough in (its balance comes from the number). */
    bankAccount: (ending: string) => ({
      routing: US_ROUTING,
      number: usAccountNumber(ending),
      stored: `US${US_ROUTING}${usAccountNumber(ending)}`,
    }),
    payNow: 'Pay now',
    instead: /Taken automatically on .+; you can pay it now instead\./,
    setUp: /Automatic payments are set up/,
    dueDateTerms: /each instalment of the repayment plan I agreed on its due date/,
    receipt: /Thank you: we received .+ Your next plan payment is/,
    progress: /^1 of \d+ payments made/,
    consoleNext: /Next instalment: .+ on .+\./,
  },
  {
    language: 'zh-CN' as const,
    jurisdiction: 'CN' as const,
    locale: 'zh-CN',
    hardship: (monthly: number) => `我上个月失业了，现在每个月最多只能还${monthly}元`,
    fits: /以下方案每月还款不超过/,
    reducedPlan: /^(\d+)\) 困难减负还款计划/m,
    readBack: /请回复“确认”接受此方案/,
    confirm: '确认',
    agreed: /还款计划已确认/,
    bankAccount: (ending: string) => ({
      routing: undefined,
      number: cnCardNumber(ending),
      stored: `CN${cnCardNumber(ending)}`,
    }),
    payNow: '立即还款',
    instead: /将于.+自动扣款；您也可以现在立即还款。/,
    setUp: /自动还款已开通/,
    dueDateTerms: /在本人已约定的还款计划每期到期日扣收该期款项/,
    receipt: /谢谢：我们已于.+下一期计划还款为/,
    progress: /^已还1\/\d+期/,
    consoleNext: /下一期：.+还 ¥[\d,]+\.\d\d。/,
  },
];

/** A raw error or reason code (NO_MANDATE, DEBIT_PENDING…) showing through to a customer. */
const RAW_CODE = /\b[A-Z]{2,}(?:_[A-Z]{2,})+\b/;

describeWithBrowser(
  'the plan journey: hardship → affordable plan → automatic payments → pay now',
  (browser) => {
    const runtime = useScoredRuntime(SEEDED);
    const { staff } = runtime;
    const ledger = new SimulatedLedger();

    async function reply(page: Page, text: string, pattern: RegExp): Promise<string> {
      const before = await page.locator('#chat-log li[data-author="assistant"]').count();
      await page.locator('#chat-input').fill(text);
      await page.locator('#chat-input').press('Enter');
      const texts = () =>
        page.locator('#chat-log li[data-author="assistant"][aria-busy="false"] .text').allTextContents();
      await expect
        .poll(async () => (await texts()).slice(before).some((t) => pattern.test(t)), POLL)
        .toBe(true);
      return (await texts()).slice(before).find((t) => pattern.test(t))!;
    }

    async function noRawCodes(page: Page) {
      expect(await page.locator('main').innerText()).not.toMatch(RAW_CODE);
    }

    async function restructuringQueue(): Promise<QueueItem[]> {
      return (await staff<{ items: QueueItem[] }>('/queue?tier=hardship_restructure&limit=200')).items;
    }

    for (const journey of JOURNEYS) {
      it(`${journey.language}: agrees an affordable plan, sets up automatic payments for it, pays the first instalment now`, async () => {
        const candidate = (await restructuringQueue()).find(
          (item) => item.language === journey.language && item.jurisdiction === journey.jurisdiction,
        );
        if (!candidate) throw new Error(`No ${journey.language} account in the restructuring queue`);
        await runtime.takeAccount<StaffAccount>(
          'the plan journey',
          (a) => a.accountId === candidate.accountId,
        );
        const { accountId } = candidate;
        // What the customer says they can pay: about an eighth of the balance, so a reduced plan of about 8
        // months fits and the shorter standard plans do not.
        const monthly = Math.ceil(candidate.balanceMinor / 8 / 100);
        const ending = ['4567', '8765', '3456', '5678'].find(
          (e) =>
            (ledger.account(journey.bankAccount(e).stored)?.availableMinor ?? 0) > monthly * 100 + 60_000,
        )!;
        const bank = journey.bankAccount(ending);

        const context = await browser().newContext({ ...DESKTOP, locale: journey.locale });
        const page = await context.newPage();
        const problems: PageProblems = watchPage(page);
        try {
          await signInToPortal(page, runtime.url, { accountId });
          expect(await page.locator('#options li.option').count()).toBeGreaterThan(0);

          // Hardship in their own words: only plans within what they said, never above it, even by a cent.
          await page.locator('a[data-view=chat]').click();
          await page.locator('#quick-replies button').first().waitFor();
          const listed = await reply(page, journey.hardship(monthly), journey.fits);
          for (const [, amount] of listed.matchAll(/(?:up to|最多)\s*(?:USD\s|¥)([\d,]+\.\d\d)/g)) {
            expect(Number(amount!.replaceAll(',', ''))).toBeLessThanOrEqual(monthly);
          }
          const number = journey.reducedPlan.exec(listed)?.[1];
          expect(number, listed).toBeDefined();
          await reply(page, number!, journey.readBack);
          await reply(page, journey.confirm, journey.agreed);
          await saveScreenshot(page, `plan-journey-${journey.language}-1-agreed`);

          // The agent side, at once: out of the restructuring queue, a check-in script for the plan.
          await expect
            .poll(async () => (await restructuringQueue()).some((item) => item.accountId === accountId), POLL)
            .toBe(false);
          const account = await staff<StaffAccount>(`/accounts/${accountId}`);
          expect(account.treatment?.tier).toBe('hardship_plan_active');
          expect(account.repaymentPlan?.kind).toBe('hardship');
          for (const instalment of account.repaymentPlan!.instalments)
            expect(instalment.amountMinor).toBeLessThanOrEqual(monthly * 100);
          const script = await staff<Script>(`/accounts/${accountId}/script`);
          expect(script).toMatchObject({
            tier: 'hardship_plan_active',
            status: 'ready',
            offers: { options: [] },
          });
          expect(script.script.options).toMatch(
            journey.language === 'en' ? /^Agreed reduced-payment/ : /^已约定/,
          );
          const first = account.repaymentPlan!.instalments[0]!;

          // Automatic payments for the plan: the customer's explicit choice, in the words they accept.
          await page.locator('a[data-view=payments]').click();
          await page.locator('#mandate-collect-on-due-date').waitFor();
          if (bank.routing) await page.locator('#mandate-routing').fill(bank.routing);
          await page.locator('#mandate-account').fill(bank.number);
          await page.locator('#mandate-max').fill(String(monthly * 2));
          await page.locator('#mandate-collect-on-due-date').check();
          await page.locator('#mandate-form button[type=submit]').click();
          await page.locator('#mandate-terms').waitFor();
          expect(await page.locator('#mandate-terms').textContent()).toMatch(journey.dueDateTerms);
          await page.locator('#mandate-authorise').click();
          await expect
            .poll(() => page.locator('#payments-outcome').textContent(), POLL)
            .toMatch(journey.setUp);
          await expect
            .poll(() => page.locator('#mandate-collect-due-dates').textContent(), POLL)
            .toBe(journey.language === 'en' ? 'Yes' : '是');
          // The first instalment is collected on its due date, noticed ahead (the plan's first date is a week out).
          await expect
            .poll(async () => {
              const { debits } = await staff<Payments>(`/accounts/${accountId}/payments`);
              return debits.find((d) => d.requestedBy === 'schedule')?.debitDate;
            }, POLL)
            .toBe(first.dueDate);
          await saveScreenshot(page, `plan-journey-${journey.language}-2-automatic-payments`);
          await noRawCodes(page);

          // The page shows the automatic payment planned for the first instalment, and still offers to pay now.
          await page.locator('a[data-view=overview]').click();
          await page.locator('a[data-view=payments]').click();
          await page.locator('#upcoming-debits li[data-state=scheduled]').waitFor();
          // Pay the first instalment now: the automatic debit waiting for its day stands down.
          const row = page.locator('#instalments-list li').first();
          expect(await row.textContent()).toMatch(journey.instead);
          await row.getByRole('button', { name: journey.payNow }).click();
          await page.locator('#payments-outcome').waitFor();
          await expect
            .poll(async () => {
              const { debits } = await staff<Payments>(`/accounts/${accountId}/payments`);
              return debits.find((d) => d.requestedBy === 'customer')?.state;
            }, POLL)
            .toBe('scheduled');
          // Its one-off schedule runs a minute out at the earliest (EventBridge Scheduler's rule); the debits
          // sweep, fired as its schedule would, takes what is already due.
          expect((await fetch(`${runtime.url}/_local/schedules/debits/run`, { method: 'POST' })).ok).toBe(
            true,
          );
          await expect
            .poll(async () => {
              const { debits } = await staff<Payments>(`/accounts/${accountId}/payments`);
              return debits.find((d) => d.requestedBy === 'customer')?.state;
            }, POLL)
            .toBe('succeeded');
          const { debits } = await staff<Payments>(`/accounts/${accountId}/payments`);
          expect(debits.find((d) => d.requestedBy === 'schedule')).toMatchObject({
            state: 'cancelled',
            cancelledReasons: ['PAID_NOW_BY_CUSTOMER'],
          });
          // The payments page, refreshed: the debit taken, the first instalment paid.
          await page.locator('a[data-view=overview]').click();
          await page.locator('a[data-view=payments]').click();
          await expect
            .poll(() => page.locator('#past-debits li[data-state=succeeded]').count(), POLL)
            .toBe(1);
          await saveScreenshot(page, `plan-journey-${journey.language}-3-paid`);
          await noRawCodes(page);

          // The receipt, and an overview that is the plan: no superseded options, the next instalment.
          await page.locator('a[data-view=overview]').click();
          const notices = () => page.locator('ul.notices li').allInnerTexts();
          await expect
            .poll(async () => {
              await page.locator('a[data-view=payments]').click();
              await page.locator('a[data-view=overview]').click();
              await page.locator('#plan-card').waitFor();
              return (await notices()).some((text) => journey.receipt.test(text));
            }, POLL)
            .toBe(true);
          expect(await page.locator('#options').count()).toBe(0);
          expect((await notices()).join('\n')).not.toMatch(
            journey.language === 'en' ? /Settle for/ : /即可结清/,
          );
          expect(await page.locator('#plan-progress').textContent()).toMatch(journey.progress);
          const second = account.repaymentPlan!.instalments[1]!;
          const nextDue = await page.locator('#next-due').textContent();
          expect(nextDue).toContain(
            journey.language === 'en'
              ? new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
                  new Date(`${second.dueDate}T00:00:00Z`),
                )
              : `${Number(second.dueDate.slice(0, 4))}年${Number(second.dueDate.slice(5, 7))}月${Number(second.dueDate.slice(8, 10))}日`,
          );
          expect(await page.locator('#plan-schedule li').first().getAttribute('data-state')).toBe('due');
          expect(await page.locator('#plan-schedule li').count()).toBe(3);
          await saveScreenshot(page, `plan-journey-${journey.language}-4-overview`);
          await noRawCodes(page);
          expectNoProblems(problems);
        } finally {
          await context.close();
        }

        // The agent's console reads the same plan: progress, the next instalment, what is overdue under it,
        // and its instalments unpaid-first, three shown and the rest behind "show all"; at desk and phone width.
        const agreed = (
          await staff<StaffAccount & { repaymentPlan: { acceptedAt: string } }>(`/accounts/${accountId}`)
        ).repaymentPlan;
        const count = agreed.instalments.length;
        // Drafts written before the plan pitched the options it replaced: not offered for approval any more.
        const { drafts } = await staff<{ drafts: { createdAt: string }[] }>(`/accounts/${accountId}/drafts`);
        for (const draft of drafts) expect(draft.createdAt >= agreed.acceptedAt).toBe(true);
        expect(count).toBeGreaterThan(3);
        for (const [width, options] of [
          ['1280', DESKTOP],
          ['375', PHONE],
        ] as const) {
          const agent = await browser().newContext(options);
          await agent.addInitScript(
            (lang) => localStorage.setItem('console.language', lang),
            journey.language,
          );
          const agentPage = await agent.newPage();
          const seen = watchPage(agentPage);
          try {
            await agentPage.goto(`${runtime.url}/console/`);
            await agentPage.locator('button[data-user=alice]').click();
            await agentPage.locator('#who').waitFor({ state: 'visible' });
            await agentPage.goto(`${runtime.url}/console/#/accounts/${accountId}`);
            await agentPage.locator('#account-summary #plan-progress').waitFor();
            expect(await agentPage.locator('#plan-progress').textContent()).toMatch(
              journey.language === 'en'
                ? new RegExp(`^1 of ${count} paid`)
                : new RegExp(`^已还 1/${count} 期`),
            );
            expect(await agentPage.locator('#plan-progress').textContent()).toMatch(journey.consoleNext);
            expect(await agentPage.locator('#account-overdue').textContent()).toMatch(/^(USD\s*|¥)0\.00$/);
            const rows = agentPage.locator('#instalment-list > li');
            await rows.first().waitFor();
            expect(await rows.count()).toBe(3);
            expect(await rows.first().getAttribute('data-status')).toBe('due');
            // "Debit now" only on the instalment that is due, not on later ones.
            expect(await agentPage.locator('#instalment-list form.debit-now').count()).toBeLessThanOrEqual(1);
            expect(await agentPage.locator('#instalment-list li:not([data-status=due]) form').count()).toBe(
              0,
            );
            const more = agentPage.locator('#instalment-list-more');
            expect(await more.locator('summary').textContent()).toBe(
              journey.language === 'en' ? `Show all ${count}` : `显示全部 ${count} 期`,
            );
            expect(await more.locator('li').first().isVisible()).toBe(false);
            // The paid instalment comes last.
            await more.locator('summary').click();
            await more.locator('li').last().waitFor({ state: 'visible' });
            expect(await more.locator('li').last().getAttribute('data-status')).toBe('paid');
            const { scrollWidth, viewportWidth } = await horizontalExtent(agentPage);
            expect(scrollWidth).toBeLessThanOrEqual(viewportWidth);
            await saveScreenshot(agentPage, `plan-journey-${journey.language}-5-console-${width}`);
            expect(await agentPage.locator('#account-summary, #payments').allInnerTexts()).not.toEqual(
              expect.arrayContaining([expect.stringMatching(RAW_CODE)]),
            );
            expectNoProblems(seen);
          } finally {
            await agent.close();
          }
        }
        // A whole journey with several event-driven waits; each ends as soon as its event happens.
      }, 300_000);
    }
  },
);
