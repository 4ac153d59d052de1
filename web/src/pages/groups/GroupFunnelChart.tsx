import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, XAxis, YAxis } from 'recharts';
import { seriesStyle } from '../../charts/series-style';
import { isGroupType } from '../../filters/group-types';
import type { GroupFunnelQuery } from '../../gql/graphql';

const percentTick = (v: number) => `${Math.round(v * 100)}%`;

/** Each group's proportion against its n, inside the 95% (dashed) and 99.8% (solid) limits around the target. */
export function GroupFunnelChart({ funnel }: { funnel: GroupFunnelQuery['groupFunnel'] }) {
  const target = funnel.target ?? 0;
  const maxN = Math.max(1, ...funnel.groups.map((g) => g.n));
  const limits = funnel.limits.map((l) => ({ ...l, target }));
  const points = funnel.groups.map((g) => ({ ...g, x: g.n, y: g.proportion }));
  return (
    <figure className="chart-figure">
      <ResponsiveContainer width="100%" height={360}>
        <ComposedChart accessibilityLayer={false} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid stroke="#e3e6ea" />
          <XAxis
            type="number"
            dataKey="n"
            domain={[0, maxN]}
            allowDuplicatedCategory={false}
            label={{ value: 'n (denominator)', position: 'insideBottom', offset: -12, fill: '#4a5260' }}
          />
          <YAxis type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={percentTick} width={48} />
          <Line data={limits} dataKey="target" stroke="#333333" dot={false} isAnimationActive={false} />
          {(['lower95', 'upper95'] as const).map((key) => (
            <Line
              key={key}
              data={limits}
              dataKey={key}
              stroke="#4a5260"
              strokeDasharray="5 4"
              dot={false}
              isAnimationActive={false}
            />
          ))}
          {(['lower998', 'upper998'] as const).map((key) => (
            <Line
              key={key}
              data={limits}
              dataKey={key}
              stroke="#4a5260"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
          <Scatter
            data={points}
            dataKey="y"
            isAnimationActive={false}
            shape={(props: { cx?: number; cy?: number; payload?: (typeof points)[number] }) => {
              const g = props.payload!;
              const style = seriesStyle(isGroupType(g.groupType) ? g.groupType : null);
              const out = g.position !== 'within';
              return (
                <circle
                  cx={props.cx}
                  cy={props.cy}
                  r={out ? 6 : 4}
                  fill={out ? style.stroke : '#ffffff'}
                  stroke={style.stroke}
                  strokeWidth={2}
                  data-testid="funnel-point"
                />
              );
            }}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="visually-hidden">
        Funnel plot of groups; the exact values are in the table under “Show table”.
      </figcaption>
    </figure>
  );
}
