/**
 * `npm run train-assistant` (= `npm run assistant -- train`): cross-validates on the tuning part of the corpus,
 * checks the held-out part with a model trained on the tuning part only, trains the shipped model on every line,
 * and writes the artefact and its model card. Deterministic: same corpus and seed, same bytes.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { INTENTS } from '../../lambdas/domain/chat/taxonomy';
import type { AssistantIo } from './cli';
import { type CorpusLine, isHeldOut, parseCorpus } from './corpus';
import { figuresOf } from './metrics';
import { renderModelCard } from './model-card';
import {
  calibrationError,
  crossValidate,
  DEFAULT_SETTINGS,
  fitManipulationThreshold,
  fitTemperature,
  prepare,
  readWith,
  trainArtifact,
} from './training';

export interface TrainIo extends AssistantIo {
  readonly writeFile: (file: string, text: string) => void;
  readonly listDir: (dir: string) => string[];
}

export const defaultListDir = (dir: string) => readdirSync(dir);

export function trainMain(args: readonly string[], io: TrainIo): number {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        corpus: { type: 'string', default: 'corpora/assistant' },
        out: { type: 'string', default: 'models/assistant-intents.json' },
        card: { type: 'string', default: 'docs/assistant-model-card.md' },
        folds: { type: 'string', default: String(DEFAULT_SETTINGS.folds) },
        seed: { type: 'string', default: String(DEFAULT_SETTINGS.seed) },
      },
    }));
  } catch (error) {
    io.writeErr(`assistant: ${(error as Error).message}\n`);
    return 2;
  }
  const folds = Number(values.folds);
  const seed = Number(values.seed);
  if (!Number.isInteger(folds) || folds < 2 || !Number.isInteger(seed) || seed < 0) {
    io.writeErr('assistant: --folds must be an integer ≥ 2 and --seed a non-negative integer\n');
    return 2;
  }
  const dir = values.corpus!;
  let files: string[];
  try {
    files = io
      .listDir(dir)
      .filter((name) => name.endsWith('.jsonl'))
      .sort();
  } catch {
    io.writeErr(`assistant: cannot read ${dir}\n`);
    return 2;
  }
  const lines: CorpusLine[] = [];
  const partOf = new Map<string, string>();
  for (const name of files) {
    const text = io.readText(join(dir, name));
    if (text === undefined) {
      io.writeErr(`assistant: cannot read ${join(dir, name)}\n`);
      return 2;
    }
    try {
      const parsed = parseCorpus(text, join(dir, name));
      // messages-2-en.jsonl and messages-2-zh.jsonl are one part, "messages-2".
      const part = name.replace(/\.jsonl$/u, '').replace(/-(?:en|zh)$/u, '');
      for (const line of parsed) partOf.set(String(line.id), part);
      lines.push(...parsed);
    } catch (error) {
      io.writeErr(`assistant: ${(error as Error).message}\n`);
      return 1;
    }
  }
  if (lines.length === 0) {
    io.writeErr(`assistant: no corpus lines in ${dir}\n`);
    return 1;
  }
  const settings = { ...DEFAULT_SETTINGS, folds, seed };
  const tuning = prepare(lines.filter((line) => !isHeldOut(line.id)));
  const heldOut = prepare(lines.filter((line) => isHeldOut(line.id)));
  io.writeErr(`training on ${tuning.length} tuning + ${heldOut.length} held-out lines, ${folds}-fold…\n`);

  const rawOutOfFold = crossValidate(tuning, settings);
  const temperature = fitTemperature(rawOutOfFold);
  const threshold = fitManipulationThreshold(rawOutOfFold);
  // Out-of-fold flags at the fitted threshold, as the shipped model flags.
  const outOfFold = rawOutOfFold.map((s) => ({
    ...s,
    reading: { ...s.reading, injection: s.ruleFlag || s.manipulationProbability >= threshold },
  }));
  const tuningOnly = trainArtifact(tuning, settings, temperature, 'tuning-only', threshold);
  const heldOutScored = readWith(tuningOnly, heldOut);
  const all = [...tuning, ...heldOut];
  const draft = trainArtifact(all, settings, temperature, '', threshold);
  const digest = createHash('sha256')
    .update(draft.model)
    .update(JSON.stringify(draft.bias))
    .digest('hex')
    .slice(0, 12);
  const artifact = { ...draft, version: `assistant-intents-${digest}` };
  const artifactJson = `${JSON.stringify(artifact)}\n`;

  const card = renderModelCard({
    artifact,
    artifactBytes: Buffer.byteLength(artifactJson),
    settings,
    corpus: lines,
    heldOutCount: heldOut.length,
    crossValidation: figuresOf(outOfFold),
    heldOut: figuresOf(heldOutScored),
    heldOutCalibrationError: calibrationError(heldOutScored),
    heldOutByPart: [...new Set(partOf.values())].sort().map((part) => ({
      part,
      figures: figuresOf(heldOutScored.filter((s) => partOf.get(String(s.line.id)) === part)),
    })),
    files: files.map((name) => join(dir, name)),
    classes: INTENTS,
  });
  io.writeFile(values.out!, artifactJson);
  io.writeFile(values.card!, card);
  const cv = figuresOf(outOfFold);
  io.writeOut(
    `${JSON.stringify({
      version: artifact.version,
      features: artifact.features,
      entries: artifact.entries,
      temperature,
      manipulationThreshold: threshold,
      kFold: { accuracy: cv.accuracy, byLanguage: cv.accuracyByLanguage },
      heldOut: {
        accuracy: figuresOf(heldOutScored).accuracy,
        byLanguage: figuresOf(heldOutScored).accuracyByLanguage,
      },
    })}\n`,
  );
  return 0;
}
