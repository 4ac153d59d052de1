import type { CurrentUser } from '../auth/current-user';
import type { HiddenBecause } from '../privacy/suppression';
import type { ReleaseContent } from './release-content';
import type { PeriodKind } from './release-period';

/** A draft's exact figure beside its protected one: for the director who reviews what will be hidden. */
export interface ExactFigure {
  measure: string;
  groupType: string | null;
  value: number | null;
  n: number;
  numerator: number | null;
  hiddenBecause: HiddenBecause | null;
}

/** A row of `release` as read by RELEASE_COLUMNS. */
export interface ReleaseRow {
  release_id: string;
  period_kind: PeriodKind;
  period_from: string;
  period_to: string;
  site_ids: string[] | null;
  scope_key: string;
  status: 'draft' | 'published';
  version: number | null;
  as_of: string;
  data_version: string;
  method_version: string;
  content: ReleaseContent;
  exact_figures: ExactFigure[] | null;
  change_note: string | null;
  created_at: Date;
  published_at: Date | null;
}

export const RELEASE_COLUMNS = `release_id, period_kind, to_char(period_from, 'YYYY-MM-DD') AS period_from,
  to_char(period_to, 'YYYY-MM-DD') AS period_to, site_ids, scope_key, status, version,
  to_char(as_of, 'YYYY-MM-DD') AS as_of, data_version, method_version, content, exact_figures, change_note,
  created_at, published_at`;

/** A release as served: a funder gets the protected content and nothing of the draft's review. */
export interface Release {
  releaseId: number;
  status: 'draft' | 'published';
  version: number | null;
  dataVersion: string;
  methodVersion: string;
  changeNote: string | null;
  createdAt: Date;
  publishedAt: Date | null;
  content: ReleaseContent;
  exactFigures: ExactFigure[] | null;
}

export function toRelease(row: ReleaseRow, user: CurrentUser): Release {
  return {
    releaseId: Number(row.release_id),
    status: row.status,
    version: row.version,
    dataVersion: row.data_version,
    methodVersion: row.method_version,
    changeNote: row.change_note,
    createdAt: row.created_at,
    publishedAt: row.published_at,
    content: row.content,
    exactFigures: user.role === 'funder' ? null : row.exact_figures,
  };
}

/** "all sites" or "sites S01, S02". */
export const scopeName = (siteIds: readonly string[] | null): string =>
  siteIds?.length ? `sites ${siteIds.join(', ')}` : 'all sites';
