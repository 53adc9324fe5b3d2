import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeWithBrowser,
  horizontalExtent,
  type PageProblems,
  saveScreenshot,
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

  function expectNoProblems(problems: PageProblems) {
    expect(problems.consoleErrors, 'console errors').toEqual([]);
    expect(problems.pageErrors, 'uncaught exceptions').toEqual([]);
    expect(problems.failedRequests, 'failed requests').toEqual([]);
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

  it('portal: placeholder page with its heading and a way back', async () => {
    await visit('/portal/', async (page, problems) => {
      expect(await page.title()).toBe('Repayment portal');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Repayment portal');
      expect(await page.getByRole('link', { name: 'Back' }).getAttribute('href')).toBe('/');
      await saveScreenshot(page, 'portal');
      expectNoProblems(problems);
    });
  });

  it('console: placeholder page with its heading and the account API', async () => {
    await visit('/console/', async (page, problems) => {
      expect(await page.title()).toBe('Agent console');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Agent console');
      expect(await page.locator('code').textContent()).toBe('GET /accounts/{id}');
      await saveScreenshot(page, 'console');
      expectNoProblems(problems);
    });
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
