import type { SeriesStyle } from './series-style';

export interface LegendItem {
  key: string;
  label: string;
  style: SeriesStyle;
  /** e.g. "n = 212" */
  detail?: string;
}

/** An HTML legend: real text (zoomable, readable by screen readers) with a line sample in the series' dash. */
export function SeriesLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="series-legend">
      {items.map((item) => (
        <li key={item.key} style={{ color: item.style.text }}>
          <svg width="28" height="10" aria-hidden="true">
            <line
              x1="0"
              y1="5"
              x2="28"
              y2="5"
              stroke={item.style.stroke}
              strokeWidth="3"
              strokeDasharray={item.style.dash || undefined}
            />
          </svg>
          {item.label}
          {item.detail && <span className="series-legend__detail"> ({item.detail})</span>}
        </li>
      ))}
    </ul>
  );
}
