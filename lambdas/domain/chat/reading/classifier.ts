/**
 * The trained intent classifier at run time: a multinomial logistic regression over hashed features
 * (features.ts), decoded once from its versioned artefact (models/assistant-intents.json, written by
 * `npm run train-assistant`). Scoring a message is a sparse dot product: no allocation beyond the feature list.
 */
import { inflateRawSync } from 'node:zlib';
import { INTENTS, type IntentName } from '../taxonomy';

/**
 * A sparse linear model as stored. `model` is base64 of raw-deflated sparse weights: for each kept feature in
 * ascending hash order its hash delta (LEB128 varint), then every feature's entry count (one byte), then the
 * entries' class indexes (one byte each), then their int8 weights (times `scale`).
 */
export interface SparseModelArtifact {
  readonly classes: readonly string[];
  readonly features: number;
  readonly entries: number;
  readonly scale: number;
  readonly bias: readonly number[];
  /** Softmax temperature fitted on out-of-fold predictions, so probabilities are calibrated. */
  readonly temperature: number;
  readonly model: string;
}

/** The committed artefact: the intent model, and a binary manipulation model with its decision threshold. */
export interface IntentModelArtifact extends SparseModelArtifact {
  readonly format: 'assistant-intents/2';
  readonly version: string;
  readonly manipulation?: SparseModelArtifact & { readonly threshold: number };
}

export interface SparseModel {
  readonly classes: readonly string[];
  /** Open-addressing table from feature hash to row (`slotRow` holds row + 1; 0 is empty): no boxed keys. */
  readonly slotHash: Int32Array;
  readonly slotRow: Int32Array;
  /** A row's entries are `rowStart[row]` up to `rowStart[row + 1]`. */
  readonly rowStart: Int32Array;
  readonly entryClass: Uint8Array;
  readonly entryWeight: Float32Array;
  readonly bias: Float32Array;
  readonly temperature: number;
}

export interface IntentModel extends SparseModel {
  readonly version: string;
  readonly classes: readonly IntentName[];
  /** Probability of class 1 ("manipulation") at or above `threshold` flags a message. */
  readonly manipulation?: { readonly model: SparseModel; readonly threshold: number };
}

/** Decodes and checks an artefact; throws on a malformed one (a build-time fault, never a customer's). */
export function decodeIntentModel(artifact: IntentModelArtifact): IntentModel {
  if (artifact.format !== 'assistant-intents/2') throw new Error(`unknown model format ${artifact.format}`);
  const classes = artifact.classes.map((name) => {
    if (!(INTENTS as readonly string[]).includes(name))
      throw new Error(`model class ${name} is not in the taxonomy`);
    return name as IntentName;
  });
  const { manipulation } = artifact;
  return {
    ...decodeSparseModel(artifact),
    version: artifact.version,
    classes,
    ...(manipulation
      ? { manipulation: { model: decodeSparseModel(manipulation), threshold: manipulation.threshold } }
      : {}),
  };
}

export function decodeSparseModel(artifact: SparseModelArtifact): SparseModel {
  const bytes = inflateRawSync(Buffer.from(artifact.model, 'base64'));
  const { features, entries, classes } = artifact;
  let at = 0;
  let size = 1;
  while (size < features * 2) size *= 2;
  const slotHash = new Int32Array(size);
  const slotRow = new Int32Array(size);
  let hash = 0;
  for (let row = 0; row < features; row++) {
    let delta = 0;
    let shift = 1;
    for (;;) {
      const byte = bytes[at++]!;
      delta += (byte & 127) * shift;
      if (byte < 128) break;
      shift *= 128;
    }
    hash += delta;
    let slot = mix(hash) & (size - 1);
    while (slotRow[slot] !== 0) slot = (slot + 1) & (size - 1);
    slotHash[slot] = hash | 0;
    slotRow[slot] = row + 1;
  }
  const rowStart = new Int32Array(features + 1);
  for (let row = 0; row < features; row++) rowStart[row + 1] = rowStart[row]! + bytes[at++]!;
  if (rowStart[features] !== entries || at + 2 * entries !== bytes.length)
    throw new Error('model entries do not match its features');
  const entryClass = Uint8Array.from(bytes.subarray(at, at + entries));
  if (entryClass.some((c) => c >= classes.length)) throw new Error('model entry names no class');
  const entryWeight = new Float32Array(entries);
  for (let i = 0; i < entries; i++)
    entryWeight[i] = ((bytes[at + entries + i]! << 24) >> 24) * artifact.scale;
  return {
    classes,
    slotHash,
    slotRow,
    rowStart,
    entryClass,
    entryWeight,
    bias: Float32Array.from(artifact.bias),
    temperature: artifact.temperature,
  };
}

const mix = (hash: number) => (hash ^ (hash >>> 15)) >>> 0;

/** The row of a feature hash, or -1 when the model does not know the feature. */
function rowOf(model: SparseModel, hash: number): number {
  const mask = model.slotRow.length - 1;
  const key = hash | 0;
  for (let slot = mix(hash) & mask; model.slotRow[slot] !== 0; slot = (slot + 1) & mask)
    if (model.slotHash[slot] === key) return model.slotRow[slot]! - 1;
  return -1;
}

/** Class probabilities for a message's feature hashes (duplicates ignored), in `model.classes` order. */
export function intentProbabilities(model: SparseModel, hashes: readonly number[]): Float64Array {
  const k = model.classes.length;
  const scores = new Float64Array(k);
  const sorted = new Uint32Array(hashes).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) unique++;
  const value = 1 / Math.sqrt(unique || 1);
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    const row = rowOf(model, sorted[i]!);
    if (row < 0) continue;
    for (let e = model.rowStart[row]!; e < model.rowStart[row + 1]!; e++)
      scores[model.entryClass[e]!]! += model.entryWeight[e]! * value;
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
