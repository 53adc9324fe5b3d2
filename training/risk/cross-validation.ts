import { seededRandom, shuffled } from '../../lib/seeded-random';

/**
 * Stratified k-fold assignment: each class is shuffled with the seed and dealt round-robin, so every fold
 * holds (to within one row) the same share of defaults. Returns the fold number of every row.
 */
export function stratifiedFolds(labels: readonly (0 | 1)[], folds: number, seed: number): number[] {
  if (!Number.isInteger(folds) || folds < 2) throw new Error('folds must be an integer >= 2');
  const random = seededRandom(seed);
  const foldOf = new Array<number>(labels.length).fill(0);
  let dealt = 0;
  for (const outcome of [0, 1] as const) {
    const members = labels.flatMap((label, index) => (label === outcome ? [index] : []));
    for (const index of shuffled(members, random)) foldOf[index] = dealt++ % folds;
  }
  return foldOf;
}

export interface MeanAndSd {
  mean: number;
  sd: number;
}

/** Mean and sample standard deviation (n − 1). */
export function meanAndSd(values: readonly number[]): MeanAndSd {
  const mean = values.reduce((total, value) => total + value, 0) / values.length;
  const squares = values.reduce((total, value) => total + (value - mean) ** 2, 0);
  return { mean, sd: values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0 };
}
