import type { EarlyWarningReason } from '../../gql/graphql';
import { REASON_LABELS, sortAtRisk, type AtRiskEpisode, type AtRiskSortKey, type SortDirection } from './at-risk-shape';

/** What the reader chose on the at-risk page; kept in the URL beside the filter bar's parameters. */
export interface AtRiskView {
  /** 1-based. */
  page: number;
  /** Rows a page, one of PAGE_SIZES. */
  pageSize: number;
  /** Part of a participant id, any case; '' = everyone. */
  search: string;
  reason: EarlyWarningReason | null;
  sort: AtRiskSortKey;
  direction: SortDirection;
  /** The participant whose recent record is open, or null for the list. */
  participant: string | null;
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 25;

export const DEFAULT_VIEW: AtRiskView = {
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
  search: '',
  reason: null,
  sort: 'reasons',
  direction: 'descending',
  participant: null,
};

const PARAM = {
  page: 'page',
  pageSize: 'size',
  search: 'q',
  reason: 'reason',
  sort: 'sort',
  direction: 'dir',
  participant: 'participant',
};
const SORT_KEYS: readonly AtRiskSortKey[] = ['reasons', 'participant', 'site', 'daysSinceAdmission', 'lastAttended'];
const MAX_TEXT = 64;

// Most reasons first is the served order; numbers start high, text starts at A.
export const FIRST_DIRECTION: Record<AtRiskSortKey, SortDirection> = {
  reasons: 'descending',
  daysSinceAdmission: 'descending',
  participant: 'ascending',
  site: 'ascending',
  lastAttended: 'ascending',
};

/** The view a query string holds; anything unknown or malformed falls back to the default. */
export function parseAtRiskView(search: string): AtRiskView {
  const params = new URLSearchParams(search);
  const page = Number(params.get(PARAM.page));
  const size = Number(params.get(PARAM.pageSize));
  const reason = params.get(PARAM.reason);
  const sort = params.get(PARAM.sort) as AtRiskSortKey | null;
  const validSort = sort !== null && SORT_KEYS.includes(sort);
  const dir = params.get(PARAM.direction);
  const participant = params.get(PARAM.participant)?.trim().slice(0, MAX_TEXT) || null;
  return {
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    search: (params.get(PARAM.search) ?? '').trim().slice(0, MAX_TEXT),
    reason: reason !== null && reason in REASON_LABELS ? (reason as EarlyWarningReason) : null,
    sort: validSort ? sort : DEFAULT_VIEW.sort,
    direction:
      dir === 'asc'
        ? 'ascending'
        : dir === 'desc'
          ? 'descending'
          : validSort
            ? FIRST_DIRECTION[sort]
            : DEFAULT_VIEW.direction,
    participant,
  };
}

/** The query string of a view, keeping every other parameter (the filter bar's) as it was; defaults are left out. */
export function atRiskViewSearch(current: string, view: AtRiskView): string {
  const params = new URLSearchParams(current);
  Object.values(PARAM).forEach((name) => params.delete(name));
  if (view.search) params.set(PARAM.search, view.search);
  if (view.reason) params.set(PARAM.reason, view.reason);
  if (view.sort !== DEFAULT_VIEW.sort || view.direction !== DEFAULT_VIEW.direction) {
    params.set(PARAM.sort, view.sort);
    params.set(PARAM.direction, view.direction === 'ascending' ? 'asc' : 'desc');
  }
  if (view.pageSize !== DEFAULT_PAGE_SIZE) params.set(PARAM.pageSize, String(view.pageSize));
  if (view.page > 1) params.set(PARAM.page, String(view.page));
  if (view.participant) params.set(PARAM.participant, view.participant);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface AtRiskPage {
  /** Every episode that matches the search and reason, in the chosen order (the CSV's rows). */
  matching: AtRiskEpisode[];
  /** The rows of the page shown. */
  rows: AtRiskEpisode[];
  /** The page shown: the one asked for, or the last one when fewer pages match now. */
  page: number;
  pageCount: number;
}

/** Search, reason filter, sort and page over the whole list (it is served in full: see AtRiskPage). */
export function pageOfAtRisk(episodes: readonly AtRiskEpisode[], view: AtRiskView): AtRiskPage {
  const needle = view.search.toLowerCase();
  const filtered = episodes.filter(
    (e) =>
      (!needle || e.participantId.toLowerCase().includes(needle)) && (!view.reason || e.reasons.includes(view.reason)),
  );
  const matching = sortAtRisk(filtered, view.sort, view.direction);
  const size = view.pageSize;
  const pageCount = Math.max(1, Math.ceil(matching.length / size));
  const page = Math.min(view.page, pageCount);
  return { matching, rows: matching.slice((page - 1) * size, page * size), page, pageCount };
}
