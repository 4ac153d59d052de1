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

/**
 * Fewer rows with the same X'WX, which is all the reduction below depends on (R'R = X'WX).
 * Rows u = (a, b) that share their first values a (all but the last, and the constant when there
 * is one) add
 * Σ w·(a, b)(a, b)' = W·(a, b̄)(a, b̄)' + S·e e', with W = Σ w, b̄ the weighted mean of b,
 * S = Σ w·(b − b̄)² and e the last column's unit vector: so each group enters as one row (a, b̄) of
 * weight W, and all the groups' e e' as one row e of weight ΣS. At 100,000 participants the Cox
 * model's 108,000 cells (the baseline days last) become a few thousand rows. Groups are found by
 * a hash of the first values' bits, then compared; on a collision of unequal rows the later one
 * starts a group of its own (not found again by its hash: still correct, only less merged).
 */
function mergeRows(x: Float64Array, rowCount: number, weights: ArrayLike<number>, width: number) {
  const prefix = width - 1;
  const bits = new Uint32Array(x.buffer, x.byteOffset, rowCount * width * 2);
  const groupAt = new Map<number, number>();
  const firstRow: number[] = [];
  const total: number[] = [];
  const mean: number[] = [];
  let spread = 0;
  for (let i = 0; i < rowCount; i++) {
    const w = weights[i];
    if (!(w > 0)) continue;
    let hash = 0x811c9dc5;
    for (let a = i * width * 2, end = a + prefix * 2; a < end; a++) hash = Math.imul(hash ^ bits[a], 0x01000193);
    let g = groupAt.get(hash);
    if (g === undefined || !equalPrefixes(x, firstRow[g], i, width)) {
      if (g === undefined) groupAt.set(hash, firstRow.length);
      g = firstRow.length;
      firstRow.push(i);
      total.push(0);
      mean.push(0);
    }
    // West's weighted update of the mean and of Σ w·(b − b̄)².
    const b = x[i * width + prefix];
    total[g] += w;
    const delta = b - mean[g];
    mean[g] += (delta * w) / total[g];
    spread += w * delta * (b - mean[g]);
  }
  const extra = spread > 0 ? 1 : 0;
  const merged = new Float64Array((firstRow.length + extra) * width);
  firstRow.forEach((i, g) => {
    merged.set(x.subarray(i * width, i * width + prefix), g * width);
    merged[g * width + prefix] = mean[g];
  });
  if (extra) {
    merged[firstRow.length * width + prefix] = 1;
    total.push(spread);
  }
  return { x: merged, rows: firstRow.length + extra, groups: firstRow.length, weights: total };
}

function equalPrefixes(x: Float64Array, a: number, b: number, width: number): boolean {
  for (let j = 0; j < width - 1; j++) if (x[a * width + j] !== x[b * width + j]) return false;
  return true;
}

/** The same over rows laid out one after another in `x` (row i: x[i·width …]). */
export function aliasedColumnsOfTable(
  x: Float64Array,
  rowCount: number,
  allWeights: ArrayLike<number>,
  withIntercept: boolean,
  width: number,
): boolean[] {
  if (width === 0) return [];
  const { x: merged, rows, groups, weights } = mergeRows(x, rowCount, allWeights, width);
  const offset = withIntercept ? 1 : 0;
  const q = width + offset;
  const r = new Float64Array(q * q); // upper triangular, row-major
  const v = new Float64Array(q);
  for (let m = 0; m < rows; m++) {
    const root = Math.sqrt(weights[m]);
    const start = m * width;
    let first = q;
    // The constant belongs to the rows' first values: the merged spread row e has none.
    if (withIntercept && m < groups) {
      v[0] = root;
      first = 0;
    }
    for (let j = 0; j < width; j++) {
      const value = merged[start + j] * root;
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
