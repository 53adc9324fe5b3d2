/**
 * Issue #2/#14 benchmark: every Lambda bundled exactly as CDK bundles it (the same esbuild settings and the
 * same after-bundling commands), next to an empty handler bundled the same way. Size is the minified index.js,
 * what init loads; `lazyKb` is what ships beside it and is read only on first use (model artefacts, the model
 * client). Init is a fresh Node process loading the bundle (what Lambda's INIT phase pays), median over many
 * runs, reported as a ratio to the empty handler. Bundles run from a temporary folder where, as in the Lambda
 * runtime, only the AWS SDK resolves from outside the asset.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FUNCTIONS } from '../catalog/functions';
import { stageConfig } from '../catalog/stages';
import { TABLE_IDS, TABLES } from '../catalog/tables';
import { BUNDLE_BUDGET_KB, bundleAsDeployed, lambdaLikeRoot } from '../lib/bundling';

const RUNS = 15;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Bytes of every file under `dir` but the bundle and its source map. */
function lazyBytes(dir: string): number {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => !['index.js', 'index.js.map'].includes(file))
    .map((file) => statSync(path.join(dir, file)))
    .reduce((sum, stat) => sum + (stat.isFile() ? stat.size : 0), 0);
}

/** Env a deployed function would have, so config checks at load pass. */
const handlerEnv = {
  ...process.env,
  STAGE: 'dev',
  EVENT_BUS_NAME: 'bench-bus',
  AWS_REGION: 'us-east-1',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  DEBIT_SCHEDULE_GROUP: 'bench-debits',
  DEBIT_TARGET_ARN: 'arn:aws:lambda:us-east-1:000000000000:function:bench-executeDebit',
  DEBIT_SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/bench-debit-scheduler',
  BANK_API_TOKEN: 'bench',
  ...Object.fromEntries(TABLE_IDS.map((id) => [TABLES[id].envVar, `bench-${id}`])),
  ...Object.assign({}, ...FUNCTIONS.map((fn) => fn.stageEnvironment?.(stageConfig('dev')))),
};

const loadScript = (bundlePath: string) =>
  `const t0=process.hrtime.bigint();require(${JSON.stringify(bundlePath)});process.stdout.write(String(Number(process.hrtime.bigint()-t0)/1e6))`;

/**
 * Wall time of a fresh process that loads each bundle, and the part spent in the module's own init. Bundles
 * are measured round-robin so a burst of load on this noisy machine hits them all alike.
 */
function measureInit(bundlePaths: string[]): Array<{ processMs: number; moduleMs: number }> {
  const samples = bundlePaths.map(() => ({ process: [] as number[], module: [] as number[] }));
  for (let run = 0; run < RUNS; run++) {
    bundlePaths.forEach((bundlePath, index) => {
      const started = process.hrtime.bigint();
      const args = ['--no-warnings', '-e', loadScript(bundlePath)];
      const moduleMs = Number(execFileSync(process.execPath, args, { env: handlerEnv, encoding: 'utf8' }));
      samples[index]!.process.push(Number(process.hrtime.bigint() - started) / 1e6);
      samples[index]!.module.push(moduleMs);
    });
  }
  return samples.map((s) => ({ processMs: median(s.process), moduleMs: median(s.module) }));
}

export async function benchLambdaBundles(projectRoot: string) {
  const outRoot = path.join(tmpdir(), 'collections-bench-bundles');
  rmSync(outRoot, { recursive: true, force: true });
  lambdaLikeRoot(projectRoot, outRoot);
  mkdirSync(path.join(outRoot, 'empty'));
  const emptyEntry = path.join(outRoot, 'empty', 'handler.ts');
  writeFileSync(emptyEntry, 'export const handler = async () => ({ statusCode: 200 });\n');
  const emptyBundle = await bundleAsDeployed(projectRoot, emptyEntry, path.join(outRoot, 'empty'), null);
  const bundles: string[] = [];
  for (const fn of FUNCTIONS) {
    const entry = path.join(projectRoot, fn.entry);
    bundles.push(
      await bundleAsDeployed(projectRoot, entry, path.join(outRoot, fn.id), {
        modelClient: fn.readsLlmApiKey === true,
      }),
    );
  }
  const [baselineInit, ...inits] = measureInit([emptyBundle, ...bundles]);
  const baseline = { sizeKb: statSync(emptyBundle).size / 1024, ...baselineInit! };

  const rows = FUNCTIONS.map((fn, index) => ({
    function: fn.id,
    sizeKb: Number((statSync(bundles[index]!).size / 1024).toFixed(1)),
    lazyKb: Number((lazyBytes(path.dirname(bundles[index]!)) / 1024).toFixed(1)),
    initProcessMs: Number(inits[index]!.processMs.toFixed(1)),
    initModuleMs: Number(inits[index]!.moduleMs.toFixed(1)),
    initRatio: Number((inits[index]!.processMs / baseline.processMs).toFixed(2)),
  }));
  return {
    baseline: {
      sizeKb: Number(baseline.sizeKb.toFixed(2)),
      initProcessMs: Number(baseline.processMs.toFixed(1)),
      initModuleMs: Number(baseline.moduleMs.toFixed(2)),
    },
    runsPerMeasurement: RUNS,
    functions: rows,
    targets: {
      maxSizeKb: BUNDLE_BUDGET_KB.default,
      maxSizeKbWithModelClient: BUNDLE_BUDGET_KB.withModelClient,
      maxInitRatio: 2,
    },
  };
}
