import { featureHash, type PlacedFeature } from './abuse-features';
import { decodeWeights } from './abuse-model';
import { type ContentCategory, isContentCategory } from './categories';

/**
 * The violation-category classifier: one logistic model per forbidden category over the same sentence
 * features (words, word pairs, Chinese character n-grams, the lexicon's classes) and the concepts of
 * `concepts.ts` and their pairs, trained by `npm run train:gate-categories` on the tuning part of the gate
 * corpora. It catches what the rules' phrases miss when another writer says the same thing in other words.
 * Beside the categories, an "any violation" head learns from every violating message at once (harm × family
 * is shared by veiled threats and threats of violence): it decides whether a sentence violates, the
 * categories' heads name which rule. Weights are pruned and quantised to one signed byte; a head's score is
 * exactly the sum of its features' weights plus its bias, so the reasons it gives are what produced it.
 */
export interface CategoryModelArtifact {
  readonly version: string;
  readonly buckets: number;
  readonly scale: number;
  readonly categories: readonly string[];
  /** One bias per category, then the bias of the "any violation" head (index `categories.length`). */
  readonly biases: readonly number[];
  /** A sentence's best category at or above its language's threshold is a violation (chosen by k-fold). */
  readonly thresholds: { readonly en: number; readonly zh: number };
  readonly weights: string;
  readonly [metadata: string]: unknown;
}

export interface CategoryReason {
  readonly feature: string;
  readonly start: number;
  readonly end: number;
  readonly contribution: number;
}

export interface CategoryScore {
  readonly category: ContentCategory;
  readonly probability: number;
  readonly threshold: number;
  readonly language: 'en' | 'zh';
  readonly reasons: readonly CategoryReason[];
  /**
   * The strongest reason that is a concept or a word class of the lexicon (not a bare word or character):
   * a finding needs one, so a sentence is never blocked on "一" or "the" alone, and its span points at it.
   */
  readonly grounding: CategoryReason | undefined;
}

/**
 * Features that carry meaning: a pair of concepts said plainly (a third party × telling, harm × family) and
 * the lexicon's classes of abuse (insults, profanity, slurs, demeaning attributes), and the concepts that are
 * a violation's core on their own (harm, watching, publishing, erasing…). The debt, a third party, telling,
 * a lawyer, a fee, an hour or a group's name alone are not: every reminder mentions some of them.
 */
/** A pair of concepts every ordinary notice holds ("we've passed this to our team … this account"). */
const WEAK_CONCEPT = 'debt|credit|fee|urgent|legal|authority|tell|target';
const WEAK_PAIR = new RegExp(`^KP:(?:${WEAK_CONCEPT})\\+(?:${WEAK_CONCEPT})(?:~no)?$`, 'u');

const GROUNDING_FIRST = new Set(['K', 'k', 'Z'].map((char) => char.charCodeAt(0)));

export const isGroundingFeature = (key: string): boolean =>
  // Every grounding key starts with K or k or Z (most features, "c1:", "w:", "b:", do not): checked first.
  GROUNDING_FIRST.has(key.charCodeAt(0)) &&
  ((key.startsWith('KP:') && !WEAK_PAIR.test(key)) ||
    /^(?:k|kb):.*<(?:insult|profanity|slur|strong|adj|negattr)>/u.test(key) ||
    /^Z:(?:insultZh|profanityZh|slurZh|negattrZh)$/u.test(key) ||
    /^K:(?:harm|watch|public|guarantee|erase|visit|borrow|crime|worth)$/u.test(key));

/** A feature's bucket for category `index`: one hash per feature, mixed with the category. */
export function categoryBucket(hash: number, index: number, buckets: number): number {
  return ((hash ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0) % buckets;
}

export const fullHash = (key: string): number => featureHash(key, 0x1_0000_0000);

export class CategoryModel {
  readonly version: string;
  readonly thresholds: CategoryModelArtifact['thresholds'];
  readonly categories: readonly ContentCategory[];
  private readonly biases: readonly number[];
  private readonly buckets: number;
  /** Weight by bucket, as a dense table: a lookup per feature and head is an index, not a hash probe. */
  private readonly weights: Float32Array;

  constructor(artifact: CategoryModelArtifact) {
    const unknown = artifact.categories.find((category) => !isContentCategory(category));
    if (unknown) throw new Error(`category model ${artifact.version}: unknown category "${unknown}"`);
    this.version = artifact.version;
    this.thresholds = artifact.thresholds;
    this.categories = artifact.categories as ContentCategory[];
    this.biases = artifact.biases;
    this.buckets = artifact.buckets;
    this.weights = denseTable(decodeWeights(artifact.weights, artifact.scale), artifact.buckets);
  }

  /** Raw weights by bucket, for training. */
  static fromWeights(
    weights: Map<number, number>,
    options: Pick<CategoryModelArtifact, 'version' | 'buckets' | 'biases' | 'thresholds' | 'categories'>,
  ): CategoryModel {
    const model = Object.create(CategoryModel.prototype) as CategoryModel;
    Object.assign(model, { ...options, weights: denseTable(weights, options.buckets) });
    return model;
  }

  /** The logit of every category, then of the "any violation" head, for hashed features (training's view). */
  logits(hashes: ArrayLike<number>): number[] {
    return [...this.categories, 'any'].map((_, index) => {
      let logit = this.biases[index] ?? 0;
      for (let i = 0; i < hashes.length; i++)
        logit += this.weights[categoryBucket(hashes[i]!, index, this.buckets)]!;
      return logit;
    });
  }

  /**
   * Whether the sentence violates (the "any" head's probability, with the features that raised it) and, if
   * so, which category most likely. Below the threshold: undefined, unless `everyScore` (training's sweep).
   */
  best(
    features: readonly PlacedFeature[],
    language: 'en' | 'zh',
    everyScore = false,
    known: readonly number[] = [],
  ): CategoryScore | undefined {
    // `known`: the hashes of the first features, when the caller has them already.
    const hashes = features.map((feature, index) => known[index] ?? fullHash(feature.key));
    const any = this.categories.length;
    // The "any" head first: below its threshold the sentence is clean and the categories need no scoring.
    let anyLogit = this.biases[any] ?? 0;
    for (const hash of hashes) anyLogit += this.weights[categoryBucket(hash, any, this.buckets)]!;
    if (!everyScore && 1 / (1 + Math.exp(-anyLogit)) < this.thresholds[language]) return undefined;
    const logits = this.logits(hashes);
    let index = 0;
    for (let i = 1; i < any; i++) if (logits[i]! > logits[index]!) index = i;
    const contributions = new Map<string, CategoryReason>();
    features.forEach((feature, at) => {
      const weight = this.weights[categoryBucket(hashes[at]!, any, this.buckets)]!;
      if (weight <= 0) return;
      const known = contributions.get(feature.key);
      contributions.set(feature.key, {
        feature: feature.key,
        start: known?.start ?? feature.start,
        end: known?.end ?? feature.end,
        contribution: (known?.contribution ?? 0) + weight,
      });
    });
    const reasons = [...contributions.values()].sort((a, b) => b.contribution - a.contribution);
    return {
      category: this.categories[index]!,
      probability: 1 / (1 + Math.exp(-logits[any]!)),
      threshold: this.thresholds[language],
      language,
      reasons: reasons.slice(0, 5),
      grounding: reasons.find((reason) => isGroundingFeature(reason.feature)),
    };
  }
}

function denseTable(weights: ReadonlyMap<number, number>, buckets: number): Float32Array {
  const table = new Float32Array(buckets);
  for (const [bucket, weight] of weights) table[bucket] = weight;
  return table;
}
