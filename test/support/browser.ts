/**
 * Headless Chromium for browser tests: Debian's `chromium` package driven by playwright-core (browser
 * downloads do not work here). `describeWithBrowser` skips with a message when Chromium is missing, and fails
 * instead when CI=true.
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { type Browser, type BrowserContext, chromium, type LaunchOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../lib/security-headers';

const projectRoot = path.resolve(import.meta.dirname, '../..');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(projectRoot, 'test-artifacts', 'screenshots');
const INSTALL_HINT = 'sudo apt-get install -y chromium, or set CHROMIUM_PATH';

/**
 * Playwright already passes --headless (headless is its default), --no-sandbox (chromiumSandbox defaults to
 * false), a fresh temporary --user-data-dir, --no-first-run, --disable-background-networking and
 * --disable-component-update. These are the rest of the flags this offline machine needs.
 */
const EXTRA_ARGS = ['--disable-gpu', '--disable-quic', '--disable-sync'];

const openBrowsers = new Set<Browser>();

export function browserAvailable(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Launches headless Chromium; `closeAllBrowsers` (run by `describeWithBrowser`) closes it. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const browser = await chromium.launch({
    timeout: 30_000,
    ...options,
    executablePath: CHROMIUM_PATH,
    headless: true,
    chromiumSandbox: false,
    args: [...EXTRA_ARGS, ...(options.args ?? [])],
  });
  openBrowsers.add(browser);
  browser.on('disconnected', () => openBrowsers.delete(browser));
  return browser;
}

export async function closeAllBrowsers(): Promise<void> {
  await Promise.all([...openBrowsers].map((browser) => browser.close()));
}

/**
 * A describe block with one Chromium launched before its tests and every browser closed after them; `fn` gets
 * a getter for that browser. Without Chromium the block is skipped with a message, or fails when CI=true.
 */
export function describeWithBrowser(name: string, fn: (browser: () => Browser) => void): void {
  if (!browserAvailable()) {
    const why = `Chromium not found at ${CHROMIUM_PATH} (${INSTALL_HINT})`;
    if (process.env.CI === 'true') {
      describe(name, () => {
        it('has Chromium to run in', () => {
          throw new Error(`${why}. Browser tests never skip in CI: .ci/run installs it.`);
        });
      });
    } else {
      console.warn(`Skipping browser tests "${name}": ${why}. They fail instead when CI=true.`);
      describe.skip(`${name} (SKIPPED: ${why}; fails instead when CI=true)`, () => {
        it('needs Chromium', () => {});
      });
    }
    return;
  }
  describe(name, () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await closeAllBrowsers();
    });
    fn(() => {
      if (!browser) throw new Error('Chromium was not launched (see the beforeAll error)');
      return browser;
    });
  });
}

/** What went wrong on a page: console errors, uncaught exceptions, failed requests and HTTP errors. */
export interface PageProblems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly failedRequests: string[];
  /** Every URL the page requested, in order. */
  readonly requested: string[];
}

/** Starts recording a page's problems; attach it before `page.goto`. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], requested: [] };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    problems.consoleErrors.push(where ? `${message.text()} (${where})` : message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('request', (request) => problems.requested.push(request.url()));
  page.on('requestfailed', (request) =>
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400)
      problems.failedRequests.push(`${response.request().method()} ${response.url()}: ${response.status()}`);
  });
  return problems;
}

/** Widths in CSS pixels: the page scrolls sideways when `scrollWidth` exceeds `viewportWidth`. */
export async function horizontalExtent(page: Page): Promise<{ scrollWidth: number; viewportWidth: number }> {
  const viewportWidth = page.viewportSize()?.width ?? Number.NaN;
  const scrollWidth = await page.evaluate(
    () => (document.scrollingElement ?? document.documentElement).scrollWidth,
  );
  return { scrollWidth, viewportWidth };
}

/** Saves a full-page screenshot to test-artifacts/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * The problems left once the expected ones are taken out: a failed request (or the console line Chromium
 * writes for it) whose text matches one of `expected`, e.g. a 400 the test provoked on purpose.
 */
export function unexpectedProblems(
  problems: PageProblems,
  expected: readonly RegExp[] = [],
): Pick<PageProblems, 'consoleErrors' | 'pageErrors' | 'failedRequests'> {
  const unexpected = (line: string) => !expected.some((pattern) => pattern.test(line));
  return {
    consoleErrors: problems.consoleErrors.filter(unexpected),
    pageErrors: [...problems.pageErrors],
    failedRequests: problems.failedRequests.filter(unexpected),
  };
}

/** Records every alert/confirm/prompt a page opens (and dismisses it): a page showing typed HTML opens none. */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  return dialogs;
}

/** Fails the test on any console error, uncaught exception or failed request but the `expected` ones. */
export function expectNoProblems(problems: PageProblems, expected: readonly RegExp[] = []): void {
  const left = unexpectedProblems(problems, expected);
  expect(left.consoleErrors, 'console errors').toEqual([]);
  expect(left.pageErrors, 'uncaught exceptions').toEqual([]);
  expect(left.failedRequests, 'failed requests').toEqual([]);
}

/**
 * The newest security code sent to the account, from the local runtime's developer inbox (kept in memory,
 * local only): the outbox and every staff view hold the code redacted.
 */
export async function latestSecurityCode(runtimeUrl: string, accountId: string): Promise<string> {
  const inbox = `${runtimeUrl}/_local/inbox?accountId=${encodeURIComponent(accountId)}`;
  const { messages } = (await (await fetch(inbox)).json()) as {
    messages: { accountId: string; purpose?: string; text: string }[];
  };
  const message = messages.find((m) => m.accountId === accountId && m.purpose === 'security_code');
  if (!message) throw new Error(`No security code in the developer inbox for ${accountId}`);
  return /(?<!\d)(\d{6})(?!\d)/.exec(message.text)![1]!;
}

/**
 * A demo customer's date of birth, from the local runtime's demo-customer list (staff views show only the
 * year).
 */
export async function demoDateOfBirth(runtimeUrl: string, accountId: string): Promise<string> {
  const list = `${runtimeUrl}/_local/demo-customers?accountId=${encodeURIComponent(accountId)}`;
  const { customers } = (await (await fetch(list)).json()) as { customers: { dateOfBirth: string }[] };
  if (!customers[0]) throw new Error(`${accountId} is not a demo customer`);
  return customers[0].dateOfBirth;
}

/** Signs a customer in through the portal page: reference and date of birth, then the code from the inbox. */
export async function signInToPortal(
  page: Page,
  runtimeUrl: string,
  account: { readonly accountId: string },
): Promise<void> {
  await page.goto(`${runtimeUrl}/portal/`);
  await page.locator('#account-ref').fill(account.accountId);
  await page.locator('#date-of-birth').fill(await demoDateOfBirth(runtimeUrl, account.accountId));
  await page.locator('#identify-form button[type=submit]').click();
  await page.locator('#code-form').waitFor({ state: 'visible' });
  await page.locator('#security-code').fill(await latestSecurityCode(runtimeUrl, account.accountId));
  await page.locator('#code-form button[type=submit]').click();
  await page.locator('#summary-heading').waitFor();
}

/**
 * Serves the runtime's pages with the Content-Security-Policy a deployed stage sends (CloudFront adds the
 * API's and the sign-in's origins to `connect-src`), for tests that give the pages a deployed stage's
 * /config.json. Register it before the test's own routes.
 */
export async function servePagesAsDeployed(
  context: BrowserContext,
  runtimeUrl: string,
  connectTo: readonly string[],
): Promise<void> {
  await context.route(`${runtimeUrl}/**`, async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    return route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': contentSecurityPolicy({ connectTo }) },
    });
  });
}
