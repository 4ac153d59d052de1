/**
 * Small dense symmetric positive-definite linear algebra for the regression models (p is the number
 * of model columns, a few dozen at most). Aliased columns are removed before these run
 * (see aliased-columns.ts), so a failing pivot here means a genuinely broken fit, and it throws.
 */

export type Matrix = number[][];

export function zeros(rows: number, columns: number = rows): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
}

/** Lower-triangular L with A = L L'. */
function cholesky(a: readonly (readonly number[])[]): Matrix {
  const size = a.length;
  const l = zeros(size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i][j];
      for (let k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(sum > 0)) throw new RangeError('matrix is not positive definite');
        l[i][i] = Math.sqrt(sum);
      } else {
        l[i][j] = sum / l[j][j];
      }
    }
  }
  return l;
}

function solveWithCholesky(l: Matrix, b: readonly number[]): number[] {
  const size = b.length;
  const y = [...b];
  for (let i = 0; i < size; i++) {
    for (let k = 0; k < i; k++) y[i] -= l[i][k] * y[k];
    y[i] /= l[i][i];
  }
  for (let i = size - 1; i >= 0; i--) {
    for (let k = i + 1; k < size; k++) y[i] -= l[k][i] * y[k];
    y[i] /= l[i][i];
  }
  return y;
}

/** x with A x = b, A symmetric positive definite. */
export function solveSymmetric(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  return solveWithCholesky(cholesky(a), b);
}

/** solveSymmetric for many right-hand sides: A is factored once. */
export function symmetricSolver(a: readonly (readonly number[])[]): (b: readonly number[]) => number[] {
  const l = cholesky(a);
  return (b) => solveWithCholesky(l, b);
}

/** A⁻¹ for a symmetric positive-definite A. */
export function invertSymmetric(a: readonly (readonly number[])[]): Matrix {
  const l = cholesky(a);
  const size = a.length;
  const columns = Array.from({ length: size }, (_, j) =>
    solveWithCholesky(
      l,
      Array.from({ length: size }, (_, i) => (i === j ? 1 : 0)),
    ),
  );
  return columns.map((_, i) => columns.map((column) => column[i]));
}

export function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** Rows/columns `indices` of a square matrix. */
export function submatrix(a: readonly (readonly number[])[], indices: readonly number[]): Matrix {
  return indices.map((i) => indices.map((j) => a[i][j]));
}
