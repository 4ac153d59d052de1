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
