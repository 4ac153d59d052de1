import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ErrorBar,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { categoriesOf, errorKey, largestDrawn, pivotFigures, seriesOf, type Figure } from './figures';

const SINGLE = 'value';
const LONGEST_TICK = 26;

/** Slanted tick labels stay inside the chart; the tooltip and the table give the full name. */
const shortenLabel = (label: string) => (label.length > LONGEST_TICK ? `${label.slice(0, LONGEST_TICK - 1)}…` : label);
import { FigureTooltip } from './FigureTooltip';
import { percentTicks } from './format';
import { styleForSeries } from './series-style';
import { SeriesLegend } from './SeriesLegend';

export interface FigureChartProps {
  figures: readonly Figure[];
  format: (value: number | null) => string;
  /** Axis titles, with units: "Attendance rate (%)". */
  xLabel: string;
  yLabel: string;
  yDomain?: [number | 'auto', number | 'auto'];
  yTicks?: number[];
  nUnit: string;
  height?: number;
  categoryTitle?: (category: string) => string;
  /** A 0–100% axis with round ticks up to the largest value or interval end drawn. */
  percentAxis?: boolean;
  /** Counts: whole-number ticks only. */
  integerAxis?: boolean;
}

/** Columns per category, one per series in its colour, with 95% error bars where served. */
export function FigureBarChart(props: FigureChartProps) {
  const { figures, format, xLabel, yLabel, nUnit, height = 320, categoryTitle, percentAxis, integerAxis } = props;
  const autoTicks = percentAxis && !props.yTicks ? percentTicks(largestDrawn(figures)) : undefined;
  const yTicks = props.yTicks ?? autoTicks;
  const yDomain = autoTicks ? [0, autoTicks[autoTicks.length - 1]] : (props.yDomain ?? [0, 'auto']);
  const series = seriesOf(figures);
  // One figure per category (e.g. one bar per group type): one bar each, coloured by its series,
  // rather than a slot per series in every category.
  const single = categoriesOf(figures).length === figures.length;
  const categories = categoriesOf(figures);
  // Long category names side by side would run into each other in a half-width chart: slant them.
  const slanted = categories.length * Math.max(...categories.map((c) => c.length)) > 48;
  const data = single ? pivotFigures(figures.map((f) => ({ ...f, series: SINGLE }))) : pivotFigures(figures);
  const axisFormat = (v: number) => format(v);
  return (
    <figure className="chart-figure">
      {!single && series.length > 1 && (
        <SeriesLegend items={series.map((s) => ({ key: s.key, label: s.label, style: styleForSeries(s.key) }))} />
      )}
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          accessibilityLayer={false}
          data={data}
          margin={{ top: 8, right: 16, bottom: 28, left: slanted ? 56 : 16 }}
          barCategoryGap="18%"
        >
          <CartesianGrid vertical={false} stroke="#e3e6ea" />
          <XAxis
            dataKey="category"
            interval={0}
            tick={slanted ? { fontSize: 12, angle: -30, textAnchor: 'end' } : { fontSize: 13 }}
            height={slanted ? 96 : 30}
            tickFormatter={slanted ? shortenLabel : undefined}
            label={{ value: xLabel, position: 'insideBottom', offset: -18, fill: '#4a5260' }}
          />
          <YAxis
            domain={yDomain}
            ticks={yTicks}
            allowDecimals={!integerAxis}
            tickFormatter={axisFormat}
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
          <ReferenceLine y={0} stroke="#4a5260" />
          <Tooltip
            cursor={{ fill: '#eef2f6' }}
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
          {single && (
            <Bar dataKey={SINGLE} isAnimationActive={false} maxBarSize={96}>
              {figures.map((f) => (
                <Cell key={f.category} fill={styleForSeries(f.series).stroke} />
              ))}
              <ErrorBar dataKey={errorKey(SINGLE)} width={5} strokeWidth={1.5} stroke="#1a1a1a" direction="y" />
            </Bar>
          )}
          {!single &&
            series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={styleForSeries(s.key).stroke}
                isAnimationActive={false}
                maxBarSize={64}
              >
                <ErrorBar dataKey={errorKey(s.key)} width={5} strokeWidth={1.5} stroke="#1a1a1a" direction="y" />
              </Bar>
            ))}
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">The exact values are in the table under “Show table”.</figcaption>
    </figure>
  );
}
