import type { GroupType } from '../filters/group-types';

/** How one series looks everywhere in the app, so a group type is recognisable page to page. */
export interface SeriesStyle {
  /** Lines, bars and markers (at least 3:1 against the chart background, WCAG 1.4.11). */
  stroke: string;
  /** Labels and legend text in the series' colour (at least 4.5:1, WCAG 1.4.3). */
  text: string;
  /** SVG stroke-dasharray; '' for solid. A second cue besides colour. */
  dash: string;
  /** Recharts marker shape, a third cue. */
  shape: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star';
}

export const CHART_BACKGROUND = '#ffffff';

// Okabe–Ito hues (distinguishable under the common colour-vision deficiencies). Orange and
// reddish purple are darkened just enough to reach 3:1 on white; text variants darker still.
export const GROUP_TYPE_STYLES: Record<GroupType, SeriesStyle> = {
  psychoeducation: { stroke: '#0072B2', text: '#0072B2', dash: '', shape: 'circle' },
  skills: { stroke: '#D55E00', text: '#AA4A00', dash: '8 4', shape: 'square' },
  process: { stroke: '#009E73', text: '#007A5A', dash: '2 3', shape: 'triangle' },
  trauma_informed: { stroke: '#C0679C', text: '#9C4E85', dash: '10 3 2 3', shape: 'diamond' },
  family: { stroke: '#B07A00', text: '#8F6400', dash: '4 4', shape: 'star' },
};

/** The all-types total: neutral, drawn solid and on top. */
export const TOTAL_STYLE: SeriesStyle = { stroke: '#333333', text: '#333333', dash: '', shape: 'cross' };

export function seriesStyle(groupType: GroupType | null | undefined): SeriesStyle {
  return groupType ? GROUP_TYPE_STYLES[groupType] : TOTAL_STYLE;
}

/** Series that are not group types (two measures side by side), in the palette's remaining hues. */
export const NAMED_SERIES_STYLES: Record<string, SeriesStyle> = {
  responder: { stroke: '#0072B2', text: '#0072B2', dash: '', shape: 'circle' },
  intentToTreat: { stroke: '#D55E00', text: '#AA4A00', dash: '8 4', shape: 'square' },
  pda: { stroke: '#009E73', text: '#007A5A', dash: '', shape: 'circle' },
  pdaChange: { stroke: '#56B4E9', text: '#1F6F99', dash: '4 4', shape: 'diamond' },
};

/** The style of any series key: a group type, 'total', or a named series. */
export function styleForSeries(key: string): SeriesStyle {
  if (key === 'total') return TOTAL_STYLE;
  return (GROUP_TYPE_STYLES as Record<string, SeriesStyle>)[key] ?? NAMED_SERIES_STYLES[key] ?? TOTAL_STYLE;
}
