import { Z_95 } from './z-95';

/**
 * Kaplan-Meier survival curve with Greenwood standard errors and log-scale 95% intervals,
 * matching R `survfit(Surv(time, event) ~ 1)` (default conf.type = "log") to printed precision.
 */

/** One subject: follow-up time and whether it ended in the event (false = right-censored). */
export interface SurvivalObservation {
  time: number;
  event: boolean;
  /**
   * How many subjects share this time and outcome (default 1). SQL hands over counts per
   * (time, event); taking them as weights keeps the work in the number of distinct times.
   */
  count?: number;
}

/** The observation's subject count, checked: a whole number ≥ 0. */
export function countOf(observation: SurvivalObservation): number {
  const count = observation.count ?? 1;
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`observation count must be a whole number ≥ 0, got ${count}`);
  return count;
}

/** The curve at one distinct event time. */
export interface KmPoint {
  time: number;
  /** Subjects at risk just before `time`: those with time >= `time` (censored at `time` included, as in R). */
  nRisk: number;
  /** Events at exactly `time`. */
  nEvent: number;
  /**
   * Censored with time in [this point's time, next event time); for the last point, censored at or after it.
   * Censorings before the first event time belong to no point (they are n - curve[0].nRisk).
   * This makes the risk table exact: next.nRisk = nRisk - nEvent - nCensored, and for the last point
   * nRisk - nEvent = nCensored. Every censoring counted here lies on the flat step at height `survival`.
   */
  nCensored: number;
  /** S(time), including the events at `time`. */
  survival: number;
  /** Greenwood standard error of log S: sqrt(sum d / (n (n - d))). R's printed "std.err" is survival * stdErr. null once S = 0. */
  stdErr: number | null;
  /** 95% interval S * exp(±z * stdErr) with z = qnorm(0.975), capped to [0, 1]; null once S = 0 (NA in R). */
  lower: number | null;
  upper: number | null;
}

/** S(t) and its interval at an arbitrary time t. */
export interface SurvivalEstimate {
  survival: number;
  lower: number | null;
  upper: number | null;
}

/** R's print.survfit treats S within sqrt(machine epsilon) of 0.5 as 0.5; products like 5/6·4/5·3/4 round. */
const MEDIAN_TOLERANCE = Math.sqrt(Number.EPSILON);

interface TimeTally {
  time: number;
  events: number;
  censored: number;
}

/** Events and censorings per distinct time, ascending. */
function tallyByTime(observations: readonly SurvivalObservation[]): TimeTally[] {
  const byTime = new Map<number, TimeTally>();
  for (const observation of observations) {
    const { time, event } = observation;
    if (!Number.isFinite(time)) throw new RangeError(`observation time must be finite, got ${time}`);
    const tally = byTime.get(time) ?? { time, events: 0, censored: 0 };
    if (event) tally.events += countOf(observation);
    else tally.censored += countOf(observation);
    byTime.set(time, tally);
  }
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

/** One point per distinct event time, ascending. Input order does not matter. */
export function kaplanMeier(observations: readonly SurvivalObservation[]): KmPoint[] {
  const curve: KmPoint[] = [];
  let atRisk = observations.reduce((sum, o) => sum + countOf(o), 0);
  let survival = 1;
  let greenwoodSum = 0;
  for (const { time, events, censored } of tallyByTime(observations)) {
    if (events > 0) {
      survival *= (atRisk - events) / atRisk;
      const extinct = events === atRisk;
      if (!extinct) greenwoodSum += events / (atRisk * (atRisk - events));
      const stdErr = extinct ? null : Math.sqrt(greenwoodSum);
      curve.push({
        time,
        nRisk: atRisk,
        nEvent: events,
        nCensored: censored,
        survival,
        stdErr,
        lower: stdErr === null ? null : survival * Math.exp(-Z_95 * stdErr),
        upper: stdErr === null ? null : Math.min(1, survival * Math.exp(Z_95 * stdErr)),
      });
    } else if (curve.length > 0) {
      curve[curve.length - 1].nCensored += censored;
    }
    atRisk -= events + censored;
  }
  return curve;
}

/**
 * The step function at t: S(t) counts events at exactly t, with the interval of the last point at or
 * before t; before the first event S = 1 with interval [1, 1]. Past the last event the last value
 * carries on (the curve does not know the end of follow-up; callers should not read beyond it).
 */
export function survivalAt(curve: readonly KmPoint[], t: number): SurvivalEstimate {
  if (Number.isNaN(t)) throw new RangeError('t must not be NaN');
  // Binary search for the last point with time <= t.
  let low = 0;
  let high = curve.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (curve[mid].time <= t) low = mid + 1;
    else high = mid;
  }
  if (low === 0) return { survival: 1, lower: 1, upper: 1 };
  const { survival, lower, upper } = curve[low - 1];
  return { survival, lower, upper };
}

/**
 * Smallest event time with S(t) <= 0.5, or null if the curve never gets there.
 * Unlike R's print.survfit, an exact 0.5 plateau is not averaged with the next event time.
 */
export function medianSurvival(curve: readonly KmPoint[]): number | null {
  const point = curve.find((p) => p.survival <= 0.5 + MEDIAN_TOLERANCE);
  return point === undefined ? null : point.time;
}
