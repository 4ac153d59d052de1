import type { OutcomeFigure } from '../outcome-report/outcome-report.model';
import { GroupType } from '../filters';
import { toReportCsv } from './report-csv';

const periods = {
  from: '2025-01-01',
  to: '2025-03-31',
  previousFrom: '2024-10-02',
  previousTo: '2024-12-31',
  asOf: '2025-06-30',
};

function figure(values: Partial<OutcomeFigure>): OutcomeFigure {
  return {
    section: 'retention',
    measure: 'completion_rate',
    label: 'Completion rate (completed ÷ discharged)',
    unit: 'proportion',
    groupType: null,
    period: 'current',
    value: null,
    lower: null,
    upper: null,
    n: null,
    suppressed: false,
    ...values,
  };
}

describe('toReportCsv', () => {
  it('writes the header and one CRLF-terminated row per figure', () => {
    const csv = toReportCsv({ periods, figures: [figure({ value: 0.5, lower: 0.4, upper: 0.6, n: 40 })] });
    expect(csv).toBe(
      'section,measure,group_type,period,value,lower,upper,n,suppressed\r\n' +
        'retention,completion_rate,all,2025-01-01..2025-03-31,0.5,0.4,0.6,40,false\r\n',
    );
  });

  it.each([
    [
      'a suppressed cell: empty figures, suppressed=true',
      figure({ groupType: GroupType.skills, suppressed: true }),
      'retention,completion_rate,skills,2025-01-01..2025-03-31,,,,,true',
    ],
    [
      'a previous-period count',
      figure({ section: 'census', measure: 'admissions', unit: 'count', period: 'previous', value: 0, n: 0 }),
      'census,admissions,all,2024-10-02..2024-12-31,0,,,0,false',
    ],
    [
      'a figure that cannot be computed',
      figure({ groupType: GroupType.family, n: 0 }),
      'retention,completion_rate,family,2025-01-01..2025-03-31,,,,0,false',
    ],
    [
      'a negative mean, at full precision',
      figure({ measure: 'pda_change', unit: 'mean', value: -0.123456789, n: 30 }),
      'retention,pda_change,all,2025-01-01..2025-03-31,-0.123456789,,,30,false',
    ],
  ])('writes %s', (_, f, row) => {
    expect(toReportCsv({ periods, figures: [f] }).split('\r\n')[1]).toBe(row);
  });

  it('quotes a field with a comma or a quote (RFC 4180)', () => {
    const csv = toReportCsv({ periods, figures: [figure({ section: 'a,"b"' })] });
    expect(csv.split('\r\n')[1]).toMatch(/^"a,""b""",/);
  });
});
