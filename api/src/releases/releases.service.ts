import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { loadConfig } from '@iop/db';
import { DataSource, EntityManager } from 'typeorm';
import type { CurrentUser } from '../auth/current-user';
import { defaultAsOf } from '../filters/resolve-scope';
import { OutcomeReportService } from '../outcome-report/outcome-report.service';
import { buildReleaseContent, RELEASE_METHOD_VERSION, ReleaseContent } from './release-content';
import { describeChanges } from './release-changes';
import { calendarPeriod, CalendarPeriod, PeriodKind, periodName, previousPeriod } from './release-period';
import { ExactFigure, Release, RELEASE_COLUMNS, ReleaseRow, toRelease } from './release-row';
import { asPeriod, overlapProblem } from './release-overlap';

/** Serialises publishing: two publications never pick the same version or miss each other's overlap. */
const PUBLISH_LOCK = 0x1e1ea5e;

/**
 * Funder releases: drafts opened and published by directors and quality leads, published releases
 * read by the funders whose sites they cover. Who may do what is checked here, on every call.
 */
@Injectable()
export class ReleasesService {
  private readonly threshold = loadConfig().suppressionThreshold;

  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: OutcomeReportService,
  ) {}

  /** The releases this user may see, newest period first (funders: published ones of their sites). */
  async list(user: CurrentUser): Promise<Release[]> {
    const rows: ReleaseRow[] = await this.dataSource.query(
      `SELECT ${RELEASE_COLUMNS} FROM release WHERE ${VISIBLE} ORDER BY period_from DESC, scope_key, status, version DESC`,
      visibleParams(user),
    );
    return rows.map((r) => toRelease(r, user));
  }

  async get(user: CurrentUser, releaseId: number): Promise<Release> {
    const rows: ReleaseRow[] = await this.dataSource.query(
      `SELECT ${RELEASE_COLUMNS} FROM release WHERE release_id = $3 AND ${VISIBLE}`,
      [...visibleParams(user), releaseId],
    );
    // A release the user may not see reads as one that does not exist: its existence is not theirs.
    if (!rows[0]) throw new NotFoundException(`There is no release ${releaseId} for you.`);
    return toRelease(rows[0], user);
  }

  /** Opens a draft of the release of one calendar period over a set of sites (null: every site). */
  async openDraft(user: CurrentUser, kind: PeriodKind, from: string, siteIds: string[] | null): Promise<Release> {
    const period = calendarPeriod(kind, from);
    if (typeof period === 'string') throw new BadRequestException(`Cannot open a release: ${period}.`);
    const sites = await this.checkSites(user, siteIds);
    const asOf = await defaultAsOf(this.dataSource);
    if (!asOf) throw new BadRequestException('Cannot open a release: no data has been loaded yet.');
    if (asOf < period.to)
      throw new BadRequestException(
        `Cannot open a release of ${periodName(period)}: it has not ended in the data (the data run to ${asOf}).`,
      );
    const before = previousPeriod(period);
    const [exact, previous, loaded] = await Promise.all([
      this.reports.exactPeriod({ from: period.from, to: period.to, siteIds: sites, asOf }),
      this.latestPublished(before, sites),
      this.lastLoad(),
    ]);
    const rules = { threshold: this.threshold };
    const content = buildReleaseContent({
      period,
      previousPeriod: before,
      previous,
      siteIds: sites,
      asOf,
      dataLoadedAt: loaded.at,
      exact,
      rules,
    });
    // content.figures begins with the current period's figures, in the order of exact.figures.
    const exactFigures: ExactFigure[] = exact.figures.map((f, i) => ({
      measure: f.measure,
      groupType: f.groupType,
      value: f.value,
      n: f.n,
      numerator: f.numerator ?? null,
      hiddenBecause: content.figures[i].hiddenBecause,
    }));
    const rows: ReleaseRow[] = await this.dataSource.query(
      `INSERT INTO release (period_kind, period_from, period_to, site_ids, scope_key, status, as_of, data_version,
                            method_version, content, exact_figures, created_by)
       VALUES ($1, $2, $3, $4, ${SCOPE_KEY_OF('$4')}, 'draft', $5, $6, $7, $8, $9, $10) RETURNING ${RELEASE_COLUMNS}`,
      [
        kind,
        period.from,
        period.to,
        sites,
        asOf,
        loaded.version,
        RELEASE_METHOD_VERSION,
        JSON.stringify(content),
        JSON.stringify(exactFigures),
        user.username,
      ],
    );
    return toRelease(rows[0], user);
  }

  /**
   * Publishes a draft as the next version of its release. Refused when it would overlap a
   * published release of other sites or another period (see release-overlap.ts), so that no two
   * releases can be subtracted from each other.
   */
  async publish(user: CurrentUser, releaseId: number, note: string | null): Promise<Release> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock($1)`, [PUBLISH_LOCK]);
      const draft = await this.ownDraft(tx, user, releaseId);
      const published: ReleaseRow[] = await tx.query(
        `SELECT ${RELEASE_COLUMNS} FROM release
          WHERE status = 'published' AND period_from <= $2 AND period_to >= $1`,
        [draft.period_from, draft.period_to],
      );
      const problem = overlapProblem(draft, published);
      if (problem) throw new ConflictException(problem);
      const previous = await this.latestPublished(previousPeriod(asPeriod(draft)), draft.site_ids, tx);
      if ((previous?.releaseId ?? null) !== (draft.content.previousRelease?.releaseId ?? null))
        throw new ConflictException(
          `The release of ${draft.content.previousPeriod.name} changed since this draft was opened, and its figures are ` +
            "this draft's previous-period column: open a new draft.",
        );
      const earlier = published
        .filter(
          (r) =>
            r.scope_key === draft.scope_key &&
            r.period_kind === draft.period_kind &&
            r.period_from === draft.period_from,
        )
        .sort((a, b) => b.version! - a.version!)[0];
      if (earlier && !note?.trim())
        throw new BadRequestException(
          `Version ${earlier.version} of this release is published: say what this correction changes.`,
        );
      const changes = earlier ? describeChanges(earlier.content, draft.content) : null;
      const changeNote = earlier ? [note!.trim(), changes].filter(Boolean).join('\n') : note?.trim() || null;
      const rows: ReleaseRow[] = await tx.query(
        // As a SELECT over the update: TypeORM answers an UPDATE with [rows, count], a SELECT with rows.
        `WITH published AS (
           UPDATE release SET status = 'published', version = $2, exact_figures = NULL, change_note = $3,
                  published_by = $4, published_at = now()
            WHERE release_id = $1 RETURNING *)
         SELECT ${RELEASE_COLUMNS} FROM published`,
        [releaseId, (earlier?.version ?? 0) + 1, changeNote, user.username],
      );
      return toRelease(rows[0], user);
    });
  }

  async discardDraft(user: CurrentUser, releaseId: number): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      await this.ownDraft(tx, user, releaseId);
      await tx.query(`DELETE FROM release WHERE release_id = $1`, [releaseId]);
      return true;
    });
  }

  private async ownDraft(tx: EntityManager, user: CurrentUser, releaseId: number): Promise<ReleaseRow> {
    const rows: ReleaseRow[] = await tx.query(
      `SELECT ${RELEASE_COLUMNS} FROM release WHERE release_id = $3 AND ${VISIBLE} FOR UPDATE`,
      [...visibleParams(user), releaseId],
    );
    if (!rows[0]) throw new NotFoundException(`There is no release ${releaseId} for you.`);
    if (rows[0].status !== 'draft')
      throw new ConflictException(
        `Release ${releaseId} is published and cannot change; open a new draft to correct it.`,
      );
    return rows[0];
  }

  private async latestPublished(
    period: CalendarPeriod,
    siteIds: string[] | null,
    db: Pick<EntityManager, 'query'> = this.dataSource,
  ): Promise<{ releaseId: number; version: number; content: ReleaseContent } | null> {
    const rows: { releaseId: string; version: number; content: ReleaseContent }[] = await db.query(
      `SELECT release_id AS "releaseId", version, content FROM release
        WHERE status = 'published' AND period_kind = $1 AND period_from = $2
          AND scope_key = ${SCOPE_KEY_OF('$3')}
        ORDER BY version DESC LIMIT 1`,
      [period.kind, period.from, siteIds],
    );
    return rows[0] ? { ...rows[0], releaseId: Number(rows[0].releaseId) } : null;
  }

  private async lastLoad(): Promise<{ at: string | null; version: string }> {
    const rows: { loadId: string | null; at: Date | null }[] = await this.dataSource.query(
      `SELECT max(load_id) AS "loadId", max(finished_at) AS at FROM etl_load WHERE status IN ('succeeded', 'partial')`,
    );
    const at = rows[0]?.at ? new Date(rows[0].at).toISOString() : null;
    return { at, version: rows[0]?.loadId ? `load ${rows[0].loadId} (${at})` : 'no load recorded' };
  }

  /** The sites of a new release: known ones, within the user's own, sorted (null: every site). */
  private async checkSites(user: CurrentUser, requested: string[] | null): Promise<string[] | null> {
    const wanted = requested?.length ? [...new Set(requested)].sort() : user.siteIds ? [...user.siteIds].sort() : null;
    if (!wanted) return null;
    const outside = user.siteIds ? wanted.filter((s) => !user.siteIds!.includes(s)) : [];
    if (outside.length)
      throw new BadRequestException(`You may only release figures of sites ${user.siteIds!.join(', ')}.`);
    const known: { siteId: string }[] = await this.dataSource.query(
      `SELECT site_id AS "siteId" FROM site WHERE site_id = ANY ($1::text[])`,
      [wanted],
    );
    const unknown = wanted.filter((s) => !known.some((k) => k.siteId === s));
    if (unknown.length) throw new BadRequestException(`Unknown site(s): ${unknown.join(', ')}.`);
    return wanted;
  }
}

/** A release's scope key from sorted site ids ('*': every site). */
const SCOPE_KEY_OF = (param: string) => `coalesce(array_to_string(${param}::text[], ','), '*')`;

/**
 * Which releases a user may see. Funders: published releases of exactly their sites (every site
 * when their account names none). Others: every release within their sites.
 */
const VISIBLE = `(CASE WHEN $1 = 'funder'
   THEN status = 'published' AND scope_key = ${SCOPE_KEY_OF('$2')}
   ELSE $2::text[] IS NULL OR (site_ids IS NOT NULL AND site_ids <@ $2::text[]) END)`;

const visibleParams = (user: CurrentUser) => [user.role, user.siteIds ? [...user.siteIds].sort() : null];
