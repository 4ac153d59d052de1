import { protectCurve, protectFigures, roundCount } from './disclosure-control';
import type { RawFigure } from './suppression';

const count = (measure: string, groupType: string | null, value: number): RawFigure => ({
  section: 'retention',
  measure,
  unit: 'count',
  groupType,
  period: 'current',
  value,
  lower: null,
  upper: null,
  n: value,
});

const rate = (groupType: string | null, numerator: number, n: number): RawFigure => ({
  section: 'retention',
  measure: 'completion_rate',
  unit: 'proportion',
  groupType,
  period: 'current',
  value: numerator / n,
  lower: 0.51234,
  upper: 0.87654,
  n,
  numerator,
});

const RULES = { threshold: 11 };

describe('what a funder may hold', () => {
  it('rounds counts to the nearest 5, keeping 0', () => {
    expect([0, 11, 12, 13, 17, 18, 1002].map(roundCount)).toEqual([0, 10, 10, 15, 15, 20, 1000]);
  });

  it('hides a rate whose people not counted are fewer than the threshold (38 of 43 completed)', () => {
    const [shown] = protectFigures([rate(null, 38, 43)], RULES);
    expect(shown).toMatchObject({ suppressed: true, hiddenBecause: 'small', value: null, n: null });
    const [ok] = protectFigures([rate(null, 30, 43)], RULES);
    expect(ok).toMatchObject({ suppressed: false, value: 0.7, lower: 0.51, upper: 0.88, n: 45 });
  });

  it('says why each hidden cell is hidden: small, its complement, and the figures of its cohort', () => {
    const figures = [
      count('episodes', null, 43),
      count('episodes', 'process', 30),
      count('episodes', 'skills', 1),
      count('episodes', 'family', 12),
      rate('family', 0, 12),
    ];
    const shown = protectFigures(figures, RULES, { measure: 'episodes', sections: ['retention'] });
    expect(shown.map((f) => [f.groupType, f.measure, f.hiddenBecause, f.value])).toEqual([
      [null, 'episodes', null, 45],
      ['process', 'episodes', null, 30],
      ['skills', 'episodes', 'small', null],
      ['family', 'episodes', 'complement', null],
      ['family', 'completion_rate', 'cohort', null],
    ]);
  });

  it('keeps exact figures only when told to (the disclosure audit shows then that it can fail)', () => {
    const [exact] = protectFigures([count('episodes', null, 43)], { ...RULES, coarsen: false });
    expect(exact.value).toBe(43);
  });

  it('draws a curve only where enough are at risk, in whole percentages and rounded numbers at risk', () => {
    const points = [
      { days: 3, atRisk: 43, survival: 0.97674, lower: 0.9318, upper: 1 },
      { days: 40, atRisk: 12, survival: 0.6512, lower: 0.5, upper: 0.849 },
      { days: 60, atRisk: 10, survival: 0.6, lower: 0.4, upper: 0.8 },
    ];
    expect(protectCurve(points, RULES)).toEqual([
      { days: 3, atRisk: 45, survival: 0.98, lower: 0.93, upper: 1 },
      { days: 40, atRisk: 10, survival: 0.65, lower: 0.5, upper: 0.85 },
    ]);
  });

  it('refuses a threshold below 11', () => {
    expect(() => protectFigures([], { threshold: 10 })).toThrow('The suppression threshold is never below 11');
  });
});
