/**
 * Trains the message classifier (`content/message-model.ts`): L2-regularised logistic regression over each
 * message's distinct words, word pairs and Chinese character n-grams (binary, L2-normalised), by full-batch
 * Adam from zero weights, so the same corpus always gives the same weights (no shuffling, no sampling).
 * The "any violation" head learns from every line, classes weighted to balance; each category's head learns
 * one-against-the-rest from the violating lines, to name the rule.
 */
import { CONTENT_CATEGORIES, type ContentCategory } from '../../lambdas/domain/compliance/content/categories';
import { readMessage } from '../../lambdas/domain/compliance/content/detect';
import {
  type MessageFeature,
  MessageModel,
  messageBucket,
  messageFeatures,
} from '../../lambdas/domain/compliance/content/message-model';
import { type CorpusLine, quantised } from './train-categories';

export const MESSAGE_BUCKETS = 1 << 20;

export interface MessageHyperparameters {
  /** Inverse L2 strength, as scikit-learn's C: the loss is summed over lines, plus ‖w‖² / 2C. */
  readonly c: number;
  readonly iterations: number;
  readonly learningRate: number;
  /** Weights kept for the "any" head and for each category's head, quantised to one signed byte. */
  readonly keepAny: number;
  readonly keepPerCategory: number;
}

export const MESSAGE_HYPERPARAMETERS: MessageHyperparameters = {
  c: 30,
  iterations: 400,
  learningRate: 0.05,
  keepAny: 30_000,
  keepPerCategory: 1_500,
};

export interface EncodedMessage {
  readonly line: CorpusLine;
  readonly features: readonly MessageFeature[];
}

export function encodeMessage(line: CorpusLine): EncodedMessage {
  return { line, features: messageFeatures(readMessage(line.request.text)) };
}

export interface TrainedMessages {
  readonly biases: number[];
  /** Weight by bucket (each head's buckets are its own). */
  readonly weights: Map<number, number>[];
}

/** Fits one head: rows as vocabulary indexes, labels and sample weights. */
function fitHead(
  rows: readonly Int32Array[],
  labels: readonly number[],
  sampleWeights: readonly number[],
  vocabulary: number,
  params: MessageHyperparameters,
): { bias: number; weights: Float64Array } {
  const w = new Float64Array(vocabulary);
  const m = new Float64Array(vocabulary + 1);
  const v = new Float64Array(vocabulary + 1);
  const grad = new Float64Array(vocabulary + 1);
  let bias = 0;
  const beta1 = 0.9;
  const beta2 = 0.999;
  const lambda = 1 / params.c;
  for (let step = 1; step <= params.iterations; step++) {
    grad.fill(0);
    rows.forEach((row, i) => {
      const norm = 1 / Math.sqrt(Math.max(1, row.length));
      let z = bias;
      for (const f of row) z += w[f]! * norm;
      const p = 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, z))));
      const g = (p - labels[i]!) * sampleWeights[i]!;
      for (const f of row) grad[f]! += g * norm;
      grad[vocabulary]! += g;
    });
    for (let f = 0; f < vocabulary; f++) grad[f]! += lambda * w[f]!;
    const correction1 = 1 - beta1 ** step;
    const correction2 = 1 - beta2 ** step;
    for (let f = 0; f <= vocabulary; f++) {
      const g = grad[f]!;
      m[f] = beta1 * m[f]! + (1 - beta1) * g;
      v[f] = beta2 * v[f]! + (1 - beta2) * g * g;
      const delta = (params.learningRate * (m[f]! / correction1)) / (Math.sqrt(v[f]! / correction2) + 1e-8);
      if (f === vocabulary) bias -= delta;
      else w[f]! -= delta;
    }
  }
  return { bias, weights: w };
}

export function trainMessages(
  data: readonly EncodedMessage[],
  params: MessageHyperparameters,
): TrainedMessages {
  const index = new Map<string, number>();
  const keys: string[] = [];
  const rows = data.map(
    ({ features }) =>
      new Int32Array(
        features.map(({ key }) => {
          let at = index.get(key);
          if (at === undefined) {
            at = keys.length;
            index.set(key, at);
            keys.push(key);
          }
          return at;
        }),
      ),
  );
  const violating = data.map(({ line }) => (line.expected ? 0 : 1));
  const positives = violating.filter((label) => label === 1).length;
  const negatives = data.length - positives;
  // Balanced, as scikit-learn's class_weight="balanced": each class weighs half the data.
  const balanced = violating.map((label) =>
    label === 1 ? data.length / (2 * Math.max(1, positives)) : data.length / (2 * Math.max(1, negatives)),
  );
  const heads: Array<{ rows: Int32Array[]; labels: number[]; sampleWeights: number[] }> = [
    { rows, labels: violating, sampleWeights: balanced },
    ...CONTENT_CATEGORIES.map((category) => {
      const chosen = data.flatMap((row, i) => (!row.line.expected && row.line.category ? [i] : []));
      return {
        rows: chosen.map((i) => rows[i]!),
        labels: chosen.map((i) => (data[i]!.line.category === category ? 1 : 0)),
        sampleWeights: chosen.map(() => 1),
      };
    }),
  ];
  const biases: number[] = [];
  const weights: Map<number, number>[] = [];
  heads.forEach((head, h) => {
    const fitted = fitHead(head.rows, head.labels, head.sampleWeights, keys.length, params);
    biases.push(fitted.bias);
    const byBucket = new Map<number, number>();
    fitted.weights.forEach((weight, f) => {
      if (weight !== 0) {
        const bucket = messageBucket(keys[f]!, h, MESSAGE_BUCKETS);
        byBucket.set(bucket, (byBucket.get(bucket) ?? 0) + weight);
      }
    });
    weights.push(byBucket);
  });
  return { biases, weights };
}

/** The largest weights of each head, quantised to one signed byte (as stored), as a model. */
export function pruneMessages(
  trained: TrainedMessages,
  params: MessageHyperparameters,
  thresholds = { en: 0.5, zh: 0.5 },
): { model: MessageModel; scale: number; weights: Map<number, number>; biases: number[] } {
  const kept = trained.weights.flatMap((head, h) =>
    [...head.entries()]
      .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0])
      .slice(0, h === 0 ? params.keepAny : params.keepPerCategory),
  );
  const { scale, weights } = quantised(kept);
  const biases = trained.biases.map((b) => Number(b.toFixed(6)));
  const model = MessageModel.fromWeights(weights, {
    version: 'candidate',
    buckets: MESSAGE_BUCKETS,
    biases,
    thresholds,
    categories: CONTENT_CATEGORIES as readonly ContentCategory[],
  });
  return { model, scale, weights, biases };
}
