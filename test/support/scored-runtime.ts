/**
 * `npm start`'s runtime with a seeded, scored demo portfolio, for journeys in the browser: started before the
 * describe's tests (the scoring run completed and the bus drained), stopped after them with DynamoDB Local,
 * and a staff client signed in as the dev supervisor. Call inside a describe.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { isRunning, type RuntimeProcess, startRuntimeProcess } from './local-runtime-process';

export interface ScoredRuntime {
  readonly url: string;
  /** The staff API as the dev supervisor; throws with the status and body on anything but 2xx. */
  staff<T>(path: string, init?: RequestInit): Promise<T>;
  /** The first seeded account no other test has taken that `wanted` accepts. */
  takeAccount<A>(why: string, wanted: (account: A) => boolean): Promise<A>;
}

export function useScoredRuntime(seeded: number): ScoredRuntime {
  let runtime: RuntimeProcess | undefined;
  let staffToken = '';
  const taken = new Set<string>();

  const url = () => {
    if (!runtime) throw new Error('the runtime is not started (use it inside the describe’s tests)');
    return runtime.url;
  };

  async function staff<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await fetch(`${url()}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${staffToken}`, 'content-type': 'application/json' },
    });
    if (!response.ok)
      throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    runtime = await startRuntimeProcess({ SEED_ACCOUNTS: String(seeded) });
    const login = await fetch(`${runtime.url}/_local/login`, { method: 'POST', body: '{"user":"sam"}' });
    staffToken = ((await login.json()) as { token: string }).token;
    const started = (await (
      await fetch(`${runtime.url}/_local/schedules/scoring/run`, { method: 'POST' })
    ).json()) as { runId: string };
    const deadline = Date.now() + 120_000;
    while (
      (await staff<{ run: { status: string } }>(`/scoring-runs/${started.runId}`)).run.status !== 'completed'
    ) {
      if (Date.now() > deadline) throw new Error(`scoring run ${started.runId} did not complete`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // /_local/status waits for the bus to drain: drafts stored, outreach queued and delivered.
    await fetch(`${runtime.url}/_local/status`);
  }, 180_000);

  afterAll(async () => {
    if (!runtime) return;
    if (runtime.child.exitCode === null) expect(await runtime.interrupt()).toBe(0);
    expect(isRunning(runtime.dynamodbPid), 'DynamoDB Local (Java) left running').toBe(false);
  });

  return {
    get url() {
      return url();
    },
    staff,
    async takeAccount<A>(why: string, wanted: (account: A) => boolean): Promise<A> {
      for (let n = 1; n <= seeded; n++) {
        const accountId = `ACC-${String(n).padStart(6, '0')}`;
        if (taken.has(accountId)) continue;
        const account = await staff<A>(`/accounts/${accountId}`);
        if (!wanted(account)) continue;
        taken.add(accountId);
        return account;
      }
      throw new Error(`No seeded account for: ${why}`);
    },
  };
}
