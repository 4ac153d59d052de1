import { Client } from 'pg';
import type { ApiSession, ApiTestServer } from '../testing/api-test-server';
import { startLoadedDemoApi } from '../testing/loaded-demo-api';
import { openDraft, publishRelease, RELEASE_FIELDS, ReleaseRead } from './testing/release-client';

// Releases over HTTP on a demo program: drafts, publishing, who sees what, overlaps, corrections.

let api: ApiTestServer;
let close: () => Promise<void>;
let director: ApiSession;
let funder: ApiSession;
let q2: ReleaseRead;
let q3: ReleaseRead;

beforeAll(async () => {
  ({ api, close } = await startLoadedDemoApi({ participants: 400, seed: 11 }));
  director = await api.signIn('director');
  funder = await api.signIn('funder');
  q2 = await publishRelease(director, 'quarter', '2026-04-01', null);
  q3 = await publishRelease(director, 'quarter', '2026-07-01', null);
}, 180_000);
afterAll(() => close?.());

const current = (r: ReleaseRead) => r.figures.filter((f) => f.period === 'current');

describe('a draft', () => {
  let draft: ReleaseRead;
  beforeAll(async () => {
    draft = await openDraft(director, 'month', '2026-01-01', ['S01']);
  });
  afterAll(() =>
    director.graphql(`mutation ($id: Int!) { discardReleaseDraft(releaseId: $id) }`, { id: draft.releaseId }),
  );

  it('shows the reviewer what will be hidden and why, beside the exact figures', () => {
    expect(draft).toMatchObject({ status: 'draft', version: null, siteIds: ['S01'] });
    expect(draft.period).toEqual({ kind: 'month', from: '2026-01-01', to: '2026-01-31', name: 'January 2026' });
    const hidden = current(draft).filter((f) => f.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((f) => ['small', 'complement', 'cohort'].includes(f.hiddenBecause!))).toBe(true);
    expect(
      current(draft)
        .filter((f) => !f.suppressed)
        .every((f) => f.hiddenBecause === null),
    ).toBe(true);
    expect(draft.exactFigures).toHaveLength(current(draft).length);
  });

  it('is not a funder’s: neither listed nor readable, not even its files', async () => {
    const listed = await funder.graphql<{ releases: ReleaseRead[] }>(`{ releases { releaseId } }`);
    expect(listed.data!.releases.map((r) => r.releaseId)).not.toContain(draft.releaseId);
    const read = await funder.graphql(`query ($id: Int!) { release(releaseId: $id) { releaseId } }`, {
      id: draft.releaseId,
    });
    expect(read.errors?.[0].message).toBe(`There is no release ${draft.releaseId} for you.`);
    expect((await funder.fetch(`/api/releases/${draft.releaseId}/release.csv`)).status).toBe(404);
  });
});

describe('a published release', () => {
  it('rounds every shown count to 5 and shows rates as whole percentages', () => {
    const shown = current(q3).filter((f) => !f.suppressed && f.value !== null);
    expect(shown.length).toBeGreaterThan(30);
    for (const f of shown) {
      if (f.n !== null) expect(f.n % 5).toBe(0);
      if (f.unit === 'count') expect(f.value! % 5).toBe(0);
      if (f.unit === 'proportion' || f.unit === 'survival')
        for (const v of [f.value, f.lower, f.upper])
          if (v !== null) expect(Math.round(v * 100)).toBeCloseTo(v * 100, 9);
    }
    for (const p of q3.survivalCurves.flatMap((c) => c.points)) {
      expect(p.atRisk % 5).toBe(0);
      expect(p.atRisk).toBeGreaterThanOrEqual(10); // 11 or more at risk, rounded
    }
  });

  it("takes its previous-period column from the previous quarter's published release, as published", () => {
    expect(q3.previousReleaseId).toBe(q2.releaseId);
    const previous = q3.figures.filter((f) => f.period === 'previous');
    expect(previous.map((f) => ({ ...f, period: 'current' }))).toEqual(current(q2));
    expect(q2.previousReleaseId).toBeNull();
    expect(q2.figures.filter((f) => f.period === 'previous')).toEqual([]);
  });

  it('is listed for a funder of all sites without the exact figures, and not for a funder of one site', async () => {
    const listed = await funder.graphql<{ releases: ReleaseRead[] }>(`{ releases { ${RELEASE_FIELDS} } }`);
    expect(listed.errors).toBeUndefined();
    const mine = listed.data!.releases.find((r) => r.releaseId === q3.releaseId)!;
    expect(mine).toMatchObject({ status: 'published', version: 1, exactFigures: null });
    expect(mine.figures).toEqual(q3.figures);
    const siteFunder = await api.signIn('funder', ['S01']);
    const theirs = await siteFunder.graphql<{ releases: ReleaseRead[] }>(`{ releases { releaseId } }`);
    expect(theirs.data!.releases).toEqual([]);
  });

  it('gives a funder its PDF, CSV and one self-describing file', async () => {
    const pdf = await funder.fetch(`/api/releases/${q3.releaseId}/release.pdf`);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const csv = await (await funder.fetch(`/api/releases/${q3.releaseId}/release.csv`)).text();
    expect(csv.split('\r\n')[0]).toBe('section,measure,group_type,period,value,lower,upper,n,suppressed');
    const json = (await (await funder.fetch(`/api/releases/${q3.releaseId}/release.json`)).json()) as {
      protection: { rule: string };
      files: { pdf: { base64: string } };
    };
    expect(json).toMatchObject({
      format: 'iop-outcome-release',
      formatVersion: 1,
      release: { releaseId: q3.releaseId, version: 1, period: { name: 'Q3 2026' } },
      protection: { threshold: 11, roundingBase: 5 },
      files: { csv: { text: csv } },
    });
    expect(json.protection.rule).toContain('rounded to the nearest 5');
    expect(Buffer.from(json.files.pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('never changes: the database refuses to edit or delete it', async () => {
    const client = new Client({ connectionString: api.db.url });
    await client.connect();
    try {
      await expect(
        client.query(`UPDATE release SET change_note = 'x' WHERE release_id = $1`, [q3.releaseId]),
      ).rejects.toThrow(/is published and cannot change/);
      await expect(client.query(`DELETE FROM release WHERE release_id = $1`, [q3.releaseId])).rejects.toThrow(
        /is published and cannot change/,
      );
    } finally {
      await client.end();
    }
  });

  it('is corrected by a new version that says what changed, and only with a note', async () => {
    const draft = await openDraft(director, 'quarter', '2026-07-01', null);
    const refused = await director.graphql(`mutation ($id: Int!) { publishRelease(releaseId: $id) { version } }`, {
      id: draft.releaseId,
    });
    expect(refused.errors?.[0].message).toBe(
      'Version 1 of this release is published: say what this correction changes.',
    );
    const corrected = await director.graphql<{ publishRelease: ReleaseRead }>(
      `mutation ($id: Int!) { publishRelease(releaseId: $id, note: "Late discharges entered") { version changeNote } }`,
      { id: draft.releaseId },
    );
    expect(corrected.data!.publishRelease).toEqual({
      version: 2,
      changeNote: 'Late discharges entered\nNo published figure changed.',
    });
  });
});

describe('overlapping releases', () => {
  it('refuses a month inside a published quarter of the same sites', async () => {
    await expect(publishRelease(director, 'month', '2026-08-01', null)).rejects.toThrow(
      'August 2026 for all sites would overlap the published release Q3 2026 for all sites. Releases whose periods ' +
        'overlap must cover the same period and sites (a correction) or no site in common, so that no figure can be ' +
        'worked out by subtracting one release from another.',
    );
  });

  it('refuses one site beside all sites, and takes sites with nothing in common', async () => {
    await expect(publishRelease(director, 'quarter', '2026-07-01', ['S01'])).rejects.toThrow(/would overlap/);
    const s1 = await publishRelease(director, 'quarter', '2026-01-01', ['S01']);
    const s2 = await publishRelease(director, 'quarter', '2026-01-01', ['S02']);
    expect([s1.version, s2.version]).toEqual([1, 1]);
  });

  it('refuses a period that has not ended in the data, and one not aligned to the calendar', async () => {
    await expect(openDraft(director, 'year', '2026-01-01', null)).rejects.toThrow(
      /^Cannot open a release of 2026: it has not ended in the data \(the data run to 2026-/,
    );
    await expect(openDraft(director, 'quarter', '2026-02-01', null)).rejects.toThrow(
      'Cannot open a release: a quarter starts on the first day of January, April, July, October (got 2026-02-01).',
    );
  });
});

describe('drafts in bulk', () => {
  it('are refused before anything runs when one request asks for more than its budget', async () => {
    const drafts = async () =>
      (await director.graphql<{ releases: ReleaseRead[] }>(`{ releases { releaseId status } }`)).data!.releases.filter(
        (r) => r.status === 'draft',
      ).length;
    const before = await drafts();
    const flood = [1, 2, 3, 4]
      .map((i) => `d${i}: openReleaseDraft(input: { periodKind: "month", from: "2026-0${i}-01" }) { releaseId }`)
      .join(' ');
    const { errors } = await director.graphql(`mutation { ${flood} }`);
    expect(errors?.[0].message).toBe(
      'This request would run 4 figure queries (cost 48); the limit per request is 40. Ask for fewer fields or split the request.',
    );
    expect(await drafts()).toBe(before);
  });
});

describe('funders hold releases only', () => {
  it.each([
    ['the outcome report of any period', `{ outcomeReport { suppressionThreshold } }`],
    ['data freshness', `{ dataFreshness { lastSuccessfulLoadAt } }`],
    ['drafting', `mutation { openReleaseDraft(input: { periodKind: "quarter", from: "2026-04-01" }) { releaseId } }`],
  ])('refuses a funder %s', async (_what, query) => {
    const { errors } = await funder.graphql(query);
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a funder the report downloads of free periods', async () => {
    expect((await funder.fetch('/api/reports/outcome.csv?from=2026-01-01&to=2026-03-31')).status).toBe(403);
  });
});
