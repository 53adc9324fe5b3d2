/**
 * Automatic payments end to end in headless Chromium, against `npm start`'s runtime: a customer reads the
 * exact authorisation text, authorises a debit mandate, pays an instalment now and stops automatic payments
 * (seeing which scheduled debits were stopped); typed HTML stays text; an agent works the account's Payments
 * panel; the supervisor's dashboard shows the payments card; the pages fit a phone.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  demoDateOfBirth,
  describeWithBrowser,
  expectNoProblems,
  horizontalExtent,
  latestSecurityCode,
  type PageProblems,
  saveScreenshot,
  signInToPortal,
  watchDialogs,
  watchPage,
} from '../support/browser';
import { isRunning, type RuntimeProcess, startRuntimeProcess } from '../support/local-runtime-process';

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
};
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const SEEDED = 80;
/** The accounts are not scored: the console's call script answers 409 ACCOUNT_NOT_SCORED, which it shows. */
const UNSCORED = [/\/script: 409/, /status of 409/];
const POLL = { timeout: 15_000, intervals: [100, 250, 500] };

interface StaffAccount {
  readonly accountId: string;
  readonly jurisdiction: 'US' | 'CN';
  readonly currency: 'USD' | 'CNY';
  readonly customer: { readonly language: 'en' | 'zh-CN' };
  readonly flags: Record<string, boolean>;
}

interface Instalment {
  readonly instalmentId: string;
  readonly amountMinor: number;
  readonly paidMinor: number;
  readonly status: 'due' | 'missed' | 'paid' | 'superseded';
}

interface Debit {
  readonly attemptId: string;
  readonly instalmentId: string;
  readonly plannedMinor: number;
  readonly state: string;
  readonly requestedBy: string;
  readonly cancelledReasons?: readonly string[];
}

interface Payments {
  readonly accountId: string;
  readonly currency: 'USD' | 'CNY';
  readonly mandate: null | {
    readonly status: 'active' | 'revoked';
    readonly debtorAccountMasked: string;
    readonly maxAmountMinor: number;
    readonly partialAllowed: boolean;
    readonly authorisationText: string;
  };
  readonly instalments: readonly Instalment[];
  readonly debits: readonly Debit[];
  readonly policy: { readonly protectedMinimumMinor: number };
}

interface Terms {
  readonly termsVersion: string;
  readonly text: string;
  readonly termsHash: string;
}

describeWithBrowser('automatic payments in the portal and the console (headless Chromium)', (browser) => {
  let runtime: RuntimeProcess;
  let staffToken = '';
  const taken = new Set<string>();

  async function api<T>(path: string, token: string, init: RequestInit = {}): Promise<T> {
    const response = await fetch(`${runtime.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    if (!response.ok)
      throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  const staff = <T>(path: string, init?: RequestInit) => api<T>(path, staffToken, init);

  beforeAll(async () => {
    runtime = await startRuntimeProcess({ SEED_ACCOUNTS: String(SEEDED) });
    const login = await fetch(`${runtime.url}/_local/login`, { method: 'POST', body: '{"user":"sam"}' });
    staffToken = ((await login.json()) as { token: string }).token;
    // Tracked instalments: unpaid ones past their grace are missed (with no mandate, no debit and why).
    const monitored = await fetch(`${runtime.url}/_local/schedules/instalments/run`, { method: 'POST' });
    expect(monitored.status, await monitored.text()).toBe(200);
    // /_local/status waits for the bus to drain: missed payments planned (or blocked), notices queued.
    await fetch(`${runtime.url}/_local/status`);
  }, 240_000);

  afterAll(async () => {
    if (!runtime) return;
    if (runtime.child.exitCode === null) expect(await runtime.interrupt()).toBe(0);
    expect(isRunning(runtime.dynamodbPid), 'DynamoDB Local (Java) left running').toBe(false);
  });

  /** The first seeded account no other test has taken that `wanted` accepts, with its payments. */
  async function takeAccount(
    why: string,
    wanted: (account: StaffAccount, payments: Payments) => boolean,
  ): Promise<{ account: StaffAccount; payments: Payments }> {
    for (let n = 1; n <= SEEDED; n++) {
      const accountId = `ACC-${String(n).padStart(6, '0')}`;
      if (taken.has(accountId)) continue;
      const account = await staff<StaffAccount>(`/accounts/${accountId}`);
      if (Object.values(account.flags).some(Boolean)) continue;
      const payments = await staff<Payments>(`/accounts/${accountId}/payments`);
      if (!wanted(account, payments)) continue;
      taken.add(accountId);
      return { account, payments };
    }
    throw new Error(`No seeded account for: ${why}`);
  }

  const unpaid = (payments: Payments) =>
    payments.instalments.filter(
      (instalment) =>
        (instalment.status === 'due' || instalment.status === 'missed') &&
        instalment.amountMinor > instalment.paidMinor &&
        !payments.debits.some(
          (debit) =>
            debit.instalmentId === instalment.instalmentId &&
            ['scheduled', 'executing', 'unknown'].includes(debit.state),
        ),
    );

  async function withPage(
    options: BrowserContextOptions,
    use: (page: Page, problems: PageProblems, dialogs: string[]) => Promise<void>,
  ) {
    const context = await browser().newContext(options);
    try {
      const page = await context.newPage();
      await use(page, watchPage(page), watchDialogs(page));
    } finally {
      await context.close();
    }
  }

  /** A customer session through the API, as the portal gets one. */
  async function customerToken(account: StaffAccount): Promise<string> {
    const { accountId } = account;
    const { verificationId } = await api<{ verificationId: string }>('/portal/verification', '', {
      method: 'POST',
      body: JSON.stringify({ accountId, dateOfBirth: await demoDateOfBirth(runtime.url, accountId) }),
    });
    const code = await latestSecurityCode(runtime.url, accountId);
    const session = await api<{ token: string }>('/portal/verification/confirm', '', {
      method: 'POST',
      body: JSON.stringify({ accountId, verificationId, code }),
    });
    return session.token;
  }

  async function openPayments(page: Page) {
    await page.locator('a[data-view=payments]').click();
    await page.locator('#mandate-card').waitFor();
  }

  async function signInToConsole(page: Page, name: string) {
    await page.goto(`${runtime.url}/console/`);
    await page.getByRole('button', { name: new RegExp(name) }).click();
    await page.locator('#who').waitFor({ state: 'visible' });
  }

  const money = (minor: number, currency: string, locale = 'en-US', display: 'code' | 'symbol' = 'code') =>
    new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: display }).format(
      minor / 100,
    );
  const spaces = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

  it('converts typed amounts to minor units exactly, by string handling', async () => {
    await withPage(DESKTOP, async (page, problems) => {
      await page.goto(`${runtime.url}/portal/`);
      // The page's own functions, as the browser loads the module (not through the test runner's transform);
      // imported, since the page's policy allows no inline script.
      // A string, so the test runner does not rewrite the import.
      await page.evaluate("import('/lib/amounts.js').then((amounts) => { window.amountsModule = amounts; })");
      const parsed = await page.evaluate(() => {
        const { parseAmountMinor, minorToInput } = (
          window as unknown as {
            amountsModule: {
              parseAmountMinor: (text: string, currency: string) => number | null;
              minorToInput: (minor: number, currency: string) => string;
            };
          }
        ).amountsModule;
        return {
          parsed: [
            '12.34',
            '0.29',
            '1.005',
            '150.1',
            '1,234.56',
            '１２．３４',
            '  7 ',
            '0',
            '-5',
            'abc',
            '12.3.4',
          ].map((text) => parseAmountMinor(text, 'USD')),
          prefilled: [minorToInput(1234, 'USD'), minorToInput(5, 'CNY'), minorToInput(100_000, 'USD')],
        };
      });
      // 0.29 * 100 is 28.999999999999996 in floating point: 29 here.
      expect(parsed.parsed).toEqual([1234, 29, null, 15010, 123456, 1234, 700, null, null, null, null]);
      expect(parsed.prefilled).toEqual(['12.34', '0.05', '1000.00']);
      expectNoProblems(problems);
    });
  });

  it('a customer reads the exact terms, authorises a mandate, pays now, and stops automatic payments', async () => {
    const { account, payments } = await takeAccount(
      'US, English, no mandate, an instalment due (not missed: a new mandate plans debits for missed ones)',
      (a, p) =>
        a.jurisdiction === 'US' &&
        a.customer.language === 'en' &&
        !p.mandate &&
        unpaid(p).some((i) => i.status === 'due'),
    );
    const instalment = unpaid(payments).find((i) => i.status === 'due')!;
    const owed = instalment.amountMinor - instalment.paidMinor;
    await withPage(DESKTOP, async (page, problems, dialogs) => {
      await signInToPortal(page, runtime.url, account);
      await openPayments(page);
      expect(await page.locator('#mandate-form').isVisible()).toBe(true);
      // The protected minimum is in the partial-payments choice.
      expect(
        spaces(await page.locator('label.check', { has: page.locator('#mandate-partial') }).textContent()),
      ).toContain(spaces(money(payments.policy.protectedMinimumMinor, 'USD')));

      // Typed HTML is a validation error shown as text; nothing is sent.
      const payload = '<img src=x onerror=alert(1)>';
      await page.getByLabel('Your bank’s routing number').fill('021000021');
      await page.getByLabel('Your bank account number').fill(payload);
      await page.locator('#mandate-max').fill('150.29');
      await page.getByRole('button', { name: 'Read the authorisation' }).click();
      await page.locator('#mandate-error').waitFor({ state: 'visible' });
      expect(await page.locator('#mandate-error').textContent()).toMatch(/4 to 17 digits/);
      expect(await page.locator('#mandate-account').inputValue()).toBe(payload);
      expect(await page.locator('#mandate-account').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#payments-body img').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(
        problems.requested.filter((url) => /\/portal\/mandate\/terms|\/x$/.test(new URL(url).pathname)),
      ).toEqual([]);
      await saveScreenshot(page, 'payments-portal-invalid-account');

      // The terms for exactly these choices, shown word for word before "I authorise".
      // A routing number with a wrong check digit: the API says so, and nothing is set up.
      await page.getByLabel('Your bank’s routing number').fill('021000022');
      await page.getByLabel('Your bank account number').fill('4000 1234 5678');
      await page.getByRole('button', { name: 'Read the authorisation' }).click();
      await expect
        .poll(async () => page.locator('#mandate-error').textContent(), POLL)
        .toMatch(/not a valid US routing number/);
      await page.getByLabel('Your bank’s routing number').fill('021 000 021');
      await page.getByLabel(/Allow partial payments/).check();
      const [termsResponse] = await Promise.all([
        page.waitForResponse((response) => new URL(response.url()).pathname === '/portal/mandate/terms'),
        page.getByRole('button', { name: 'Read the authorisation' }).click(),
      ]);
      const query = new URL(termsResponse.url()).searchParams;
      expect(Object.fromEntries(query)).toEqual({
        debtorAccount: '4000 1234 5678',
        routingNumber: '021 000 021',
        maxAmountMinor: '15029', // 150.29 without floating-point drift
        partialAllowed: 'true',
      });
      const terms = (await termsResponse.json()) as Terms;
      await page.locator('#mandate-terms').waitFor();
      expect(await page.locator('#mandate-terms').textContent()).toBe(terms.text);
      await saveScreenshot(page, 'payments-portal-terms');

      const [authorised] = await Promise.all([
        page.waitForRequest(
          (request) => request.method() === 'POST' && new URL(request.url()).pathname === '/portal/mandate',
        ),
        page.getByRole('button', { name: 'I authorise these payments' }).click(),
      ]);
      expect(authorised.postDataJSON()).toEqual({
        debtorAccount: '4000 1234 5678',
        routingNumber: '021 000 021',
        maxAmountMinor: 15029,
        partialAllowed: true,
        termsHash: terms.termsHash,
      });
      await page.locator('#mandate-details').waitFor();
      expect(await page.locator('#payments-outcome').textContent()).toMatch(/Automatic payments are set up/);
      expect(await page.locator('#mandate-account-masked').textContent()).toBe('••••5678');
      expect(spaces(await page.locator('#mandate-max-amount').textContent())).toBe(
        spaces(money(15029, 'USD')),
      );
      expect(await page.locator('#mandate-partial-allowed').textContent()).toBe('Yes');
      await page.getByText('The authorisation you gave, word for word').click();
      expect(await page.locator('#mandate-text').textContent()).toBe(terms.text);
      await expect
        .poll(
          async () => (await staff<Payments>(`/accounts/${account.accountId}/payments`)).mandate?.status,
          POLL,
        )
        .toBe('active');

      // Pay now: the amount prefilled with what is due; the debit is scheduled and can be stopped.
      const item = page.locator(`#instalments-list li[data-instalment-id="${instalment.instalmentId}"]`);
      const amount = item.locator('input[name=amount]');
      await amount.waitFor();
      const payNow = Math.min(owed, 15029);
      expect(await amount.inputValue()).toBe((owed / 100).toFixed(2));
      await amount.fill((payNow / 100).toFixed(2));
      await item.getByRole('button', { name: 'Pay now' }).click();
      await expect
        .poll(() => page.locator('#payments-outcome').textContent(), POLL)
        .toMatch(/You can stop it until/);
      const upcoming = page.locator('#upcoming-debits li');
      await upcoming.first().waitFor();
      expect(await upcoming.first().textContent()).toMatch(/You can stop this until/);
      await saveScreenshot(page, 'payments-portal-mandate');
      const before = await staff<Payments>(`/accounts/${account.accountId}/payments`);
      expect(before.debits.find((debit) => debit.instalmentId === instalment.instalmentId)).toMatchObject({
        plannedMinor: payNow,
        requestedBy: 'customer',
      });

      // Stop automatic payments: a confirm step, then which scheduled debits were stopped.
      await page.getByRole('button', { name: 'Stop automatic payments' }).click();
      await page.getByText('Stop automatic payments?').waitFor();
      const [revoked] = await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'DELETE'),
        page.getByRole('button', { name: 'Yes, stop automatic payments' }).click(),
      ]);
      const { cancelledDebits } = (await revoked.json()) as { cancelledDebits: string[] };
      // The pay-now debit runs at once; a debit sweep may have taken it before the stop: at least one is left.
      expect(cancelledDebits.length).toBeGreaterThan(0);
      await page.locator('#stopped-debits').waitFor();
      expect(await page.locator('#payments-outcome').textContent()).toMatch(/Automatic payments are stopped/);
      expect(await page.locator('#stopped-debits li').count()).toBe(cancelledDebits.length);
      expect(await page.locator('#stopped-debits li').first().textContent()).toMatch(/USD\s.+ on /);
      await page.locator('#mandate-form').waitFor();
      await page.locator('#mandate-revoked').waitFor();
      await saveScreenshot(page, 'payments-portal-stopped');
      const after = await staff<Payments>(`/accounts/${account.accountId}/payments`);
      expect(after.mandate?.status).toBe('revoked');
      for (const attemptId of cancelledDebits) {
        expect(after.debits.find((d) => d.attemptId === attemptId)).toMatchObject({
          state: 'cancelled',
          cancelledReasons: ['MANDATE_REVOKED'],
        });
      }
      // The wrong routing number's 400, provoked above.
      expectNoProblems(problems, [/\/portal\/mandate\/terms\?[^ ]*: 400/, /status of 400/]);
    });
  });

  it("an agent sees the account's payments and debits an instalment the customer agreed to", async () => {
    const { account, payments } = await takeAccount(
      'USD, English, no mandate, an unpaid instalment',
      (a, p) => a.currency === 'USD' && a.customer.language === 'en' && !p.mandate && unpaid(p).length > 0,
    );
    // The customer authorised a mandate in the portal earlier. The simulated bank opens this account in USD
    // with 4,806.58 in it.
    const token = await customerToken(account);
    const choices = {
      debtorAccount: '4000 8765 4321',
      routingNumber: '021000021',
      maxAmountMinor: 100_000_000,
      partialAllowed: false,
    };
    const query = new URLSearchParams({
      debtorAccount: choices.debtorAccount,
      routingNumber: choices.routingNumber,
      maxAmountMinor: String(choices.maxAmountMinor),
      partialAllowed: 'false',
    });
    const terms = await api<Terms>(`/portal/mandate/terms?${query}`, token);
    await api('/portal/mandate', token, {
      method: 'POST',
      body: JSON.stringify({ ...choices, termsHash: terms.termsHash }),
    });
    await fetch(`${runtime.url}/_local/status`);
    const current = await staff<Payments>(`/accounts/${account.accountId}/payments`);
    const instalment = unpaid(current)[0] ?? unpaid(payments)[0]!;
    const owed = instalment.amountMinor - instalment.paidMinor;
    // Within what the bank account holds above the protected minimum.
    const agreed = Math.min(owed, 50_00);

    await withPage(DESKTOP, async (page, problems) => {
      await signInToConsole(page, 'Alice Agent');
      await page.goto(`${runtime.url}/console/#/accounts/${account.accountId}`);
      const panel = page.locator('#payments');
      await panel.locator('#payments-mandate .figures').waitFor();
      expect(await panel.locator('#payments-mandate').textContent()).toContain('Active');
      expect(await panel.locator('#payments-mandate').textContent()).toContain('••••4321');
      expect(await panel.locator('#payments-mandate-text').textContent()).toBe(terms.text);

      const item = panel.locator(`li[data-instalment-id="${instalment.instalmentId}"]`);
      await item.locator('input[name=amount]').waitFor();
      expect(await item.locator('input[name=amount]').inputValue()).toBe((owed / 100).toFixed(2));
      // More than is due: the API's error in the agent's words, never its raw code.
      await item.locator('input[name=amount]').fill(((owed + 100) / 100).toFixed(2));
      await item.getByRole('button', { name: 'Debit now (customer agreed)' }).click();
      await expect
        .poll(() => item.locator('.form-error').textContent(), POLL)
        .toMatch(/^That is more than is due on this instalment \(USD\s[\d,]+\.\d\d\)\.$/);

      await item.locator('input[name=amount]').fill((agreed / 100).toFixed(2));
      await item.getByRole('button', { name: 'Debit now (customer agreed)' }).click();
      await panel.locator('#debit-requested').waitFor();
      expect(await panel.locator('#debit-requested').textContent()).toMatch(/the customer can stop it until/);
      const rows = panel.locator('#payments-debits tbody tr');
      await expect.poll(async () => (await rows.allTextContents()).join('\n'), POLL).toMatch(/agent:/);
      const debit = (await staff<Payments>(`/accounts/${account.accountId}/payments`)).debits.find(
        (d) => d.instalmentId === instalment.instalmentId && d.requestedBy.startsWith('agent:'),
      );
      expect(debit).toMatchObject({ plannedMinor: agreed });

      // The debit sweep runs it (its time is now): the bank takes it, and the panel shows it succeeded.
      await fetch(`${runtime.url}/_local/schedules/debits/run`, { method: 'POST' });
      await expect
        .poll(
          async () =>
            (await staff<Payments>(`/accounts/${account.accountId}/payments`)).debits.find(
              (d) => d.attemptId === debit?.attemptId,
            )?.state,
          POLL,
        )
        .toBe('succeeded');
      await page.reload();
      const row = panel.locator('#payments-debits tbody tr', { hasText: `${instalment.instalmentId} #` });
      await expect.poll(async () => (await row.first().textContent()) ?? '', POLL).toMatch(/Succeeded/);
      await saveScreenshot(page, 'payments-console-panel');
      expectNoProblems(problems, [/\/instalments\/[^ ]+\/debits: 400/, /status of 400/, ...UNSCORED]);
    });
  });

  it('the supervisor dashboard shows the payments card', async () => {
    await withPage(DESKTOP, async (page, problems) => {
      await signInToConsole(page, 'Sam Supervisor');
      await page.getByRole('link', { name: 'Dashboard' }).click();
      const card = page.locator('#dashboard #payments');
      await card.waitFor();
      expect(await card.getByRole('heading').first().textContent()).toBe('Automatic payments (debits)');
      expect(await card.locator('#payments-cure-rate').textContent()).toMatch(/^(—|\d+(\.\d)?%)$/);
      const dashboard = await staff<{
        payments: {
          cure: { withoutAttempt: number };
          recovery: { recoveredMinor: { USD: number } };
          cancellations: { cancelled: number };
        };
      }>('/dashboard');
      // The revoked mandate's debits were cancelled, the agent's debit was taken, and missed instalments
      // without a mandate had no debit.
      expect(dashboard.payments.cancellations.cancelled).toBeGreaterThan(0);
      expect(dashboard.payments.recovery.recoveredMinor.USD).toBeGreaterThan(0);
      expect(dashboard.payments.cure.withoutAttempt).toBeGreaterThan(0);
      expect(await card.textContent()).toContain('Recovered by attempt (USD)');
      expect(await card.textContent()).toContain('Missed instalments with no debit, by reason');
      expect(await card.locator('figure.chart').count()).toBeGreaterThan(0);
      expect(await card.locator('figure.chart svg[role=img]').count()).toBe(
        await card.locator('figure.chart table').count(),
      );
      expect(await card.textContent()).toContain('Cancelled debits by reason');
      expect(await card.textContent()).toContain('Mandate revoked');
      await card.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'payments-console-dashboard');
      expectNoProblems(problems);
    });
  });

  it('the payments pages fit a phone (390×844), in Chinese too', async () => {
    const fits = async (page: Page, name: string) => {
      const { scrollWidth, viewportWidth } = await horizontalExtent(page);
      expect(viewportWidth).toBe(390);
      expect(scrollWidth, name).toBeLessThanOrEqual(viewportWidth);
      await saveScreenshot(page, `payments-phone-${name}`);
    };
    const { account } = await takeAccount(
      'CN, Chinese, no mandate',
      (a, p) => a.jurisdiction === 'CN' && a.customer.language === 'zh-CN' && !p.mandate,
    );
    await withPage({ ...PHONE, locale: 'zh-CN' }, async (page, problems) => {
      await signInToPortal(page, runtime.url, account);
      await openPayments(page);
      expect(await page.locator('#payments-title').textContent()).toBe('自动还款');
      await fits(page, 'portal-setup-zh');
      await page.getByLabel('您的银行账号').fill('6222 0200 0060 0001 234');
      await page.locator('#mandate-max').fill('２００');
      const [termsResponse] = await Promise.all([
        page.waitForResponse((response) => new URL(response.url()).pathname === '/portal/mandate/terms'),
        page.getByRole('button', { name: '阅读授权条款' }).click(),
      ]);
      expect(new URL(termsResponse.url()).searchParams.get('maxAmountMinor')).toBe('20000');
      const terms = (await termsResponse.json()) as Terms;
      expect(terms.text).toMatch(/[\u4e00-\u9fff]/);
      await page.locator('#mandate-terms').waitFor();
      expect(await page.locator('#mandate-terms').textContent()).toBe(terms.text);
      await fits(page, 'portal-terms-zh');
      await page.getByRole('button', { name: '我同意授权扣款' }).click();
      await page.locator('#mandate-details').waitFor();
      expect(await page.locator('#mandate-account-masked').textContent()).toBe('••••1234');
      expect(spaces(await page.locator('#mandate-max-amount').textContent())).toBe(
        spaces(money(20_000, 'CNY', 'zh-CN', 'symbol')),
      );
      await fits(page, 'portal-mandate-zh');
      expectNoProblems(problems);
    });
    await withPage(PHONE, async (page, problems) => {
      await signInToConsole(page, 'Sam Supervisor');
      await page.goto(`${runtime.url}/console/#/accounts/${account.accountId}`);
      await page.locator('#payments-mandate .figures').waitFor();
      await fits(page, 'console-account');
      await page.goto(`${runtime.url}/console/#/dashboard`);
      await page.locator('#dashboard #payments').waitFor();
      await fits(page, 'console-dashboard');
      expectNoProblems(problems, UNSCORED);
    });
  });
});
