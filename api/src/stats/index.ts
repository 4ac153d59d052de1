export { kaplanMeier, survivalAt, medianSurvival, KM_CONFIDENCE_Z } from './kaplan-meier';
export type { SurvivalObservation, KmPoint, SurvivalEstimate } from './kaplan-meier';
export { logRank } from './log-rank';
export type { GroupedSurvivalObservation, LogRankGroup, LogRankResult } from './log-rank';
export { chiSquareUpperTail, regularizedGammaP, regularizedGammaQ, logGamma } from './chi-square';
export { wilson, WILSON_Z_95 } from './wilson';
export type { RateInterval } from './wilson';
export { medianOfCounts } from './median';
