import type { OutcomeReport } from '../outcome-report/outcome-report.model';
import { GroupType } from '../filters';
import { toReportCsv } from '../report-export/report-csv';
import { formatDate, formatPeriod } from '../report-export/report-format';
import { renderReportPdf } from '../report-export/report-pdf';
import { OUTCOME_MEASURES } from '../outcome-report/outcome-measures';
import { protectionRuleText, releaseMethods } from './release-methods';
import type { Release } from './release-row';
import { scopeName } from './release-row';

/** A release read as the outcome report, so that its PDF and CSV are the report's own. */
function asReport(release: Release): OutcomeReport {
  const c = release.content;
  return {
    periods: {
      from: c.period.from,
      to: c.period.to,
      previousFrom: c.previousPeriod.from,
      previousTo: c.previousPeriod.to,
      asOf: c.asOf,
    },
    siteIds: c.siteIds,
    suppressionThreshold: c.threshold,
    figures: c.figures.map((f) => ({ ...f, groupType: f.groupType as GroupType | null })),
    survivalCurves: c.survivalCurves.map((s) => ({ ...s, groupType: s.groupType as GroupType | null })),
    logRank: c.logRank,
    lastSuccessfulLoadAt: c.dataLoadedAt ? new Date(c.dataLoadedAt) : null,
  };
}

export const releaseTitle = (r: Release) =>
  `${r.status === 'draft' ? 'DRAFT release' : 'Release'} ${r.content.period.name}${r.version ? `, version ${r.version}` : ''}`;

export function releaseFileName(r: Release, extension: 'pdf' | 'csv' | 'json'): string {
  const scope = r.content.siteIds?.length ? r.content.siteIds.join('-') : 'all-sites';
  const version = r.version ? `v${r.version}` : 'draft';
  return `release_${r.content.period.from}_${r.content.period.kind}_${scope}_${version}.${extension}`.replace(
    /[^A-Za-z0-9._-]/g,
    '_',
  );
}

export function releasePdf(release: Release, programName?: string): Promise<Buffer> {
  const c = release.content;
  const facts: [string, string][] = [
    ['Period', `${c.period.name} (${formatPeriod(c.period.from, c.period.to)})`],
    [
      'Compared with',
      c.previousRelease
        ? `the published release of ${c.previousPeriod.name}`
        : `no release of ${c.previousPeriod.name}`,
    ],
    ['Sites', scopeName(c.siteIds)],
    ['As of', formatDate(c.asOf)],
    [
      'Status',
      release.status === 'published'
        ? `published ${release.publishedAt?.toISOString().slice(0, 10)}`
        : 'draft, not published',
    ],
    ['Data version', release.dataVersion],
    ['Method', release.methodVersion],
  ];
  if (release.changeNote) facts.push(['Changes', release.changeNote]);
  return renderReportPdf(asReport(release), {
    programName,
    generatedAt: release.publishedAt ?? release.createdAt,
    release: { title: releaseTitle(release), facts, methods: releaseMethods(c, null) },
  });
}

/** The release as CSV: the report's columns (codes and numbers only: no text of anyone's). */
export function releaseCsv(release: Release): string {
  return toReportCsv(asReport(release));
}

/**
 * One self-describing file: what the release is, the rule it follows, the measures' meanings,
 * every figure, and its CSV and PDF, so that a funder's hub can collect releases of many programs
 * without anything but the release leaving a program.
 */
export async function releaseJson(release: Release, programName?: string): Promise<string> {
  const c = release.content;
  const pdf = await releasePdf(release, programName);
  return JSON.stringify(
    {
      format: 'iop-outcome-release',
      formatVersion: 1,
      program: programName ?? null,
      release: {
        releaseId: release.releaseId,
        status: release.status,
        version: release.version,
        period: c.period,
        previousPeriod: c.previousPeriod,
        previousRelease: c.previousRelease,
        siteIds: c.siteIds,
        asOf: c.asOf,
        dataLoadedAt: c.dataLoadedAt,
        dataVersion: release.dataVersion,
        methodVersion: release.methodVersion,
        publishedAt: release.publishedAt,
        changeNote: release.changeNote,
      },
      protection: {
        threshold: c.threshold,
        roundingBase: c.roundingBase,
        rule: protectionRuleText(c.threshold, c.roundingBase),
      },
      measures: OUTCOME_MEASURES,
      figures: c.figures,
      survivalCurves: c.survivalCurves,
      logRank: c.logRank,
      files: {
        csv: { mediaType: 'text/csv', text: releaseCsv(release) },
        pdf: { mediaType: 'application/pdf', base64: pdf.toString('base64') },
      },
    },
    null,
    2,
  );
}
