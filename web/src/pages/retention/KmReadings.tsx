import { formatCount, formatPercent } from '../../charts/format';
import { seriesStyle } from '../../charts/series-style';
import type { KmReading } from './km-reading';

/** The curves read on one day: survival with its 95% interval and the number at risk, per series. */
export function KmReadings({ day, readings }: { day: number; readings: readonly KmReading[] }) {
  return (
    <div className="figure-tooltip" data-testid="km-reading">
      <p className="figure-tooltip__title">Day {day} since admission</p>
      <ul>
        {readings.map((r) => (
          <li key={r.key} style={{ color: seriesStyle(r.key === 'total' ? null : r.key).text }}>
            <strong>{r.label}:</strong> {formatPercent(r.survival, 1)} not dropped out
            {r.lower !== null && r.upper !== null && (
              <span>
                {' '}
                (95% CI {formatPercent(r.lower, 1)}–{formatPercent(r.upper, 1)})
              </span>
            )}
            <span className="figure-tooltip__n">
              {' '}
              · {formatCount(r.atRisk)} at risk{r.stepDay !== day ? ` on day ${r.stepDay}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
