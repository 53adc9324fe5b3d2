/** `npm start`: the whole product locally, on embedded defaults, until Ctrl-C. */
import * as path from 'node:path';
import { LOCAL_DATA_DIR, PROJECT_ROOT } from './paths';
import { startLocalRuntime } from './runtime';
import { DEMO_PORTFOLIO_DEFAULTS } from './seed/demo-portfolio';

const timestamp = () => new Date().toISOString().slice(11, 19);
const log = (line: string) => console.log(`${timestamp()} ${line}`);

async function main() {
  const started = Date.now();
  const runtime = await startLocalRuntime({
    projectRoot: PROJECT_ROOT,
    port: Number(process.env.PORT ?? 3000),
    dataDir: process.env.LOCAL_IN_MEMORY === 'true' ? undefined : LOCAL_DATA_DIR,
    seedAccounts: Number(process.env.SEED_ACCOUNTS ?? DEMO_PORTFOLIO_DEFAULTS.count),
    startScheduler: true,
    log,
  });
  const next = runtime.scheduler.runs.map(
    (r) => `${r.scheduleId} (${r.expression}) next at ${r.nextRun?.toISOString()}`,
  );
  console.log(
    [
      '',
      `Collections assistant running locally (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      `  Web pages     ${runtime.url}/`,
      `  HTTP API      ${runtime.url}/health   ${runtime.url}/accounts/ACC-000001`,
      `  Run scoring   npm run score   (progress: ${runtime.url}/scoring-runs/{runId})`,
      `  Local status  ${runtime.url}/_local/status`,
      `  Outbox        ${runtime.url}/_local/outbox   (messages are stored, never sent, locally; codes redacted)`,
      `  Inbox         ${runtime.url}/_local/inbox    (what phones and mailboxes would get, security codes included: memory only)`,
      `  Customers     ${runtime.url}/_local/demo-customers   (demo references and dates of birth to sign in with)`,
      `  DynamoDB      ${runtime.dynamodbEndpoint} (pid ${runtime.dynamodbPid}, data in ${path.relative(PROJECT_ROOT, LOCAL_DATA_DIR)}/)`,
      `  Demo data     ${runtime.seeded > 0 ? `seeded ${runtime.seeded} accounts` : 'kept from the last run (npm run reset to start over)'}`,
      `  Schedules     ${next.join('; ')}`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await runtime.stop();
    log('stopped; DynamoDB Local is down');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
