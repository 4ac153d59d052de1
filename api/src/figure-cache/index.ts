export { CachedFigures, isFigureQuery } from './cached-figures.decorator';
export { CachedAnswerMiddleware } from './cached-answer.middleware';
export { FigureCache } from './figure-cache';
export { figureCachePlugin } from './figure-cache.plugin';
export { FigureCacheModule, FIGURE_CACHE_ENTRIES } from './figure-cache.module';
