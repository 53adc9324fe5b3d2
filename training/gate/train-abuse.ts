/**
 * Trains the abuse classifier: logistic regression by FTRL-Proximal (per-coordinate learning rates, L1 for
 * sparsity, L2), on hashed features, in a fixed order shuffled by a seeded generator, so the same data gives
 * the same artefact. Scores are per sentence of the message's own words (the gate's runtime rule), the
 * message's score is its highest sentence.
 */
import { createHash } from 'node:crypto';
import { featureHash, featuresOf } from '../../lambdas/domain/compliance/content/abuse-features';
import { ownSentences } from '../../lambdas/domain/compliance/content/content-check';
import { readMessage } from '../../lambdas/domain/compliance/content/detect';
import { seededRandom } from '../../lib/seeded-random';
import type { Example, Source } from './data';
import { quantised } from './train-categories';

export const BUCKETS = 1 << 20;

export interface Hyperparameters {
  readonly alpha: number;
  readonly beta: number;
  readonly l1: number;
  readonly l2: number;
  readonly epochs: number;
  readonly keep: number;
  /** Per source; Davidson's tweets are mostly offensive, so its two classes are weighted apart (`davidson:1`). */
  readonly weights: Readonly<Record<Source | 'davidson:1', number>>;
}

export const HYPERPARAMETERS: Hyperparameters = {
  alpha: 0.1,
  beta: 1,
  l1: 1,
  l2: 1,
  epochs: 4,
  keep: 12_000,
  weights: { cold: 1, davidson: 1, 'davidson:1': 0.15, corpus: 4, functional: 3 },
};

/** An example as the trainer sees it: hashed features per sentence of its own words. */
export interface Encoded {
  readonly example: Example;
  readonly sentences: readonly Int32Array[];
  /** Sentences holding a word of the gate's lexicon classes (an insult, a slur, a group name…). */
  readonly marked: readonly boolean[];
}

export function encode(example: Example): Encoded {
  const message = readMessage(example.text);
  const ranges = ownSentences(message);
  const features = ranges.map(([from, to]) => featuresOf(message, from, to));
  return {
    example,
    sentences: features.map((list) =>
      Int32Array.from(list.map((feature) => featureHash(feature.key, BUCKETS))),
    ),
    marked: features.map((list) => list.some((feature) => /^(?:k:|Z:)/u.test(feature.key))),
  };
}

/**
 * What an example teaches, as the gate reads it (a message is as abusive as its worst sentence): every
 * sentence of a clean collection message is clean; an abusive collection message teaches only its abusive
 * sentence (the one with a lexicon word, else the one the model scores highest so far), so "pay" in "Pay
 * your bill, you idiot." does not become abusive; public corpora are learnt whole.
 */
function unitsOf(encoded: Encoded, logitOf: (features: Int32Array) => number): Int32Array[] {
  const { example, sentences, marked } = encoded;
  const ours = example.source === 'corpus' || example.source === 'functional';
  if (!ours || (sentences.length <= 1 && !example.otherViolation)) return [concat(sentences)];
  if (example.otherViolation) return sentences.filter((_, index) => !marked[index]);
  if (example.label === 0) return [...sentences];
  const markedSentences = sentences.filter((_, index) => marked[index]);
  if (markedSentences.length > 0) return markedSentences;
  let best = sentences[0]!;
  for (const sentence of sentences) if (logitOf(sentence) > logitOf(best)) best = sentence;
  return [best];
}

export function foldOf(key: string, folds: number): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) % folds;
}

export interface TrainedWeights {
  readonly bias: number;
  readonly weights: Map<number, number>;
}

export function train(data: readonly Encoded[], params: Hyperparameters, seed: number): TrainedWeights {
  const z = new Float64Array(BUCKETS);
  const n = new Float64Array(BUCKETS);
  let biasZ = 0;
  let biasN = 0;
  const random = seededRandom(seed);
  const order = data.map((_, index) => index);
  const weightOf = (i: number) => {
    const zi = z[i]!;
    if (Math.abs(zi) <= params.l1) return 0;
    return -(zi - Math.sign(zi) * params.l1) / ((params.beta + Math.sqrt(n[i]!)) / params.alpha + params.l2);
  };
  for (let epoch = 0; epoch < params.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { example } = data[index]!;
      const logitOf = (features: Int32Array) => {
        let sum = 0;
        for (const feature of features) sum += weightOf(feature);
        return sum;
      };
      for (const features of unitsOf(data[index]!, logitOf)) {
        const bias = -biasZ / ((params.beta + Math.sqrt(biasN)) / params.alpha);
        let logit = bias;
        for (const feature of features) logit += weightOf(feature);
        const p = 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, logit))));
        const weight =
          example.source === 'davidson' && example.label === 1
            ? params.weights['davidson:1']
            : params.weights[example.source];
        const g = (p - example.label) * weight;
        for (const feature of features) {
          const w = weightOf(feature);
          const sigma = (Math.sqrt(n[feature]! + g * g) - Math.sqrt(n[feature]!)) / params.alpha;
          z[feature] = z[feature]! + g - sigma * w;
          n[feature] = n[feature]! + g * g;
        }
        const sigma = (Math.sqrt(biasN + g * g) - Math.sqrt(biasN)) / params.alpha;
        biasZ += g - sigma * bias;
        biasN += g * g;
      }
    }
  }
  const weights = new Map<number, number>();
  for (let i = 0; i < BUCKETS; i++) {
    const w = weightOf(i);
    if (w !== 0) weights.set(i, w);
  }
  return { bias: -biasZ / ((params.beta + Math.sqrt(biasN)) / params.alpha), weights };
}

function concat(sentences: readonly Int32Array[]): Int32Array {
  if (sentences.length === 1) return sentences[0]!;
  const total = sentences.reduce((sum, sentence) => sum + sentence.length, 0);
  const all = new Int32Array(total);
  let at = 0;
  for (const sentence of sentences) {
    all.set(sentence, at);
    at += sentence.length;
  }
  return all;
}

/** Keeps the `keep` largest weights and rounds each to a signed byte of `scale`, as the artefact stores them. */
export function pruneAndQuantise(trained: TrainedWeights, keep: number): TrainedWeights & { scale: number } {
  const kept = [...trained.weights.entries()]
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0])
    .slice(0, keep);
  return { bias: trained.bias, ...quantised(kept) };
}

/** The message's probability: its highest-scoring sentence (no sentence: the bias alone). */
export function probability(model: TrainedWeights, encoded: Encoded): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const sentence of encoded.sentences) {
    let logit = model.bias;
    for (const feature of sentence) logit += model.weights.get(feature) ?? 0;
    best = Math.max(best, logit);
  }
  if (best === Number.NEGATIVE_INFINITY) best = model.bias;
  return 1 / (1 + Math.exp(-best));
}

export interface Rates {
  readonly n: number;
  readonly positives: number;
  readonly recall: number;
  readonly falsePositiveRate: number;
}

export function rates(scored: ReadonlyArray<{ label: 0 | 1; p: number }>, threshold: number): Rates {
  const positives = scored.filter((row) => row.label === 1);
  const negatives = scored.filter((row) => row.label === 0);
  return {
    n: scored.length,
    positives: positives.length,
    recall: positives.length ? positives.filter((row) => row.p >= threshold).length / positives.length : 0,
    falsePositiveRate: negatives.length
      ? negatives.filter((row) => row.p >= threshold).length / negatives.length
      : 0,
  };
}

/**
 * The lowest threshold (most recall) whose false-positive rates stay within their limits on every guarded
 * set: the clean collection messages must almost never be blocked by the classifier.
 */
export function chooseThreshold(
  guards: ReadonlyArray<{
    readonly scored: ReadonlyArray<{ label: 0 | 1; p: number }>;
    readonly maxFalsePositiveRate: number;
  }>,
): number {
  // Never below even odds: a sentence the model is unsure about is left to the rules.
  for (let t = 0.5; t <= 0.995; t += 0.005) {
    if (
      guards.every(
        ({ scored, maxFalsePositiveRate }) => rates(scored, t).falsePositiveRate <= maxFalsePositiveRate,
      )
    )
      return Number(t.toFixed(3));
  }
  return 0.995;
}
