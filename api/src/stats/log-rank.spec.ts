import { GroupedSurvivalObservation, LogRankResult, logRank } from './log-rank';
import { amlMaintained, amlNonmaintained, counted, grouped, ovarian, surv } from './reference-data.fixture';

const aml = [...grouped('Maintained', amlMaintained), ...grouped('Nonmaintained', amlNonmaintained)];

function expectSameTest(actual: LogRankResult | null, expected: LogRankResult | null): void {
  expect(actual).not.toBeNull();
  expect(actual!.chiSquare).toBeCloseTo(expected!.chiSquare, 12);
  expect(actual!.df).toBe(expected!.df);
  expect(actual!.pValue).toBeCloseTo(expected!.pValue, 12);
}

describe('logRank against published R survdiff output', () => {
  it('aml: survdiff(Surv(time, status) ~ x)', () => {
    //                  N Observed Expected (O-E)^2/E (O-E)^2/V
    // x=Maintained    11        7    10.69      1.27       3.4
    // x=Nonmaintained 12       11     7.31      1.86       3.4
    //  Chisq= 3.4  on 1 degrees of freedom, p= 0.0653   (chisq 3.3964)
    const result = logRank(aml)!;
    expect(result.chiSquare).toBeCloseTo(3.3964, 4);
    expect(result.df).toBe(1);
    expect(result.pValue).toBeCloseTo(0.0653, 4);
    expect(result.groups.map((g) => [g.group, g.n, g.observed])).toEqual([
      ['Maintained', 11, 7],
      ['Nonmaintained', 12, 11],
    ]);
    expect(result.groups[0].expected).toBeCloseTo(10.69, 2);
    expect(result.groups[1].expected).toBeCloseTo(7.31, 2);
  });

  it('aml from counts per (group, time, outcome): the same chi-square 3.3964, p 0.0653', () => {
    const fromCounts = logRank(counted(aml))!;
    expect(counted(aml).length).toBeLessThan(aml.length);
    expect(fromCounts.chiSquare).toBeCloseTo(3.3964, 4);
    expect(fromCounts.pValue).toBeCloseTo(0.0653, 4);
    expect(fromCounts.groups.map((g) => [g.group, g.n, g.observed])).toEqual([
      ['Maintained', 11, 7],
      ['Nonmaintained', 12, 11],
    ]);
  });

  it('ovarian: survdiff(Surv(futime, fustat) ~ rx)', () => {
    //       N Observed Expected (O-E)^2/E (O-E)^2/V
    // rx=1 13        7  5.23353  0.596235   1.06274
    // rx=2 13        5  6.76647  0.461158   1.06274
    //  Chisq= 1.1  on 1 degrees of freedom, p= 0.302591
    const result = logRank(ovarian)!;
    expect(result.chiSquare).toBeCloseTo(1.06274, 5);
    expect(result.df).toBe(1);
    expect(result.pValue).toBeCloseTo(0.302591, 6);
    expect(result.groups.map((g) => [g.group, g.n, g.observed])).toEqual([
      ['rx=1', 13, 7],
      ['rx=2', 13, 5],
    ]);
    expect(result.groups[0].expected).toBeCloseTo(5.23353, 5);
    expect(result.groups[1].expected).toBeCloseTo(6.76647, 5);
  });

  it('heavy ties (stats.stackexchange q. 577118): 5 of 14 events at t = 1', () => {
    //      N Observed Expected (O-E)^2/E (O-E)^2/V
    // rx=1 7        7     9.72     0.762      4.01
    // rx=2 7        7     4.28     1.733      4.01
    const data = [...grouped('rx=1', surv('150 260 110 111 550 1 1')), ...grouped('rx=2', surv('1 140 60 1 70 1 1'))];
    const result = logRank(data)!;
    expect(result.chiSquare).toBeCloseTo(4.01, 2);
    expect(result.groups.map((g) => g.expected)).toEqual([expect.closeTo(9.72, 2), expect.closeTo(4.28, 2)]);
    const [first] = result.groups;
    // (O-E)^2/E column, a check on E independent of the variance.
    expect((first.observed - first.expected) ** 2 / first.expected).toBeCloseTo(0.762, 3);
  });
});

describe('logRank with three groups', () => {
  it('matches a hand-derived statistic', () => {
    // A: event at 1; B: event at 2; C: event at 3 (one subject each).
    // t=1: n = (1,1,1), d = 1 → E += (1/3, 1/3, 1/3); factor d(n-d)/(n(n-1)) = 1,
    //      V += [[2/9,-1/9,-1/9],[-1/9,2/9,-1/9],[-1/9,-1/9,2/9]].
    // t=2: n = (0,1,1), d = 1 → E += (0, 1/2, 1/2); V_BB += 1/4, V_CC += 1/4, V_BC -= 1/4.
    // t=3: n = (0,0,1), d = 1 → E += (0, 0, 1); a lone subject adds no variance.
    // O - E = (2/3, 1/6, -5/6). Dropping A: u = (1/6, -5/6), V = [[17, -13], [-13, 17]] / 36,
    // V⁻¹ = 0.3 · [[17, 13], [13, 17]], so χ² = 0.3 · (17 - 130 + 425) / 36 = 2.6 on 2 df,
    // and for df = 2 the upper tail is exactly e^(-χ²/2) = e^(-1.3).
    const result = logRank(surv('1 2 3').map((o, i) => ({ ...o, group: 'ABC'[i] })))!;
    expect(result.chiSquare).toBeCloseTo(2.6, 12);
    expect(result.df).toBe(2);
    expect(result.pValue).toBeCloseTo(Math.exp(-1.3), 12);
    expect(result.groups.map((g) => g.expected)).toEqual([
      expect.closeTo(1 / 3, 12),
      expect.closeTo(5 / 6, 12),
      expect.closeTo(11 / 6, 12),
    ]);
  });

  it('does not depend on which group is dropped, group labels or input order', () => {
    const threeArms: GroupedSurvivalObservation[] = [
      ...grouped('Maintained', amlMaintained),
      ...grouped('Nonmaintained', amlNonmaintained.slice(0, 6)),
      ...grouped('Third', amlNonmaintained.slice(6)),
    ];
    const reference = logRank(threeArms);
    expect(reference!.df).toBe(2);
    expectSameTest(logRank([...threeArms].reverse()), reference);
    expectSameTest(
      logRank(threeArms.map((o) => ({ ...o, group: o.group === 'Third' ? 'A-first' : o.group })).reverse()),
      reference,
    );
    expect(
      logRank([...threeArms].reverse())!
        .groups.map((g) => g.group)
        .sort(),
    ).toEqual(['Maintained', 'Nonmaintained', 'Third']);
  });

  it('equals the two-group test when the third group never reaches an event time (R drops E = 0 groups)', () => {
    const withIdleGroup = [...grouped('Early dropout', surv('1+ 2+ 3+')), ...aml];
    const result = logRank(withIdleGroup)!;
    expectSameTest(result, logRank(aml));
    expect(result.df).toBe(1);
    expect(result.groups[0]).toEqual({ group: 'Early dropout', n: 3, observed: 0, expected: 0 });
  });
});

describe('logRank edge cases', () => {
  it('returns null for fewer than two groups', () => {
    expect(logRank([])).toBeNull();
    expect(logRank(grouped('only', amlMaintained))).toBeNull();
  });

  it('returns null when no test is possible: no events, or no variance at any event time', () => {
    expect(logRank([...grouped('a', surv('1+ 2+')), ...grouped('b', surv('3+'))])).toBeNull();
    // Everyone at risk dies at t = 1: d (n - d) = 0.
    expect(logRank([...grouped('a', surv('1')), ...grouped('b', surv('1'))])).toBeNull();
  });

  it('keeps subjects censored at an event time at risk at that time', () => {
    // t=1: n = (1 a, 1 b), d = 1 (a), b censored at 1 but at risk: E = (1/2, 1/2), V_aa = 1/4.
    const result = logRank([...grouped('a', surv('1')), ...grouped('b', surv('1+'))])!;
    expect(result.groups.map((g) => g.expected)).toEqual([0.5, 0.5]);
    expect(result.chiSquare).toBeCloseTo(0.25 / 0.25, 12);
  });

  it('rejects non-finite times', () => {
    expect(() => logRank([{ group: 'a', time: Infinity, event: true }])).toThrow(RangeError);
  });
});
