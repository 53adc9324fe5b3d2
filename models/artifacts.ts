/**
 * The committed data that is too large to bundle: model artefacts and the gate's rule tables. Each file is read
 * from disk the first time a function reads with it, so a function pays for it only when it uses it (cold start,
 * issue #14). A module reads its artefact from its own folder (`import.meta.dirname`): from source that is the
 * folder the file is committed in; in a bundle the bundler replaces `import.meta.dirname` with the bundle's own
 * folder, where lib/bundling.ts copies every file listed here.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Every lazily read artefact by file name (unique: they ship side by side) and the folder it is committed in. */
export const LAZY_ARTIFACTS = {
  'assistant-intents.json': 'models',
  'abuse-classifier.json': 'models',
  'category-classifier.json': 'models',
  'message-classifier.json': 'models',
  'gate-patterns.json': 'lambdas/domain/compliance/content',
  'gate-lexicon.json': 'lambdas/domain/compliance/content',
  'gate-concepts.json': 'lambdas/domain/compliance/content',
  'gate-traditional-chars.json': 'lambdas/domain/compliance/understanding',
  'gate-reading.json': 'lambdas/domain/compliance/understanding',
  'assistant-concepts.json': 'lambdas/domain/chat/reading',
} as const;

export type LazyArtifact = keyof typeof LAZY_ARTIFACTS;

/** Paths of the lazily read artefacts from the project root. */
export const lazyArtifactPaths = (): string[] =>
  Object.entries(LAZY_ARTIFACTS).map(([name, folder]) => `${folder}/${name}`);

/** Reads the JSON artefact `name` from `folder`: the reading module's `import.meta.dirname`. */
export function readArtifact(folder: string, name: LazyArtifact): unknown {
  return JSON.parse(readFileSync(path.join(folder, name), 'utf8'));
}

export type LazyModelArtifact =
  | 'assistant-intents.json'
  | 'abuse-classifier.json'
  | 'category-classifier.json'
  | 'message-classifier.json';

export function readModelArtifact(name: LazyModelArtifact): unknown {
  return readArtifact(import.meta.dirname, name);
}
