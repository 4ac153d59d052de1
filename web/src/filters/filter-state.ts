import { COMPARISON_KINDS, type ComparisonKind } from '@iop/metrics/comparison-period';
import { isIsoDate } from './dates';
import { GROUP_TYPES, type GroupType } from './group-types';

export const PERIOD_PRESETS = [
  'last30',
  'last90',
  'quarter',
  'year',
  'lastMonth',
  'lastQuarter',
  'lastYear',
  'custom',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** What the filter bar holds; the URL query string is its only store. */
export interface FilterState {
  period: PeriodPreset;
  /** Only for the custom period. */
  from: string | null;
  to: string | null;
  /** Empty = all sites. */
  siteIds: string[];
  /** Empty = all group types. */
  groupTypes: GroupType[];
  /** null = the API's default as-of (the latest date in the data). */
  asOf: string | null;
  /** Which previous period figures are set beside (docs/METRICS.md, "Comparisons over time"). */
  compare: ComparisonKind;
}

/** The filters of the bar; each page names those that apply to it (app/pages.ts). */
export type FilterName = 'period' | 'asOf' | 'groupTypes' | 'sites' | 'compare';
export const ALL_FILTERS: readonly FilterName[] = ['period', 'asOf', 'groupTypes', 'sites', 'compare'];

// A year of admissions gives retention curves enough episodes to read; shorter presets are one click away.
export const DEFAULT_FILTERS: FilterState = {
  period: 'year',
  from: null,
  to: null,
  siteIds: [],
  groupTypes: [],
  asOf: null,
  compare: 'sameLength',
};

// Same limits as the API's filter validation, so a hand-edited URL never produces a failing query.
const MAX_SITES = 500;
const MAX_SITE_ID_LENGTH = 64;

const PARAM = {
  period: 'period',
  from: 'from',
  to: 'to',
  sites: 'sites',
  types: 'types',
  asOf: 'asOf',
  compare: 'compare',
} as const;

function isPeriod(value: string | null): value is PeriodPreset {
  return (PERIOD_PRESETS as readonly string[]).includes(value ?? '');
}

function list(value: string | null): string[] {
  return [
    ...new Set(
      (value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

function compareKind(value: string | null): ComparisonKind {
  return (COMPARISON_KINDS as readonly string[]).includes(value ?? '')
    ? (value as ComparisonKind)
    : DEFAULT_FILTERS.compare;
}

function date(value: string | null): string | null {
  return value !== null && isIsoDate(value) ? value : null;
}

/**
 * Reads filters from a query string. Anything invalid (unknown period, impossible date, a custom
 * period without both ends or with from after to, unknown group type) falls back to its default:
 * a mistyped link shows a sensible view instead of an error.
 */
export function parseFilters(search: string): FilterState {
  const params = new URLSearchParams(search);
  const period = params.get(PARAM.period);
  let state: Pick<FilterState, 'period' | 'from' | 'to'> = {
    period: isPeriod(period) ? period : DEFAULT_FILTERS.period,
    from: null,
    to: null,
  };
  if (state.period === 'custom') {
    const from = date(params.get(PARAM.from));
    const to = date(params.get(PARAM.to));
    state =
      from && to && from <= to
        ? { period: 'custom', from, to }
        : { period: DEFAULT_FILTERS.period, from: null, to: null };
  }
  const siteIds = list(params.get(PARAM.sites)).filter((id) => id.length <= MAX_SITE_ID_LENGTH);
  const types = list(params.get(PARAM.types));
  return {
    ...state,
    siteIds: siteIds.length > MAX_SITES ? [] : siteIds,
    groupTypes: GROUP_TYPES.filter((t) => types.includes(t)),
    asOf: date(params.get(PARAM.asOf)),
    compare: compareKind(params.get(PARAM.compare)),
  };
}

/**
 * Writes filters as a query string ('' or '?…'), leaving defaults out so the plain page URL is the
 * default view, in a fixed order so one view has one URL. Unrelated parameters are kept.
 */
export function serializeFilters(state: FilterState, existingSearch = ''): string {
  const params = new URLSearchParams(existingSearch);
  for (const name of Object.values(PARAM)) params.delete(name);
  if (state.period !== DEFAULT_FILTERS.period) params.set(PARAM.period, state.period);
  if (state.period === 'custom' && state.from && state.to) {
    params.set(PARAM.from, state.from);
    params.set(PARAM.to, state.to);
  }
  if (state.siteIds.length) params.set(PARAM.sites, [...state.siteIds].sort().join(','));
  if (state.groupTypes.length)
    params.set(PARAM.types, GROUP_TYPES.filter((t) => state.groupTypes.includes(t)).join(','));
  if (state.asOf) params.set(PARAM.asOf, state.asOf);
  if (state.compare !== DEFAULT_FILTERS.compare) params.set(PARAM.compare, state.compare);
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

/** Only the filter parameters of a query string: what follows the reader from page to page. */
export function filterSearch(search: string): string {
  return serializeFilters(parseFilters(search));
}
