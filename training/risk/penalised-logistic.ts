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

/** Coefficient `low` must not exceed coefficient `high` (a monotonicity requirement). */
export interface Ordering {
  low: number;
  high: number;
}

export interface PenalisedProblem {
  design: OneHotDesign;
  labels: readonly (0 | 1)[];
  /** Quadratic penalty matrix P (dense, row-major); the intercept row and column are 0. */
  penalty: Float64Array;
  orderings: readonly Ordering[];
}

export interface NewtonOptions {
  maxIterations: number;
  /** Stop when no coefficient moves by more than this in one Newton step. */
  tolerance: number;
}

/**
 * Weight of the exterior penalty ½·w·max(0, β_low − β_high)² that enforces the orderings: large enough
 * to leave violations of ~1e-9, which the caller then removes exactly.
 */
const ORDERING_WEIGHT = 1e7;

const sigmoid = (logit: number): number => 1 / (1 + Math.exp(-logit));

function linearPredictor(design: OneHotDesign, coefficients: Float64Array, row: number): number {
  let logit = coefficients[0]!;
  const start = row * design.activePerRow;
  for (let k = 0; k < design.activePerRow; k++) logit += coefficients[design.activeColumns[start + k]!]!;
  return logit;
}

const violation = (coefficients: Float64Array, { low, high }: Ordering): number =>
  Math.max(0, coefficients[low]! - coefficients[high]!);

/** −log-likelihood + ½βᵀPβ + ordering penalty: the function Newton's method minimises. */
function objective(problem: PenalisedProblem, coefficients: Float64Array): number {
  const { design, labels, penalty } = problem;
  let total = 0;
  for (let row = 0; row < design.rowCount; row++) {
    const logit = linearPredictor(design, coefficients, row);
    // log(1 + e^z) − y·z, computed without overflow.
    total += Math.max(logit, 0) + Math.log1p(Math.exp(-Math.abs(logit))) - labels[row]! * logit;
  }
  const size = design.columnCount;
  for (let a = 0; a < size; a++) {
    for (let b = 0; b < size; b++)
      total += 0.5 * coefficients[a]! * penalty[a * size + b]! * coefficients[b]!;
  }
  for (const ordering of problem.orderings)
    total += 0.5 * ORDERING_WEIGHT * violation(coefficients, ordering) ** 2;
  return total;
}

/** Hessian and negative gradient of the objective (the gradient's sign makes the Newton step +H⁻¹g). */
function curvature(
  problem: PenalisedProblem,
  coefficients: Float64Array,
): { hessian: Float64Array; descent: Float64Array } {
  const { design, labels, penalty } = problem;
  const size = design.columnCount;
  const hessian = Float64Array.from(penalty);
  const descent = new Float64Array(size);
  for (let a = 0; a < size; a++) {
    let pull = 0;
    for (let b = 0; b < size; b++) pull += penalty[a * size + b]! * coefficients[b]!;
    descent[a] = -pull;
  }
  const columns = new Int32Array(design.activePerRow + 1);
  for (let row = 0; row < design.rowCount; row++) {
    const probability = sigmoid(linearPredictor(design, coefficients, row));
    const weight = probability * (1 - probability);
    const residual = labels[row]! - probability;
    columns.set(design.activeColumns.subarray(row * design.activePerRow, (row + 1) * design.activePerRow), 1);
    for (const a of columns) {
      descent[a] = descent[a]! + residual;
      for (const b of columns) hessian[a * size + b] = hessian[a * size + b]! + weight;
    }
  }
  for (const ordering of problem.orderings) {
    const excess = violation(coefficients, ordering);
    if (excess === 0) continue;
    const { low, high } = ordering;
    descent[low] = descent[low]! - ORDERING_WEIGHT * excess;
    descent[high] = descent[high]! + ORDERING_WEIGHT * excess;
    hessian[low * size + low] = hessian[low * size + low]! + ORDERING_WEIGHT;
    hessian[high * size + high] = hessian[high * size + high]! + ORDERING_WEIGHT;
    hessian[low * size + high] = hessian[low * size + high]! - ORDERING_WEIGHT;
    hessian[high * size + low] = hessian[high * size + low]! - ORDERING_WEIGHT;
  }
  return { hessian, descent };
}

/**
 * Relative objective improvement below which Newton's method has reached floating-point noise: the
 * ordering penalty's large curvature keeps steps from shrinking below ~1e-7 even at the optimum.
 */
const NEGLIGIBLE_IMPROVEMENT = 1e-13;

/** Halves the Newton step until the objective does not rise (the ordering penalty is only piecewise smooth). */
function dampedStep(
  problem: PenalisedProblem,
  coefficients: Float64Array,
  step: Float64Array,
  current: number,
): { coefficients: Float64Array; value: number } {
  for (let scale = 1; ; scale /= 2) {
    const candidate = coefficients.map((value, column) => value + scale * step[column]!);
    const value = objective(problem, candidate);
    if (value <= current || scale < 1e-6) return { coefficients: candidate, value };
  }
}

/**
 * Penalised maximum likelihood by damped Newton's method (IRLS with step halving).
 * Deterministic: fixed start, fixed summation order and exact linear solves.
 */
export function fitPenalisedLogistic(problem: PenalisedProblem, options: NewtonOptions): Float64Array {
  const size = problem.design.columnCount;
  const positiveShare =
    problem.labels.reduce<number>((total, label) => total + label, 0) / problem.labels.length;
  let coefficients: Float64Array = new Float64Array(size);
  coefficients[0] = Math.log(positiveShare / (1 - positiveShare));
  let current = objective(problem, coefficients);
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    const { hessian, descent } = curvature(problem, coefficients);
    const step = solveSymmetricPositiveDefinite(hessian, descent);
    const largestMove = step.reduce((largest, move) => Math.max(largest, Math.abs(move)), 0);
    if (largestMove < options.tolerance) return coefficients;
    const next = dampedStep(problem, coefficients, step, current);
    const improvement = current - next.value;
    coefficients = next.coefficients;
    current = next.value;
    if (improvement <= NEGLIGIBLE_IMPROVEMENT * Math.abs(current)) return coefficients;
  }
  throw new Error(`Newton's method did not converge in ${options.maxIterations} iterations`);
}
