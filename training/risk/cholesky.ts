/**
 * Solves A x = b for a symmetric positive-definite A (row-major, size n × n) by Cholesky factorisation.
 * A is overwritten with its factor; b is left untouched.
 */
export function solveSymmetricPositiveDefinite(matrix: Float64Array, rhs: Float64Array): Float64Array {
  const size = rhs.length;
  for (let column = 0; column < size; column++) {
    let diagonal = matrix[column * size + column]!;
    for (let k = 0; k < column; k++) diagonal -= matrix[column * size + k]! ** 2;
    if (!(diagonal > 0)) throw new Error('matrix is not positive definite');
    const pivot = Math.sqrt(diagonal);
    matrix[column * size + column] = pivot;
    for (let row = column + 1; row < size; row++) {
      let value = matrix[row * size + column]!;
      for (let k = 0; k < column; k++) value -= matrix[row * size + k]! * matrix[column * size + k]!;
      matrix[row * size + column] = value / pivot;
    }
  }
  const solution = Float64Array.from(rhs);
  for (let row = 0; row < size; row++) {
    let value = solution[row]!;
    for (let k = 0; k < row; k++) value -= matrix[row * size + k]! * solution[k]!;
    solution[row] = value / matrix[row * size + row]!;
  }
  for (let row = size - 1; row >= 0; row--) {
    let value = solution[row]!;
    for (let k = row + 1; k < size; k++) value -= matrix[k * size + row]! * solution[k]!;
    solution[row] = value / matrix[row * size + row]!;
  }
  return solution;
}
