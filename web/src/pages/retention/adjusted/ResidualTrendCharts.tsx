import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatP, type DropoutModel } from './adjusted-shape';

const percentTick = (v: number) => `${Math.round(v * 100)}%`;

/** The x range: 0 to the last bin, rounded up to a tenth (1 − S rarely nears 100%). */
function xTicks(trend: readonly { transformedTime: number }[]): number[] {
  const top = Math.min(1, Math.ceil(Math.max(0.1, ...trend.map((p) => p.transformedTime)) * 10) / 10);
  return [0, top / 2, top];
}

/**
 * One small chart per term: its binned scaled Schoenfeld residuals along follow-up (R's
 * plot(cox.zph(fit)), summarised), with the level a constant effect would keep (dashed).
 */
export function ResidualTrendCharts({ model }: { model: DropoutModel }) {
  const terms = model.proportionalHazards.filter((t) => t.trend.length > 0);
  return (
    <div
      className="small-multiples"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 12 }}
    >
      {terms.map((t) => (
        <figure key={t.term} className="chart-figure" data-testid="residual-trend">
          <figcaption>
            <strong>{t.term}</strong> ({formatP(t.pValue)})
          </figcaption>
          <ResponsiveContainer width="100%" height={160}>
            <LineChart accessibilityLayer={false} data={t.trend} margin={{ top: 8, right: 12, bottom: 8, left: 0 }}>
              <CartesianGrid stroke="#e3e6ea" />
              <XAxis
                type="number"
                dataKey="transformedTime"
                domain={[0, xTicks(t.trend)[2]]}
                ticks={xTicks(t.trend)}
                tickFormatter={percentTick}
              />
              <YAxis type="number" domain={['auto', 'auto']} width={52} tickFormatter={(v: number) => v.toFixed(2)} />
              {t.constantLevel !== null && <ReferenceLine y={t.constantLevel} stroke="#4a5260" strokeDasharray="4 3" />}
              <Line dataKey="residual" stroke="#0072B2" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      ))}
    </div>
  );
}
