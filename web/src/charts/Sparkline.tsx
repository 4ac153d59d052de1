import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';

interface SparklineProps {
  values: readonly (number | null)[];
  /** Fixed bounds (e.g. 0–1 for a rate) so that a flat trend looks flat. */
  domain: [number, number];
  /** What the trend is, for screen readers: the chart itself is decoration. */
  description: string;
}

/** A small trend line for a tile: shape only, no axes; the figures are on the metric's page. */
export function Sparkline({ values, domain, description }: SparklineProps) {
  if (values.filter((v) => v !== null).length < 2) return null;
  const data = values.map((value, i) => ({ i, value }));
  return (
    <div className="sparkline" role="img" aria-label={description}>
      <ResponsiveContainer width="100%" height={36}>
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 2, bottom: 4, left: 2 }}>
          <YAxis hide domain={domain} />
          <Line dataKey="value" stroke="#1f5f8b" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
