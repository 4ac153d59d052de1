import type { FigureId } from '@iop/metrics/definitions';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { isForbidden } from '../api/api-error';
import { ForbiddenState } from '../app/ForbiddenState';
import type { Column } from './columns';
import { toCsv } from './csv';
import { DataTable } from './DataTable';
import { FigureInfo } from './FigureInfo';
import { csvFileName, downloadText } from './download';
import { EmptyState } from '../page-tools/EmptyState';
import { hasData } from '../page-tools/has-data';
import { usePageCsv } from '../page-tools/page-csv';

export interface QueryStatus {
  isPending: boolean;
  error: Error | null;
  refetch: () => unknown;
}

interface ChartFrameProps<Row> {
  title: string;
  /** One line under the title: what the figure is, in the reader's words. */
  description?: ReactNode;
  status: QueryStatus;
  /** Exactly what the chart draws: the table and the CSV show these rows, no more, no fewer. */
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  /** The n behind the figure, e.g. { value: 212, unit: 'episodes' }. */
  n?: { value: number; unit: string } | null;
  /** The period, for the CSV file name. */
  scope?: { from: string; to: string } | null;
  emptyMessage?: string;
  /** Open the table at first (where the figures are the point, e.g. a milestone table). */
  initiallyShowTable?: boolean;
  /** The title's heading level: 2 directly under the page's h1, 3 inside a section with its own h2. */
  headingLevel?: 2 | 3;
  /** The definitions behind the info button beside the title. */
  figures?: FigureId | readonly FigureId[];
  /** The chart; rendered only once data has arrived and is not empty. */
  children: ReactNode;
}

/** The frame every chart sits in: title, n, loading/empty/error states, table toggle and CSV. */
export function ChartFrame<Row>(props: ChartFrameProps<Row>) {
  const {
    title,
    description,
    status,
    rows,
    columns,
    n,
    scope,
    emptyMessage,
    initiallyShowTable = false,
    headingLevel = 2,
    figures,
    children,
  } = props;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const [showTable, setShowTable] = useState(initiallyShowTable);
  const headingId = useId();
  const tableId = useId();
  const ready = !status.isPending && !status.error;
  const empty = ready && !hasData(rows, columns);
  const csv = useMemo(
    () => (ready && !empty ? { fileName: csvFileName(title, scope ?? null), text: () => toCsv(rows, columns) } : null),
    [ready, empty, title, scope, rows, columns],
  );
  usePageCsv(csv);

  return (
    <section className="chart-frame" aria-labelledby={headingId} aria-busy={status.isPending}>
      <header className="chart-frame__header">
        <div>
          <div className="chart-frame__title-row">
            <Heading id={headingId} className="chart-frame__title">
              {title}
            </Heading>
            {figures && <FigureInfo figures={figures} />}
          </div>
          {description && <p className="chart-frame__description">{description}</p>}
        </div>
        {ready && n && (
          <p className="chart-frame__n" data-testid="chart-n">
            n = {n.value.toLocaleString('en-US')} {n.unit}
          </p>
        )}
      </header>

      {status.isPending && <div className="skeleton" role="status" aria-label={`Loading ${title}`} />}
      {status.error && isForbidden(status.error) && <ForbiddenState what="these figures" />}
      {status.error && !isForbidden(status.error) && (
        <div role="alert" className="chart-frame__error">
          <p>
            Could not load “{title}”: {status.error.message}
          </p>
          <button type="button" onClick={() => void status.refetch()}>
            Retry
          </button>
        </div>
      )}
      {empty && <EmptyState scope={scope} hint={emptyMessage} />}
      {ready && !empty && (
        <>
          <div className="chart-frame__chart">{children}</div>
          <div className="chart-frame__actions">
            <button
              type="button"
              aria-expanded={showTable}
              aria-controls={tableId}
              onClick={() => setShowTable((s) => !s)}
            >
              {showTable ? 'Hide table' : 'Show table'}
            </button>
            <button type="button" onClick={() => csv && downloadText(csv.fileName, csv.text())}>
              Download CSV
            </button>
          </div>
          <div id={tableId} hidden={!showTable}>
            {showTable && <DataTable caption={title} rows={rows} columns={columns} />}
          </div>
        </>
      )}
    </section>
  );
}
