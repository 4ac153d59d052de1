import { KmPoint, kaplanMeier, medianSurvival, survivalAt } from './kaplan-meier';
import { amlMaintained, amlNonmaintained, counted, surv } from './reference-data.fixture';

/** R prints std.err of S (survival * stdErr of log S). */
const printedStdErr = (p: KmPoint) => p.survival * (p.stdErr ?? Number.NaN);

describe('kaplanMeier against R survfit(Surv(time, status) ~ x, data = aml)', () => {
  // Published R output (summary(survfit(...)), conf.type = "log"):
  //  time n.risk n.event survival std.err lower 95% CI upper 95% CI      x=Maintained
  //     9     11       1    0.909  0.0867       0.7541        1.000
  //    13     10       1    0.818  0.1163       0.6192        1.000
  //    18      8       1    0.716  0.1397       0.4884        1.000
  //    23      7       1    0.614  0.1526       0.3769        0.999
  //    31      5       1    0.491  0.1642       0.2549        0.946
  //    34      4       1    0.368  0.1627       0.1549        0.875
  //    48      2       1    0.184  0.1535       0.0359        0.944
  // The task brief quoted lower 0.1542 at 34 and upper 0.9988 at 23; both disagree with the published
  // table and with the formula: 0.3682 · exp(-z · 0.44182) = 0.1549, 0.61364 · exp(z · 0.24873) = 0.99917 (z = qnorm(0.975)).
  const maintained = kaplanMeier(amlMaintained);

  it('has one point per distinct event time with R n.risk / n.event', () => {
    expect(maintained.map((p) => p.time)).toEqual([9, 13, 18, 23, 31, 34, 48]);
    expect(maintained.map((p) => p.nRisk)).toEqual([11, 10, 8, 7, 5, 4, 2]);
    expect(maintained.map((p) => p.nEvent)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it.each([
    [0, 0.909, 0.0867, 0.7541, 1],
    [1, 0.818, 0.1163, 0.6192, 1],
    [2, 0.716, 0.1397, 0.4884, 1],
    [3, 0.614, 0.1526, 0.3769, 0.999],
    [4, 0.491, 0.1642, 0.2549, 0.946],
    [5, 0.368, 0.1627, 0.1549, 0.875],
    [6, 0.184, 0.1535, 0.0359, 0.944],
  ])('row %p: survival %p, std.err %p, CI [%p, %p]', (row, survival, stdErr, lower, upper) => {
    const point = maintained[row];
    expect(point.survival).toBeCloseTo(survival, 3);
    expect(printedStdErr(point)).toBeCloseTo(stdErr, 4);
    expect(point.lower).toBeCloseTo(lower, 4);
    expect(point.upper).toBeCloseTo(upper, 3);
  });

  it("gives R's values from counts per (time, outcome) as from one observation per subject", () => {
    // aml Maintained has two subjects at 13 (one event, one censored); Nonmaintained has tied events.
    const fromCounts = kaplanMeier(counted(amlMaintained));
    expect(counted(amlNonmaintained).length).toBeLessThan(amlNonmaintained.length);
    expect(fromCounts.map((p) => [p.time, p.nRisk, p.nEvent, p.nCensored])).toEqual(
      maintained.map((p) => [p.time, p.nRisk, p.nEvent, p.nCensored]),
    );
    expect(fromCounts.map((p) => p.survival.toFixed(3))).toEqual([
      '0.909',
      '0.818',
      '0.716',
      '0.614',
      '0.491',
      '0.368',
      '0.184',
    ]);
    const nonmaintained = kaplanMeier(counted(amlNonmaintained));
    // R: time 5, n.risk 12, n.event 2, survival 0.8333; time 8, n.risk 10, n.event 2, survival 0.6667.
    expect(nonmaintained.slice(0, 2).map((p) => [p.time, p.nRisk, p.nEvent])).toEqual([
      [5, 12, 2],
      [8, 10, 2],
    ]);
    expect(nonmaintained[1]!.survival).toBeCloseTo(0.6667, 4);
  });

  it('rejects counts that are not whole numbers ≥ 0, and ignores zero counts', () => {
    expect(() => kaplanMeier([{ time: 1, event: true, count: -1 }])).toThrow(RangeError);
    expect(() => kaplanMeier([{ time: 1, event: true, count: 1.5 }])).toThrow(RangeError);
    expect(kaplanMeier([...amlMaintained, { time: 7, event: true, count: 0 }])).toEqual(maintained);
  });

  it('caps the upper bound at exactly 1', () => {
    expect(maintained.slice(0, 3).map((p) => p.upper)).toEqual([1, 1, 1]);
  });

  it('counts censorings in [this event time, next event time), closing the risk table', () => {
    // 13+ at 13, 28+ after 23, 45+ after 34, 161+ after 48.
    expect(maintained.map((p) => p.nCensored)).toEqual([0, 1, 0, 1, 0, 1, 1]);
    maintained.slice(1).forEach((p, i) => {
      const previous = maintained[i];
      expect(p.nRisk).toBe(previous.nRisk - previous.nEvent - previous.nCensored);
    });
    const last = maintained[maintained.length - 1];
    expect(last.nRisk - last.nEvent).toBe(last.nCensored);
  });

  it('has median 31 (R print: x=Maintained median 31)', () => {
    expect(medianSurvival(maintained)).toBe(31);
  });

  describe('x=Nonmaintained, where S reaches 0', () => {
    // Published R output:
    //  time n.risk n.event survival std.err lower 95% CI upper 95% CI
    //     5     12       2   0.8333  0.1076       0.6470        1.000
    //     8     10       2   0.6667  0.1361       0.4468        0.995
    //    12      8       1   0.5833  0.1423       0.3616        0.941
    //    23      6       1   0.4861  0.1481       0.2675        0.883
    //    27      5       1   0.3889  0.1470       0.1854        0.816
    //    30      4       1   0.2917  0.1387       0.1148        0.741
    //    33      3       1   0.1944  0.1219       0.0569        0.664
    //    43      2       1   0.0972  0.0919       0.0153        0.620
    //    45      1       1   0.0000     NaN           NA           NA
    const nonmaintained = kaplanMeier(amlNonmaintained);
    const published: [number, number, number, number, number, number, number][] = [
      [5, 12, 2, 0.8333, 0.1076, 0.647, 1],
      [8, 10, 2, 0.6667, 0.1361, 0.4468, 0.995],
      [12, 8, 1, 0.5833, 0.1423, 0.3616, 0.941],
      [23, 6, 1, 0.4861, 0.1481, 0.2675, 0.883],
      [27, 5, 1, 0.3889, 0.147, 0.1854, 0.816],
      [30, 4, 1, 0.2917, 0.1387, 0.1148, 0.741],
      [33, 3, 1, 0.1944, 0.1219, 0.0569, 0.664],
      [43, 2, 1, 0.0972, 0.0919, 0.0153, 0.62],
    ];

    it('matches every row before extinction', () => {
      expect(nonmaintained).toHaveLength(9);
      published.forEach(([time, nRisk, nEvent, survival, stdErr, lower, upper], row) => {
        const point = nonmaintained[row];
        expect([point.time, point.nRisk, point.nEvent]).toEqual([time, nRisk, nEvent]);
        expect(point.survival).toBeCloseTo(survival, 4);
        expect(printedStdErr(point)).toBeCloseTo(stdErr, 4);
        expect(point.lower).toBeCloseTo(lower, 4);
        expect(point.upper).toBeCloseTo(upper, 3);
      });
    });

    it('returns S = 0 with null stdErr and bounds where R has NaN / NA', () => {
      expect(nonmaintained[8]).toEqual({
        time: 45,
        nRisk: 1,
        nEvent: 1,
        nCensored: 0,
        survival: 0,
        stdErr: null,
        lower: null,
        upper: null,
      });
      expect(survivalAt(nonmaintained, 100)).toEqual({ survival: 0, lower: null, upper: null });
    });

    it('has median 23 (R print: x=Nonmaintained median 23)', () => {
      expect(medianSurvival(nonmaintained)).toBe(23);
    });

    it('puts the censoring at 16 on the step that starts at 12', () => {
      expect(nonmaintained.map((p) => p.nCensored)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0]);
    });
  });
});

describe('survivalAt', () => {
  const curve = kaplanMeier(amlMaintained);

  it('is 1 with interval [1, 1] before the first event', () => {
    expect(survivalAt(curve, 0)).toEqual({ survival: 1, lower: 1, upper: 1 });
    expect(survivalAt(curve, 8.999)).toEqual({ survival: 1, lower: 1, upper: 1 });
  });

  it('includes events at exactly t', () => {
    expect(survivalAt(curve, 9).survival).toBeCloseTo(10 / 11, 12);
    expect(survivalAt(curve, 13).survival).toBeCloseTo(9 / 11, 12);
  });

  it('carries the last point at or before t, interval included', () => {
    // Between 23 and 31 the curve is the t = 23 row: 0.614 [0.3769, 0.999].
    const { survival, lower, upper } = survivalAt(curve, 30.5);
    expect(survival).toBeCloseTo(0.614, 3);
    expect(lower).toBeCloseTo(0.3769, 4);
    expect(upper).toBeCloseTo(0.999, 3);
    expect(survivalAt(curve, 1000).survival).toBeCloseTo(0.184, 3);
  });

  it('is 1 everywhere on an empty curve', () => {
    expect(survivalAt([], 5)).toEqual({ survival: 1, lower: 1, upper: 1 });
  });
});

describe('edge cases', () => {
  it('empty input: no points, no median', () => {
    expect(kaplanMeier([])).toEqual([]);
    expect(medianSurvival([])).toBeNull();
  });

  it('all censored: no points, median null, S(t) = 1', () => {
    const curve = kaplanMeier(surv('3+ 5+ 5+ 8+'));
    expect(curve).toEqual([]);
    expect(medianSurvival(curve)).toBeNull();
    expect(survivalAt(curve, 10)).toEqual({ survival: 1, lower: 1, upper: 1 });
  });

  it('keeps subjects censored at an event time at risk at that time', () => {
    // At t = 1: 4 at risk (the 1+ included), 1 event: S = 3/4, var(log S) = 1/(4·3).
    // At t = 2: 2 at risk, 1 event: S = 3/8, var(log S) = 1/12 + 1/(2·1).
    const curve = kaplanMeier(surv('1 1+ 2 3+'));
    expect(curve.map((p) => [p.time, p.nRisk, p.nEvent, p.nCensored])).toEqual([
      [1, 4, 1, 1],
      [2, 2, 1, 1],
    ]);
    expect(curve[0].survival).toBeCloseTo(0.75, 14);
    expect(curve[0].stdErr).toBeCloseTo(Math.sqrt(1 / 12), 14);
    expect(curve[0].lower).toBeCloseTo(0.75 * Math.exp(-1.959963984540054 * Math.sqrt(1 / 12)), 14);
    expect(curve[1].survival).toBeCloseTo(0.375, 14);
    expect(curve[1].stdErr).toBeCloseTo(Math.sqrt(1 / 12 + 1 / 2), 14);
    expect(curve[1].upper).toBeCloseTo(
      Math.min(1, 0.375 * Math.exp(1.959963984540054 * Math.sqrt(1 / 12 + 1 / 2))),
      14,
    );
  });

  it('handles tied events: d > 1 at one time', () => {
    // 4 at risk, 2 events at t = 2: S = 1/2, var(log S) = 2/(4·2); S = 0.5 exactly is the median.
    // The later 5+ and 7+ sit on the last step.
    const curve = kaplanMeier(surv('2 2 5+ 7+'));
    expect(curve).toHaveLength(1);
    expect(curve[0]).toMatchObject({ time: 2, nRisk: 4, nEvent: 2, nCensored: 2, survival: 0.5 });
    expect(curve[0].stdErr).toBeCloseTo(0.5, 14);
    expect(medianSurvival(curve)).toBe(2);
  });

  it('finds the median despite rounding in the product (5/6 · 4/5 · 3/4 = 1/2)', () => {
    expect(medianSurvival(kaplanMeier(surv('1 2 3 4 5 6')))).toBe(3);
  });

  it('ignores censorings before the first event in every point, but not in nRisk', () => {
    const curve = kaplanMeier(surv('1+ 1+ 4 6'));
    expect(curve.map((p) => [p.time, p.nRisk, p.nCensored])).toEqual([
      [4, 2, 0],
      [6, 1, 0],
    ]);
  });

  it('does not depend on input order', () => {
    const shuffled = [...amlMaintained].reverse();
    shuffled.push(shuffled.shift()!);
    expect(kaplanMeier(shuffled)).toEqual(kaplanMeier(amlMaintained));
  });

  it('rejects non-finite times', () => {
    expect(() => kaplanMeier([{ time: Number.NaN, event: true }])).toThrow(RangeError);
    expect(() => survivalAt([], Number.NaN)).toThrow(RangeError);
  });
});
