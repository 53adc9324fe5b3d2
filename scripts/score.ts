/**
 * `npm run score`: runs the scoring job locally with a progress bar. Uses the running `npm start` if there is
 * one; otherwise starts the local runtime on the persisted local data, runs, and stops it again.
 */
import type { ScoringRun, SegmentCheckpoint } from '../lambdas/domain/scoring/scoring-run';
import { DEV_USERS } from '../local/dev-users';
import { LOCAL_DATA_DIR, PROJECT_ROOT } from '../local/paths';
import { type LocalRuntime, startLocalRuntime } from '../local/runtime';
import { DEMO_PORTFOLIO_DEFAULTS } from '../local/seed/demo-portfolio';

const port = Number(process.env.PORT ?? 3000);
const POLL_MS = 250;

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

function progressLine(run: ScoringRun, width = 30): string {
  const filled = Math.round((run.segmentsDone / run.totalSegments) * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  const n = (value: number) => value.toLocaleString('en-US');
  return (
    `[${bar}] ${run.segmentsDone}/${run.totalSegments} segments · ${n(run.accountsScored)} scored · ` +
    `${n(run.accountsChanged)} changed · ${n(run.tierChanges)} tier changes · ${n(run.accountsFlagged)} flagged`
  );
}

/** Starting and following a run is a supervisor's call: sign in as the local dev supervisor. */
async function supervisorToken(url: string): Promise<string> {
  const supervisor = DEV_USERS.find((user) => user.role === 'supervisor')!;
  const login = await fetch(`${url}/_local/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: supervisor.user }),
  });
  if (!login.ok)
    throw new Error(`Could not sign in as ${supervisor.user}: ${login.status} ${await login.text()}`);
  return ((await login.json()) as { token: string }).token;
}

async function follow(url: string): Promise<ScoringRun> {
  const authorization = `Bearer ${await supervisorToken(url)}`;
  const started = await fetch(`${url}/scoring-runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: '{}',
  });
  if (started.status !== 202)
    throw new Error(`Could not start a run: ${started.status} ${await started.text()}`);
  const { runId } = (await started.json()) as ScoringRun;
  console.log(`Scoring run ${runId}`);
  for (;;) {
    const { run } = (await (
      await fetch(`${url}/scoring-runs/${runId}`, { headers: { authorization } })
    ).json()) as {
      run: ScoringRun;
      segments: SegmentCheckpoint[];
    };
    if (process.stdout.isTTY) process.stdout.write(`\r${progressLine(run)}`);
    if (run.status === 'completed') {
      if (process.stdout.isTTY) process.stdout.write('\n');
      else console.log(progressLine(run));
      return run;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function main() {
  let url = `http://127.0.0.1:${port}`;
  let runtime: LocalRuntime | undefined;
  if (!(await reachable(url))) {
    console.log('No local runtime running: starting one on the local data (npm start runs it for good).');
    runtime = await startLocalRuntime({
      projectRoot: PROJECT_ROOT,
      port: 0,
      dataDir: process.env.LOCAL_IN_MEMORY === 'true' ? undefined : LOCAL_DATA_DIR,
      seedAccounts: Number(process.env.SEED_ACCOUNTS ?? DEMO_PORTFOLIO_DEFAULTS.count),
      startScheduler: false,
      log: () => {},
    });
    url = runtime.url;
  }
  try {
    const started = Date.now();
    const run = await follow(url);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `Completed in ${seconds.toFixed(1)} s (${Math.round(run.accountsScored / seconds).toLocaleString('en-US')} accounts/s).`,
    );
    await runtime?.bus.drain();
  } finally {
    await runtime?.stop();
  }
}

main().catch((error) => {
  console.error(`npm run score failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
