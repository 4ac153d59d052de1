/**
 * Quadratic form u' V⁻ u for a symmetric positive semi-definite V, with V⁻ a generalized inverse.
 * Uses the pivot-dropping LDL' decomposition of R survival's cholesky2/chsolve2: a pivot below
 * tolerance is treated as an exact zero (that direction carries no information), so singular
 * variance matrices still give a statistic and the rank gives its degrees of freedom.
 */

export interface QuadraticForm {
  value: number;
  rank: number;
}

// Same default as R coxph's toler.chol (.Machine$double.eps^0.75), relative to the largest diagonal.
const RELATIVE_TOLERANCE = Math.pow(Number.EPSILON, 0.75);

export function generalizedQuadraticForm(matrix: readonly (readonly number[])[], u: readonly number[]): QuadraticForm {
  const size = u.length;
  if (matrix.length !== size || matrix.some((row) => row.length !== size)) {
    throw new RangeError('matrix must be square and match the vector length');
  }
  const a = matrix.map((row) => [...row]); // lower triangle becomes L, diagonal becomes D
  const largestDiagonal = Math.max(0, ...a.map((row, i) => row[i]));
  const tolerance = largestDiagonal === 0 ? RELATIVE_TOLERANCE : largestDiagonal * RELATIVE_TOLERANCE;

  let rank = 0;
  for (let i = 0; i < size; i++) {
    const pivot = a[i][i];
    if (!Number.isFinite(pivot) || pivot < tolerance) {
      // Semi-definiteness makes this column ~0 too; zero it so the dropped direction cannot leak into y.
      for (let j = i; j < size; j++) a[j][i] = 0;
      continue;
    }
    rank++;
    for (let j = i + 1; j < size; j++) {
      const factor = a[j][i] / pivot;
      a[j][i] = factor;
      a[j][j] -= factor * factor * pivot;
      for (let k = j + 1; k < size; k++) a[k][j] -= factor * a[k][i];
    }
  }

  // u' V⁻ u = y' D⁻ y with L y = u; dropped pivots contribute nothing.
  const y = [...u];
  let value = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < i; j++) y[i] -= a[i][j] * y[j];
    if (a[i][i] !== 0) value += (y[i] * y[i]) / a[i][i];
  }
  return { value, rank };
}
