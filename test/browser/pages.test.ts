import { createHash } from 'node:crypto';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeWithBrowser,
  expectNoProblems,
  horizontalExtent,
  type PageProblems,
  saveScreenshot,
  servePagesAsDeployed,
  unexpectedProblems,
  watchPage,
} from '../support/browser';
import { isRunning, type RuntimeProcess, startRuntimeProcess } from '../support/local-runtime-process';

const PAGES = [
  { name: 'home', path: '/', title: 'Collections assistant' },
  { name: 'portal', path: '/portal/', title: 'Repayment portal' },
  { name: 'console', path: '/console/', title: 'Agent console' },
] as const;

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};

describeWithBrowser('web pages in headless Chromium (npm start)', (browser) => {
  let runtime: RuntimeProcess;

  beforeAll(async () => {
    runtime = await startRuntimeProcess({ SEED_ACCOUNTS: '0' });
  }, 90_000);

  afterAll(async () => {
    if (!runtime) return;
    if (runtime.child.exitCode === null) expect(await runtime.interrupt()).toBe(0);
    expect(isRunning(runtime.dynamodbPid), 'DynamoDB Local (Java) left running').toBe(false);
  });

  /** Opens `path` in a fresh context; the context is closed when `use` returns. */
  async function visit(
    path: string,
    use: (page: Page, problems: PageProblems) => Promise<void>,
    options: BrowserContextOptions = {},
  ) {
    const context = await browser().newContext(options);
    try {
      const page = await context.newPage();
      const problems = watchPage(page);
      await page.goto(`${runtime.url}${path}`);
      await use(page, problems);
    } finally {
      await context.close();
    }
  }

  async function waitForApiStatus(page: Page) {
    await page.waitForFunction(() => document.getElementById('status')?.textContent !== 'checking…');
  }

  it('home: reads /config.json, shows the API health and styles the page', async () => {
    await visit('/', async (page, problems) => {
      await waitForApiStatus(page);
      expect(await page.title()).toBe('Collections assistant');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Collections assistant');
      expect(await page.locator('#status').textContent()).toBe('ok');
      expect(await page.locator('#stage').textContent()).toBe('(stage: local)');
      const paths = problems.requested.map((url) => new URL(url).pathname);
      expect(paths).toEqual(['/', '/styles.css', '/app.js', '/config.json', '/health']);
      // styles.css applied
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
        'rgb(246, 248, 250)',
      );
      await saveScreenshot(page, 'home');
      expectNoProblems(problems);
    });
  });

  it('home: calls the API at the apiUrl /config.json gives', async () => {
    const context = await browser().newContext();
    try {
      await servePagesAsDeployed(context, runtime.url, ['http://api.example.test']);
      await context.route('**/config.json', (route) =>
        route.fulfill({ json: { apiUrl: 'http://api.example.test', stage: 'dev' } }),
      );
      await context.route('http://api.example.test/health', (route) =>
        route.fulfill({
          json: { status: 'ok', stage: 'dev' },
          headers: { 'access-control-allow-origin': '*' },
        }),
      );
      const page = await context.newPage();
      const problems = watchPage(page);
      await page.goto(`${runtime.url}/`);
      await waitForApiStatus(page);
      expect(await page.locator('#status').textContent()).toBe('ok');
      expect(await page.locator('#stage').textContent()).toBe('(stage: dev)');
      expect(problems.requested).toContain('http://api.example.test/health');
      expect(problems.requested).not.toContain(`${runtime.url}/health`);
      expectNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  it('home: links lead to the portal and the console', async () => {
    await visit('/', async (page, problems) => {
      await page.getByRole('link', { name: 'Repayment portal' }).click();
      await page.waitForURL(`${runtime.url}/portal/`);
      await page.getByRole('link', { name: 'Back' }).click();
      await page.waitForURL(`${runtime.url}/`);
      await page.getByRole('link', { name: 'Agent console' }).click();
      await page.waitForURL(`${runtime.url}/console/`);
      expect(await page.title()).toBe('Agent console');
      expectNoProblems(problems);
    });
  });

  it("portal: sign-in in the browser's language, a clear message for details that do not match, a way back", async () => {
    await visit('/portal/', async (page, problems) => {
      await page.locator('#identify-form').waitFor();
      expect(await page.title()).toBe('Repayment portal');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Repayment portal');
      expect(await page.getByRole('link', { name: 'Back' }).getAttribute('href')).toBe('/');
      // Locally the code goes to the developer inbox (memory, local only); demo customers are listed.
      expect(await page.getByRole('link', { name: 'Open the developer inbox' }).getAttribute('href')).toBe(
        '/_local/inbox',
      );
      expect(await page.getByRole('link', { name: 'List demo customers' }).getAttribute('href')).toBe(
        '/_local/demo-customers',
      );
      await saveScreenshot(page, 'portal');

      await page.getByRole('button', { name: 'Send me a code' }).click();
      expect(await page.locator('#identify-error').textContent()).toMatch(/Enter your account reference/);
      await page.getByLabel('Account reference').fill('ACC-999999');
      await page.getByLabel('Date of birth').fill('1990-01-01');
      await page.getByRole('button', { name: 'Send me a code' }).click();
      // The verification answers after a database round trip or two: on a busy machine, more than poll's 1 s.
      await expect
        .poll(() => page.locator('#identify-error').textContent(), { timeout: 15_000 })
        .toBe('Those details do not match our records. Please check them and try again.');
      expect(await page.locator('#code-form').isHidden()).toBe(true);

      await page.getByRole('button', { name: '中文' }).click();
      expect(await page.title()).toBe('还款服务平台');
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await page.getByRole('link', { name: '返回' }).getAttribute('href')).toBe('/');

      const left = unexpectedProblems(problems, [/\/portal\/verification: 400|status of 400/]);
      expect(left).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
    });
  });

  it('portal: a session the API no longer accepts returns to sign-in with a message', async () => {
    const context = await browser().newContext();
    try {
      await context.addInitScript(() => {
        const session = {
          token: 'not-a-valid-token',
          expiresAt: '2999-01-01T00:00:00.000Z',
          accountId: 'ACC-000001',
        };
        sessionStorage.setItem('portal.session', JSON.stringify(session));
      });
      const page = await context.newPage();
      const problems = watchPage(page);
      await page.goto(`${runtime.url}/portal/`);
      await page.getByText('Your session has ended. Please sign in again.').waitFor();
      expect(await page.locator('#identify-form').isVisible()).toBe(true);
      expect(await page.locator('#app').isHidden()).toBe(true);
      expect(await page.evaluate(() => sessionStorage.getItem('portal.session'))).toBeNull();
      const left = unexpectedProblems(problems, [/\/portal\/account: 401|status of 401/]);
      expect(left).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
    } finally {
      await context.close();
    }
  });

  it('console: local sign-in with the dev users, then the work queue', async () => {
    await visit('/console/', async (page, problems) => {
      expect(await page.title()).toBe('Agent console');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Agent console');
      const users = page.locator('.user-list button');
      await users.first().waitFor();
      expect(await users.allTextContents()).toEqual([
        'Alice Agentagent',
        'Ben Agentagent',
        'Sam Supervisorsupervisor',
      ]);
      await saveScreenshot(page, 'console');
      await page.getByRole('button', { name: /Alice Agent/ }).click();
      await page.getByText('Nothing in the queue for these filters.').waitFor();
      expect(await page.locator('#who').textContent()).toBe('Alice Agent · agent');
      // Agents have no dashboard link.
      expect(await page.getByRole('link', { name: 'Dashboard' }).isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await users.first().waitFor();
      // The outbox (messages as stored: security codes redacted) needs no sign-in locally.
      await page.getByRole('link', { name: 'Open the outbox' }).click();
      await page.getByRole('heading', { name: 'Outbox (local)' }).waitFor();
      await page.getByText('No messages match.').waitFor();
      expectNoProblems(problems);
    });
  });

  it('console: signs staff in through the Cognito Hosted UI (code flow with PKCE) when /config.json says so', async () => {
    const domain = 'collections-dev.auth.eu-west-1.amazoncognito.com';
    const redirectUri = `${runtime.url}/console/`;
    const context = await browser().newContext();
    try {
      await servePagesAsDeployed(context, runtime.url, [`https://${domain}`]);
      await context.route('**/config.json', (route) =>
        route.fulfill({
          json: {
            apiUrl: '',
            stage: 'dev',
            auth: { kind: 'cognito', domain, clientId: 'console-client', redirectUri },
          },
        }),
      );
      let authorize: URLSearchParams | undefined;
      await context.route(`https://${domain}/oauth2/authorize?**`, (route) => {
        authorize = new URL(route.request().url()).searchParams;
        const back = new URL(authorize.get('redirect_uri')!);
        back.search = new URLSearchParams({ code: 'the-code', state: authorize.get('state')! }).toString();
        // The Hosted UI sends the browser back (a page, not a 302: Playwright routes no request a redirect
        // leads to, and the page it returns to must be served with the deployed stage's policy).
        return route.fulfill({
          contentType: 'text/html',
          body: `<meta http-equiv="refresh" content="0;url=${back.toString().replace(/&/g, '&amp;')}">`,
        });
      });
      const claims = {
        sub: '5f1c-staff-sam',
        email: 'sam@bank.example',
        'cognito:groups': ['supervisor'],
        exp: Math.floor(Date.now() / 1000) + 3600,
      };
      const idToken = ['{"alg":"none"}', JSON.stringify(claims), 'signature']
        .map((part) => Buffer.from(part).toString('base64url'))
        .join('.');
      let tokenRequest: URLSearchParams | undefined;
      await context.route(`https://${domain}/oauth2/token`, (route) => {
        tokenRequest = new URLSearchParams(route.request().postData() ?? '');
        return route.fulfill({
          json: { id_token: idToken, access_token: 'access', token_type: 'Bearer', expires_in: 3600 },
          headers: { 'access-control-allow-origin': '*' },
        });
      });
      const bearers: string[] = [];
      await context.route(`${runtime.url}/queue?**`, (route) => {
        bearers.push(route.request().headers().authorization ?? '');
        return route.fulfill({ json: { total: 0, items: [] } });
      });
      let loggedOut: URL | undefined;
      await context.route(`https://${domain}/logout?**`, (route) => {
        loggedOut = new URL(route.request().url());
        return route.fulfill({ contentType: 'text/html', body: '<title>Signed out</title>' });
      });

      const page = await context.newPage();
      const problems = watchPage(page);
      await page.goto(`${runtime.url}/console/`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Nothing in the queue for these filters.').waitFor();
      expect(Object.fromEntries(authorize!)).toMatchObject({
        response_type: 'code',
        client_id: 'console-client',
        redirect_uri: redirectUri,
        code_challenge_method: 'S256',
        scope: 'openid email',
      });
      // The verifier sent with the code hashes to the challenge sent first.
      const challenge = createHash('sha256').update(tokenRequest!.get('code_verifier')!).digest('base64url');
      expect(challenge).toBe(authorize!.get('code_challenge'));
      expect(Object.fromEntries(tokenRequest!)).toMatchObject({
        grant_type: 'authorization_code',
        client_id: 'console-client',
        code: 'the-code',
        redirect_uri: redirectUri,
      });
      expect(bearers).toEqual([`Bearer ${idToken}`]);
      expect(page.url()).toBe(`${runtime.url}/console/`);
      expect(await page.locator('#who').textContent()).toBe('sam@bank.example · supervisor');
      expect(await page.getByRole('link', { name: 'Dashboard' }).isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'Outbox' }).isVisible()).toBe(false);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`https://${domain}/logout?**`);
      expect(Object.fromEntries(loggedOut!.searchParams)).toEqual({
        client_id: 'console-client',
        logout_uri: redirectUri,
      });
      expectNoProblems(problems);
    } finally {
      await context.close();
    }
  });

  it.each(PAGES)(
    '$name at a phone viewport (390×844): no sideways scrolling',
    async ({ name, path, title }) => {
      await visit(
        path,
        async (page, problems) => {
          if (path === '/') await waitForApiStatus(page);
          expect(await page.title()).toBe(title);
          await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
          const { scrollWidth, viewportWidth } = await horizontalExtent(page);
          expect(viewportWidth).toBe(390);
          expect(scrollWidth).toBeLessThanOrEqual(viewportWidth);
          await saveScreenshot(page, `${name}-phone`);
          expectNoProblems(problems);
        },
        PHONE,
      );
    },
  );
});
