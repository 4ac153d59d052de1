import { useId, useMemo, useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { seriesStyle } from '../../charts/series-style';
import { SeriesLegend } from '../../charts/SeriesLegend';
import { readCurves, readingDays } from './km-reading';
import { KmReadings } from './KmReadings';
import { dayTicks, type KmSeries } from './km-series';

interface KaplanMeierChartProps {
  series: readonly KmSeries[];
  /** Draw the 95% interval bands (they crowd the chart when many types overlap). */
  showIntervals: boolean;
}

const percentTick = (v: number) => `${Math.round(v * 100)}%`;
/** Step curves of the share not dropped out, by days since admission, one per series. */
export function KaplanMeierChart({ series, showIntervals }: KaplanMeierChartProps) {
  const ticks = dayTicks(Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.days))));
  // The tooltip stops on every day a point of any curve sits; the slider below reads the same days by keyboard.
  const days = useMemo(() => readingDays(series), [series]);
  const [dayIndex, setDayIndex] = useState(0);
  const sliderId = useId();
  const keyboardDay = days[Math.min(dayIndex, days.length - 1)] ?? 0;
  return (
    <figure className="chart-figure">
      <SeriesLegend
        items={series.map((s) => ({
          key: s.key,
          label: s.label,
          style: seriesStyle(s.key === 'total' ? null : s.key),
          detail: `n = ${s.episodes}`,
        }))}
      />
      <ResponsiveContainer width="100%" height={340}>
        <ComposedChart
          accessibilityLayer={false}
          data={days.map((d) => ({ days: d }))}
          margin={{ top: 8, right: 24, bottom: 24, left: 8 }}
        >
          <CartesianGrid stroke="#e3e6ea" />
          <XAxis
            type="number"
            dataKey="days"
            domain={[0, ticks[ticks.length - 1]]}
            ticks={ticks}
            allowDuplicatedCategory={false}
            label={{ value: 'Days since admission', position: 'insideBottom', offset: -12, fill: '#4a5260' }}
          />
          <YAxis
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={percentTick}
            width={64}
            label={{ value: 'Not dropped out', angle: -90, position: 'insideLeft', offset: 4, fill: '#4a5260' }}
          />
          <Tooltip
            isAnimationActive={false}
            content={({ active, label }) =>
              active && typeof label === 'number' ? (
                <KmReadings day={label} readings={readCurves(series, label)} />
              ) : null
            }
          />
          {showIntervals &&
            series.map((s) => (
              <Area
                key={`band-${s.key}`}
                data={s.points}
                dataKey={(p: KmSeries['points'][number]) => [p.lower ?? p.survival, p.upper ?? p.survival]}
                type="stepAfter"
                stroke="none"
                fill={seriesStyle(s.key === 'total' ? null : s.key).stroke}
                fillOpacity={0.1}
                isAnimationActive={false}
                legendType="none"
                tooltipType="none"
              />
            ))}
          {series.map((s) => {
            const style = seriesStyle(s.key === 'total' ? null : s.key);
            return (
              <Line
                key={s.key}
                data={s.points}
                dataKey="survival"
                name={s.label}
                type="stepAfter"
                stroke={style.stroke}
                strokeWidth={s.key === 'total' ? 3 : 2}
                strokeDasharray={style.dash || undefined}
                dot={false}
                isAnimationActive={false}
              />
            );
          })}
        </ComposedChart>
      </ResponsiveContainer>
      <div className="km-reader">
        <label htmlFor={sliderId}>Read the curves on day</label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={Math.max(0, days.length - 1)}
          step={1}
          value={Math.min(dayIndex, days.length - 1)}
          aria-valuetext={`Day ${keyboardDay}`}
          onChange={(e) => setDayIndex(Number(e.target.value))}
        />
        <output htmlFor={sliderId} aria-live="polite">
          <KmReadings day={keyboardDay} readings={readCurves(series, keyboardDay)} />
        </output>
      </div>
      <figcaption className="visually-hidden">
        Kaplan–Meier retention curves; the exact values are in the table under “Show table”.
      </figcaption>
    </figure>
  );
}
