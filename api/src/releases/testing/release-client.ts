import type { ApiSession } from '../../testing/api-test-server';
import type { HeldFigure } from './disclosure-attacker';

/** Every field of a release, as the dashboard and the disclosure audit read it. */
export const RELEASE_FIELDS = `releaseId status version siteIds asOf dataVersion methodVersion threshold roundingBase
  changeNote publishedAt previousReleaseId protectionRule
  period { kind from to name } previousPeriod { kind from to name }
  figures { section measure label unit groupType period value lower upper n suppressed hiddenBecause }
  survivalCurves { groupType points { days atRisk survival lower upper } }
  logRank { chiSquare df pValue }
  exactFigures { measure groupType value n numerator hiddenBecause }`;

export interface ReleaseFigureRead extends HeldFigure {
  section: string;
  hiddenBecause: string | null;
}

export interface ReleaseRead {
  releaseId: number;
  status: string;
  version: number | null;
  siteIds: string[] | null;
  threshold: number;
  roundingBase: number;
  changeNote: string | null;
  previousReleaseId: number | null;
  asOf: string;
  period: { kind: string; from: string; to: string; name: string };
  previousPeriod: { kind: string; from: string; to: string; name: string };
  figures: ReleaseFigureRead[];
  survivalCurves: { groupType: string | null; points: { days: number; atRisk: number; survival: number }[] }[];
  exactFigures: { measure: string; groupType: string | null; value: number | null; n: number }[] | null;
}

/** Opens a draft and publishes it; throws with the API's message when either is refused. */
export async function publishRelease(
  session: ApiSession,
  periodKind: string,
  from: string,
  siteIds: string[] | null,
  note?: string,
): Promise<ReleaseRead> {
  const draft = await openDraft(session, periodKind, from, siteIds);
  const published = await session.graphql<{ publishRelease: ReleaseRead }>(
    `mutation ($id: Int!, $note: String) { publishRelease(releaseId: $id, note: $note) { ${RELEASE_FIELDS} } }`,
    { id: draft.releaseId, note },
  );
  if (published.errors) throw new Error(published.errors[0].message);
  return published.data!.publishRelease;
}

export async function openDraft(
  session: ApiSession,
  periodKind: string,
  from: string,
  siteIds: string[] | null,
): Promise<ReleaseRead> {
  const opened = await session.graphql<{ openReleaseDraft: ReleaseRead }>(
    `mutation ($input: OpenReleaseDraftInput!) { openReleaseDraft(input: $input) { ${RELEASE_FIELDS} } }`,
    { input: { periodKind, from, siteIds } },
  );
  if (opened.errors) throw new Error(opened.errors[0].message);
  return opened.data!.openReleaseDraft;
}

/** Everything a session can read of releases: the list, each release, and each one's files. */
export async function everythingReadable(
  session: ApiSession,
): Promise<{ releases: ReleaseRead[]; files: Record<string, string> }> {
  const listed = await session.graphql<{ releases: ReleaseRead[] }>(`{ releases { ${RELEASE_FIELDS} } }`);
  if (listed.errors) throw new Error(listed.errors[0].message);
  const files: Record<string, string> = {};
  for (const r of listed.data!.releases) {
    for (const format of ['csv', 'json']) {
      const response = await session.fetch(`/api/releases/${r.releaseId}/release.${format}`);
      if (response.status !== 200) throw new Error(`release ${r.releaseId}.${format}: ${response.status}`);
      files[`${r.releaseId}.${format}`] = await response.text();
    }
  }
  return { releases: listed.data!.releases, files };
}
