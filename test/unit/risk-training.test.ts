import { describe, expect, it } from 'vitest';
import {
  computeFeatures,
  groupCell,
  type RiskModelInput,
  scoreRisk,
} from '../../lambdas/domain/scoring/risk-model';
import { seededRandom } from '../../lib/seeded-random';
import { quantileUpperEdges } from '../../training/risk/binning';
import { solveSymmetricPositiveDefinite } from '../../training/risk/cholesky';
import { meanAndSd, stratifiedFolds } from '../../training/risk/cross-validation';
import { bandSummaries, calibrationByQuantile, compareGroups } from '../../training/risk/evaluation';
import { BANDS } from '../../training/risk/model-spec';
import { fitScorecard, type ScorecardSpec } from '../../training/risk/scorecard';
import { artifactJson, type LabelledAccount, trainRiskModel } from '../../training/risk/train-model';

/** Accounts whose default odds rise with a hidden risk that also drives late payment and high balances. */
function syntheticAccounts(count: number, seed: number): LabelledAccount[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const risk = random();
    const creditLimit = 10000 * (1 + Math.floor(random() * 30));
    const months = Array.from({ length: 6 }, () => {
      const draw = random();
      const payStatus = draw < 0.5 * risk ? 1 + Math.floor(random() * 3) : draw < 0.7 ? 0 : -1;
      const statementBalance = Math.round(creditLimit * random() * (0.3 + risk));
      return {
        payStatus,
        statementBalance,
        amountPaid: Math.round(statementBalance * random() * (1 - risk) * 0.3),
      };
    });
    const label: 0 | 1 = random() < 0.05 + 0.6 * risk * risk ? 1 : 0;
    return { input: { creditLimit, months }, label };
  });
}

const accountWithLatestStatus = (payStatus: number): RiskModelInput => ({
  creditLimit: 50000,
  months: Array.from({ length: 6 }, (_, index) => ({
    payStatus: index === 0 ? payStatus : 0,
    statementBalance: 20000,
    amountPaid: 1000,
  })),
});

describe('trainRiskModel', () => {
  const accounts = syntheticAccounts(1500, 7);
  const options = { folds: 3, seed: 11, dataSha256: 'synthetic' };

  it('is deterministic: the same data gives a byte-identical artifact', () => {
    const first = trainRiskModel(accounts, options);
    const second = trainRiskModel(structuredClone(accounts), options);
    expect(artifactJson(second.artifact)).toBe(artifactJson(first.artifact));
    expect(second.crossValidation).toEqual(first.crossValidation);
  });

  it('learns the signal, and its out-of-fold PDs come from models that did not see the row', () => {
    const { artifact, crossValidation } = trainRiskModel(accounts, options);
    expect(crossValidation.folds).toHaveLength(3);
    expect(crossValidation.auc.mean).toBeGreaterThan(0.65);
    expect(crossValidation.outOfFoldProbabilities.every((p) => p > 0 && p < 1)).toBe(true);
    const inSample = accounts.map((account) => scoreRisk(artifact, account.input).probabilityOfDefault);
    expect(inSample).not.toEqual(crossValidation.outOfFoldProbabilities);
    expect(artifact.training).toMatchObject({ rows: 1500, folds: 3, seed: 11, dataSha256: 'synthetic' });
  });

  it('serialises with number arrays on one line and a final newline', () => {
    const json = artifactJson(trainRiskModel(accounts, options).artifact);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).toMatch(/"upperEdges": \[-?[\d.]+(, -?[\d.e-]+)*\]/);
    expect(JSON.parse(json).version).toMatch(/^pd-scorecard-/);
  });
});

describe('fitScorecard', () => {
  it('centres every table on the training rows, so points are contributions against the average', () => {
    const accounts = syntheticAccounts(1000, 3);
    const spec: ScorecardSpec = {
      groups: [
        {
          axes: [
            { feature: 'latestPayStatus', maxBins: 6 },
            { feature: 'utilisation', maxBins: 5 },
          ],
        },
        { axes: [{ feature: 'creditLimit', maxBins: 8 }] },
      ],
      minBinShare: 0.02,
      ridge: 1,
      smoothness: 10,
    };
    const scorecard = fitScorecard(
      accounts.map((account) => account.input),
      accounts.map((account) => account.label),
      spec,
    );
    for (const group of scorecard.groups) {
      const meanPoints =
        accounts.reduce(
          (total, account) => total + group.points[groupCell(group, computeFeatures(account.input))]!,
          0,
        ) / accounts.length;
      expect(Math.abs(meanPoints)).toBeLessThan(1e-5);
    }
    expect(scorecard.groups[0]!.axes.every((axis) => axis.marginalPoints !== undefined)).toBe(true);
    expect(scorecard.groups[1]!.axes[0]!.marginalPoints).toBeUndefined();
  });

  it('keeps risk non-decreasing on a monotone axis even when the data says otherwise', () => {
    // Default rates by latest status: 0 → 10%, 1 → 30%, 2 → 60%, 3 → 20% (too few, noisy: must not fall).
    const rates: Array<[number, number, number]> = [
      [0, 400, 0.1],
      [1, 300, 0.3],
      [2, 300, 0.6],
      [3, 300, 0.2],
    ];
    const accounts = rates.flatMap(([status, count, rate]) =>
      Array.from({ length: count }, (_, index) => ({
        input: accountWithLatestStatus(status),
        label: (index < count * rate ? 1 : 0) as 0 | 1,
      })),
    );
    const scorecard = fitScorecard(
      accounts.map((account) => account.input),
      accounts.map((account) => account.label),
      {
        groups: [{ axes: [{ feature: 'latestPayStatus', maxBins: 8, increasingAbove: 0 }] }],
        minBinShare: 0.01,
        ridge: 0.1,
        smoothness: 0,
      },
    );
    const points = scorecard.groups[0]!.points;
    expect(scorecard.groups[0]!.axes[0]!.upperEdges).toEqual([0, 1, 2]);
    expect(points[0]!).toBeLessThan(points[1]!);
    expect(points[1]!).toBeLessThan(points[2]!);
    expect(points[3]!).toBeCloseTo(points[2]!, 5);
  });
});

describe('quantileUpperEdges', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, index) => index + 1);

  it('cuts at quantiles, each edge closing its cell', () => {
    expect(quantileUpperEdges(oneToHundred, { maxBins: 4, minBinShare: 0 })).toEqual([25, 50, 75]);
  });

  it('gives tied values one cell and merges cells thinner than the minimum share', () => {
    const values = [...Array.from({ length: 90 }, () => 0), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantileUpperEdges(values, { maxBins: 10, minBinShare: 0 })).toEqual([0]);
    const skewed = [...Array.from({ length: 97 }, () => 0), 5, 6, 7];
    expect(quantileUpperEdges(skewed, { maxBins: 100, minBinShare: 0.05 })).toEqual([]);
  });

  it('rounds edges to 4 significant digits', () => {
    const ratios = oneToHundred.map((value) => value / 3);
    expect(quantileUpperEdges(ratios, { maxBins: 2, minBinShare: 0 })).toEqual([16.67]);
  });
});

describe('stratifiedFolds', () => {
  const labels = Array.from({ length: 103 }, (_, index) => (index % 5 === 0 ? 1 : 0)) as (0 | 1)[];

  it('spreads each class evenly over the folds', () => {
    const folds = stratifiedFolds(labels, 5, 42);
    for (let fold = 0; fold < 5; fold++) {
      const members = labels.filter((_, index) => folds[index] === fold);
      const positives = members.filter((label) => label === 1).length;
      expect(Math.abs(members.length - 103 / 5)).toBeLessThanOrEqual(1);
      expect(Math.abs(positives - 21 / 5)).toBeLessThanOrEqual(1);
    }
  });

  it('depends only on the seed', () => {
    expect(stratifiedFolds(labels, 5, 42)).toEqual(stratifiedFolds(labels, 5, 42));
    expect(stratifiedFolds(labels, 5, 43)).not.toEqual(stratifiedFolds(labels, 5, 42));
    expect(() => stratifiedFolds(labels, 1, 42)).toThrow('folds');
  });

  it('summarises fold metrics as mean and sample standard deviation', () => {
    expect(meanAndSd([1, 2, 3])).toEqual({ mean: 2, sd: 1 });
  });
});

describe('solveSymmetricPositiveDefinite', () => {
  it('solves a small system exactly', () => {
    // [[4, 2], [2, 3]] x = [2, 1] → x = [0.5, 0].
    const solution = solveSymmetricPositiveDefinite(
      Float64Array.from([4, 2, 2, 3]),
      Float64Array.from([2, 1]),
    );
    expect(Array.from(solution)).toEqual([0.5, 0]);
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() =>
      solveSymmetricPositiveDefinite(Float64Array.from([1, 2, 2, 1]), Float64Array.from([1, 1])),
    ).toThrow('positive definite');
  });
});

describe('model card measurements', () => {
  const scored = [0.05, 0.15, 0.25, 0.5, 0.9, 0.08].map((probability, index) => ({
    probability,
    label: (index % 2) as 0 | 1,
  }));

  it('calibrates over equal-count bins of ascending PD', () => {
    const bins = calibrationByQuantile(scored, 3);
    expect(bins.map((bin) => bin.rows)).toEqual([2, 2, 2]);
    expect(bins[0]).toEqual({ rows: 2, meanPredicted: (0.05 + 0.08) / 2, observedRate: 0.5 });
  });

  it('summarises bands by their cut-offs', () => {
    const summaries = bandSummaries(scored, BANDS);
    expect(summaries.map((band) => band.rows)).toEqual([2, 1, 1, 1, 1]);
    expect(summaries[0]).toMatchObject({ band: 'A', minProbability: 0, maxProbability: 0.1, share: 2 / 6 });
  });

  it('compares groups without using the group in the score', () => {
    const groups = compareGroups(
      scored,
      (index) => (index < 3 ? 'x' : 'y'),
      ['x', 'y', 'z'],
      (p) => p > 0.35,
    );
    expect(groups.map((group) => [group.group, group.rows, group.highBandShare])).toEqual([
      ['x', 3, 0],
      ['y', 3, 2 / 3],
    ]);
  });
});
