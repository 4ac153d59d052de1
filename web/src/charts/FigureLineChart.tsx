import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FigureChartProps } from './FigureBarChart';
import { percentTicks } from './format';
import { largestDrawn, pivotFigures, seriesOf } from './figures';
import { FigureTooltip } from './FigureTooltip';
import { styleForSeries } from './series-style';
import { SeriesLegend } from './SeriesLegend';

interface FigureLineChartProps extends FigureChartProps {
  /** Series drawn with their 95% band (a band per series would hide the lines). */
  bandSeries?: readonly string[];
  /** How an x tick is written (e.g. a week's Monday as "Jan 6"). */
  tickFormat?: (category: string) => string;
}

const bandKey = (series: string) => `${series}_band`;

/** One line per series across the categories (weeks), with a 95% band for the chosen series. */
export function FigureLineChart(props: FigureLineChartProps) {
  const { figures, format, xLabel, yLabel, nUnit, height = 320, percentAxis } = props;
  const autoTicks = percentAxis && !props.yTicks ? percentTicks(largestDrawn(figures)) : undefined;
  const yTicks = props.yTicks ?? autoTicks;
  const yDomain = autoTicks ? [0, autoTicks[autoTicks.length - 1]] : (props.yDomain ?? [0, 'auto']);
  const { bandSeries = [], tickFormat, categoryTitle } = props;
  const rows = pivotFigures(figures);
  // A band is drawn from [lower, upper] pairs; add them for the chosen series.
  const data = rows.map((row) => {
    const banded: Record<string, unknown> = { ...row };
    for (const key of bandSeries) {
      const f = figures.find((x) => x.category === row.category && x.series === key);
      if (f && f.lower !== null && f.upper !== null) banded[bandKey(key)] = [f.lower, f.upper];
    }
    return banded;
  });
  const series = seriesOf(figures);
  return (
    <figure className="chart-figure">
      <SeriesLegend items={series.map((s) => ({ key: s.key, label: s.label, style: styleForSeries(s.key) }))} />
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 24, bottom: 28, left: 16 }}>
          <CartesianGrid stroke="#e3e6ea" />
          <XAxis
            dataKey="category"
            tickFormatter={tickFormat}
            minTickGap={16}
            tick={{ fontSize: 13 }}
            label={{ value: xLabel, position: 'insideBottom', offset: -18, fill: '#4a5260' }}
          />
          <YAxis
            domain={yDomain}
            ticks={yTicks}
            tickFormatter={(v: number) => format(v)}
            width={64}
            label={{
              value: yLabel,
              angle: -90,
              position: 'insideLeft',
              offset: 0,
              fill: '#4a5260',
              style: { textAnchor: 'middle' },
            }}
          />
          <Tooltip
            content={({ active, label }) => (
              <FigureTooltip
                active={active}
                label={label}
                figures={figures}
                format={format}
                nUnit={nUnit}
                categoryTitle={categoryTitle}
              />
            )}
          />
          {bandSeries.map((key) => (
            <Area
              key={bandKey(key)}
              dataKey={bandKey(key)}
              stroke="none"
              fill={styleForSeries(key).stroke}
              fillOpacity={0.15}
              isAnimationActive={false}
              legendType="none"
              tooltipType="none"
            />
          ))}
          {series.map((s) => {
            const style = styleForSeries(s.key);
            return (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={style.stroke}
                strokeWidth={s.key === 'total' ? 3 : 2}
                strokeDasharray={style.dash || undefined}
                dot={data.length <= 16 ? { r: 3 } : false}
                connectNulls={false}
                isAnimationActive={false}
              />
            );
          })}
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">The exact values are in the table under “Show table”.</figcaption>
    </figure>
  );
}
