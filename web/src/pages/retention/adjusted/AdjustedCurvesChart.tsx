import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { seriesStyle } from '../../../charts/series-style';
import { SeriesLegend } from '../../../charts/SeriesLegend';
import { isGroupType } from '../../../filters/group-types';
import { dayTicks } from '../km-series';
import { groupTypeLabel, type DropoutModel } from './adjusted-shape';

const percentTick = (v: number) => `${Math.round(v * 100)}%`;
const styleOf = (code: string) => seriesStyle(isGroupType(code) ? code : null);

/** Adjusted curves (thick) beside each group type's unadjusted Kaplan–Meier curve (thin, faded). */
export function AdjustedCurvesChart({ model }: { model: DropoutModel }) {
  const ticks = dayTicks(
    Math.max(0, ...model.curves.flatMap((c) => c.unadjusted.concat(c.adjusted).map((p) => p.days))),
  );
  // Both curves start at 100% on day 0.
  const withStart = (points: readonly { days: number; survival: number }[]) => [{ days: 0, survival: 1 }, ...points];
  return (
    <figure className="chart-figure">
      <SeriesLegend
        items={model.curves.map((c) => ({
          key: c.groupType,
          label: groupTypeLabel(c.groupType),
          style: styleOf(c.groupType),
        }))}
      />
      <p className="chart-frame__description">Thick lines: adjusted to the case mix. Thin, faded lines: unadjusted.</p>
      <ResponsiveContainer width="100%" height={340}>
        <LineChart accessibilityLayer={false} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
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
          {model.curves.map((c) => (
            <Line
              key={`u-${c.groupType}`}
              data={withStart(c.unadjusted)}
              dataKey="survival"
              type="stepAfter"
              stroke={styleOf(c.groupType).stroke}
              strokeOpacity={0.45}
              strokeWidth={1}
              dot={false}
              isAnimationActive={false}
            />
          ))}
          {model.curves.map((c) => (
            <Line
              key={`a-${c.groupType}`}
              data={withStart(c.adjusted)}
              dataKey="survival"
              name={groupTypeLabel(c.groupType)}
              type="stepAfter"
              stroke={styleOf(c.groupType).stroke}
              strokeDasharray={styleOf(c.groupType).dash || undefined}
              strokeWidth={3}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">
        Adjusted and unadjusted retention curves; the exact values are in the table under “Show table”.
      </figcaption>
    </figure>
  );
}
