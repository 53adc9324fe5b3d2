import {
  type BinnedAxis,
  cellIndex,
  computeFeatures,
  type FeatureId,
  groupCell,
  type PointsGroup,
  type RiskModelInput,
} from '../../lambdas/domain/scoring/risk-model';
import { quantileUpperEdges } from './binning';
import { fitPenalisedLogistic, type OneHotDesign, type Ordering } from './penalised-logistic';

export interface AxisSpec {
  feature: FeatureId;
  maxBins: number;
  /**
   * Monotone risk: cells entirely above this value must score at least as much as every cell at or below
   * it, and never less than their lower neighbour (e.g. 0 for payment status: later is never safer).
   */
  increasingAbove?: number;
}

/** A points table over one feature, or over a pair whose effects interact. */
export interface GroupSpec {
  axes: [AxisSpec] | [AxisSpec, AxisSpec];
}

export interface ScorecardSpec {
  groups: GroupSpec[];
  minBinShare: number;
  /** Ridge weight on every cell's points: shrinks thin cells towards the average. */
  ridge: number;
  /** Weight on squared differences between neighbouring cells: keeps each points curve smooth. */
  smoothness: number;
}

export interface Scorecard {
  baseLogit: number;
  groups: PointsGroup[];
}

/** Points are stored to 6 decimals: plenty for a PD, and keeps the artifact small and readable. */
const roundPoints = (value: number): number => Math.round(value * 1e6) / 1e6 + 0;

const cellCount = (axes: readonly BinnedAxis[]): number =>
  axes.reduce((count, axis) => count * (axis.upperEdges.length + 1), 1);

function binAxes(spec: ScorecardSpec, features: Record<FeatureId, number>[]): PointsGroup[] {
  return spec.groups.map((group) => {
    const axes = group.axes.map(({ feature, maxBins }) => ({
      feature,
      upperEdges: quantileUpperEdges(
        features.map((row) => row[feature]),
        { maxBins, minBinShare: spec.minBinShare },
      ),
    }));
    return { axes, points: new Array<number>(cellCount(axes)).fill(0) };
  });
}

function oneHotDesign(groups: PointsGroup[], features: Record<FeatureId, number>[]): OneHotDesign {
  const firstColumn: number[] = [];
  let columnCount = 1;
  for (const group of groups) {
    firstColumn.push(columnCount);
    columnCount += group.points.length;
  }
  const activeColumns = new Int32Array(features.length * groups.length);
  features.forEach((row, rowIndex) => {
    groups.forEach((group, groupIndex) => {
      activeColumns[rowIndex * groups.length + groupIndex] = firstColumn[groupIndex]! + groupCell(group, row);
    });
  });
  return { rowCount: features.length, activePerRow: groups.length, activeColumns, columnCount };
}

/** Ridge on every cell plus a first-difference penalty between neighbours along each axis. */
function penaltyMatrix(groups: PointsGroup[], columnCount: number, spec: ScorecardSpec): Float64Array {
  const penalty = new Float64Array(columnCount * columnCount);
  const add = (a: number, b: number, value: number) => {
    penalty[a * columnCount + b] = penalty[a * columnCount + b]! + value;
  };
  let first = 1;
  for (const group of groups) {
    for (let cell = 0; cell < group.points.length; cell++) add(first + cell, first + cell, spec.ridge);
    let stride = group.points.length;
    for (const axis of group.axes) {
      const length = axis.upperEdges.length + 1;
      stride /= length;
      for (let cell = 0; cell < group.points.length; cell++) {
        if (Math.floor(cell / stride) % length === length - 1) continue;
        const a = first + cell;
        const b = a + stride;
        add(a, a, spec.smoothness);
        add(b, b, spec.smoothness);
        add(a, b, -spec.smoothness);
        add(b, a, -spec.smoothness);
      }
    }
    first += group.points.length;
  }
  return penalty;
}

/** Orderings (by column) that make each monotone axis non-decreasing, for every cell of the other axis. */
function monotoneOrderings(groups: PointsGroup[], spec: ScorecardSpec): Ordering[] {
  const orderings: Ordering[] = [];
  let first = 1;
  groups.forEach((group, groupIndex) => {
    let stride = group.points.length;
    group.axes.forEach((axis, axisIndex) => {
      const length = axis.upperEdges.length + 1;
      stride /= length;
      const threshold = spec.groups[groupIndex]!.axes[axisIndex]!.increasingAbove;
      if (threshold === undefined) return;
      const rising = Array.from({ length }, (_, cell) => cell).filter(
        (cell) => cell > 0 && axis.upperEdges[cell - 1]! >= threshold,
      );
      if (rising.length === 0) return;
      const lowerCells = Array.from({ length: rising[0]! }, (_, cell) => cell);
      const pairs = [
        ...lowerCells.map((cell) => [cell, rising[0]!]),
        ...rising.slice(1).map((cell, index) => [rising[index]!, cell]),
      ];
      for (let cell = 0; cell < group.points.length; cell++) {
        if (Math.floor(cell / stride) % length !== 0) continue;
        for (const [low, high] of pairs) {
          orderings.push({ low: first + cell + low! * stride, high: first + cell + high! * stride });
        }
      }
    });
    first += group.points.length;
  });
  return orderings;
}

/**
 * The ordering penalty leaves violations of ~1e-9; raising each `high` to its `low` until none is left
 * makes them exact. Sets satisfying x_low <= x_high are closed under max, so this terminates.
 */
function enforceOrderings(coefficients: Float64Array, orderings: readonly Ordering[]): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const { low, high } of orderings) {
      if (coefficients[low]! > coefficients[high]!) {
        coefficients[high] = coefficients[low]!;
        changed = true;
      }
    }
  }
}

/** Share of the rows in each cell of one axis. */
function axisShares(axis: BinnedAxis, features: Record<FeatureId, number>[]): number[] {
  const shares = new Array<number>(axis.upperEdges.length + 1).fill(0);
  for (const row of features) shares[cellIndex(axis.upperEdges, row[axis.feature])]! += 1 / features.length;
  return shares;
}

/** For a pair, each axis's mean points per cell over the other axis's training distribution (for Shapley). */
function addMarginalPoints(group: PointsGroup, features: Record<FeatureId, number>[]): void {
  const [rows, columns] = group.axes as [BinnedAxis, BinnedAxis];
  const rowShares = axisShares(rows, features);
  const columnShares = axisShares(columns, features);
  const pointsAt = (row: number, column: number) => group.points[row * columnShares.length + column]!;
  rows.marginalPoints = rowShares.map((_, row) =>
    roundPoints(columnShares.reduce((total, share, column) => total + share * pointsAt(row, column), 0)),
  );
  columns.marginalPoints = columnShares.map((_, column) =>
    roundPoints(rowShares.reduce((total, share, row) => total + share * pointsAt(row, column), 0)),
  );
}

/**
 * Fits the scorecard, then centres each group's points on its training-population mean and moves those
 * means into baseLogit: the model is unchanged, but every group's points become its contribution
 * relative to an average account (the interventional Shapley value of an additive term).
 */
export function fitScorecard(inputs: RiskModelInput[], labels: (0 | 1)[], spec: ScorecardSpec): Scorecard {
  const features = inputs.map(computeFeatures);
  const groups = binAxes(spec, features);
  const design = oneHotDesign(groups, features);
  const orderings = monotoneOrderings(groups, spec);
  const coefficients = fitPenalisedLogistic(
    { design, labels, penalty: penaltyMatrix(groups, design.columnCount, spec), orderings },
    { maxIterations: 100, tolerance: 1e-7 },
  );
  enforceOrderings(coefficients, orderings);
  let baseLogit = coefficients[0]!;
  let first = 1;
  groups.forEach((group, groupIndex) => {
    const raw = Array.from(coefficients.subarray(first, first + group.points.length));
    let mean = 0;
    for (let row = 0; row < design.rowCount; row++) {
      mean += coefficients[design.activeColumns[row * design.activePerRow + groupIndex]!]!;
    }
    mean /= design.rowCount;
    baseLogit += mean;
    group.points = raw.map((points) => roundPoints(points - mean));
    if (group.axes.length === 2) addMarginalPoints(group, features);
    first += group.points.length;
  });
  return { baseLogit: roundPoints(baseLogit), groups };
}
