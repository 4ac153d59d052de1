export { kaplanMeier, survivalAt, medianSurvival } from './kaplan-meier';
export type { SurvivalObservation, KmPoint, SurvivalEstimate } from './kaplan-meier';
export { logRank } from './log-rank';
export type { GroupedSurvivalObservation, LogRankGroup, LogRankResult } from './log-rank';
export { chiSquareUpperTail, regularizedGammaP, regularizedGammaQ, logGamma } from './chi-square';
export { wilson } from './wilson';
export { Z_95 } from './z-95';
export type { RateInterval } from './wilson';
export { medianOfCounts } from './median';
