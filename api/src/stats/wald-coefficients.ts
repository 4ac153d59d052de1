/** exp(β) with 95% Wald intervals, z and p, for the kept (non-aliased) columns of a fit. */
import type { Coefficient } from './model-terms';
import { twoSidedNormalP } from './normal';
import { Z_95 } from './z-95';

export function waldCoefficients(
  columns: readonly string[],
  termNames: readonly string[],
  aliased: readonly boolean[],
  estimates: readonly number[], // kept columns only, in order
  variances: readonly number[], // diagonal of the covariance, kept columns only
): Coefficient[] {
  let kept = 0;
  return columns.map((column, j) => {
    if (aliased[j]) {
      return {
        term: termNames[j],
        column,
        aliased: true,
        estimate: null,
        se: null,
        ratio: null,
        lower: null,
        upper: null,
        z: null,
        pValue: null,
      };
    }
    const estimate = estimates[kept];
    const se = Math.sqrt(variances[kept]);
    kept++;
    const z = estimate / se;
    return {
      term: termNames[j],
      column,
      aliased: false,
      estimate,
      se,
      ratio: Math.exp(estimate),
      lower: Math.exp(estimate - Z_95 * se),
      upper: Math.exp(estimate + Z_95 * se),
      z,
      pValue: twoSidedNormalP(z),
    };
  });
}
