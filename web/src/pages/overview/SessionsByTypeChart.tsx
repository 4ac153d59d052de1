import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { GROUP_TYPE_STYLES } from '../../charts/series-style';
import type { SessionsRow } from './overview-shape';

/** Sessions held per group type: this period solid in the type's colour, the previous period hatched grey. */
export function SessionsByTypeChart({ rows }: { rows: readonly SessionsRow[] }) {
  return (
    <ResponsiveContainer width="100%" height={80 + rows.length * 56}>
      <BarChart
        accessibilityLayer={false}
        data={[...rows]}
        layout="vertical"
        margin={{ left: 16, right: 48 }}
        barGap={2}
      >
        <CartesianGrid horizontal={false} stroke="#e3e6ea" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={130} />
        <Bar dataKey="current" name="This period" isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.groupType} fill={GROUP_TYPE_STYLES[r.groupType].stroke} />
          ))}
          <LabelList dataKey="current" position="right" fill="#1a1a1a" />
        </Bar>
        <Bar dataKey="previous" name="Previous period" fill="#b8bec7" isAnimationActive={false}>
          <LabelList dataKey="previous" position="right" fill="#4a5260" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
