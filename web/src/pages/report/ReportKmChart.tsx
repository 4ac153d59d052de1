import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { seriesStyle } from '../../charts/series-style';
import { SeriesLegend } from '../../charts/SeriesLegend';
import { isGroupType } from '../../filters/group-types';
import type { ReportKmSeries } from './report-shape';

const percentTick = (v: number) => `${Math.round(v * 100)}%`;
const styleOf = (groupType: string | null) =>
  seriesStyle(groupType !== null && isGroupType(groupType) ? groupType : null);

/** Day ticks every 30 days, to at least 90. */
export function reportDayTicks(lastDay: number): number[] {
  const end = Math.max(90, Math.ceil(lastDay / 30) * 30);
  return Array.from({ length: end / 30 + 1 }, (_, i) => i * 30);
}

/** Kaplan–Meier step curves by group type, only the points the suppressed report has. */
export function ReportKmChart({ series }: { series: readonly ReportKmSeries[] }) {
  const ticks = reportDayTicks(Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.days))));
  return (
    <figure className="chart-figure report-km">
      <SeriesLegend
        items={series.map((s) => ({ key: s.groupType ?? 'total', label: s.label, style: styleOf(s.groupType) }))}
      />
      <ResponsiveContainer width="100%" height={320}>
        <ComposedChart accessibilityLayer={false} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid stroke="#e3e6ea" />
          <XAxis
            type="number"
            dataKey="days"
            domain={[0, ticks[ticks.length - 1]]}
            ticks={ticks}
            allowDuplicatedCategory={false}
            label={{ value: 'Days since admission', position: 'insideBottom', offset: -12, fill: '#4a5260' }}
          />
          <YAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={percentTick} width={48} />
          {series.map((s) => {
            const style = styleOf(s.groupType);
            return (
              <Line
                key={s.groupType ?? 'total'}
                data={s.points}
                dataKey="survival"
                name={s.label}
                type="stepAfter"
                stroke={style.stroke}
                strokeWidth={s.groupType === null ? 3 : 2}
                strokeDasharray={style.dash || undefined}
                dot={false}
                isAnimationActive={false}
              />
            );
          })}
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">
        Kaplan–Meier retention curves by group type; the retained-at figures are in the retention tables.
      </figcaption>
    </figure>
  );
}
