import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { TOTAL_STYLE } from '../../charts/series-style';
import type { LoadedRecordsRow } from './loaded-records';

/** Powers of ten up to the largest count: readable ticks on a log axis. */
function powerOfTenTicks(max: number): number[] {
  const ticks = [1];
  while (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] * 10);
  return ticks;
}

/** Rows per export on a log axis: 3 sites and 50,000 attendance rows on one readable scale. */
export function LoadedRecordsChart({ rows }: { rows: readonly LoadedRecordsRow[] }) {
  // A log axis cannot place zero; an empty export is drawn as no bar, and its label says 0.
  const drawn = rows.map((r) => ({ ...r, bar: r.rows > 0 ? r.rows : null }));
  const ticks = powerOfTenTicks(Math.max(1, ...rows.map((r) => r.rows)));
  return (
    <ResponsiveContainer width="100%" height={40 + rows.length * 34}>
      <BarChart accessibilityLayer={false} data={drawn} layout="vertical" margin={{ left: 16, right: 64 }}>
        <CartesianGrid horizontal={false} stroke="#e3e6ea" />
        <XAxis
          type="number"
          scale="log"
          domain={[1, ticks[ticks.length - 1]]}
          ticks={ticks}
          allowDataOverflow
          tickFormatter={(v: number) => v.toLocaleString('en-US')}
        />
        <YAxis type="category" dataKey="label" width={160} />
        <Bar dataKey="bar" name="Rows" fill={TOTAL_STYLE.stroke} isAnimationActive={false}>
          <LabelList
            dataKey="rows"
            position="right"
            fill="#1a1a1a"
            formatter={(v) => (typeof v === 'number' ? v.toLocaleString('en-US') : '')}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
