/**
 * Scores every row of a labelled UCI-format CSV with a trained model and reports discrimination and
 * calibration. The last line of stdout is JSON: {"n":…,"auc":…,"ks":…,"brier":…} (4 decimals).
 *
 *   npm run --silent evaluate -- --data FILE.csv [--model models/risk-model.json]
 *
 * Exit codes: 0 ok; 1 malformed or unlabelled data; 2 usage error or unreadable file.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type RiskModelArtifact, scoreRisk } from '../lambdas/domain/scoring/risk-model';
import { auc, brier, ks } from '../training/risk/metrics';
import { LABEL_COLUMN, MalformedCsvError, parseUciCsv } from '../training/risk/uci-csv';

const USAGE = 'usage: npm run --silent evaluate -- --data FILE.csv [--model models/risk-model.json]';

function fail(message: string, exitCode: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

function readOptions(): { data: string; model: string } {
  try {
    const { values } = parseArgs({
      options: { data: { type: 'string' }, model: { type: 'string', default: 'models/risk-model.json' } },
    });
    if (values.data === undefined) fail(`missing --data\n${USAGE}`, 2);
    return { data: values.data, model: values.model };
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    fail(`cannot read ${what} ${path}: ${(error as Error).message}\n${USAGE}`, 2);
  }
}

function readModel(path: string): RiskModelArtifact {
  try {
    return JSON.parse(readText(path, 'model')) as RiskModelArtifact;
  } catch (error) {
    fail(`model ${path} is not valid JSON: ${(error as Error).message}\n${USAGE}`, 2);
  }
}

const round4 = (value: number): number => Math.round(value * 1e4) / 1e4;

function main(): void {
  const options = readOptions();
  const model = readModel(options.model);
  const text = readText(options.data, 'data file');
  let csv: ReturnType<typeof parseUciCsv>;
  try {
    csv = parseUciCsv(text);
  } catch (error) {
    if (error instanceof MalformedCsvError) fail(`${options.data}: ${error.message}`, 1);
    throw error;
  }
  if (!csv.hasLabel) fail(`${options.data}: no ${LABEL_COLUMN} column; AUC, KS and Brier need labels`, 1);
  const probabilities = csv.rows.map((row) => scoreRisk(model, row.input).probabilityOfDefault);
  const labels = csv.rows.map((row) => row.label!);
  if (new Set(labels).size < 2) fail(`${options.data}: both outcomes (0 and 1) must occur to compute AUC`, 1);
  process.stdout.write(`model ${model.version} on ${options.data}\n`);
  const metrics = {
    n: csv.rows.length,
    auc: round4(auc(probabilities, labels)),
    ks: round4(ks(probabilities, labels)),
    brier: round4(brier(probabilities, labels)),
  };
  process.stdout.write(`${JSON.stringify(metrics)}\n`);
}

main();
