import type { OutcomeMeasure } from '../outcome-report/outcome-measures';
import { OUTCOME_MEASURES } from '../outcome-report/outcome-measures';
import type { OutcomeFigure } from '../outcome-report/outcome-report.model';
import { formatChange, formatInterval, formatN, formatValue, groupTypeLabel } from './report-format';

/** The report's sections in reading order, each with the measures it shows for all group types. */
export const REPORT_SECTIONS: readonly { title: string; measures: readonly OutcomeMeasure[] }[] = [
  {
    title: 'Census',
    measures: ['admissions', 'discharges', 'open_episodes', 'participants_served', 'sessions_held'],
  },
  {
    title: 'Completion and retention',
    measures: ['episodes', 'completion_rate', 'retained_30d', 'retained_60d', 'retained_90d', 'median_days_to_dropout'],
  },
  { title: 'Attendance and ASAM intensity', measures: ['attendance_rate', 'intensity_met'] },
  {
    title: 'Abstinence and percent days abstinent',
    measures: [
      'abstinent_30d_responders',
      'abstinent_30d_itt',
      'abstinent_90d_responders',
      'abstinent_90d_itt',
      'pda_change',
    ],
  },
  { title: 'Therapeutic alliance (session ratings)', measures: ['alliance_mean', 'alliance_flag_rate'] },
];

export interface TableColumn {
  header: string;
  /** Share of the table's width. */
  weight: number;
  align: 'left' | 'right';
}

/** A table as text: what the PDF draws and what a test reads back. */
export interface TextTable {
  columns: readonly TableColumn[];
  rows: string[][];
}

type Figures = readonly OutcomeFigure[];

export const findFigure = (figures: Figures, measure: string, groupType: string | null, period: string) =>
  figures.find((f) => f.measure === measure && f.groupType === groupType && f.period === period);

const COMPARISON_COLUMNS: TableColumn[] = [
  { header: 'Measure', weight: 30, align: 'left' },
  { header: 'This period', weight: 11, align: 'right' },
  { header: '95% interval', weight: 14, align: 'right' },
  { header: 'n', weight: 7, align: 'right' },
  { header: 'Previous period', weight: 11, align: 'right' },
  { header: '95% interval', weight: 14, align: 'right' },
  { header: 'n', weight: 7, align: 'right' },
  { header: 'Change', weight: 10, align: 'right' },
];

/** One row per measure: this period beside the previous one, and the change, for one group type. */
export function comparisonTable(
  figures: Figures,
  measures: readonly OutcomeMeasure[],
  groupType: string | null = null,
): TextTable {
  const rows = measures.flatMap((measure) => {
    const current = findFigure(figures, measure, groupType, 'current');
    const previous = findFigure(figures, measure, groupType, 'previous');
    if (!current && !previous) return [];
    const side = (f: OutcomeFigure | undefined) => (f ? [formatValue(f), formatInterval(f), formatN(f)] : ['', '', '']);
    return [[OUTCOME_MEASURES[measure].label, ...side(current), ...side(previous), formatChange(current, previous)]];
  });
  return { columns: COMPARISON_COLUMNS, rows };
}

/** The measures of the group-type comparison, with short headers. */
export const GROUP_TYPE_MEASURES: readonly { measure: OutcomeMeasure; header: string }[] = [
  { measure: 'episodes', header: 'Episodes' },
  { measure: 'completion_rate', header: 'Completed' },
  { measure: 'retained_90d', header: 'Retained at 90 days' },
  { measure: 'attendance_rate', header: 'Attendance rate' },
  { measure: 'intensity_met', header: 'Intensity met' },
  { measure: 'abstinent_90d_itt', header: 'Abstinent at 90 days (ITT)' },
  { measure: 'alliance_flag_rate', header: 'Sessions rated 36 or lower' },
];

/** The group types the report has figures for, in its own order, the total first. */
export function groupTypesOf(figures: Figures): (string | null)[] {
  return [null, ...new Set(figures.flatMap((f): string[] => (f.groupType === null ? [] : [f.groupType])))];
}

/** Group types side by side for one period: a row per group type, a column per key measure. */
export function groupTypeTable(figures: Figures, period: 'current' | 'previous'): TextTable {
  const columns: TableColumn[] = [
    { header: 'Group type', weight: 19, align: 'left' },
    ...GROUP_TYPE_MEASURES.map((m) => ({
      header: m.header,
      weight: 81 / GROUP_TYPE_MEASURES.length,
      align: 'right' as const,
    })),
  ];
  const rows = groupTypesOf(figures).map((g) => [
    groupTypeLabel(g),
    ...GROUP_TYPE_MEASURES.map(({ measure }) => {
      const f = findFigure(figures, measure, g, period);
      return f ? formatValue(f) : '';
    }),
  ]);
  return { columns, rows };
}
