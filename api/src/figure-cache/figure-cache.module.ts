import { Module } from '@nestjs/common';
import { FigureCache } from './figure-cache';

/**
 * Distinct (query, variables, role, sites) answers kept per data version. An answer is 1–100 KB
 * (the retention curves are the largest), kept once as data and once as bytes: at most about
 * 100 MB, far more than the pages and filters a program's staff ask for between two loads.
 */
export const FIGURE_CACHE_ENTRIES = 500;

/** One cache per app; the benchmark turns it off with app.get(FigureCache).resize(0). */
@Module({
  providers: [{ provide: FigureCache, useFactory: () => new FigureCache(FIGURE_CACHE_ENTRIES) }],
  exports: [FigureCache],
})
export class FigureCacheModule {}
