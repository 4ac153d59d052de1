import { Module } from '@nestjs/common';
import { FigureCache } from './figure-cache';

/** Distinct (query, variables, role, sites) answers kept per data version: a few KB each. */
export const FIGURE_CACHE_ENTRIES = 2000;

/** One cache per app; the benchmark turns it off with app.get(FigureCache).resize(0). */
@Module({
  providers: [{ provide: FigureCache, useFactory: () => new FigureCache(FIGURE_CACHE_ENTRIES) }],
  exports: [FigureCache],
})
export class FigureCacheModule {}
