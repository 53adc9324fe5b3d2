/**
 * Trains the violation-category classifier: one logistic model per forbidden category, by FTRL-Proximal
 * (L1 for sparsity, L2) over hashed sentence features and concepts, in an order shuffled by a seeded
 * generator, so the same corpus gives the same artefact. Every sentence of a clean message is a negative
 * for every category. A violating message is a positive for its category through one sentence: at first
 * the message's whole own words, then the sentence the model scores highest for that category (the others
 * may be greetings or disclosures that clean messages share).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { featuresOf, type PlacedFeature } from '../../lambdas/domain/compliance/content/abuse-features';
import { languageOf } from '../../lambdas/domain/compliance/content/abuse-model';
import { CONTENT_CATEGORIES, type ContentCategory } from '../../lambdas/domain/compliance/content/categories';
import {
  CategoryModel,
  categoryBucket,
  fullHash,
} from '../../lambdas/domain/compliance/content/category-model';
import { conceptFeatures } from '../../lambdas/domain/compliance/content/concepts';
import { ownSentences, sentenceSpared } from '../../lambdas/domain/compliance/content/content-check';
import { readMessage } from '../../lambdas/domain/compliance/content/detect';
import type { MessageRequest } from '../../lambdas/domain/compliance/types';
import { seededRandom } from '../../lib/seeded-random';
import type { CategoryFigures } from './category-card';
import { readCold } from './data';

export const CATEGORY_BUCKETS = 1 << 20;

export interface CategoryHyperparameters {
  readonly alpha: number;
  readonly beta: number;
  readonly l1: number;
  readonly l2: number;
  readonly epochs: number;
  readonly keep: number;
  /** Weight of a positive (violating) example against a clean sentence. */
  readonly positiveWeight: number;
}

export const CATEGORY_HYPERPARAMETERS: CategoryHyperparameters = {
  alpha: 0.3,
  beta: 1,
  l1: 1,
  l2: 1,
  epochs: 8,
  keep: 8_000,
  positiveWeight: 3,
};

/** A labelled line of a gate corpus (CORPUS-SPEC B). */
export interface CorpusLine {
  readonly file: string;
  readonly id: string;
  readonly request: MessageRequest;
  readonly expected: boolean;
  readonly category: ContentCategory | undefined;
  readonly language: 'en' | 'zh';
  /** The held-out fifth: `sha256(id)` starts with a byte divisible by 5; never used for fitting or thresholds. */
  readonly heldOut: boolean;
}

export const isHeldOut = (id: string): boolean => createHash('sha256').update(id).digest()[0]! % 5 === 0;

export function readCorpus(file: string): CorpusLine[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/u)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as MessageRequest & { id: string; expected: boolean; category?: string };
      const { expected, category, ...request } = row;
      return {
        file,
        id: String(row.id),
        request: request as MessageRequest,
        expected,
        category: CONTENT_CATEGORIES.find((known) => known === category),
        language: row.language === 'en' ? 'en' : 'zh',
        heldOut: isHeldOut(String(row.id)),
      };
    });
}

/** Every labelled corpus in `dir` (`*.jsonl`, in name order): the collection messages and the functional suites. */
export function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => join(dir, name));
}

/** A HateCheck-style functional suite (neutral mentions, counter-speech, negated abuse), not collection messages. */
export const isSuite = (file: string): boolean => basename(file).startsWith('functional-');

/**
 * The corpora that are folds of the by-writer validation: each is scored by a model trained on the others, so
 * the thresholds are chosen on what another writer's messages score (a random split shares each writer's
 * phrasing between training and scoring, and chose thresholds that blocked twice the clean lines on a new
 * writer). The product's own messages are always trained on: they are not a writer's voice.
 */
export function writerFolds(files: readonly string[]): string[] {
  return files.filter((file) => basename(file) !== 'product-messages.jsonl');
}

/** How many of COLD train's inoffensive comments the classifiers that read groups are trained on. */
export const NEUTRAL_SOCIAL_TALK = 1_500;

/**
 * COLD's train split, inoffensive comments only (a fixed sample, by the hash of each key): people talking about
 * regions, groups and gender without demeaning anyone, which a collection corpus has too little of. Clean
 * lines for the classifiers that read groups; COLD's dev split stays held out (reported by train:gate).
 */
export function neutralSocialTalk(file: string, count: number): CorpusLine[] {
  return readCold(file)
    .filter((example) => example.label === 0)
    .map((example) => ({ example, order: createHash('sha256').update(example.key).digest('hex') }))
    .sort((a, b) => a.order.localeCompare(b.order))
    .slice(0, count)
    .map(({ example }) => ({
      file: 'cold-train.csv',
      id: example.key,
      request: { jurisdiction: 'CN', channel: 'portal', language: 'zh-CN', text: example.text },
      expected: true,
      category: undefined,
      language: 'zh',
      heldOut: false,
    }));
}

/** Recall and false blocks over labelled rows, by what `blocked` says of each. */
export function figuresOf<Row extends { readonly line: { readonly expected: boolean } }>(
  rows: readonly Row[],
  blocked: (row: Row) => boolean,
): CategoryFigures {
  const violating = rows.filter((row) => !row.line.expected);
  const clean = rows.filter((row) => row.line.expected);
  return {
    n: rows.length,
    violating: violating.length,
    recall: violating.filter(blocked).length / Math.max(1, violating.length),
    falseBlocks: clean.filter(blocked).length / Math.max(1, clean.length),
  };
}

/** Weights quantised to one signed byte of the largest one's scale (as stored): what the artefact holds. */
export function quantised(kept: ReadonlyArray<readonly [number, number]>): {
  scale: number;
  weights: Map<number, number>;
} {
  const largest = Math.max(...kept.map(([, w]) => Math.abs(w)), 1e-9);
  const scale = largest / 127;
  const weights = new Map<number, number>();
  for (const [bucket, w] of kept) {
    const q = Math.round(w / scale);
    if (q !== 0) weights.set(bucket, q * scale);
  }
  return { scale, weights };
}

export interface EncodedLine {
  readonly line: CorpusLine;
  /** Per sentence of the message's own words: its features (as the gate reads them) and their hashes. */
  readonly features: readonly PlacedFeature[][];
  readonly sentences: readonly Uint32Array[];
  readonly languages: readonly ('en' | 'zh')[];
  readonly whole: Uint32Array;
  /** Per sentence: whether the gate drops a finding of abuse, and of a threat, there (`sentenceSpared`). */
  readonly spared: ReadonlyArray<{ readonly abuse: boolean; readonly threat: boolean }>;
}

export function encodeLine(line: CorpusLine): EncodedLine {
  const message = readMessage(line.request.text);
  const ranges = ownSentences(message);
  const features = ranges.map(([from, to]) => [
    ...featuresOf(message, from, to),
    ...conceptFeatures(message, from, to),
  ]);
  const sentences = features.map((list) => Uint32Array.from(list.map((feature) => fullHash(feature.key))));
  const whole = new Uint32Array(sentences.reduce((sum, sentence) => sum + sentence.length, 0));
  let at = 0;
  for (const sentence of sentences) {
    whole.set(sentence, at);
    at += sentence.length;
  }
  return {
    line,
    features,
    sentences,
    languages: ranges.map(([from, to]) => languageOf(message.read.text.slice(from, to))),
    whole,
    spared: ranges.map(([from, to]) => ({
      abuse: sentenceSpared(message, 'insult', from, to),
      threat: sentenceSpared(message, 'threat_violence', from, to),
    })),
  };
}

export interface TrainedCategories {
  readonly biases: number[];
  readonly weights: Map<number, number>;
}

export function trainCategories(
  data: readonly EncodedLine[],
  params: CategoryHyperparameters,
  seed: number,
): TrainedCategories {
  // The categories' heads, then the "any violation" head.
  const categories = [...CONTENT_CATEGORIES, 'any'];
  const any = CONTENT_CATEGORIES.length;
  const z = new Float64Array(CATEGORY_BUCKETS);
  const n = new Float64Array(CATEGORY_BUCKETS);
  const biasZ = new Float64Array(categories.length);
  const biasN = new Float64Array(categories.length);
  const weightAt = (i: number) => {
    const zi = z[i]!;
    if (Math.abs(zi) <= params.l1) return 0;
    return -(zi - Math.sign(zi) * params.l1) / ((params.beta + Math.sqrt(n[i]!)) / params.alpha + params.l2);
  };
  const biasOf = (c: number) => -biasZ[c]! / ((params.beta + Math.sqrt(biasN[c]!)) / params.alpha);
  const logitOf = (hashes: Uint32Array, c: number) => {
    let sum = biasOf(c);
    for (const hash of hashes) sum += weightAt(categoryBucket(hash, c, CATEGORY_BUCKETS));
    return sum;
  };
  const update = (hashes: Uint32Array, c: number, label: 0 | 1, weight: number) => {
    const p = 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, logitOf(hashes, c)))));
    const g = (p - label) * weight;
    const buckets = new Set<number>();
    for (const hash of hashes) buckets.add(categoryBucket(hash, c, CATEGORY_BUCKETS));
    for (const i of buckets) {
      const w = weightAt(i);
      const sigma = (Math.sqrt(n[i]! + g * g) - Math.sqrt(n[i]!)) / params.alpha;
      z[i] = z[i]! + g - sigma * w;
      n[i] = n[i]! + g * g;
    }
    const b = biasOf(c);
    const sigma = (Math.sqrt(biasN[c]! + g * g) - Math.sqrt(biasN[c]!)) / params.alpha;
    biasZ[c] = biasZ[c]! + g - sigma * b;
    biasN[c] = biasN[c]! + g * g;
  };
  const random = seededRandom(seed);
  const order = data.map((_, index) => index);
  for (let epoch = 0; epoch < params.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { line, sentences, whole } = data[index]!;
      if (sentences.length === 0) continue;
      if (line.expected) {
        for (const sentence of sentences)
          for (let c = 0; c < categories.length; c++) update(sentence, c, 0, 1);
        continue;
      }
      if (!line.category) continue;
      const c = categories.indexOf(line.category);
      let unit = whole;
      if (epoch > 0) {
        unit = sentences[0]!;
        for (const sentence of sentences) if (logitOf(sentence, c) > logitOf(unit, c)) unit = sentence;
      }
      update(unit, c, 1, params.positiveWeight);
      let anyUnit = whole;
      if (epoch > 0) {
        anyUnit = sentences[0]!;
        for (const sentence of sentences)
          if (logitOf(sentence, any) > logitOf(anyUnit, any)) anyUnit = sentence;
      }
      update(anyUnit, any, 1, params.positiveWeight);
    }
  }
  const weights = new Map<number, number>();
  for (let i = 0; i < CATEGORY_BUCKETS; i++) {
    const w = weightAt(i);
    if (w !== 0) weights.set(i, w);
  }
  return { biases: categories.map((_, c) => biasOf(c)), weights };
}

/** The `keep` largest weights, quantised to one signed byte (as stored), as a model. */
export function pruneCategories(
  trained: TrainedCategories,
  keep: number,
  thresholds = { en: 0.5, zh: 0.5 },
): { model: CategoryModel; scale: number; weights: Map<number, number>; biases: number[] } {
  const kept = [...trained.weights.entries()].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, keep);
  const { scale, weights } = quantised(kept);
  const biases = trained.biases.map((b) => Number(b.toFixed(6)));
  const model = CategoryModel.fromWeights(weights, {
    version: 'candidate',
    buckets: CATEGORY_BUCKETS,
    biases,
    thresholds,
    categories: CONTENT_CATEGORIES,
  });
  return { model, scale, weights, biases };
}

/**
 * The highest "any violation" probability over a line's sentences that the gate would act on (a finding
 * needs a grounding reason): a message is as bad as its worst sentence.
 */
const ABUSE = new Set<ContentCategory>(['insult', 'profanity', 'discrimination']);

export function lineScore(
  model: CategoryModel,
  encoded: EncodedLine,
): { p: number; category: ContentCategory } {
  let best = { p: 0, category: CONTENT_CATEGORIES[0] as ContentCategory };
  encoded.features.forEach((features, index) => {
    const score = model.best(features, encoded.languages[index]!, true)!;
    // As the gate applies it: a finding of abuse or a threat where the sentence denies it, condemns a quote or
    // aims its harsh words at no one is dropped (`sentenceSpared`).
    const spared = encoded.spared[index]!;
    if (ABUSE.has(score.category) ? spared.abuse : score.category === 'threat_violence' && spared.threat)
      return;
    if (score.grounding && score.probability > best.p)
      best = { p: score.probability, category: score.category };
  });
  return best;
}
