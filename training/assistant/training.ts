/**
 * Training the intent classifier: features exactly as the Lambda computes them (reader.ts), stratified k-fold
 * cross-validation through the full reading (quantised model, protected rules, slots), a softmax temperature fitted
 * on the out-of-fold predictions, a held-out check, and the final model on every line.
 */
import {
  decodeIntentModel,
  type IntentModelArtifact,
  intentProbabilities,
} from '../../lambdas/domain/chat/reading/classifier';
import { isManipulation } from '../../lambdas/domain/chat/reading/injection';
import {
  type MessageFeatures,
  manipulationProbability,
  messageFeatures,
  readFeatures,
} from '../../lambdas/domain/chat/reading/reader';
import { INTENTS, PROTECTED_INTENTS } from '../../lambdas/domain/chat/taxonomy';
import { seededRandom, shuffled } from '../../lib/seeded-random';
import type { CorpusLine } from './corpus';
import {
  DEFAULT_TRAINING,
  type TrainingExample,
  type TrainingOptions,
  toArtifact,
  trainLogistic,
} from './logistic';
import type { Scored } from './metrics';

export interface Prepared {
  readonly line: CorpusLine;
  readonly features: MessageFeatures;
  readonly label: number;
}

export interface TrainSettings extends TrainingOptions {
  readonly folds: number;
  /** Extra weight of the legally weighty intents' examples: missing one costs more than a false alarm. */
  readonly protectedWeight: number;
  /** L1 of the binary manipulation model: few words matter, so it can be much sparser. */
  readonly manipulationL1: number;
}

export const DEFAULT_SETTINGS: TrainSettings = {
  ...DEFAULT_TRAINING,
  folds: 5,
  protectedWeight: 1.5,
  manipulationL1: 0.0015,
};

export function prepare(lines: readonly CorpusLine[]): Prepared[] {
  return lines.map((line) => ({
    line,
    features: messageFeatures(line.text, { currency: line.currency, today: line.today }),
    label: INTENTS.indexOf(line.expected.intent),
  }));
}

const examplesOf = (prepared: readonly Prepared[], settings: TrainSettings): TrainingExample[] =>
  prepared.map(({ features, label }) => ({
    hashes: [...new Set(features.hashes)],
    label,
    weight: PROTECTED_INTENTS.has(INTENTS[label]!) ? settings.protectedWeight : 1,
  }));

/** Manipulation examples are few: each counts this many times in the binary model. */
const MANIPULATION_WEIGHT = 3;
export const MANIPULATION_CLASSES = ['clean', 'manipulation'] as const;

export function trainArtifact(
  prepared: readonly Prepared[],
  settings: TrainSettings,
  temperature: number,
  version: string,
  manipulationThreshold = 0.5,
): IntentModelArtifact {
  const intents = trainLogistic(examplesOf(prepared, settings), INTENTS.length, settings);
  const manipulation = trainLogistic(
    prepared.map(({ line, features }) => ({
      hashes: [...new Set(features.hashes)],
      label: line.expected.injection ? 1 : 0,
      weight: line.expected.injection ? MANIPULATION_WEIGHT : 1,
    })),
    2,
    { ...settings, l1: settings.manipulationL1 },
  );
  return {
    format: 'assistant-intents/2',
    version,
    ...toArtifact(intents, INTENTS, { temperature }),
    manipulation: {
      ...toArtifact(manipulation, MANIPULATION_CLASSES, { temperature: 1 }),
      threshold: manipulationThreshold,
    },
  };
}

/**
 * Reads prepared messages with an artefact, exactly as `understand` does; also returns each message's intent
 * log-probabilities and its manipulation probability (for fitting the temperature and the threshold).
 */
export function readWith(artifact: IntentModelArtifact, prepared: readonly Prepared[]) {
  const model = decodeIntentModel(artifact);
  return prepared.map(({ line, features }) => ({
    line,
    reading: readFeatures(model, features),
    logProbabilities: Array.from(intentProbabilities(model, features.hashes), (p) =>
      Math.log(Math.max(p, 1e-12)),
    ),
    manipulationProbability: manipulationProbability(model, features.hashes),
    ruleFlag: isManipulation(features.normalised),
  }));
}

/**
 * The manipulation threshold: the lowest at which the out-of-fold false flags (rules and model together) stay
 * within `maxFalseFlagRate` of clean messages — a false flag costs a customer a guarded reply.
 */
export function fitManipulationThreshold(
  scored: readonly { line: CorpusLine; manipulationProbability: number; ruleFlag: boolean }[],
  maxFalseFlagRate = 0.006,
): number {
  const clean = scored.filter(({ line }) => !line.expected.injection);
  for (let t = 0.2; t <= 0.99; t += 0.01) {
    const falseFlags = clean.filter((s) => s.ruleFlag || s.manipulationProbability >= t).length;
    if (falseFlags <= maxFalseFlagRate * clean.length) return Number(t.toFixed(2));
  }
  return 0.99;
}

/** Folds stratified by language and intent, assigned in a seeded order. */
export function foldsOf(prepared: readonly Prepared[], folds: number, seed: number): number[] {
  const assignment = new Array<number>(prepared.length).fill(0);
  const groups = new Map<string, number[]>();
  prepared.forEach(({ line }, index) => {
    const key = `${line.language}/${line.expected.intent}`;
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  const random = seededRandom(seed);
  let next = 0;
  for (const key of [...groups.keys()].sort()) {
    for (const index of shuffled(groups.get(key)!, random)) assignment[index] = next++ % folds;
  }
  return assignment;
}

/** Out-of-fold readings of every prepared message, and their log-probabilities at temperature 1. */
export function crossValidate(prepared: readonly Prepared[], settings: TrainSettings) {
  const fold = foldsOf(prepared, settings.folds, settings.seed);
  const scored: ReturnType<typeof readWith> = new Array(prepared.length);
  for (let f = 0; f < settings.folds; f++) {
    const train = prepared.filter((_, i) => fold[i] !== f);
    const testIndexes = prepared.flatMap((_, i) => (fold[i] === f ? [i] : []));
    const artifact = trainArtifact(train, settings, 1, `fold-${f}`);
    const read = readWith(
      artifact,
      testIndexes.map((i) => prepared[i]!),
    );
    testIndexes.forEach((i, j) => {
      scored[i] = read[j]!;
    });
  }
  return scored;
}

/** The softmax temperature that minimises the out-of-fold negative log-likelihood (grid 0.3–3). */
export function fitTemperature(scored: readonly { line: CorpusLine; logProbabilities: number[] }[]): number {
  let best = { temperature: 1, loss: Infinity };
  for (let t = 0.3; t <= 3.0001; t += 0.05) {
    let loss = 0;
    for (const { line, logProbabilities } of scored) {
      const scaled = logProbabilities.map((l) => l / t);
      const max = Math.max(...scaled);
      const logSum = max + Math.log(scaled.reduce((sum, s) => sum + Math.exp(s - max), 0));
      loss -= scaled[INTENTS.indexOf(line.expected.intent)]! - logSum;
    }
    if (loss < best.loss) best = { temperature: Number(t.toFixed(2)), loss };
  }
  return best.temperature;
}

/** Expected calibration error over 10 confidence bins: how far confidence is from accuracy. */
export function calibrationError(scored: readonly Scored[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, right: 0 }));
  for (const { line, reading } of scored) {
    const bin = bins[Math.min(9, Math.floor(reading.confidence * 10))]!;
    bin.n++;
    bin.confidence += reading.confidence;
    if (reading.intent === line.expected.intent) bin.right++;
  }
  const total = scored.length || 1;
  return Number(
    bins
      .reduce(
        (sum, b) => sum + (b.n === 0 ? 0 : (b.n / total) * Math.abs(b.right / b.n - b.confidence / b.n)),
        0,
      )
      .toFixed(4),
  );
}
