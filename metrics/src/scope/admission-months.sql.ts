/**
 * The admission period of an episode scope ($1 from, $2 to, $3 as_of: admitted from $1 to the
 * earlier of $2 and $3) split for the per-month derived tables, as one row `admission_parts`:
 *   [first_day, end_day)  the calendar months lying wholly inside the period, read from the
 *                         month rows (derived.episode_outcome_month, derived.craving_month);
 *   [lo, first_day) and [end_day, hi]  the cut months at either end, read from the day rows.
 * A period without a whole month is all first end: first_day = end_day = hi + 1.
 */
export const ADMISSION_PARTS_CTES = `
admission_span AS (
  SELECT $1::date AS lo, least($2::date, $3::date) AS hi
),
admission_months AS (
  SELECT lo, hi,
    CASE WHEN extract(day FROM lo) = 1 THEN lo ELSE (date_trunc('month', lo) + interval '1 month')::date END
      AS first_day,
    CASE WHEN extract(day FROM hi + 1) = 1 THEN hi + 1 ELSE date_trunc('month', hi)::date END AS end_day
  FROM admission_span
),
admission_parts AS (
  SELECT lo, hi,
    CASE WHEN first_day < end_day THEN first_day ELSE hi + 1 END AS first_day,
    CASE WHEN first_day < end_day THEN end_day ELSE hi + 1 END AS end_day
  FROM admission_months
)`;

/** The day rows of `table` (alias `alias`) admitted in the cut months of admission_parts. */
export function cutMonthRows(table: string, alias: string): string {
  return `
  SELECT ${alias}.* FROM admission_parts p
  JOIN ${table} ${alias} ON ${alias}.admission_date >= p.lo AND ${alias}.admission_date < p.first_day
  UNION ALL
  SELECT ${alias}.* FROM admission_parts p
  JOIN ${table} ${alias} ON ${alias}.admission_date >= p.end_day AND ${alias}.admission_date <= p.hi`;
}

/** The join of `table`'s month rows (column `month`, alias `alias`) to the whole months of admission_parts. */
export function wholeMonthRows(table: string, alias: string): string {
  return `admission_parts p JOIN ${table} ${alias} ON ${alias}.month >= p.first_day AND ${alias}.month < p.end_day`;
}

/** Rows (alias `alias`) of the scope's sites ($4, NULL = all) and primary types ($5, NULL = all). */
export const siteAndTypeScope = (alias: string): string => `
    ($4::text[] IS NULL OR ${alias}.site_id = ANY ($4::text[]))
    AND ($5::text[] IS NULL OR ${alias}.primary_type = ANY ($5::text[]))`;

/** Cells per admission date (alias `alias`) of the episodes admitted in the scope ($1–$5). */
export const admissionCellScope = (alias: string): string => `
    ${alias}.admission_date BETWEEN $1::date AND $2::date
    AND ${alias}.admission_date <= $3::date
    AND ${siteAndTypeScope(alias)}`;
