import { seriesStyle } from '../../../charts/series-style';
import { isGroupType } from '../../../filters/group-types';
import { formatRatio, type EstimateRow } from './adjusted-shape';

interface ForestPlotProps {
  rows: readonly EstimateRow[];
  /** "Hazard ratio of dropout" / "Odds ratio of completing". */
  axisLabel: string;
  /** Group-type codes by row key, for the series colours (others drawn neutral). */
  groupTypeOf?: (row: EstimateRow) => string | null;
}

const WIDTH = 640;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 150;
const ROW_HEIGHT = 30;

/** Ratios on a log axis, each with its 95% interval; 1 (no difference) marked. Plain SVG: a few rows. */
export function ForestPlot({ rows, axisLabel, groupTypeOf }: ForestPlotProps) {
  const finite = rows
    .flatMap((r) => [r.ratio, r.lower, r.upper])
    .filter((v): v is number => v !== null && v > 0 && Number.isFinite(v));
  const lo = Math.log(Math.min(0.5, ...finite) * 0.9);
  const hi = Math.log(Math.max(2, ...finite) * 1.1);
  const plotLeft = LABEL_WIDTH;
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const x = (v: number) => plotLeft + ((Math.log(v) - lo) / (hi - lo)) * plotWidth;
  const ticks = [0.25, 0.5, 1, 2, 4, 8].filter((t) => Math.log(t) >= lo && Math.log(t) <= hi);
  const height = rows.length * ROW_HEIGHT + 50;
  return (
    <figure className="chart-figure">
      <svg
        className="forest-plot"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: WIDTH }}
        role="img"
        aria-label={`${axisLabel}, with 95% intervals`}
      >
        <line x1={x(1)} x2={x(1)} y1={0} y2={rows.length * ROW_HEIGHT} stroke="#4a5260" strokeDasharray="4 3" />
        {rows.map((row, i) => {
          const y = i * ROW_HEIGHT + ROW_HEIGHT / 2;
          const code = groupTypeOf?.(row) ?? null;
          const style = seriesStyle(code && isGroupType(code) ? code : null);
          return (
            <g key={row.key} data-testid="forest-row">
              <text x={0} y={y + 4} fontSize={13} fill="#1f2430">
                {row.label}
              </text>
              {row.lower !== null && row.upper !== null && (
                <line x1={x(row.lower)} x2={x(row.upper)} y1={y} y2={y} stroke={style.stroke} strokeWidth={2} />
              )}
              {row.ratio !== null && row.note !== 'Reference' && (
                <rect x={x(row.ratio) - 5} y={y - 5} width={10} height={10} fill={style.stroke} />
              )}
              {row.note === 'Reference' && (
                <circle cx={x(1)} cy={y} r={5} fill="none" stroke={style.stroke} strokeWidth={2} />
              )}
              <text x={WIDTH - VALUE_WIDTH + 8} y={y + 4} fontSize={12} fill="#1f2430">
                {row.note ?? `${formatRatio(row.ratio)} (${formatRatio(row.lower)}–${formatRatio(row.upper)})`}
              </text>
            </g>
          );
        })}
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={x(t)}
              x2={x(t)}
              y1={rows.length * ROW_HEIGHT}
              y2={rows.length * ROW_HEIGHT + 5}
              stroke="#4a5260"
            />
            <text x={x(t)} y={rows.length * ROW_HEIGHT + 18} fontSize={11} textAnchor="middle" fill="#4a5260">
              {t}
            </text>
          </g>
        ))}
        <text x={plotLeft + plotWidth / 2} y={height - 6} fontSize={12} textAnchor="middle" fill="#4a5260">
          {axisLabel} (log scale; left of 1: lower than the reference)
        </text>
      </svg>
    </figure>
  );
}
