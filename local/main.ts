/** `npm start`: the whole product locally, on embedded defaults, until Ctrl-C. */
import * as path from 'node:path';
import { DEV_USERS } from './dev-users';
import type { DemoCustomer } from './developer-views';
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
    scoreIfNeverScored: process.env.LOCAL_SCORE_ON_FIRST_START !== 'false',
    log,
  });
  const next = runtime.scheduler.runs.map(
    (r) => `${r.scheduleId} (${r.expression}) next at ${r.nextRun?.toISOString()}`,
  );
  const url = runtime.url;
  const { customers } = (await (await fetch(`${url}/_local/demo-customers`)).json()) as {
    customers: DemoCustomer[];
  };
  const demoData =
    runtime.seeded > 0
      ? `seeded ${runtime.seeded} accounts${runtime.scoredAtStart ? `, scored ${runtime.scoredAtStart}` : ''}`
      : `kept from the last run${runtime.scoredAtStart ? `, scored ${runtime.scoredAtStart} now` : ''} (npm run reset to start over)`;
  console.log(
    [
      '',
      `Collections assistant running locally (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      `  Start here    ${url}/   (the portal for customers, the console for staff)`,
      `  Portal        ${url}/portal/   sign in as a demo customer (reference, date of birth):`,
      ...threeToTry(customers).map(
        (c) =>
          `                  ${c.accountId}  ${c.dateOfBirth}  ${c.name} (${c.jurisdiction}, ${c.language === 'en' ? 'English' : 'Chinese'}, code by ${c.codesBy === 'sms' ? 'text' : 'e-mail'})`,
      ),
      `                the code arrives in ${url}/_local/inbox   more customers: ${url}/_local/demo-customers`,
      `  Console       ${url}/console/   sign in as ${DEV_USERS.map((u) => `${u.user} (${u.role})`).join(', ')}`,
      `  Outbox        ${url}/_local/outbox   (messages are stored, never sent, locally; codes redacted)`,
      `  Bank          ${url}/_local/bank   (the simulated core-banking ledger: accounts, debits)`,
      `  Status        ${url}/_local/status   ${url}/health`,
      `  HTTP API      docs/openapi.json; a dev user's token: curl -X POST ${url}/_local/login -d '{"user":"sam"}'`,
      '  Run scoring   npm run score   (against this runtime, with a progress bar)',
      `  DynamoDB      ${runtime.dynamodbEndpoint} (pid ${runtime.dynamodbPid}, data in ${path.relative(PROJECT_ROOT, LOCAL_DATA_DIR)}/)`,
      `  Demo data     ${demoData}`,
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

/** An English and a Chinese customer in arrears, and one more (the list puts customers in arrears first). */
function threeToTry(customers: readonly DemoCustomer[]): DemoCustomer[] {
  const english = customers.find((c) => c.jurisdiction === 'US' && c.language === 'en');
  const chinese = customers.find((c) => c.jurisdiction === 'CN' && c.language === 'zh-CN');
  const third = customers.find((c) => c !== english && c !== chinese);
  return [english, chinese, third].filter((c): c is DemoCustomer => c !== undefined);
}

main().catch((error) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
