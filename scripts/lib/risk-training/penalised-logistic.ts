import { solveSymmetricPositiveDefinite } from './cholesky';

/**
 * A one-hot design: every row switches on exactly one column per group, plus the intercept (column 0).
 * activeColumns holds, row after row, the `activePerRow` column indices of each row.
 */
export interface OneHotDesign {
  rowCount: number;
  activePerRow: number;
  activeColumns: Int32Array;
  columnCount: number;
}

export interface NewtonOptions {
  maxIterations: number;
  /** Stop when no coefficient moves by more than this in one Newton step. */
  tolerance: number;
}

const sigmoid = (logit: number): number => 1 / (1 + Math.exp(-logit));

export function linearPredictor(design: OneHotDesign, coefficients: Float64Array, row: number): number {
  let logit = coefficients[0]!;
  const start = row * design.activePerRow;
  for (let k = 0; k < design.activePerRow; k++) logit += coefficients[design.activeColumns[start + k]!]!;
  return logit;
}

/**
 * Maximises log-likelihood − ½ βᵀPβ by Newton's method (IRLS). The penalty matrix P (dense, row-major)
 * leaves the intercept free. Deterministic: fixed start, fixed iteration order, exact linear solves.
 */
export function fitPenalisedLogistic(
  design: OneHotDesign,
  labels: readonly (0 | 1)[],
  penalty: Float64Array,
  options: NewtonOptions,
): Float64Array {
  const size = design.columnCount;
  const positiveShare = labels.reduce<number>((total, label) => total + label, 0) / labels.length;
  const coefficients = new Float64Array(size);
  coefficients[0] = Math.log(positiveShare / (1 - positiveShare));
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    const { hessian, gradient } = penalisedCurvature(design, labels, penalty, coefficients);
    const step = solveSymmetricPositiveDefinite(hessian, gradient);
    let largestMove = 0;
    for (let column = 0; column < size; column++) {
      coefficients[column] = coefficients[column]! + step[column]!;
      largestMove = Math.max(largestMove, Math.abs(step[column]!));
    }
    if (largestMove < options.tolerance) return coefficients;
  }
  throw new Error(`Newton's method did not converge in ${options.maxIterations} iterations`);
}

/** Negative Hessian (XᵀWX + P) and gradient (Xᵀ(y − p) − Pβ) of the penalised log-likelihood. */
function penalisedCurvature(
  design: OneHotDesign,
  labels: readonly (0 | 1)[],
  penalty: Float64Array,
  coefficients: Float64Array,
): { hessian: Float64Array; gradient: Float64Array } {
  const size = design.columnCount;
  const hessian = Float64Array.from(penalty);
  const gradient = new Float64Array(size);
  for (let row = 0; row < size; row++) {
    let penaltyPull = 0;
    for (let column = 0; column < size; column++) {
      penaltyPull += penalty[row * size + column]! * coefficients[column]!;
    }
    gradient[row] = -penaltyPull;
  }
  const columns = new Int32Array(design.activePerRow + 1);
  for (let row = 0; row < design.rowCount; row++) {
    const probability = sigmoid(linearPredictor(design, coefficients, row));
    const weight = probability * (1 - probability);
    const residual = labels[row]! - probability;
    columns[0] = 0;
    columns.set(design.activeColumns.subarray(row * design.activePerRow, (row + 1) * design.activePerRow), 1);
    for (const a of columns) {
      gradient[a] = gradient[a]! + residual;
      for (const b of columns) hessian[a * size + b] = hessian[a * size + b]! + weight;
    }
  }
  return { hessian, gradient };
}
