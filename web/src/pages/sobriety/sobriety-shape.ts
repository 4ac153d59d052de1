import { meanFields, proportionFields, seriesLabel, type Figure } from '../../charts/figures';
import type { SobrietyFiguresFragment, SobrietyTotalFiguresFragment } from '../../gql/graphql';

const PDA_LABEL = 'PDA in treatment';
const CHANGE_LABEL = 'Change from baseline';

/**
 * Percent days abstinent in treatment and its change from the 30 days before admission, per group
 * type (total first). Both are means over episodes; a type without episodes is left out.
 */
export function toPdaFigures(
  total: SobrietyFiguresFragment,
  byGroupType: readonly SobrietyFiguresFragment[],
): Figure[] {
  return [total, ...byGroupType]
    .filter((f) => f.episodes > 0)
    .flatMap((f) => {
      const category = seriesLabel(f.groupType);
      return [
        {
          category,
          series: 'pda',
          seriesLabel: PDA_LABEL,
          ...meanFields(f.percentDaysAbstinent.mean, f.percentDaysAbstinent.n),
        },
        {
          category,
          series: 'pdaChange',
          seriesLabel: CHANGE_LABEL,
          ...meanFields(f.pdaChangeFromBaseline.mean, f.pdaChangeFromBaseline.n),
        },
      ];
    });
}

/** Abstinence at each milestone: the responder rate beside the intent-to-treat rate, both with intervals. */
export function toAbstinenceFigures(figures: SobrietyTotalFiguresFragment): Figure[] {
  return figures.abstinence
    .filter((m) => m.eligible > 0)
    .flatMap((m) => [
      {
        category: `${m.days} days`,
        series: 'responder',
        seriesLabel: 'Responders only',
        ...proportionFields(m.responderRate),
      },
      {
        category: `${m.days} days`,
        series: 'intentToTreat',
        seriesLabel: 'Intent to treat',
        ...proportionFields(m.intentToTreatRate),
      },
    ]);
}

/** Mean craving by week since admission, one line per series; weeks without check-ins are gaps. */
export function toCravingFigures(
  total: SobrietyFiguresFragment,
  byGroupType: readonly SobrietyFiguresFragment[],
): Figure[] {
  const series = [total, ...byGroupType].filter((f) => f.episodes > 0);
  const weeks = [...new Set(series.flatMap((f) => f.cravingTrend.map((w) => w.week)))].sort((a, b) => a - b);
  return weeks.flatMap((week) =>
    series.flatMap((f): Figure[] => {
      const w = f.cravingTrend.find((x) => x.week === week);
      if (!w || w.meanCraving === null) return [];
      return [
        {
          category: String(week),
          series: f.groupType ?? 'total',
          seriesLabel: seriesLabel(f.groupType),
          ...meanFields(w.meanCraving, w.checkIns),
        },
      ];
    }),
  );
}
