/**
 * Normal-distribution facts the models need, built on the chi-square tail so there is one
 * incomplete-gamma implementation: for Z ~ N(0, 1), Z² ~ chi-square(1), so the two-sided p-value
 * 2·pnorm(-|z|) equals pchisq(z², 1, lower.tail = FALSE).
 */
import { chiSquareUpperTail } from './chi-square';

/** Two-sided Wald p-value of z: R's 2 * pnorm(-abs(z)). */
export function twoSidedNormalP(z: number): number {
  if (Number.isNaN(z)) throw new RangeError('z must not be NaN');
  return chiSquareUpperTail(z * z, 1);
}

/** A chi-square test as R prints it: statistic on df degrees of freedom, upper-tail p. */
export interface ChiSquareTest {
  statistic: number;
  df: number;
  pValue: number;
}

export function chiSquareTest(statistic: number, df: number): ChiSquareTest {
  return { statistic, df, pValue: chiSquareUpperTail(Math.max(0, statistic), df) };
}
