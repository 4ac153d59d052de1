import type { Column } from '../../charts/columns';
import { DataTable } from '../../charts/DataTable';
import {
  formatFigure,
  formatFigureChange,
  formatFigureInterval,
  type ReportFigure,
  type ReportRow,
  type ReportSection,
} from './report-shape';

const text = (f: ReportFigure | undefined) => (f ? formatFigure(f) : '');
const interval = (f: ReportFigure | undefined) => (f ? formatFigureInterval(f) : '');
const n = (f: ReportFigure | undefined) => (f && !f.suppressed && f.n !== null ? f.n.toLocaleString('en-US') : '');

// Every cell is display text already: the CSV of record is the server's download.
const COLUMNS = (first: string): Column<ReportRow>[] => [
  { label: first, value: (r) => r.name },
  { label: 'This period', value: (r) => text(r.current), numeric: true },
  { label: '95% CI', value: (r) => interval(r.current), format: (v) => String(v ?? ''), numeric: true },
  { label: 'n', value: (r) => n(r.current), format: (v) => String(v ?? ''), numeric: true },
  { label: 'Previous period', value: (r) => text(r.previous), numeric: true },
  { label: '95% CI (previous)', value: (r) => interval(r.previous), format: (v) => String(v ?? ''), numeric: true },
  { label: 'n (previous)', value: (r) => n(r.previous), format: (v) => String(v ?? ''), numeric: true },
  { label: 'Change', value: (r) => formatFigureChange(r.current, r.previous), numeric: true },
];

/** One section of the report: its all-types table, then each measure by group type. */
export function ReportSectionView({ section }: { section: ReportSection }) {
  return (
    <section className="card report-section" aria-labelledby={`report-${section.id}`}>
      <h2 id={`report-${section.id}`}>{section.title}</h2>
      {section.tables.map((table, i) => (
        <div className="report-table" key={table.key}>
          <DataTable
            caption={table.caption}
            label={`Table: ${section.title}, ${table.caption}`}
            rows={table.rows}
            columns={COLUMNS(i === 0 ? 'Measure' : 'Group type')}
          />
        </div>
      ))}
    </section>
  );
}
