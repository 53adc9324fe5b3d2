/**
 * The agent's and the supervisor's journeys through the console in headless Chromium, in English and in
 * Chinese, against `npm start`'s runtime with a scored demo portfolio:
 * - an agent sees whether they may call now, builds a plan within policy (an amount the policy refuses is
 *   refused with its code), offers it, quotes it in a chat take-over (the same words were stopped before the
 *   plan existed) and logs a call whose first answer is lost: retried once, logged once;
 * - a supervisor sees an agent message the gate stopped counted on the dashboard, and the dashboard fits a
 *   phone (375 px) with no figure or bar label clipped.
 * Every wait is for an event (an element drawn, a row written); screenshots go to test-artifacts/screenshots.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { expect, it } from 'vitest';
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

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  isMobile: true,
  hasTouch: true,
};
const SEEDED = 120;
/** Generous for a loaded two-core machine; every wait ends as soon as its event happens. */
const POLL = { timeout: 60_000, intervals: [100, 250, 500, 1_000] };

interface StaffAccount {
  readonly accountId: string;
  readonly jurisdiction: 'US' | 'CN';
  readonly currency: 'USD' | 'CNY';
  readonly balanceMinor: number;
  readonly customer: { readonly language: 'en' | 'zh-CN' };
  readonly flags: Record<string, boolean>;
  readonly strategy: { readonly offers: readonly string[] } | null;
  readonly repaymentPlan?: unknown;
  readonly escalation?: unknown;
}

interface ContactEntry {
  readonly channel: string;
  readonly callId?: string;
}

describeWithBrowser('console journeys: agent and supervisor, English and Chinese', (browser) => {
  const runtime = useScoredRuntime(SEEDED);
  const { staff } = runtime;

  /** An account an agent may build an instalment plan for, in the language wanted, not used by another test. */
  const planAccount = (language: 'en' | 'zh-CN') =>
    runtime.takeAccount<StaffAccount>(
      `${language}, instalments allowed`,
      (a) =>
        Object.values(a.flags).every((flag) => !flag) &&
        !a.repaymentPlan &&
        !a.escalation &&
        a.customer.language === language &&
        (a.strategy?.offers ?? []).includes('instalment') &&
        a.balanceMinor >= 600_00,
    );

  async function withPage(
    options: BrowserContextOptions,
    use: (page: Page, problems: PageProblems) => Promise<void>,
    language: 'en' | 'zh-CN' = 'en',
  ) {
    const context = await browser().newContext(options);
    // The console's language as the agent chose it on this device.
    await context.addInitScript((lang) => localStorage.setItem('console.language', lang), language);
    const page = await context.newPage();
    try {
      await use(page, watchPage(page));
    } finally {
      await context.close();
    }
  }

  async function signInToConsole(page: Page, user: 'alice' | 'sam') {
    await page.goto(`${runtime.url}/console/`);
    await page.locator(`button[data-user=${user}]`).click();
    await page.locator('#who').waitFor({ state: 'visible' });
  }

  /**
   * The customer signs in to the portal, opens today's chat and asks for a person; their page stays open (a
   * second sign-in within the minute would wait for the code already sent).
   */
  async function customerAsksForAPerson(accountId: string, language: 'en' | 'zh-CN') {
    const context = await browser().newContext(DESKTOP);
    const page = await context.newPage();
    await signInToPortal(page, runtime.url, { accountId });
    await page.locator('a[data-view=chat]').click();
    const person = language === 'en' ? 'Talk to a person' : '转人工客服';
    await page.getByRole('button', { name: person }).click();
    await page.locator('#chat-log li[data-author="assistant"][aria-busy="false"]').first().waitFor();
    const { conversations } = await staff<{ conversations: { conversationId: string }[] }>(
      `/accounts/${accountId}/conversations`,
    );
    expect(conversations.length).toBeGreaterThan(0);
    return { conversationId: conversations[0]!.conversationId, page, close: () => context.close() };
  }

  /** Figures as text without thousands separators: "1,234.00" → "1234.00". */
  const withoutSeparators = (text: string | null) => (text ?? '').replace(/(\d),(?=\d{3})/g, '$1');

  const calls = async (accountId: string) =>
    (await staff<{ contacts: ContactEntry[] }>(`/accounts/${accountId}/contacts`)).contacts.filter(
      (contact) => contact.channel === 'call',
    );

  async function agentJourney(language: 'en' | 'zh-CN') {
    const account = await planAccount(language);
    const { accountId } = account;
    const customer = await customerAsksForAPerson(accountId, language);
    try {
      await agentSide(account, customer.page, language);
    } finally {
      await customer.close();
    }
  }

  async function agentSide(account: StaffAccount, customerPage: Page, language: 'en' | 'zh-CN') {
    const { accountId, currency } = account;
    const words =
      language === 'en'
        ? {
            take: 'Take over the chat',
            send: 'Send to customer',
            quote: 'Work it out',
            offer: 'Offer it to the customer',
            spoke: 'Spoke with the customer',
            log: 'Log the call',
          }
        : {
            take: '接管对话',
            send: '发送给客户',
            quote: '计算',
            offer: '提供给客户',
            spoke: '已与客户通话',
            log: '记录通话',
          };
    // A whole amount a month that clears the balance in 6 to 8 months: within every tier's policy.
    const monthlyMinor = Math.ceil(account.balanceMinor / 7 / 100) * 100;
    const amountText = (monthlyMinor / 100).toFixed(2);
    const quote =
      language === 'en'
        ? `We can set up ${currency === 'USD' ? '$' : 'CNY '}${amountText} a month for you.`
        : `我们可以为您安排每月还款人民币${amountText}元。`;

    await withPage(
      DESKTOP,
      async (page, problems) => {
        await signInToConsole(page, 'alice');
        await page.goto(`${runtime.url}/console/#/accounts/${accountId}`);

        // May I call now? The customer's own time and the policy's verdict, in the agent's language.
        const window = page.locator('#call-window .notice[data-allowed]');
        await window.waitFor();
        const allowed = (await window.getAttribute('data-allowed')) === 'true';
        expect(await page.locator('#call-window-local').textContent()).toMatch(/\d{2}:\d{2}/);
        if (!allowed) expect(await page.locator('#call-window-next').textContent()).toMatch(/\d{2}:\d{2}/);
        expect(await page.locator('#call-window').textContent()).toContain(
          language === 'en' ? 'May I call now?' : '现在可以拨打吗？',
        );

        // Take the chat over; quoting an amount no offer holds is stopped by the gate.
        await page.getByRole('button', { name: words.take }).click();
        await page.locator('#agent-message').waitFor();
        await page.locator('#agent-message').fill(quote);
        await page.getByRole('button', { name: words.send }).click();
        const error = page.locator('#agent-message-error');
        await error.waitFor({ state: 'visible' });
        expect(await error.locator('.finding-details').allTextContents()).toContainEqual(
          expect.stringMatching(/NUMBER_NOT_IN_OFFER/),
        );
        if (language === 'en') {
          // A threat no rule reads: the message classifier stops it, and the agent sees why and which sentence.
          const threat = "Honestly mate, if you were in front of me I'd put you through the wall.";
          await page.locator('#agent-message').fill(`${threat} Pay and we're done.`);
          await page.getByRole('button', { name: words.send }).click();
          await expect
            .poll(
              async () => (await error.locator('.finding-excerpt mark').allTextContents()).join('\n'),
              POLL,
            )
            .toContain(threat.slice(0, -1));
          expect(await error.locator('.finding-words').allTextContents()).toContainEqual(
            expect.stringMatching(/\w{4,}/),
          );
          await saveScreenshot(page, 'console-message-classifier-finding-en');
          await page.locator('#agent-message').fill(quote);
        }

        // The plan builder: an amount below the policy is refused with its code; then a plan within it.
        await page.locator('#plan-amount').fill('1');
        await page.getByRole('button', { name: words.quote, exact: true }).click();
        await page.locator('#plan-error[data-code=PLAN_OUTSIDE_POLICY]').waitFor();
        await page.locator('#plan-amount').fill(amountText);
        await page.getByRole('button', { name: words.quote, exact: true }).click();
        await page.locator('#plan-shape').waitFor();
        expect(withoutSeparators(await page.locator('#plan-shape').textContent())).toContain(amountText);
        await page.getByRole('button', { name: words.offer }).click();
        await page.locator('#plan-offered').waitFor();
        const { current } = await staff<{ current: { option: { id: string; monthlyAmountMinor: number } } }>(
          `/accounts/${accountId}/agent-plans`,
        );
        expect(current.option).toMatchObject({ monthlyAmountMinor: monthlyMinor });
        await page.locator('#plan-builder').screenshot({
          path: `test-artifacts/screenshots/console-plan-builder-${language}.png`,
        });

        // The same words now pass: the figure is in the offer the account carries.
        await page.getByRole('button', { name: words.send }).click();
        await expect
          .poll(
            async () =>
              (await page.locator('#agent-thread li[data-author=agent] .text').allTextContents()).join('\n'),
            POLL,
          )
          .toContain(quote);

        // A call whose first answer is lost on the way back: the agent presses again, it is logged once.
        let lost = false;
        await page.route('**/accounts/*/calls', async (route) => {
          if (lost) return route.continue();
          lost = true;
          await route.fetch(); // the server logs the call...
          await route.abort('connectionreset'); // ...and the answer never reaches the page
        });
        await page.getByLabel(words.spoke).check();
        await page.getByRole('button', { name: words.log }).click();
        await page.locator('#call .form-error').waitFor({ state: 'visible' });
        expect(await calls(accountId)).toHaveLength(1);
        await page.getByRole('button', { name: words.log }).click();
        await page.locator('#call-logged').waitFor();
        expect(await calls(accountId)).toHaveLength(1);
        await saveScreenshot(page, `console-agent-journey-${language}`);

        expectNoProblems(problems, [
          /\/conversations\/[\w-]+\/messages: 400/,
          /\/agent-plans: 400/,
          /\/calls: net::ERR_CONNECTION_RESET/,
          /ERR_CONNECTION_RESET/,
          /status of 400/,
        ]);
      },
      language,
    );

    // The customer sees the agent's words, and can accept the plan: the portal lists it among the options.
    await expect
      .poll(
        async () =>
          (await customerPage.locator('#chat-log li[data-author="agent"] .text').allTextContents()).join(
            '\n',
          ),
        POLL,
      )
      .toContain(quote);
    await customerPage.locator('a[data-view=overview]').click();
    await expect
      .poll(async () => withoutSeparators(await customerPage.locator('#options').textContent()), POLL)
      .toContain(amountText);
    await saveScreenshot(customerPage, `console-journey-portal-agent-plan-${language}`);
  }

  it('an agent builds a plan within policy, quotes it in a take-over and logs a call once (English)', async () => {
    await agentJourney('en');
  });

  it('the same in Chinese: 坐席制定方案、接管对话并记录通话', async () => {
    await agentJourney('zh-CN');
  });

  it('a supervisor sees an agent message the gate stopped counted, and the dashboard fits a phone', async () => {
    const account = await planAccount('en');
    const customer = await customerAsksForAPerson(account.accountId, 'en');
    const { conversationId } = customer;
    await customer.close();
    const blockedNow = async (page: Page) =>
      Number((await page.locator('#blocked-agent-message').textContent())?.replace(/\D/g, '') || 'NaN');

    await withPage(PHONE, async (page, problems) => {
      await signInToConsole(page, 'sam');
      await page.goto(`${runtime.url}/console/#/dashboard?days=7`);
      await page.locator('#blocked-agent-message').waitFor();
      const before = await blockedNow(page);

      // An agent takes the chat over and writes a threat: the gate stops it.
      const login = await fetch(`${runtime.url}/_local/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'ben' }),
      });
      const { token } = (await login.json()) as { token: string };
      const asBen = (path: string, body: unknown) =>
        fetch(`${runtime.url}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect((await asBen(`/conversations/${conversationId}/takeover`, {})).status).toBe(200);
      const sent = await asBen(`/conversations/${conversationId}/messages`, {
        clientMessageId: 'ben-threat-0001',
        text: 'Pay today or we will have you arrested.',
      });
      expect(sent.status).toBe(400);
      expect(((await sent.json()) as { error: { code: string } }).error.code).toBe('MESSAGE_REJECTED');

      // Counted on the dashboard, read from the audit trail, under its rule.
      await expect
        .poll(async () => {
          await page.locator('#dashboard > .card-header button').click();
          await page.locator('#blocked-agent-message').waitFor();
          return blockedNow(page);
        }, POLL)
        .toBe(before + 1);
      expect(await page.locator('#gate-blocks').textContent()).toMatch(/Threat of arrest|Threat or violence/);

      // It fits a phone: no sideways scrolling, no figure cut, no bar label running off its chart.
      const { scrollWidth, viewportWidth } = await horizontalExtent(page);
      expect(scrollWidth).toBeLessThanOrEqual(viewportWidth);
      const clipped = await page.evaluate(() => {
        const figures = Array.from(document.querySelectorAll('.figures dd')).filter(
          (dd) => dd.scrollWidth > dd.clientWidth + 1,
        );
        const labels = Array.from(document.querySelectorAll('figure.chart svg text')).filter((text) => {
          const svg = (text as SVGTextElement).ownerSVGElement!;
          const box = (text as SVGTextElement).getBBox();
          // A glyph's side bearing may reach a pixel past its anchor; more is a label cut off.
          return box.x < -1 || box.x + box.width > svg.viewBox.baseVal.width + 1;
        });
        return [...figures, ...labels].map((element) => element.textContent);
      });
      expect(clipped).toEqual([]);
      await saveScreenshot(page, 'console-dashboard-phone-en');

      // 中文: the same dashboard in Chinese, the range switch kept in the address.
      await page.getByRole('button', { name: '中文' }).click();
      await page.locator('#dashboard-heading', { hasText: '主管看板' }).waitFor();
      await page.locator('#gate-blocks', { hasText: '合规检查拦截的消息' }).waitFor();
      expect(await blockedNow(page)).toBe(before + 1);
      await page.locator('a[data-days="90"]').click();
      await page.locator('#dashboard-body[data-days="90"]').waitFor();
      expect((await horizontalExtent(page)).scrollWidth).toBeLessThanOrEqual(375);
      await saveScreenshot(page, 'console-dashboard-phone-zh');
      expectNoProblems(problems);
    });
  });
});
