/**
 * The trained intent classifier at run time: a multinomial logistic regression over hashed features
 * (features.ts), decoded once from its versioned artefact (models/assistant-intents.json, written by
 * `npm run train-assistant`). Scoring a message is a sparse dot product: no allocation beyond the feature list.
 */
import { INTENTS, type IntentName } from '../taxonomy';

/** The committed artefact's shape. Weights are int8 with one scale, hashes sorted, both base64. */
export interface IntentModelArtifact {
  readonly format: 'assistant-intents/1';
  readonly version: string;
  readonly classes: readonly string[];
  /** Little-endian uint32 feature hashes, ascending. */
  readonly featureHashes: string;
  /** int8, `featureHashes.length × classes.length`, row-major. */
  readonly weights: string;
  readonly scale: number;
  readonly bias: readonly number[];
  /** Softmax temperature fitted on out-of-fold predictions, so confidences are calibrated. */
  readonly temperature: number;
}

export interface IntentModel {
  readonly version: string;
  readonly classes: readonly IntentName[];
  readonly rows: ReadonlyMap<number, number>;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  readonly temperature: number;
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Decodes and checks an artefact; throws on a malformed one (a build-time fault, never a customer's). */
export function decodeIntentModel(artifact: IntentModelArtifact): IntentModel {
  if (artifact.format !== 'assistant-intents/1') throw new Error(`unknown model format ${artifact.format}`);
  const classes = artifact.classes.map((name) => {
    if (!(INTENTS as readonly string[]).includes(name)) throw new Error(`model class ${name} is not in the taxonomy`);
    return name as IntentName;
  });
  const hashBytes = bytesOf(artifact.featureHashes);
  const view = new DataView(hashBytes.buffer, hashBytes.byteOffset, hashBytes.byteLength);
  const count = hashBytes.byteLength / 4;
  const rows = new Map<number, number>();
  for (let i = 0; i < count; i++) rows.set(view.getUint32(i * 4, true), i);
  const quantised = new Int8Array(bytesOf(artifact.weights).buffer);
  if (quantised.length !== count * classes.length) throw new Error('model weights do not match its features');
  const weights = new Float32Array(quantised.length);
  for (let i = 0; i < quantised.length; i++) weights[i] = quantised[i]! * artifact.scale;
  return {
    version: artifact.version,
    classes,
    rows,
    weights,
    bias: Float32Array.from(artifact.bias),
    temperature: artifact.temperature,
  };
}

/** Class probabilities for a message's feature hashes (duplicates ignored), in `model.classes` order. */
export function intentProbabilities(model: IntentModel, hashes: readonly number[]): Float64Array {
  const k = model.classes.length;
  const scores = new Float64Array(k);
  const unique = new Set(hashes);
  const value = 1 / Math.sqrt(unique.size || 1);
  for (const hash of unique) {
    const row = model.rows.get(hash);
    if (row === undefined) continue;
    const offset = row * k;
    for (let c = 0; c < k; c++) scores[c]! += model.weights[offset + c]! * value;
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    scores[c] = (scores[c]! + model.bias[c]!) / model.temperature;
    if (scores[c]! > max) max = scores[c]!;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) {
    scores[c] = Math.exp(scores[c]! - max);
    sum += scores[c]!;
  }
  for (let c = 0; c < k; c++) scores[c]! /= sum;
  return scores;
}
