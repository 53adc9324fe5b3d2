/**
 * Trains the gate's abuse classifier, cross-validates it, picks its thresholds and writes the artefact and
 * its model card. Deterministic: the same files give a byte-identical artefact.
 *
 *   npm run train:gate [-- --data ../shared/data/abusive-language] [--corpus corpora/gate] [--folds 5] [--seed 7]
 *
 * Reads COLD (train for fitting, dev held out and only reported), Davidson et al., and the project's own
 * labelled collection corpus and functional suites (CORPUS-SPEC B). Writes models/abuse-classifier.json,
 * docs/abuse-model-card.md and the traditional→simplified table the normaliser uses.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AbuseModel, encodeWeights } from '../lambdas/domain/compliance/content/abuse-model';
import { checkMessageWith } from '../lambdas/domain/compliance/message-linter';
import { type Example, readCold, readDavidson, readGateCorpus, type Source } from '../training/gate/data';
import { renderAbuseCard } from '../training/gate/model-card';
import { traditionalArtifact, traditionalTable } from '../training/gate/traditional-table';
import {
  BUCKETS,
  chooseThreshold,
  type Encoded,
  encode,
  foldOf,
  HYPERPARAMETERS,
  probability,
  pruneAndQuantise,
  type Rates,
  rates,
  train,
} from '../training/gate/train-abuse';

const USAGE =
  'usage: npm run train:gate -- [--data ../shared/data/abusive-language] [--corpus corpora/gate] [--folds 5] [--seed 7]';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/abusive-language' },
    corpus: { type: 'string', default: 'corpora/gate' },
    folds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '7' },
    out: { type: 'string', default: 'models/abuse-classifier.json' },
    card: { type: 'string', default: 'docs/abuse-model-card.md' },
  },
});
const folds = Number(values.folds);
const seed = Number(values.seed);
if (!Number.isInteger(folds) || folds < 2 || !Number.isInteger(seed)) fail(USAGE, 2);
const files = {
  coldTrain: join(values.data, 'cold-train.csv'),
  coldDev: join(values.data, 'cold-dev.csv'),
  davidson: join(values.data, 'davidson-labeled.csv'),
  messages: join(values.corpus, 'messages.jsonl'),
  functionalEn: join(values.corpus, 'functional-en.jsonl'),
  functionalZh: join(values.corpus, 'functional-zh.jsonl'),
};
for (const file of [files.coldTrain, files.coldDev, files.davidson, files.messages])
  if (!existsSync(file)) fail(`cannot read ${file}\n${USAGE}`, 2);

const started = performance.now();
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);

// The normaliser's traditional→simplified table follows the Chinese training text.
const coldText = readFileSync(files.coldTrain, 'utf8');
writeFileSync(
  'lambdas/domain/compliance/understanding/gate-traditional-chars.json',
  traditionalArtifact(traditionalTable(coldText, 3)),
);

const examples: readonly Example[] = [
  ...readCold(files.coldTrain),
  ...readDavidson(files.davidson),
  ...readGateCorpus(files.messages, 'corpus'),
  ...(existsSync(files.functionalEn) ? readGateCorpus(files.functionalEn, 'functional') : []),
  ...(existsSync(files.functionalZh) ? readGateCorpus(files.functionalZh, 'functional') : []),
];
const coldDev = readCold(files.coldDev);
const encoded = examples.map(encode);
const encodedDev = coldDev.map(encode);
const encodeSeconds = (performance.now() - started) / 1000;

// k-fold: every training example is scored by a model that never saw it.
const outOfFold = new Float64Array(encoded.length);
for (let fold = 0; fold < folds; fold++) {
  const trainSet = encoded.filter((row) => foldOf(row.example.key, folds) !== fold);
  const model = pruneAndQuantise(train(trainSet, HYPERPARAMETERS, seed + fold), HYPERPARAMETERS.keep);
  encoded.forEach((row, index) => {
    if (foldOf(row.example.key, folds) === fold) outOfFold[index] = probability(model, row);
  });
  process.stderr.write(`fold ${fold + 1}/${folds} done\n`);
}
const scoredOf = (predicate: (row: Encoded) => boolean) =>
  encoded.flatMap((row, index) =>
    predicate(row) ? [{ label: row.example.label, p: outOfFold[index]! }] : [],
  );
const by = (source: Source, language?: 'en' | 'zh') => (row: Encoded) =>
  row.example.source === source &&
  !row.example.otherViolation &&
  (language === undefined || row.example.language === language);

const thresholds = {
  zh: chooseThreshold([
    { scored: scoredOf(by('cold')), maxFalsePositiveRate: 0.09 },
    { scored: scoredOf(by('corpus', 'zh')), maxFalsePositiveRate: 0.02 },
    { scored: scoredOf(by('functional', 'zh')), maxFalsePositiveRate: 0.06 },
  ]),
  en: chooseThreshold([
    { scored: scoredOf(by('corpus', 'en')), maxFalsePositiveRate: 0.02 },
    { scored: scoredOf(by('functional', 'en')), maxFalsePositiveRate: 0.06 },
  ]),
};
const kFold: Record<string, Rates> = {};
for (const [name, predicate, language] of [
  ['COLD train (zh)', by('cold'), 'zh'],
  ['Davidson (en)', by('davidson'), 'en'],
  ['collection corpus (en)', by('corpus', 'en'), 'en'],
  ['collection corpus (zh)', by('corpus', 'zh'), 'zh'],
  ['functional suite (en)', by('functional', 'en'), 'en'],
  ['functional suite (zh)', by('functional', 'zh'), 'zh'],
] as const) {
  const scored = scoredOf(predicate);
  if (scored.length > 0) kFold[name] = rates(scored, thresholds[language]);
}

// The artefact: trained on everything, pruned and quantised exactly as stored.
const trainStarted = performance.now();
const final = pruneAndQuantise(train(encoded, HYPERPARAMETERS, seed), HYPERPARAMETERS.keep);
const trainSeconds = (performance.now() - trainStarted) / 1000;
const version = `abuse-${createHash('sha256')
  .update(JSON.stringify([...final.weights.entries()].sort((a, b) => a[0] - b[0])))
  .update(JSON.stringify(thresholds))
  .digest('hex')
  .slice(0, 10)}`;
const artifact = {
  version,
  buckets: BUCKETS,
  bias: Number(final.bias.toFixed(6)),
  scale: final.scale,
  thresholds,
  trainedOn: {
    coldTrain: sha(files.coldTrain),
    davidson: sha(files.davidson),
    messages: sha(files.messages),
    ...(existsSync(files.functionalEn) ? { functionalEn: sha(files.functionalEn) } : {}),
    ...(existsSync(files.functionalZh) ? { functionalZh: sha(files.functionalZh) } : {}),
  },
  hyperparameters: { ...HYPERPARAMETERS, folds, seed },
  weights: encodeWeights(final.weights, final.scale),
};
const json = `${JSON.stringify(artifact)}\n`;
writeFileSync(values.out, json);

// COLD dev is held out: reported, never used to choose anything.
const devScored = encodedDev.map((row) => ({ label: row.example.label, p: probability(final, row) }));
const devClassifier = rates(devScored, thresholds.zh);
const devGate = gateRates(coldDev, new AbuseModel(artifact));
const seconds = (performance.now() - started) / 1000;

writeFileSync(
  values.card,
  renderAbuseCard({
    artifact,
    counts: countBy(examples),
    kFold,
    folds,
    devClassifier,
    devGate,
    artefactBytes: Buffer.byteLength(json),
    trainSeconds,
    totalSeconds: seconds,
    encodeSeconds,
  }),
);
const show = (r: Rates) =>
  `recall ${(r.recall * 100).toFixed(1)}%, false positives ${(r.falsePositiveRate * 100).toFixed(1)}%`;
process.stdout.write(
  `${[
    `trained ${version} on ${encoded.length} examples (${final.weights.size} weights kept) in ${trainSeconds.toFixed(1)} s; total ${seconds.toFixed(1)} s`,
    `thresholds: en ${thresholds.en}, zh ${thresholds.zh}`,
    ...Object.entries(kFold).map(([name, r]) => `${folds}-fold ${name} (n=${r.n}): ${show(r)}`),
    `COLD dev (held out), classifier alone: ${show(devClassifier)}`,
    `COLD dev (held out), whole gate: ${show(devGate)}`,
    `wrote ${values.out} (${Buffer.byteLength(json)} bytes) and ${values.card}`,
  ].join('\n')}\n`,
);

function countBy(rows: readonly Example[]): Record<string, { n: number; abusive: number }> {
  const counts: Record<string, { n: number; abusive: number }> = {};
  for (const row of rows) {
    const key = `${row.source} (${row.language})${row.otherViolation ? ', other violations' : ''}`;
    counts[key] ??= { n: 0, abusive: 0 };
    counts[key].n++;
    counts[key].abusive += row.label;
  }
  return counts;
}

/** The whole gate (rules and classifier) on COLD dev comments sent as Chinese portal messages. */
function gateRates(rows: readonly Example[], model: AbuseModel): Rates {
  const scored = rows.map((row) => ({
    label: row.label,
    p: checkMessageWith({ jurisdiction: 'CN', channel: 'portal', language: 'zh-CN', text: row.text }, model)
      .allowed
      ? 0
      : 1,
  }));
  return rates(scored, 0.5);
}
