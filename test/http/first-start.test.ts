/**
 * A newcomer's first minute (issue #15): `npm start` on an empty database seeds and scores the demo portfolio
 * before it says it is ready, prints dev users and three demo customers that can sign in, every link it prints
 * opens in a browser, and `npm run score` works against it.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_USERS } from '../../local/dev-users';
import { isRunning, type RuntimeProcess, startRuntimeProcess } from '../support/local-runtime-process';

const projectRoot = path.resolve(import.meta.dirname, '../..');

describe('npm start on a fresh clone', () => {
  let runtime: RuntimeProcess;
  let banner = '';

  beforeAll(async () => {
    runtime = await startRuntimeProcess(
      { SEED_ACCOUNTS: '200', LOCAL_SCORE_ON_FIRST_START: 'true' },
      120_000,
    );
    banner = runtime.output().slice(runtime.output().indexOf('Collections assistant running locally'));
  }, 150_000);

  afterAll(async () => {
    if (runtime?.child.exitCode === null) await runtime.interrupt();
    expect(isRunning(runtime.dynamodbPid)).toBe(false);
  });

  const staffToken = async (user: string) =>
    (
      (await (
        await fetch(`${runtime.url}/_local/login`, { method: 'POST', body: JSON.stringify({ user }) })
      ).json()) as { token: string }
    ).token;

  it('is scored before it says it is ready: the queue has work and the banner says so', async () => {
    expect(banner).toMatch(/Demo data\s+seeded 200 accounts, scored 200/);
    const queue = await fetch(`${runtime.url}/queue`, {
      headers: { authorization: `Bearer ${await staffToken('alice')}` },
    });
    expect(queue.status).toBe(200);
    expect(((await queue.json()) as { total: number }).total).toBeGreaterThan(0);
  });

  it('prints every dev user and three demo customers who can sign in with what it prints', async () => {
    for (const user of DEV_USERS) expect(banner).toContain(`${user.user} (${user.role})`);
    const printed = [...banner.matchAll(/^\s+(ACC-\d{6})\s+(\d{4}-\d{2}-\d{2})\s/gm)].map((m) => ({
      accountId: m[1]!,
      dateOfBirth: m[2]!,
    }));
    expect(printed).toHaveLength(3);
    expect(banner).toMatch(/\(US, English, /);
    expect(banner).toMatch(/\(CN, Chinese, /);
    for (const customer of printed) {
      const known = await fetch(`${runtime.url}/_local/demo-customers?accountId=${customer.accountId}`);
      const { customers } = (await known.json()) as {
        customers: Array<{ dateOfBirth: string; tier: string }>;
      };
      expect(customers[0]?.dateOfBirth, `${customer.accountId}'s date of birth`).toBe(customer.dateOfBirth);
      expect(customers[0]?.tier, `${customer.accountId} has been scored`).toBeTruthy();
      const started = await fetch(`${runtime.url}/portal/verification`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(customer),
      });
      expect(started.status, `${customer.accountId} cannot start signing in`).toBe(202);
    }
  });

  it('prints only links that open in a browser', async () => {
    const links = [...new Set(banner.match(/http:\/\/127\.0\.0\.1:\d+\/[^\s'"]*/g) ?? [])].filter(
      (link) => !link.startsWith(runtime.url) || !link.endsWith('/_local/login'),
    );
    expect(links.length).toBeGreaterThanOrEqual(8);
    for (const link of links.filter((l) => l.startsWith(runtime.url))) {
      const response = await fetch(link, { headers: { accept: 'text/html' } });
      expect(response.status, link).toBe(200);
    }
  });

  it('runs `npm run score` against the running server, signed in as the dev supervisor', async () => {
    const port = new URL(runtime.url).port;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/score.ts'], {
      cwd: projectRoot,
      env: { ...process.env, PORT: port },
      timeout: 120_000,
    });
    expect(stdout).toMatch(/(\d+)\/\1 segments · 200 scored/);
    expect(stdout).toMatch(/Completed in/);
  }, 150_000);
});
