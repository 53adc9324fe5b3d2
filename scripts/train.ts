/**
 * Trains the probability-of-default model, cross-validates it and writes the artifact and the model card.
 *
 *   npm run train -- --data FILE.csv [--out models/risk-model.json] [--card docs/model-card.md] [--folds 5] [--seed 42]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { bandFor } from '../lambdas/domain/scoring/risk-model';
import {
  bandSummaries,
  calibrationByQuantile,
  compareGroups,
  type Scored,
} from '../training/risk/evaluation';
import { renderModelCard } from '../training/risk/model-card';
import { HIGH_BANDS } from '../training/risk/model-spec';
import { artifactJson, trainRiskModel } from '../training/risk/train-model';
import { MalformedCsvError, parseUciCsv, type UciRow } from '../training/risk/uci-csv';

const USAGE =
  'usage: npm run train -- --data FILE.csv [--out models/risk-model.json] [--card docs/model-card.md] [--folds 5] [--seed 42]';

function fail(message: string, exitCode: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

function positiveInteger(raw: string, name: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) fail(`--${name} must be a non-negative integer\n${USAGE}`, 2);
  return value;
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      out: { type: 'string', default: 'models/risk-model.json' },
      card: { type: 'string', default: 'docs/model-card.md' },
      folds: { type: 'string', default: '5' },
      seed: { type: 'string', default: '42' },
    },
  });
  if (values.data === undefined) fail(USAGE, 2);
  const folds = positiveInteger(values.folds, 'folds');
  if (folds < 2) fail(`--folds must be at least 2\n${USAGE}`, 2);
  return {
    data: values.data,
    out: values.out,
    card: values.card,
    folds,
    seed: positiveInteger(values.seed, 'seed'),
  };
}

const sexGroup = (row: UciRow): string | null => {
  if (row.protected.sex === 1) return '1 (male)';
  if (row.protected.sex === 2) return '2 (female)';
  return null;
};

function ageGroup(row: UciRow): string | null {
  const { age } = row.protected;
  if (age === null) return null;
  if (age < 30) return '< 30';
  if (age < 40) return '30–39';
  if (age < 50) return '40–49';
  return '50+';
}

/** Rows whose inputs, label and protected attributes repeat an earlier row's. */
function countDuplicateRows(rows: readonly UciRow[]): number {
  const seen = new Set(
    rows.map(({ input, label, protected: attributes }) => JSON.stringify([input, label, attributes])),
  );
  return rows.length - seen.size;
}

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function main(): void {
  const options = readOptions();
  const started = performance.now();
  let bytes: Buffer;
  try {
    bytes = readFileSync(options.data);
  } catch (error) {
    fail(`cannot read ${options.data}: ${(error as Error).message}\n${USAGE}`, 2);
  }
  let csv: ReturnType<typeof parseUciCsv>;
  try {
    csv = parseUciCsv(bytes.toString('utf8'));
  } catch (error) {
    if (error instanceof MalformedCsvError) fail(`${options.data}: ${error.message}`, 1);
    throw error;
  }
  if (!csv.hasLabel) fail(`${options.data}: the label column default_payment_next_month is required`, 1);
  const rows = csv.rows;
  const dataSha256 = createHash('sha256').update(bytes).digest('hex');

  const { artifact, crossValidation } = trainRiskModel(
    rows.map((row) => ({ input: row.input, label: row.label! })),
    { folds: options.folds, seed: options.seed, dataSha256 },
  );

  const scored: Scored[] = rows.map((row, index) => ({
    probability: crossValidation.outOfFoldProbabilities[index]!,
    label: row.label!,
  }));
  const isHighBand = (probability: number) =>
    (HIGH_BANDS as readonly string[]).includes(bandFor(artifact.bands, probability));
  const card = renderModelCard({
    artifact,
    crossValidation,
    dataFileName: basename(options.data),
    dataSha256,
    rows: rows.length,
    defaults: scored.filter((row) => row.label === 1).length,
    duplicateRows: countDuplicateRows(rows),
    calibration: calibrationByQuantile(scored),
    bands: bandSummaries(scored, artifact.bands),
    bySex: compareGroups(scored, (index) => sexGroup(rows[index]!), ['1 (male)', '2 (female)'], isHighBand),
    byAge: compareGroups(
      scored,
      (index) => ageGroup(rows[index]!),
      ['< 30', '30–39', '40–49', '50+'],
      isHighBand,
    ),
  });

  const json = artifactJson(artifact);
  writeFile(options.out, json);
  writeFile(options.card, card);
  const seconds = (performance.now() - started) / 1000;
  const { auc, ks, brier } = crossValidation;
  const show = (metric: { mean: number; sd: number }) =>
    `${metric.mean.toFixed(4)} ± ${metric.sd.toFixed(4)}`;
  process.stdout.write(
    `${[
      `trained ${artifact.version} on ${rows.length} rows in ${seconds.toFixed(1)} s`,
      `cross-validated (${options.folds} folds, seed ${options.seed}): AUC ${show(auc)}, KS ${show(ks)}, Brier ${show(brier)}`,
      `wrote ${options.out} (${Buffer.byteLength(json)} bytes) and ${options.card}`,
    ].join('\n')}\n`,
  );
}

main();
