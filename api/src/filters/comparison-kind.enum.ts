import { registerEnumType } from '@nestjs/graphql';
import type { ComparisonKind as ComparisonKindCode } from '@iop/metrics';

/** How the previous period is chosen (docs/METRICS.md, "Comparisons over time"); values equal @iop/metrics'. */
export enum ComparisonKind {
  sameLength = 'sameLength',
  calendar = 'calendar',
  yearEarlier = 'yearEarlier',
}

/** The enum lists exactly the kinds of @iop/metrics: a kind added there fails to compile here. */
export const COMPARISON_KIND_VALUES: Record<ComparisonKindCode, ComparisonKind> = ComparisonKind;

registerEnumType(ComparisonKind, {
  name: 'ComparisonKind',
  description:
    'The previous period: the same number of days just before (sameLength); the previous calendar month, quarter, ' +
    'half-year or year when the period is one, else the same length (calendar); the same dates a year earlier (yearEarlier)',
});
