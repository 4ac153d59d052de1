import type { Figure } from './figures';
import { formatCount } from './format';
import { styleForSeries } from './series-style';

interface FigureTooltipProps {
  /** Set by Recharts: whether the pointer is over a category, and which. */
  active?: boolean;
  label?: string | number;
  figures: readonly Figure[];
  format: (value: number | null) => string;
  /** What the n counts, e.g. "rows". */
  nUnit: string;
  /** How a category is written in the tooltip title (e.g. "Week of 2025-01-06"). */
  categoryTitle?: (category: string) => string;
}

/** The figures of one category, each with its interval and n, in its series' colour. */
export function FigureTooltip({ active, label, figures, format, nUnit, categoryTitle }: FigureTooltipProps) {
  if (!active || label === undefined) return null;
  const category = String(label);
  const shown = figures.filter((f) => f.category === category);
  if (!shown.length) return null;
  return (
    <div className="figure-tooltip">
      <p className="figure-tooltip__title">{categoryTitle ? categoryTitle(category) : category}</p>
      <ul>
        {shown.map((f) => (
          <li key={f.series} style={{ color: styleForSeries(f.series).text }}>
            <strong>{f.seriesLabel}:</strong> {format(f.value)}
            {f.lower !== null && f.upper !== null && (
              <span>
                {' '}
                (95% CI {format(f.lower)}–{format(f.upper)})
              </span>
            )}
            <span className="figure-tooltip__n">
              {' '}
              · {f.numerator !== null ? `${formatCount(f.numerator)} of ` : 'n = '}
              {formatCount(f.n)} {nUnit}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
