/**
 * The committed model artefacts that are too large to bundle: each is read from disk the first time a function
 * reads with it, so a function pays for a model only when it uses it (cold start, issue #14). Deployed functions
 * carry these files beside their bundle (lib/bundling.ts copies them there); from source they are read from this
 * folder. The bundler replaces `import.meta.dirname` with the bundle's own directory.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const LAZY_MODEL_ARTIFACTS = [
  'assistant-intents.json',
  'abuse-classifier.json',
  'category-classifier.json',
] as const;

export type LazyModelArtifact = (typeof LAZY_MODEL_ARTIFACTS)[number];

export function readModelArtifact(name: LazyModelArtifact): unknown {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, name), 'utf8'));
}
