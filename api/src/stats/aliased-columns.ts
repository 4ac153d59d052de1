/**
 * Which model columns are linear combinations of earlier ones (R reports their coefficients as NA:
 * "aliased"). A covariate constant within the data, or a factor level that no modelled row has, is
 * the common case. Pivoted Gram–Schmidt on the weighted columns, in order, as R's QR with its
 * default tolerance keeps the first of a dependent set and drops the later ones.
 */

/** R's lm/glm QR tolerance (1e-7), relative to the column's own norm. */
const ALIAS_TOLERANCE = 1e-7;

/**
 * @param columns column-major design: columns[j][i] is column j at row i
 * @param weights row weights (counts)
 * @param withIntercept also project out the constant (Cox models have no intercept, but their
 *   partial likelihood ignores constants, so a constant column is aliased there too)
 * @returns for each column, true when it is aliased
 */
export function aliasedColumns(
  columns: readonly (readonly number[])[],
  weights: readonly number[],
  withIntercept: boolean,
): boolean[] {
  const basis: number[][] = [];
  const inner = (a: readonly number[], b: readonly number[]): number => {
    let sum = 0;
    for (let i = 0; i < weights.length; i++) sum += weights[i] * a[i] * b[i];
    return sum;
  };
  const project = (column: readonly number[]): number[] => {
    const residual = [...column];
    for (const q of basis) {
      const coefficient = inner(residual, q);
      for (let i = 0; i < residual.length; i++) residual[i] -= coefficient * q[i];
    }
    return residual;
  };
  const admit = (residual: number[], originalNorm: number): boolean => {
    const norm = Math.sqrt(inner(residual, residual));
    if (!(norm > ALIAS_TOLERANCE * Math.max(originalNorm, Number.MIN_VALUE))) return false;
    basis.push(residual.map((value) => value / norm));
    return true;
  };
  if (withIntercept) admit(new Array<number>(weights.length).fill(1), 1);
  return columns.map((column) => {
    const originalNorm = Math.sqrt(inner(column, column));
    if (originalNorm === 0) return true;
    // Project twice: one pass of classical Gram–Schmidt loses orthogonality on near-dependent columns.
    return !admit(project(project(column)), originalNorm);
  });
}

/**
 * aliasedColumns for a design given by rows (row i: rows[i], weight weights[i]), many more rows
 * than columns: the weighted rows (with the constant first when `withIntercept`) are first reduced
 * to the triangular R of their QR decomposition by Givens rotations, one row at a time, visiting
 * only a row's non-zero values. R'R = X'WX, so R's columns have the same inner products, norms and
 * dependencies as the design's, and the Gram–Schmidt above runs on p rows instead of one per
 * pattern (rotations are orthogonal: the reduction is as accurate as the QR R's glm and coxph use).
 */
export function aliasedColumnsOfRows(
  rows: readonly (readonly number[])[],
  weights: readonly number[],
  withIntercept: boolean,
  width: number,
): boolean[] {
  const x = new Float64Array(rows.length * width);
  rows.forEach((row, i) => x.set(row, i * width));
  return aliasedColumnsOfTable(x, rows.length, weights, withIntercept, width);
}

/** The same over rows laid out one after another in `x` (row i: x[i·width …]). */
export function aliasedColumnsOfTable(
  x: ArrayLike<number>,
  rowCount: number,
  weights: ArrayLike<number>,
  withIntercept: boolean,
  width: number,
): boolean[] {
  const offset = withIntercept ? 1 : 0;
  const q = width + offset;
  const r = new Float64Array(q * q); // upper triangular, row-major
  const v = new Float64Array(q);
  for (let i = 0; i < rowCount; i++) {
    const w = weights[i];
    if (!(w > 0)) continue;
    const root = Math.sqrt(w);
    const start = i * width;
    let first = q;
    if (withIntercept) {
      v[0] = root;
      first = 0;
    }
    for (let j = 0; j < width; j++) {
      const value = x[start + j] * root;
      v[j + offset] = value;
      if (value !== 0 && first === q) first = j + offset;
    }
    // Rotate v into R from its first non-zero value on (zeros before it need no rotation).
    for (let k = first; k < q; k++) {
      const vk = v[k];
      if (vk === 0) continue;
      const rkk = r[k * q + k];
      const norm = Math.sqrt(rkk * rkk + vk * vk); // (Math.hypot is many times slower; no overflow here)
      const c = rkk / norm;
      const s = vk / norm;
      r[k * q + k] = norm;
      v[k] = 0;
      for (let j = k + 1; j < q; j++) {
        const rkj = r[k * q + j];
        const vj = v[j];
        r[k * q + j] = c * rkj + s * vj;
        v[j] = c * vj - s * rkj;
      }
    }
  }
  // R's columns as the design (q rows, unit weights); the constant, if any, is R's first column.
  const unit = new Array<number>(q).fill(1);
  const columnOf = (j: number) => Array.from({ length: q }, (_, k) => r[k * q + j]);
  const columns = Array.from({ length: width }, (_, j) => columnOf(j + offset));
  if (!withIntercept) return aliasedColumns(columns, unit, false);
  // The intercept as a leading column of R, checked first as aliasedColumns does with its constant.
  const aliased = aliasedColumns([columnOf(0), ...columns], unit, false);
  return aliased.slice(1);
}
