import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auc, brier, ks } from '../../training/risk/metrics';

/** AUC by definition: the share of (positive, negative) pairs ranked correctly, ties counting one half. */
function pairwiseAuc(scores: number[], labels: (0 | 1)[]): number {
  let credit = 0;
  let pairs = 0;
  scores.forEach((positive, i) => {
    if (labels[i] !== 1) return;
    scores.forEach((negative, j) => {
      if (labels[j] !== 0) return;
      pairs++;
      credit += positive > negative ? 1 : positive === negative ? 0.5 : 0;
    });
  });
  return credit / pairs;
}

describe('auc', () => {
  it('counts correctly ranked pairs', () => {
    // Pairs (pos, neg): 0.35>0.1 yes, 0.35>0.4 no, 0.8>0.1 yes, 0.8>0.4 yes → 3 of 4.
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it('gives tied scores half credit through average ranks', () => {
    // 0.5 vs 0.1: 1; 0.5 vs 0.5: ½; 0.9 vs both: 2 → 3.5 of 4.
    expect(auc([0.1, 0.5, 0.5, 0.9], [0, 0, 1, 1])).toBe(0.875);
    expect(auc([0.3, 0.3, 0.3], [0, 1, 0])).toBe(0.5);
  });

  it('is 1 for perfect and 0 for reversed ranking', () => {
    expect(auc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(auc([4, 3, 2, 1], [0, 0, 1, 1])).toBe(0);
  });

  it('matches the pairwise definition on random data with many ties', () => {
    const labelledScores = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom<0 | 1>(0, 1)), {
        minLength: 2,
        maxLength: 40,
      })
      .filter((rows) => new Set(rows.map(([, label]) => label)).size === 2);
    fc.assert(
      fc.property(labelledScores, (rows) => {
        const scores = rows.map(([score]) => score);
        const labels = rows.map(([, label]) => label);
        expect(auc(scores, labels)).toBeCloseTo(pairwiseAuc(scores, labels), 12);
      }),
    );
  });

  it('rejects data it cannot rank', () => {
    expect(() => auc([0.1, 0.2], [1, 1])).toThrow('both outcomes');
    expect(() => auc([0.1], [0, 1])).toThrow('same length');
    expect(() => auc([], [])).toThrow('at least one');
  });
});

describe('ks', () => {
  it('is the largest gap between the cumulative score distributions', () => {
    // Ascending: 0.1 neg (1/2 vs 0), 0.35 pos (1/2 vs 1/2), 0.4 neg (1 vs 1/2), 0.8 pos → max gap 0.5.
    expect(ks([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.5);
  });

  it('cuts only between distinct scores', () => {
    expect(ks([0.5, 0.5], [0, 1])).toBe(0);
    expect(ks([0.2, 0.5, 0.5, 0.7], [0, 0, 1, 1])).toBe(0.5);
  });

  it('is 1 for perfect separation', () => {
    expect(ks([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
  });
});

describe('brier', () => {
  it('is the mean squared error of the probabilities', () => {
    expect(brier([0.2, 0.9], [0, 1])).toBeCloseTo((0.04 + 0.01) / 2, 15);
    expect(brier([0, 1], [0, 1])).toBe(0);
    expect(brier([1], [0])).toBe(1);
  });
});
