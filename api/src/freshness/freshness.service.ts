import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../database/prepared-query';
import { currentUser } from '../auth/current-user';
import { derivedStamp } from '../episodes/derived-data';
import { defaultAsOf } from '../filters';
import { DataFreshness } from './freshness.model';
import { FRESHNESS_SQL } from './freshness.sql';
import { ONE_SCOPE_FRESHNESS_SQL, SEVERAL_SITES_FRESHNESS_SQL } from './table-freshness.sql';

interface FreshnessRow {
  kind: string;
  rows: number;
  latestDate: string | null;
  lastSuccessfulLoadAt: Date | null;
}

@Injectable()
export class FreshnessService {
  constructor(private readonly dataSource: DataSource) {}

  async freshness(): Promise<DataFreshness> {
    const [rows, asOf] = await Promise.all([
      this.freshnessRows(currentUser()?.siteIds ?? null),
      defaultAsOf(this.dataSource),
    ]);
    return {
      lastSuccessfulLoadAt: rows[0]?.lastSuccessfulLoadAt ?? null,
      defaultAsOf: asOf,
      tables: rows.map(({ kind, rows: count, latestDate }) => ({ kind, rows: count, latestDate })),
    };
  }

  /**
   * The counts the loader stored while they hold the loaded data, else counted live (seconds at
   * 100,000 participants, and the filter bar asks on every page). Freshness covers every row
   * whatever the as_of, so any current derived data (a data version) will do; the migrations that
   * added derived tables removed derived.meta until the next load filled them.
   */
  private async freshnessRows(siteIds: string[] | null): Promise<FreshnessRow[]> {
    if ((await derivedStamp(this.dataSource)) === null) return this.dataSource.query(FRESHNESS_SQL, [siteIds]);
    if (siteIds === null) return queryPrepared(this.dataSource, ONE_SCOPE_FRESHNESS_SQL, ['']);
    const sites = [...new Set(siteIds)];
    if (sites.length === 1) return queryPrepared(this.dataSource, ONE_SCOPE_FRESHNESS_SQL, sites);
    return queryPrepared(this.dataSource, SEVERAL_SITES_FRESHNESS_SQL, [sites]);
  }
}
