/**
 * The portal and the console end to end in headless Chromium, against `npm start`'s runtime with a scored
 * demo portfolio: a customer verifies, chats and agrees a plan (English) or promises to pay (Chinese); typed
 * HTML stays text; an agent answers an escalation from the queue, takes the chat over and logs a call; the
 * supervisor's dashboard draws its charts; every page fits a phone.
 */
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  describeWithBrowser,
  expectNoProblems,
  horizontalExtent,
  type PageProblems,
  saveScreenshot,
  signInToPortal,
  watchDialogs,
  watchPage,
} from '../support/browser';
import { useScoredRuntime } from '../support/scored-runtime';

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
};
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const SEEDED = 200;
/** Generous for a loaded two-core machine; every wait ends as soon as its event happens. */
const POLL = { timeout: 60_000, intervals: [100, 250, 500, 1_000] };

interface StaffAccount {
  readonly accountId: string;
  readonly jurisdiction: 'US' | 'CN';
  readonly currency: 'USD' | 'CNY';
  readonly balanceMinor: number;
  readonly amountOverdueMinor: number;
  readonly customer: {
    readonly name: string;
    readonly language: 'en' | 'zh-CN';
    readonly contactPreferences: { readonly refusedChannels: readonly string[] };
  };
  readonly flags: Record<string, boolean>;
  readonly strategy: { readonly offers: readonly string[]; readonly channels: readonly string[] } | null;
  readonly repaymentPlan?: { readonly optionId: string; readonly instalments: readonly unknown[] };
  readonly promise?: { readonly amountMinor: number; readonly dueDate: string };
  readonly escalation?: { readonly reason: string };
}

interface OfferOption {
  readonly id: string;
  readonly instalments: readonly { readonly dueDate: string; readonly amountMinor: number }[];
}

describeWithBrowser('portal and console journeys in headless Chromium', (browser) => {
  const runtime = useScoredRuntime(SEEDED);
  const { staff } = runtime;
  const takeAccount = (why: string, wanted: (account: StaffAccount) => boolean) =>
    runtime.takeAccount<StaffAccount>(why, wanted);

  const noFlags = (account: StaffAccount) => Object.values(account.flags).every((flag) => !flag);
  const withOptions = (account: StaffAccount) =>
    noFlags(account) && (account.strategy?.offers.length ?? 0) > 0 && account.balanceMinor > 0;

  async function newPage(options: BrowserContextOptions = DESKTOP) {
    const context = await browser().newContext(options);
    const page = await context.newPage();
    return { context, page, problems: watchPage(page), dialogs: watchDialogs(page) };
  }

  async function withPage(
    options: BrowserContextOptions,
    use: (page: Page, problems: PageProblems, dialogs: string[], context: BrowserContext) => Promise<void>,
  ) {
    const { context, page, problems, dialogs } = await newPage(options);
    try {
      await use(page, problems, dialogs, context);
    } finally {
      await context.close();
    }
  }

  async function openChat(page: Page) {
    await page.locator('a[data-view=chat]').click();
    await page.locator('#quick-replies button').first().waitFor();
  }

  async function say(page: Page, text: string) {
    await page.locator('#chat-input').fill(text);
    await page.locator('#chat-input').press('Enter');
  }

  /** Waits until a message by `author`, fully shown (not mid-reveal), matches `pattern`; returns its text. */
  async function messageMatching(page: Page, pattern: RegExp, author = 'assistant'): Promise<string> {
    const texts = () =>
      page.locator(`#chat-log li[data-author="${author}"][aria-busy="false"] .text`).allTextContents();
    await expect.poll(async () => (await texts()).some((text) => pattern.test(text)), POLL).toBe(true);
    return (await texts()).find((text) => pattern.test(text))!;
  }

  const money = (minor: number, currency: string, locale: string, display: 'code' | 'symbol') =>
    new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: display }).format(
      minor / 100,
    );
  const spaces = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

  async function signInToConsole(page: Page, name: string) {
    await page.goto(`${runtime.url}/console/`);
    await page.getByRole('button', { name: new RegExp(name) }).click();
    await page.locator('#who').waitFor({ state: 'visible' });
  }

  it('a customer verifies, sees the overview, chats in English and agrees a plan with its schedule', async () => {
    const account = await takeAccount(
      'US, English, with repayment options',
      (a) => withOptions(a) && a.jurisdiction === 'US' && a.customer.language === 'en',
    );
    const { offers } = await staff<{ offers: { options: OfferOption[] } }>(
      `/accounts/${account.accountId}/script`,
    );
    await withPage(DESKTOP, async (page, problems) => {
      await signInToPortal(page, runtime.url, account);
      expect(await page.title()).toBe('Repayment portal');
      expect(spaces(await page.locator('#amount-overdue').textContent())).toBe(
        spaces(money(account.amountOverdueMinor, 'USD', 'en-US', 'code')),
      );
      expect(spaces(await page.locator('#balance').textContent())).toBe(
        spaces(money(account.balanceMinor, 'USD', 'en-US', 'code')),
      );
      expect(await page.locator('#options li.option').count()).toBe(offers.options.length);
      await saveScreenshot(page, 'journey-portal-overview');

      await openChat(page);
      await page.getByRole('button', { name: 'Show my options' }).click();
      await messageMatching(page, /^Here are your repayment options:/);
      await say(page, 'option 1');
      const proposal = await messageMatching(page, /Your payments would be:/);
      // Dates as the cards write them ("Dec 11, 2026"), never ISO.
      for (const instalment of offers.options[0]!.instalments) {
        expect(proposal).toContain(
          new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
            new Date(`${instalment.dueDate}T00:00:00Z`),
          ),
        );
      }
      expect(proposal).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      await say(page, 'yes');
      await messageMatching(page, /your plan is agreed/);
      // The customer's messages were stored once each, in order, with the assistant's replies between them,
      // and the debt-collector notice once, above the first reply.
      const authors = await page
        .locator('#chat-log li[data-author]')
        .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.author));
      expect(await page.locator('#chat-log li.msg-disclosure').count()).toBe(1);
      expect(authors).toEqual(['customer', 'assistant', 'customer', 'assistant', 'customer', 'assistant']);
      await saveScreenshot(page, 'journey-portal-plan-agreed');

      await expect
        .poll(
          async () => (await staff<StaffAccount>(`/accounts/${account.accountId}`)).repaymentPlan?.optionId,
          POLL,
        )
        .toBe(offers.options[0]!.id);
      expectNoProblems(problems);
    });
  });

  it('a Chinese-speaking customer gets the portal in Chinese and promises to pay in Chinese', async () => {
    const account = await takeAccount(
      'CN, Chinese, with options and more than 500 yuan owed',
      (a) =>
        withOptions(a) &&
        a.jurisdiction === 'CN' &&
        a.customer.language === 'zh-CN' &&
        a.balanceMinor > 50_000,
    );
    await withPage({ ...DESKTOP, locale: 'zh-CN' }, async (page, problems) => {
      await page.goto(`${runtime.url}/portal/`);
      // The browser's language first.
      expect(await page.title()).toBe('还款服务平台');
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await page.locator('label[for=account-ref]').textContent()).toBe('账户编号');
      await signInToPortal(page, runtime.url, account);
      expect(spaces(await page.locator('#amount-overdue').textContent())).toBe(
        spaces(money(account.amountOverdueMinor, 'CNY', 'zh-CN', 'symbol')),
      );

      await openChat(page);
      await page.getByRole('button', { name: '显示还款方案' }).click();
      await messageMatching(page, /^您的还款方案如下/);
      const due = new Date(Date.now() + 10 * 86_400_000);
      const dueDate = due.toISOString().slice(0, 10);
      await say(page, `我${due.getUTCMonth() + 1}月${due.getUTCDate()}日可以还500元`);
      // Read back first: nothing is recorded until the customer says yes.
      await messageMatching(page, /想跟您确认一下：您计划于.+前还款¥500\.00/);
      await say(page, '是的');
      await messageMatching(page, /已记录您计划于.+前还款¥500\.00/);
      await saveScreenshot(page, 'journey-portal-promise-zh');
      await expect
        .poll(async () => (await staff<StaffAccount>(`/accounts/${account.accountId}`)).promise, POLL)
        .toMatchObject({ amountMinor: 50_000, dueDate });

      // Choosing English is remembered.
      await page.getByRole('button', { name: 'English' }).click();
      expect(await page.locator('h1').textContent()).toBe('Repayment portal');
      await page.reload();
      await page.locator('#chat-log li').first().waitFor();
      expect(await page.locator('h1').textContent()).toBe('Repayment portal');
      expect(await page.locator('a[data-view=chat]').textContent()).toBe('Chat');
      expectNoProblems(problems);
    });
  });

  it('shows HTML and script a customer types as text, on the portal and in the console', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const account = await takeAccount(
      'English, with options',
      (a) => withOptions(a) && a.customer.language === 'en',
    );
    await withPage(DESKTOP, async (page, problems, dialogs) => {
      await signInToPortal(page, runtime.url, account);
      await openChat(page);
      await say(page, payload);
      expect(await messageMatching(page, /<img/, 'customer')).toBe(payload);
      await messageMatching(page, /./);
      expect(await page.locator('img').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(problems.requested.filter((url) => new URL(url).pathname.endsWith('/x'))).toEqual([]);

      // A send whose answer is lost is retried with the same clientMessageId: stored and answered once.
      const sent: string[] = [];
      let dropped = false;
      // The page's poll would find the stored message and take the retry away before it is clicked (as it
      // should): polls wait until the retry was sent, so the retry is what this checks.
      let retried: () => void = () => {};
      const retry = new Promise<void>((resolve) => {
        retried = resolve;
      });
      const messagesRoute = /\/portal\/conversations\/[^/]+\/messages(\?|$)/;
      await page.route(messagesRoute, async (route) => {
        if (route.request().method() !== 'POST') {
          await retry;
          return route.continue();
        }
        sent.push(JSON.parse(route.request().postData() ?? '{}').clientMessageId);
        if (dropped) {
          retried();
          return route.continue();
        }
        dropped = true;
        await route.fetch(); // the service stores it…
        return route.abort('connectionreset'); // …but the answer never arrives
      });
      await say(page, 'show my options');
      await page.getByRole('button', { name: 'Try again' }).click();
      await messageMatching(page, /^Here are your repayment options:/);
      expect(sent).toHaveLength(2);
      expect(sent[1]).toBe(sent[0]);
      const customerTexts = await page.locator('#chat-log li[data-author=customer] .text').allTextContents();
      expect(customerTexts.filter((text) => text === 'show my options')).toHaveLength(1);
      const replies = await page.locator('#chat-log li[data-author=assistant] .text').allTextContents();
      expect(replies.filter((text) => text.startsWith('Here are your repayment options'))).toHaveLength(1);
      await page.unroute(messagesRoute);

      // Contact preferences: no more calls.
      await page.locator('a[data-view=contact]').click();
      await page.locator('#preferences-form').waitFor();
      await page.getByLabel('Phone call').uncheck();
      await page.getByRole('button', { name: 'Save preferences' }).click();
      await page.getByText('Your preferences are saved.').waitFor();
      expect(await page.getByLabel('Phone call').isChecked()).toBe(false);
      await expect
        .poll(
          async () =>
            (await staff<StaffAccount>(`/accounts/${account.accountId}`)).customer.contactPreferences
              .refusedChannels,
          POLL,
        )
        .toEqual(['call']);
      expectNoProblems(problems, [
        /\/portal\/conversations\/[\w-]+\/messages: net::ERR_CONNECTION_RESET/,
        /ERR_CONNECTION_RESET \(.*\/portal\/conversations\/[\w-]+\/messages\)/,
      ]);
    });
    await withPage(DESKTOP, async (page, problems, dialogs) => {
      await signInToConsole(page, 'Alice Agent');
      await page.goto(`${runtime.url}/console/#/accounts/${account.accountId}`);
      const customerMessage = page.locator('#agent-thread li[data-author=customer] .text');
      await customerMessage.first().waitFor();
      expect(await customerMessage.allTextContents()).toContain(payload);
      expect(await page.locator('#agent-thread img').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expectNoProblems(problems);
    });
  });

  it('an agent finds an escalation in the queue, takes the chat over, answers and logs a call', async () => {
    const account = await takeAccount(
      'US, English, unflagged',
      (a) => withOptions(a) && a.customer.language === 'en',
    );
    const customer = await newPage(DESKTOP);
    const agent = await newPage(DESKTOP);
    try {
      // The customer asks for a person.
      await signInToPortal(customer.page, runtime.url, account);
      await openChat(customer.page);
      await customer.page.getByRole('button', { name: 'Talk to a person' }).click();
      await messageMatching(customer.page, /asked a member of our team/);

      // The agent sees it at the top of the escalations.
      const { page } = agent;
      await signInToConsole(page, 'Alice Agent');
      await page.locator('#queue-escalated').check();
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForURL(/#\/queue\?escalated=true/);
      const item = page.locator(`#queue-list li[data-account-id="${account.accountId}"]`);
      await expect
        .poll(async () => {
          if ((await item.count()) === 0) await page.getByRole('button', { name: 'Refresh' }).click();
          return item.count();
        }, POLL)
        .toBe(1);
      expect(await item.textContent()).toContain('Customer asked for a person');
      await saveScreenshot(page, 'journey-console-queue');
      await item.getByRole('link').click();
      await page.locator('#escalation').waitFor();

      // Takes the chat over and answers; the gate stops a threat, which never reaches the customer.
      await page.getByRole('button', { name: 'Take over the chat' }).click();
      await page.getByText('You have this chat').waitFor();
      const answer =
        'Hello, I am Alice from the collections team. I am here to help you find a plan that works.';
      await page.locator('#agent-message').fill(answer);
      await page.getByRole('button', { name: 'Send to customer' }).click();
      await expect
        .poll(
          async () =>
            (await page.locator('#agent-thread li[data-author=agent] .text').allTextContents()).join('\n'),
          POLL,
        )
        .toContain(answer);
      const threat = 'Pay today or we will sue you and you will be arrested.';
      await page.locator('#agent-message').fill(threat);
      await page.getByRole('button', { name: 'Send to customer' }).click();
      await page.locator('#agent-message-error').waitFor({ state: 'visible' });
      // Plain words first, the words found highlighted, the codes in the details line.
      const error = page.locator('#agent-message-error');
      expect(await error.textContent()).toMatch(/^Not sent\./);
      await error
        .getByText('This threatens a lawsuit, court or seizing property.', { exact: false })
        .waitFor();
      expect(await error.locator('.finding[data-category=lawsuit_threat] mark').innerText()).toBe('sue');
      expect(await error.locator('.finding-details').allTextContents()).toContainEqual(
        expect.stringMatching(/^Details: FORBIDDEN_(ARREST|LAWSUIT)_THREAT · /),
      );
      await error.screenshot({
        path: 'test-artifacts/screenshots/journey-console-agent-message-blocked.png',
      });
      expect(await page.locator('#agent-message').inputValue()).toBe(threat);

      // The customer sees that a person joined, and the answer.
      await customer.page.locator('#agent-banner').waitFor({ state: 'visible' });
      await messageMatching(customer.page, /An agent has joined/, 'system');
      expect(await messageMatching(customer.page, /Alice from the collections team/, 'agent')).toContain(
        answer,
      );
      expect(await customer.page.locator('#chat-log').textContent()).not.toContain('arrested');
      await saveScreenshot(customer.page, 'journey-portal-agent-joined');

      // The call outcome goes to the contact log.
      await page.getByLabel('Spoke with the customer').check();
      await page.locator('#call-note').fill('Talked through the instalment options.');
      await page.getByRole('button', { name: 'Log the call' }).click();
      await page.locator('#call-logged').waitFor();
      await expect
        .poll(async () => (await page.locator('#contacts table').textContent()) ?? '', POLL)
        .toMatch(/Call/);

      // A fresh draft on request becomes the newest one shown.
      const [requested] = await Promise.all([
        page.waitForResponse(
          (response) =>
            response.request().method() === 'POST' &&
            /\/accounts\/[^/]+\/drafts$/.test(new URL(response.url()).pathname),
        ),
        page.locator('#draft-again').click(),
      ]);
      expect(requested.status()).toBe(201);
      const { draftId } = await requested.json();
      await expect
        .poll(async () => page.locator('#drafts .draft').first().getAttribute('data-draft-id'), POLL)
        .toBe(draftId);

      // A drafted portal message: an edit with a threat is stopped by the gate; the draft as written is queued.
      const portalDraft = page
        .locator('#drafts .draft')
        .first()
        .locator('.draft-channel[data-channel=portal]');
      const drafted = await portalDraft.locator('textarea').inputValue();
      await portalDraft.locator('textarea').fill(`${drafted}\nPay today or we will take you to court.`);
      await portalDraft.getByRole('button', { name: 'Approve Portal' }).click();
      await portalDraft.getByText('The compliance check stopped this message; nothing was queued.').waitFor();
      // Plain words for the agent, the words the gate found highlighted, the rule codes only in a details line.
      const finding = portalDraft.locator('.findings .finding[data-category=lawsuit_threat]');
      await finding
        .getByText('This threatens a lawsuit, court or seizing property.', { exact: false })
        .waitFor();
      expect(await finding.locator('mark').innerText()).toMatch(/court/i);
      expect(await finding.locator('.finding-details').innerText()).toMatch(
        /^Details: FORBIDDEN_LAWSUIT_THREAT · US-NO-LAWSUIT-THREATS@/,
      );
      await saveScreenshot(page, 'journey-console-gate-finding');
      await portalDraft.locator('textarea').fill(drafted);
      await portalDraft.getByRole('button', { name: 'Approve Portal' }).click();
      await portalDraft.locator('.approved').waitFor();
      await saveScreenshot(page, 'journey-console-account');

      expectNoProblems(customer.problems);
      // The rejected messages are 400s the agent was shown.
      expectNoProblems(agent.problems, [
        /\/conversations\/[\w-]+\/messages: 400/,
        /\/drafts\/[^ ]+\/approve: 400/,
        /status of 400/,
      ]);
    } finally {
      await customer.context.close();
      await agent.context.close();
    }
  });

  it('the supervisor dashboard draws its charts, each with a table', async () => {
    await withPage(DESKTOP, async (page, problems) => {
      await signInToConsole(page, 'Sam Supervisor');
      await page.getByRole('link', { name: 'Dashboard' }).click();
      await page.locator('#dashboard figure svg').first().waitFor();
      const charts = page.locator('#dashboard figure.chart');
      expect(await charts.count()).toBeGreaterThanOrEqual(8);
      expect(await page.locator('#dashboard figure.chart svg[role=img] rect').count()).toBeGreaterThan(20);
      // Every chart has its figures as a table, and the roll rates are a heat-map table.
      expect(await page.locator('#dashboard figure.chart table').count()).toBe(await charts.count());
      expect(await page.locator('#roll-rates table.heatmap tbody tr').count()).toBe(6);
      for (const id of ['by-bucket', 'by-tier', 'scores', 'offers', 'promises', 'blocked', 'variants']) {
        expect(await page.locator(`#${id} svg`).count(), id).toBeGreaterThan(0);
      }
      expect(await page.locator('#scores').textContent()).toContain('Score histogram');
      await saveScreenshot(page, 'journey-console-dashboard');
      expectNoProblems(problems);
    });
  });

  it('every page fits a phone (390×844) without sideways scrolling', async () => {
    const fits = async (page: Page, name: string) => {
      const { scrollWidth, viewportWidth } = await horizontalExtent(page);
      expect(viewportWidth).toBe(390);
      expect(scrollWidth, name).toBeLessThanOrEqual(viewportWidth);
      await saveScreenshot(page, `journey-phone-${name}`);
    };
    const account = await takeAccount('with options, for the phone', withOptions);
    await withPage(PHONE, async (page, problems) => {
      await page.goto(`${runtime.url}/portal/`);
      await page.locator('#identify-form').waitFor();
      await fits(page, 'portal-sign-in');
      await signInToPortal(page, runtime.url, account);
      await fits(page, 'portal-overview');
      await openChat(page);
      await page.locator('#quick-replies button').first().click();
      await messageMatching(page, /./);
      await fits(page, 'portal-chat');
      await page.locator('a[data-view=contact]').click();
      await page.locator('#preferences-form').waitFor();
      await fits(page, 'portal-contact');
      expectNoProblems(problems);
    });
    await withPage(PHONE, async (page, problems) => {
      await signInToConsole(page, 'Sam Supervisor');
      await page.locator('#queue-list').waitFor();
      await fits(page, 'console-queue');
      await page.goto(`${runtime.url}/console/#/accounts/${account.accountId}`);
      await page.locator('#script .script-part').first().waitFor();
      await fits(page, 'console-account');
      await page.goto(`${runtime.url}/console/#/dashboard`);
      await page.locator('#dashboard figure svg').first().waitFor();
      await fits(page, 'console-dashboard');
      await page.goto(`${runtime.url}/console/#/outbox`);
      await page.locator('#outbox-list').waitFor();
      await fits(page, 'console-outbox');
      expectNoProblems(problems);
    });
  });
});
