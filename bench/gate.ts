/**
 * Issue #12 benchmark (`npm run bench gate`):
 * - messages checked per second on one core by the whole gate (600-character messages, English and Chinese,
 *   clean and violating, from the labelled corpus padded to length), next to the phrase-list linter it
 *   replaced measured on the same messages in the same run (target ≥ 1,000 messages/s). `throughput` is the
 *   gate bundled as the Lambda functions deploy it, in a process of its own; `throughputFromSourceUnderTsx`
 *   the same code run from source in this process, as every figure was measured before;
 * - the same gate without the message classifier, so the ratio says what that classifier costs;
 * - the abuse classifier's artefact size, and its training time (`npm run train:gate`, when the public
 *   data is present).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { bundleAsDeployed } from '../lib/bundling';
import { type GateThroughput, gateThroughput } from './gate-throughput';

/** The gate bundled as Lambda functions are (minified, no kept names), measured in a process of its own. */
async function deployedThroughput(projectRoot: string): Promise<Record<'en' | 'zh', GateThroughput>> {
  // Outside the project: its package.json would make Node read the CommonJS bundle as an ES module.
  const outdir = path.join(tmpdir(), 'collections-bench-gate');
  rmSync(outdir, { recursive: true, force: true });
  const bundle = await bundleAsDeployed(
    projectRoot,
    path.join(projectRoot, 'bench/gate-deployed.ts'),
    outdir,
    {
      modelClient: false,
    },
  );
  return JSON.parse(execFileSync(process.execPath, [bundle, projectRoot], { encoding: 'utf8' }));
}

export async function benchGate(projectRoot: string) {
  // As deployed first, in its own process, so neither run shares a heap with the other.
  const deployed = await deployedThroughput(projectRoot);
  const fromSource = gateThroughput(projectRoot);
  const artefact = path.join(projectRoot, 'models/abuse-classifier.json');
  const data = path.resolve(projectRoot, '../shared/data/abusive-language');
  let trainingSeconds: number | null = null;
  if (process.env.GATE_BENCH_TRAIN !== 'no' && existsSync(path.join(data, 'cold-train.csv'))) {
    mkdirSync(path.join(projectRoot, '.bench'), { recursive: true });
    const started = process.hrtime.bigint();
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/train-gate.ts',
        '--out',
        path.join(projectRoot, '.bench/abuse-classifier.json'),
        '--card',
        path.join(projectRoot, '.bench/abuse-model-card.md'),
      ],
      {
        cwd: projectRoot,
        stdio: 'ignore',
      },
    );
    trainingSeconds = Number((Number(process.hrtime.bigint() - started) / 1e9).toFixed(1));
  }
  return {
    throughput: deployed,
    throughputFromSourceUnderTsx: fromSource,
    loadAverage: Number(loadavg()[0]!.toFixed(2)),
    target: { minMessagesPerSecond: 1000 },
    messageClassifier: {
      artefactKb: Number(
        (statSync(path.join(projectRoot, 'models/message-classifier.json')).size / 1024).toFixed(1),
      ),
    },
    classifier: {
      artefactKb: Number((statSync(artefact).size / 1024).toFixed(1)),
      trainingSecondsWithFiveFoldCv: trainingSeconds,
    },
  };
}
