import { describeHazards, formatP, toGroupTypeRows } from './adjusted-shape';

const estimate = (level: string, ratio: number, pValue: number) => ({
  term: 'group type',
  level,
  aliased: false,
  notEstimable: false,
  estimate: Math.log(ratio),
  se: 0.1,
  ratio,
  lower: ratio * 0.8,
  upper: ratio * 1.25,
  z: 2,
  pValue,
});

describe('adjusted comparison shapes', () => {
  it('puts the reference first with ratio 1', () => {
    const rows = toGroupTypeRows([estimate('skills', 1.5, 0.01)], 'process');
    expect(rows.map((r) => [r.label, r.ratio, r.note])).toEqual([
      ['Process', 1, 'Reference'],
      ['Skills', 1.5, null],
    ]);
  });

  it('reads clear differences in plain words, and says so when there are none', () => {
    const rows = toGroupTypeRows(
      [estimate('skills', 1.5, 0.01), estimate('family', 0.6, 0.02), estimate('trauma_informed', 1.1, 0.4)],
      'process',
    );
    expect(describeHazards(rows, 'process')).toBe(
      'Skills: episodes dropped out at 1.50 times the rate of comparable episodes in Process (95% CI 1.20–1.88, p = 0.01). ' +
        'Family: a dropout rate 40% lower than that of comparable episodes in Process (hazard ratio 0.60, 95% CI 0.48–0.75, p = 0.02).',
    );
    expect(describeHazards(toGroupTypeRows([estimate('skills', 1.1, 0.4)], 'process'), 'process')).toMatch(
      /no group type's dropout rate differs clearly from Process/,
    );
  });

  it('formats p-values', () => {
    expect([formatP(0.0004), formatP(0.004), formatP(0.04), formatP(null)]).toEqual([
      'p < 0.001',
      'p = 0.004',
      'p = 0.04',
      '—',
    ]);
  });
});
