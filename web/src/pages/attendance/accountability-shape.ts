import { proportionFields, seriesLabel, type Figure } from '../../charts/figures';
import type { GroupType } from '../../filters/group-types';
import type { EpisodeAccountabilityFiguresFragment, SessionAccountabilityFiguresFragment } from '../../gql/graphql';

export const ACCOUNTABILITY_MEASURES = [
  'Consistency',
  'Check-in adherence',
  'Feedback participation',
  'Goal attainment',
  'Re-engagement',
] as const;

interface SessionReport {
  total: SessionAccountabilityFiguresFragment;
  byGroupType: readonly { groupType: GroupType; figures: SessionAccountabilityFiguresFragment }[];
}

interface EpisodeReport {
  total: EpisodeAccountabilityFiguresFragment;
  byGroupType: readonly EpisodeAccountabilityFiguresFragment[];
}

/**
 * The five accountability measures side by side, one bar per group type (total first). Three are
 * session measures with a Wilson interval; check-in adherence and goal attainment are pooled
 * episode ratios, served without one. A type missing from either report is drawn from the other.
 */
export function toAccountabilityFigures(session: SessionReport, episode: EpisodeReport): Figure[] {
  const types: (GroupType | null)[] = [null, ...session.byGroupType.map((t) => t.groupType)];
  for (const e of episode.byGroupType) if (e.groupType && !types.includes(e.groupType)) types.push(e.groupType);

  return ACCOUNTABILITY_MEASURES.flatMap((measure) =>
    types.flatMap((groupType): Figure[] => {
      const s = groupType ? session.byGroupType.find((t) => t.groupType === groupType)?.figures : session.total;
      const e = groupType ? episode.byGroupType.find((t) => t.groupType === groupType) : episode.total;
      const served =
        measure === 'Consistency'
          ? s?.consistency
          : measure === 'Feedback participation'
            ? s?.feedbackParticipation
            : measure === 'Re-engagement'
              ? s?.reEngagement
              : measure === 'Check-in adherence'
                ? e?.checkInAdherence
                : e?.goalAttainment;
      if (!served || served.denominator === 0) return [];
      return [
        {
          category: measure,
          series: groupType ?? 'total',
          seriesLabel: seriesLabel(groupType),
          ...proportionFields(served),
        },
      ];
    }),
  );
}
