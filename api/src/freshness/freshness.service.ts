import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { currentUser } from '../auth/current-user';
import { defaultAsOf } from '../filters';
import { DataFreshness } from './freshness.model';
import { FRESHNESS_SQL } from './freshness.sql';

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
      this.dataSource.query(FRESHNESS_SQL, [currentUser()?.siteIds ?? null]) as Promise<FreshnessRow[]>,
      defaultAsOf(this.dataSource),
    ]);
    return {
      lastSuccessfulLoadAt: rows[0]?.lastSuccessfulLoadAt ?? null,
      defaultAsOf: asOf,
      tables: rows.map(({ kind, rows: count, latestDate }) => ({ kind, rows: count, latestDate })),
    };
  }
}
