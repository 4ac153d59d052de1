/**
 * The columns of a regression model and the terms they belong to (a factor with k levels is one
 * term with k − 1 indicator columns), shared by the Cox and logistic models.
 */

export interface ModelTerm {
  /** The term's name, e.g. "group_type" or "age_band". */
  name: string;
  /** Names of its columns, e.g. "group_type=relapse_prevention". */
  columns: string[];
}

/** Column names in model order, and for each column the index of its term. */
export function flattenTerms(terms: readonly ModelTerm[]): { columns: string[]; termOfColumn: number[] } {
  const columns: string[] = [];
  const termOfColumn: number[] = [];
  terms.forEach((term, t) => {
    for (const column of term.columns) {
      columns.push(column);
      termOfColumn.push(t);
    }
  });
  return { columns, termOfColumn };
}

/** One coefficient as R's summary prints it, with the exponentiated ratio and its 95% Wald interval. */
export interface Coefficient {
  term: string;
  column: string;
  /** R gives NA: the column is a linear combination of others (e.g. constant within the data). */
  aliased: boolean;
  estimate: number | null;
  se: number | null;
  /** exp(estimate): the hazard ratio (Cox) or odds ratio (logistic). */
  ratio: number | null;
  lower: number | null;
  upper: number | null;
  z: number | null;
  pValue: number | null;
}
