/**
 * Multinomial logistic regression over sparse hashed features, trained with AdaGrad SGD and L2 decay in a fixed
 * order (a seeded shuffle per epoch), so the same corpus and seed always give the same model. Then pruned to the
 * features that matter and quantised to int8 for the artefact.
 */
import { deflateRawSync } from 'node:zlib';
import type { SparseModelArtifact } from '../../lambdas/domain/chat/reading/classifier';
import { seededRandom, shuffled } from '../../lib/seeded-random';

export interface TrainingExample {
  /** Unique feature hashes of the message. */
  readonly hashes: readonly number[];
  readonly label: number;
  readonly weight: number;
}

export interface TrainingOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly l1: number;
  readonly minCount: number;
  readonly seed: number;
}

export const DEFAULT_TRAINING: TrainingOptions = {
  epochs: 30,
  learningRate: 0.2,
  l2: 1e-6,
  l1: 0.0003,
  minCount: 5,
  seed: 42,
};

export interface LinearModel {
  readonly hashes: Uint32Array;
  /** `hashes.length × classes`, row-major. */
  readonly weights: Float64Array;
  readonly bias: Float64Array;
  readonly classes: number;
}

export function trainLogistic(
  examples: readonly TrainingExample[],
  classes: number,
  options: TrainingOptions,
): LinearModel {
  const counts = new Map<number, number>();
  for (const example of examples)
    for (const hash of example.hashes) counts.set(hash, (counts.get(hash) ?? 0) + 1);
  const kept = [...counts]
    .filter(([, count]) => count >= options.minCount)
    .map(([hash]) => hash)
    .sort((a, b) => a - b);
  const column = new Map(kept.map((hash, index) => [hash, index]));
  const k = classes;
  const weights = new Float64Array(kept.length * k);
  const squared = new Float64Array(kept.length * k);
  const bias = new Float64Array(k);
  const biasSquared = new Float64Array(k);
  const encoded = examples.map((example) => ({
    columns: example.hashes.flatMap((hash) => (column.has(hash) ? [column.get(hash)!] : [])),
    value: 1 / Math.sqrt(example.hashes.length || 1),
    label: example.label,
    weight: example.weight,
  }));
  const random = seededRandom(options.seed);
  const scores = new Float64Array(k);
  const eps = 1e-8;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const example of shuffled(encoded, random)) {
      for (let c = 0; c < k; c++) scores[c] = bias[c]!;
      for (const col of example.columns) {
        const offset = col * k;
        for (let c = 0; c < k; c++) scores[c]! += weights[offset + c]! * example.value;
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) if (scores[c]! > max) max = scores[c]!;
      let sum = 0;
      for (let c = 0; c < k; c++) {
        scores[c] = Math.exp(scores[c]! - max);
        sum += scores[c]!;
      }
      for (let c = 0; c < k; c++) {
        const gradient = example.weight * (scores[c]! / sum - (c === example.label ? 1 : 0));
        biasSquared[c]! += gradient * gradient;
        bias[c]! -= (options.learningRate * gradient) / Math.sqrt(biasSquared[c]! + eps);
        if (Math.abs(gradient) < 1e-6) continue;
        for (const col of example.columns) {
          const index = col * k + c;
          const g = gradient * example.value + options.l2 * weights[index]!;
          squared[index]! += g * g;
          const step = options.learningRate / Math.sqrt(squared[index]! + eps);
          const updated = weights[index]! - step * g;
          // Proximal L1 step: small weights become exactly zero, so the artefact stores few of them.
          const shrink = step * options.l1;
          weights[index] = updated > shrink ? updated - shrink : updated < -shrink ? updated + shrink : 0;
        }
      }
    }
  }
  return { hashes: Uint32Array.from(kept), weights, bias, classes: k };
}

/**
 * The artefact: every feature with at least one non-zero weight, its weights quantised to int8 with one scale,
 * written sparse (see IntentModelArtifact) and raw-deflated.
 */
export function toArtifact(
  model: LinearModel,
  classNames: readonly string[],
  options: { readonly temperature: number },
): SparseModelArtifact {
  const k = model.classes;
  let maxAbs = 0;
  for (const w of model.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = Number((maxAbs / 127 || 1).toPrecision(8));
  const deltas: number[] = [];
  const counts: number[] = [];
  const classes: number[] = [];
  const weights: number[] = [];
  let previous = 0;
  model.hashes.forEach((hash, row) => {
    const kept: number[] = [];
    for (let c = 0; c < k; c++) if (Math.round(model.weights[row * k + c]! / scale) !== 0) kept.push(c);
    if (kept.length === 0) return;
    let delta = hash - previous;
    previous = hash;
    while (delta >= 128) {
      deltas.push((delta % 128) | 128);
      delta = Math.floor(delta / 128);
    }
    deltas.push(delta);
    counts.push(kept.length);
    for (const c of kept) {
      classes.push(c);
      weights.push(Math.round(model.weights[row * k + c]! / scale) & 255);
    }
  });
  const bytes = Uint8Array.from([...deltas, ...counts, ...classes, ...weights]);
  return {
    classes: classNames,
    features: counts.length,
    entries: classes.length,
    scale,
    bias: Array.from(model.bias, (b) => Number(b.toFixed(5))),
    temperature: options.temperature,
    model: deflateRawSync(bytes, { level: 9 }).toString('base64'),
  };
}
