/**
 * The trained intent classifier at run time: a multinomial logistic regression over hashed features
 * (features.ts), decoded once from its versioned artefact (models/assistant-intents.json, written by
 * `npm run train-assistant`). Scoring a message is a sparse dot product: no allocation beyond the feature list.
 */
import { inflateRawSync } from 'node:zlib';
import { INTENTS, type IntentName } from '../taxonomy';

/**
 * The committed artefact. `model` is base64 of raw-deflated sparse weights: for each kept feature in ascending
 * hash order its hash delta (LEB128 varint), then every feature's entry count (one byte), then the entries' class
 * indexes (one byte each), then their int8 weights (times `scale`).
 */
export interface IntentModelArtifact {
  readonly format: 'assistant-intents/2';
  readonly version: string;
  readonly classes: readonly string[];
  readonly features: number;
  readonly entries: number;
  readonly scale: number;
  readonly bias: readonly number[];
  /** Softmax temperature fitted on out-of-fold predictions, so confidences are calibrated. */
  readonly temperature: number;
  readonly model: string;
}

export interface IntentModel {
  readonly version: string;
  readonly classes: readonly IntentName[];
  /** Feature hash → its row; a row's entries are `rowStart[row]` up to `rowStart[row + 1]`. */
  readonly rows: ReadonlyMap<number, number>;
  readonly rowStart: Int32Array;
  readonly entryClass: Uint8Array;
  readonly entryWeight: Float32Array;
  readonly bias: Float32Array;
  readonly temperature: number;
}

/** Decodes and checks an artefact; throws on a malformed one (a build-time fault, never a customer's). */
export function decodeIntentModel(artifact: IntentModelArtifact): IntentModel {
  if (artifact.format !== 'assistant-intents/2') throw new Error(`unknown model format ${artifact.format}`);
  const classes = artifact.classes.map((name) => {
    if (!(INTENTS as readonly string[]).includes(name))
      throw new Error(`model class ${name} is not in the taxonomy`);
    return name as IntentName;
  });
  const bytes = inflateRawSync(Buffer.from(artifact.model, 'base64'));
  const { features, entries } = artifact;
  let at = 0;
  const rows = new Map<number, number>();
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
    rows.set(hash, row);
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
    version: artifact.version,
    classes,
    rows,
    rowStart,
    entryClass,
    entryWeight,
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
