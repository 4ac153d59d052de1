import type { OutcomeFigure, OutcomeLogRank } from '../outcome-report/outcome-report.model';

/** What a hidden cell reads as, in the PDF and on the page; the methods page explains it. */
export const SUPPRESSED = 'suppressed';
/** A figure that cannot be computed (no one in the denominator): not hidden, just empty. */
export const NO_VALUE = '—';

export const GROUP_TYPE_LABELS: Record<string, string> = {
  psychoeducation: 'Psychoeducation',
  skills: 'Skills',
  process: 'Process',
  trauma_informed: 'Trauma-informed',
  family: 'Family',
};

export const groupTypeLabel = (groupType: string | null): string =>
  groupType === null ? 'All group types' : (GROUP_TYPE_LABELS[groupType] ?? groupType);

type Shown = Pick<OutcomeFigure, 'measure' | 'unit' | 'value' | 'lower' | 'upper' | 'n' | 'suppressed'>;

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;
// ASCII signs: the PDF's standard fonts (WinAnsi) have no U+2212 minus.
const signed = (v: number, magnitude: string) =>
  !/[1-9]/.test(magnitude) ? magnitude : v > 0 ? `+${magnitude}` : `-${magnitude}`;

/** PDA change is a mean of differences of proportions: read as percentage points. */
const isPoints = (f: Pick<Shown, 'measure'>) => f.measure === 'pda_change';

/** The value as read: "84.5%", "1,204", "37.2", "+12.3 pts", "45 days". */
export function formatValue(f: Shown): string {
  if (f.suppressed) return SUPPRESSED;
  if (f.value === null) return NO_VALUE;
  if (isPoints(f)) return signed(f.value, `${Math.abs(f.value * 100).toFixed(1)} pts`);
  switch (f.unit) {
    case 'count':
      return Math.round(f.value).toLocaleString('en-US');
    case 'proportion':
    case 'survival':
      return percent(f.value);
    case 'days':
      return `${Math.round(f.value)} days`;
    default:
      return f.value.toFixed(1);
  }
}

/** "80.1–92.3%" or '' when the figure has no interval (or is hidden). */
export function formatInterval(f: Shown): string {
  if (f.suppressed || f.value === null || f.lower === null || f.upper === null) return '';
  return `${(f.lower * 100).toFixed(1)}–${percent(f.upper)}`;
}

/** The count behind a figure, or '' when hidden or not applicable. */
export function formatN(f: Shown): string {
  return f.suppressed || f.n === null ? '' : f.n.toLocaleString('en-US');
}

/** Current minus previous, in the figure's own terms; a dash when either side is hidden or empty. */
export function formatChange(current: Shown | undefined, previous: Shown | undefined): string {
  if (!current || !previous || current.suppressed || previous.suppressed) return NO_VALUE;
  if (current.value === null || previous.value === null) return NO_VALUE;
  const d = current.value - previous.value;
  if (isPoints(current) || current.unit === 'proportion' || current.unit === 'survival')
    return signed(d, `${Math.abs(d * 100).toFixed(1)} pts`);
  switch (current.unit) {
    case 'count':
      return signed(d, Math.abs(Math.round(d)).toLocaleString('en-US'));
    case 'days':
      return signed(d, `${Math.abs(Math.round(d))} days`);
    default:
      return signed(d, Math.abs(d).toFixed(1));
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "31 Mar 2025" for 2025-03-31 (a calendar date: no time zone). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}

export const formatPeriod = (from: string, to: string) => `${formatDate(from)} – ${formatDate(to)}`;

/** The log-rank result in words a funder can read, p-value included for the analyst. */
export function describeLogRank(logRank: OutcomeLogRank | null): string {
  if (!logRank)
    return 'No comparison of retention across group types was possible (fewer than two group types with episodes).';
  const p = logRank.pValue < 0.001 ? 'p < 0.001' : `p = ${logRank.pValue.toFixed(3)}`;
  const stats = `log-rank chi-square ${logRank.chiSquare.toFixed(2)}, ${logRank.df} degrees of freedom, ${p}`;
  return logRank.pValue < 0.05
    ? `Retention differs between group types by more than chance would explain (${stats}).`
    : `The differences in retention between group types are within what chance would explain (${stats}).`;
}
