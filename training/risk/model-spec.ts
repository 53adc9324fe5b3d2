import type { BandCutOff } from '../../lambdas/domain/scoring/risk-model';
import type { ScorecardSpec } from './scorecard';

/** Bump when the spec, the features or the training data change. */
export const MODEL_VERSION = 'pd-scorecard-2026.11.1';

/**
 * Ten features in 5 single-feature tables and 5 pair tables. Pairs where effects interact: the latest
 * payment status changes how much the previous status, the balance, the limit and the latest payment
 * matter, and a given balance means more on a low limit. Payment-status axes and the count of late months
 * are monotone, so more delinquency never lowers the PD. Chosen by 5-fold CV on the training file: dropping
 * any pair cost 0.0005–0.002 AUC; other features and pairs tried (older statuses, amounts paid, months since
 * the last delay, unused months) added less than 0.0005.
 */
export const SCORECARD_SPEC: ScorecardSpec = {
  groups: [
    {
      axes: [
        { feature: 'latestPayStatus', maxBins: 12, increasingAbove: 0 },
        { feature: 'previousPayStatus', maxBins: 12, increasingAbove: 0 },
      ],
    },
    { axes: [{ feature: 'delayedMonthCount', maxBins: 7, increasingAbove: 0 }] },
    {
      axes: [
        { feature: 'creditLimit', maxBins: 10 },
        { feature: 'utilisation', maxBins: 10 },
      ],
    },
    { axes: [{ feature: 'peakUtilisation', maxBins: 16 }] },
    { axes: [{ feature: 'balanceTrend', maxBins: 16 }] },
    { axes: [{ feature: 'historicPaymentRatio', maxBins: 16 }] },
    { axes: [{ feature: 'paidMonthCount', maxBins: 7 }] },
    {
      axes: [
        { feature: 'latestPayStatus', maxBins: 12, increasingAbove: 0 },
        { feature: 'utilisation', maxBins: 8 },
      ],
    },
    {
      axes: [
        { feature: 'latestPayStatus', maxBins: 12, increasingAbove: 0 },
        { feature: 'creditLimit', maxBins: 8 },
      ],
    },
    {
      axes: [
        { feature: 'latestPayStatus', maxBins: 12, increasingAbove: 0 },
        { feature: 'latestPaymentRatio', maxBins: 8 },
      ],
    },
  ],
  minBinShare: 0.01,
  ridge: 1,
  smoothness: 30,
};

/** 500 points = even odds of default; every 20 points doubles the odds. Higher = riskier. */
export const SCORE_SCALE = { scoreAtEvenOdds: 500, pointsToDoubleOdds: 20 };

export const BANDS: BandCutOff[] = [
  { band: 'A', maxProbability: 0.1 },
  { band: 'B', maxProbability: 0.2 },
  { band: 'C', maxProbability: 0.35 },
  { band: 'D', maxProbability: 0.6 },
  { band: 'E', maxProbability: 1 },
];

/** Bands counted as "high" when comparing groups. */
export const HIGH_BANDS = ['D', 'E'] as const;

/**
 * PD given to an account whose history cannot be scored: the top of band C, above the portfolio default
 * rate (≈ 22%) so a bad record is not deprioritised, yet below the bands that trigger the most intensive
 * treatment on the strength of missing data.
 */
export const FALLBACK_PROBABILITY = 0.35;
