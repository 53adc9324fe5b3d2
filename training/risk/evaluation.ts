import { type BandCutOff, bandFor, type RiskBand } from '../../lambdas/domain/scoring/risk-model';
import { auc } from './metrics';

export interface Scored {
  probability: number;
  label: 0 | 1;
}

export interface CalibrationBin {
  rows: number;
  meanPredicted: number;
  observedRate: number;
}

const mean = (values: readonly number[]): number =>
  values.reduce((total, value) => total + value, 0) / values.length;

/** Equal-count bins of ascending predicted PD (ties broken by row order, so the split is deterministic). */
export function calibrationByQuantile(scored: readonly Scored[], bins = 10): CalibrationBin[] {
  const order = scored
    .map((_, index) => index)
    .sort((a, b) => scored[a]!.probability - scored[b]!.probability || a - b);
  return Array.from({ length: bins }, (_, bin) => {
    const members = order
      .slice(Math.floor((bin * order.length) / bins), Math.floor(((bin + 1) * order.length) / bins))
      .map((index) => scored[index]!);
    return {
      rows: members.length,
      meanPredicted: mean(members.map((row) => row.probability)),
      observedRate: mean(members.map((row) => row.label)),
    };
  });
}

export interface BandSummary {
  band: RiskBand;
  minProbability: number;
  maxProbability: number;
  rows: number;
  share: number;
  meanPredicted: number;
  observedRate: number;
}

export function bandSummaries(scored: readonly Scored[], bands: readonly BandCutOff[]): BandSummary[] {
  return bands.map((cutOff, index) => {
    const members = scored.filter((row) => bandFor(bands, row.probability) === cutOff.band);
    return {
      band: cutOff.band,
      minProbability: index === 0 ? 0 : bands[index - 1]!.maxProbability,
      maxProbability: cutOff.maxProbability,
      rows: members.length,
      share: members.length / scored.length,
      meanPredicted: members.length > 0 ? mean(members.map((row) => row.probability)) : Number.NaN,
      observedRate: members.length > 0 ? mean(members.map((row) => row.label)) : Number.NaN,
    };
  });
}

export interface GroupSummary {
  group: string;
  rows: number;
  meanPredicted: number;
  observedRate: number;
  highBandShare: number;
  /** Discrimination within the group (NaN when the group has only one outcome). */
  auc: number;
}

/** Measures scores across groups of a protected attribute: for monitoring only, never a model input. */
export function compareGroups(
  scored: readonly Scored[],
  groupOf: (index: number) => string | null,
  groupOrder: readonly string[],
  isHighBand: (probability: number) => boolean,
): GroupSummary[] {
  return groupOrder.flatMap((group) => {
    const members = scored.filter((_, index) => groupOf(index) === group);
    if (members.length === 0) return [];
    const outcomes = new Set(members.map((row) => row.label));
    return [
      {
        group,
        rows: members.length,
        meanPredicted: mean(members.map((row) => row.probability)),
        observedRate: mean(members.map((row) => row.label)),
        highBandShare: members.filter((row) => isHighBand(row.probability)).length / members.length,
        auc:
          outcomes.size === 2
            ? auc(
                members.map((row) => row.probability),
                members.map((row) => row.label),
              )
            : Number.NaN,
      },
    ];
  });
}
