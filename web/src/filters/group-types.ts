// The five group types of docs/DATA_CONTRACT.md; the values equal the API's GroupType enum codes.
// Declared here rather than imported from the generated types so the filter bar works before the
// first metric query (and with it the enum) reaches api/schema.gql; structural typing checks the match.
export const GROUP_TYPES = ['psychoeducation', 'skills', 'process', 'trauma_informed', 'family'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

export const GROUP_TYPE_LABELS: Record<GroupType, string> = {
  psychoeducation: 'Psychoeducation',
  skills: 'Skills',
  process: 'Process',
  trauma_informed: 'Trauma-informed',
  family: 'Family',
};

export function isGroupType(value: string): value is GroupType {
  return (GROUP_TYPES as readonly string[]).includes(value);
}

/** The scope of every metric query, as the API's MetricsFilter input. */
export interface MetricsFilterVariables {
  from: string;
  to: string;
  asOf: string;
  siteIds: string[] | null;
  groupTypes: GroupType[] | null;
}
