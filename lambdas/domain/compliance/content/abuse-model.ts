import { featureHash, featuresOf, type PlacedFeature } from './abuse-features';
import type { ReadMessage } from './detect';

/**
 * The abuse classifier: a logistic model over hashed features (see `abuse-features.ts`), trained by
 * `npm run train:gate`. Weights are pruned and quantised to one signed byte each, so the artefact stays small
 * enough for every Lambda that carries the gate. A score is the sum of its features' weights, so the reasons
 * it gives (the features that raised it most, with where they are) are exactly what produced it.
 */
export interface AbuseModelArtifact {
  readonly version: string;
  readonly buckets: number;
  readonly bias: number;
  /** A stored weight is `byte × scale`. */
  readonly scale: number;
  /** Probability at or above which a sentence is abusive, per language (chosen by cross-validation). */
  readonly thresholds: { readonly en: number; readonly zh: number };
  /** Base64 of (bucket delta as a varint, weight as a signed byte) pairs, buckets ascending. */
  readonly weights: string;
  readonly [metadata: string]: unknown;
}

export interface AbuseReason {
  readonly feature: string;
  readonly start: number;
  readonly end: number;
  readonly contribution: number;
}

export interface AbuseScore {
  readonly probability: number;
  readonly logit: number;
  readonly language: 'en' | 'zh';
  readonly threshold: number;
  /** Features that raised the score, strongest first: what the model saw. */
  readonly reasons: readonly AbuseReason[];
  readonly start: number;
  readonly end: number;
}

export class AbuseModel {
  readonly version: string;
  readonly thresholds: AbuseModelArtifact['thresholds'];
  private readonly weights: Map<number, number>;
  /**
   * The artefact's weights as one signed byte per bucket (a stored weight is `byte × scale`, never 0): scoring
   * indexes an array instead of probing a map. Absent for models built from raw weights (training).
   */
  private readonly bytes: Int8Array | undefined;
  private readonly scale: number;
  private readonly buckets: number;
  readonly bias: number;

  constructor(artifact: AbuseModelArtifact) {
    this.version = artifact.version;
    this.thresholds = artifact.thresholds;
    this.buckets = artifact.buckets;
    this.bias = artifact.bias;
    this.weights = decodeWeights(artifact.weights, artifact.scale);
    this.scale = artifact.scale;
    this.bytes = byteTable(artifact.weights, artifact.buckets);
  }

  /** Raw weights by bucket, for training and tests. */
  static fromWeights(
    weights: Map<number, number>,
    options: Pick<AbuseModelArtifact, 'version' | 'buckets' | 'bias' | 'thresholds'>,
  ): AbuseModel {
    const model = Object.create(AbuseModel.prototype) as AbuseModel;
    Object.assign(model, { ...options, weights });
    return model;
  }

  weightOf(key: string): number {
    return this.weights.get(featureHash(key, this.buckets)) ?? 0;
  }

  /** The score of the features of `[from, to)` of the message's reading text. */
  score(message: ReadMessage, from: number, to: number): AbuseScore {
    const features = featuresOf(message, from, to);
    return this.scoreFeatures(features, languageOf(message.read.text.slice(from, to)), from, to);
  }

  /** `hashes[i]`, when given, is `featureHash(features[i].key, 2 ** 32)`: the gate hashes each feature once. */
  scoreFeatures(
    features: readonly PlacedFeature[],
    language: 'en' | 'zh',
    from: number,
    to: number,
    hashes?: readonly number[],
  ): AbuseScore {
    let logit = this.bias;
    const contributions = new Map<string, AbuseReason>();
    const { bytes, scale, buckets } = this;
    for (let index = 0; index < features.length; index++) {
      const feature = features[index]!;
      const hash = hashes?.[index];
      const bucket = hash === undefined ? featureHash(feature.key, buckets) : hash % buckets;
      let weight: number | undefined;
      if (bytes) {
        const byte = bytes[bucket]!;
        weight = byte === 0 ? undefined : byte * scale;
      } else weight = this.weights.get(bucket);
      if (weight === undefined) continue;
      logit += weight;
      if (weight > 0 && !contributions.has(feature.key))
        contributions.set(feature.key, {
          feature: feature.key,
          start: feature.start,
          end: feature.end,
          contribution: weight,
        });
    }
    const reasons = [...contributions.values()].sort((a, b) => b.contribution - a.contribution).slice(0, 5);
    return {
      probability: 1 / (1 + Math.exp(-logit)),
      logit,
      language,
      threshold: this.thresholds[language],
      reasons,
      start: from,
      end: to,
    };
  }
}

export function languageOf(text: string): 'en' | 'zh' {
  // Counted by code unit: both ranges are in the Basic Multilingual Plane, so a unit is a character.
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) cjk++;
    else if (code >= 0x61 && code <= 0x7a) latin++;
  }
  return cjk * 3 >= latin ? (cjk > 0 ? 'zh' : 'en') : 'en';
}

/** The (bucket, signed byte) pairs of the encoding: bucket deltas as base-128 varints, each with one weight byte. */
function* encodedWeights(encoded: string): Generator<[bucket: number, weight: number]> {
  const bytes = Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0));
  let bucket = 0;
  let index = 0;
  while (index < bytes.length) {
    let delta = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[index++]!;
      delta += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    bucket += delta;
    const raw = bytes[index++]!;
    yield [bucket, raw > 127 ? raw - 256 : raw];
  }
}

export function decodeWeights(encoded: string, scale: number): Map<number, number> {
  const weights = new Map<number, number>();
  for (const [bucket, weight] of encodedWeights(encoded)) weights.set(bucket, weight * scale);
  return weights;
}

/** The signed bytes of `decodeWeights`'s encoding, one per bucket (0: no weight). */
function byteTable(encoded: string, buckets: number): Int8Array | undefined {
  const table = new Int8Array(buckets);
  for (const [bucket, weight] of encodedWeights(encoded)) {
    if (bucket >= buckets) return undefined;
    table[bucket] = weight;
  }
  return table;
}

/** Inverse of `decodeWeights`, for the training script: weights are rounded to `scale`. */
export function encodeWeights(weights: ReadonlyMap<number, number>, scale: number): string {
  const bytes: number[] = [];
  let previous = 0;
  for (const bucket of [...weights.keys()].sort((a, b) => a - b)) {
    const quantised = Math.max(-127, Math.min(127, Math.round(weights.get(bucket)! / scale)));
    if (quantised === 0) continue;
    let delta = bucket - previous;
    previous = bucket;
    do {
      const low = delta & 0x7f;
      delta = Math.floor(delta / 128);
      bytes.push(delta > 0 ? low | 0x80 : low);
    } while (delta > 0);
    bytes.push(quantised & 0xff);
  }
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
