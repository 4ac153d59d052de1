import PDFDocument from 'pdfkit';
import type { OutcomeReport } from '../outcome-report/outcome-report.model';
import { drawKmChart } from './pdf/km-chart';
import { kmChartLayout, kmSeries } from './pdf/km-chart-layout';
import { drawTable, tableHeight } from './pdf/pdf-table';
import { describeLogRank, formatDate, formatPeriod, groupTypeLabel } from './report-format';
import { methodsEntries, MethodsOverrides } from './report-methods';
import { comparisonTable, groupTypeTable, REPORT_SECTIONS } from './report-tables';

type Doc = InstanceType<typeof PDFDocument>;

export interface ReportPdfOptions {
  /** Not configured yet: the caller's choice, on every page. */
  programName?: string;
  /** When the file was made (a parameter so tests can fix it). */
  generatedAt?: Date;
  /** A release's title, its facts in place of the report's, and its methods wording. */
  release?: { title: string; facts: [string, string][]; methods: MethodsOverrides };
}

export const DEFAULT_PROGRAM_NAME = 'IOP program';

const MARGIN = { top: 66, bottom: 58, left: 50, right: 50 };
const INK = '#1f2328';
const MUTED = '#5f6670';

/** The funder report as a PDF (standard fonts, so its text is selectable and searchable). */
export function renderReportPdf(report: OutcomeReport, options: ReportPdfOptions = {}): Promise<Buffer> {
  const programName = options.programName?.trim() || DEFAULT_PROGRAM_NAME;
  const generatedAt = options.generatedAt ?? new Date();
  const period = formatPeriod(report.periods.from, report.periods.to);
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: MARGIN,
    bufferPages: true,
    info: {
      Title: `Outcome report, ${programName}, ${period}`,
      Subject: 'Funder outcome report (small cells suppressed)',
      Creator: 'IOP outcomes dashboard',
      CreationDate: generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  titleBlock(doc, report, programName, generatedAt, options.release);
  for (const section of REPORT_SECTIONS) {
    const table = comparisonTable(report.figures, section.measures);
    heading(doc, section.title, 24 + tableHeight(doc, table, contentWidth(doc)));
    drawTable(doc, table, MARGIN.left, contentWidth(doc));
  }
  note(
    doc,
    '"suppressed": hidden to protect small groups (see Methods). "—": cannot be computed (no one in it). ' +
      'pts: percentage points. Change = this period minus the previous period.',
  );
  groupTypePage(doc, report);
  chartPage(doc, report);
  methodsPage(doc, report, options.release?.methods);
  headersAndFooters(doc, programName, period);
  doc.end();
  return done;
}

const contentWidth = (doc: Doc) => doc.page.width - MARGIN.left - MARGIN.right;
const bottomOf = (doc: Doc) => doc.page.height - MARGIN.bottom;

/** A new page unless `height` (capped to a page) fits below doc.y. */
function ensureSpace(doc: Doc, height: number): boolean {
  if (doc.y + Math.min(height, bottomOf(doc) - MARGIN.top) <= bottomOf(doc)) return false;
  doc.addPage();
  return true;
}

/** A section heading, on a new page when the heading and what must follow it would not fit. */
function heading(doc: Doc, text: string, keepWith = 60): void {
  if (!ensureSpace(doc, keepWith)) doc.moveDown(0.8);
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .fillColor(INK)
    .text(text, MARGIN.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

function paragraph(doc: Doc, text: string, size = 9.5, color = INK): void {
  doc
    .font('Helvetica')
    .fontSize(size)
    .fillColor(color)
    .text(text, MARGIN.left, doc.y, { width: contentWidth(doc) });
}

function note(doc: Doc, text: string): void {
  doc.moveDown(0.6);
  paragraph(doc, text, 8, MUTED);
}

function titleBlock(
  doc: Doc,
  report: OutcomeReport,
  programName: string,
  generatedAt: Date,
  release: ReportPdfOptions['release'],
): void {
  const p = report.periods;
  doc
    .font('Helvetica-Bold')
    .fontSize(20)
    .fillColor(INK)
    .text(release?.title ?? 'Outcome report', MARGIN.left, MARGIN.top);
  doc.font('Helvetica').fontSize(13).text(programName);
  doc.moveDown(0.5);
  const facts: [string, string][] = release?.facts ?? [
    ['This period', formatPeriod(p.from, p.to)],
    [
      'Compared with',
      `${formatPeriod(p.previousFrom, p.previousTo)} (${p.comparison ?? 'the same number of days just before'})`,
    ],
    ['Sites', report.siteIds?.length ? report.siteIds.join(', ') : 'All sites'],
    ['As of', formatDate(p.asOf)],
    [
      'Data loaded',
      report.lastSuccessfulLoadAt
        ? `${new Date(report.lastSuccessfulLoadAt).toISOString().slice(0, 10)}`
        : 'no load recorded',
    ],
    ['Generated', generatedAt.toISOString().slice(0, 10)],
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(9.5).fillColor(MUTED).text(label, MARGIN.left, y, { width: 90 });
    doc
      .font('Helvetica')
      .fillColor(INK)
      .text(value, MARGIN.left + 95, y, { width: contentWidth(doc) - 95 });
  }
  doc.moveDown(0.6);
  paragraph(
    doc,
    `Figures from 1 to ${report.suppressionThreshold - 1} people, and rates built on them, read "suppressed" so that ` +
      'no participant can be identified (42 CFR Part 2). Definitions are on the Methods page.',
    8.5,
    MUTED,
  );
}

function groupTypePage(doc: Doc, report: OutcomeReport): void {
  doc.addPage();
  doc.y = MARGIN.top;
  doc.font('Helvetica-Bold').fontSize(14).fillColor(INK).text('Group types compared', MARGIN.left, doc.y);
  doc.moveDown(0.3);
  paragraph(doc, 'Key figures of each group type, for the episodes (or sessions) of that type.', 9, MUTED);
  for (const [period, title] of [
    ['current', `This period (${formatPeriod(report.periods.from, report.periods.to)})`],
    ['previous', `Previous period (${formatPeriod(report.periods.previousFrom, report.periods.previousTo)})`],
  ] as const) {
    const table = groupTypeTable(report.figures, period);
    heading(doc, title, 24 + tableHeight(doc, table, contentWidth(doc)));
    drawTable(doc, table, MARGIN.left, contentWidth(doc));
  }
  heading(doc, 'Retention across group types');
  paragraph(doc, describeLogRank(report.logRank));
}

function chartPage(doc: Doc, report: OutcomeReport): void {
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(14).fillColor(INK).text('Retention by group type', MARGIN.left, MARGIN.top);
  doc.moveDown(0.3);
  paragraph(
    doc,
    `Kaplan–Meier estimate of the share of episodes admitted in ${formatPeriod(report.periods.from, report.periods.to)} ` +
      'not yet dropped out, by days since admission.',
    9,
    MUTED,
  );
  const plot = { x: MARGIN.left + 56, y: doc.y + 16, width: contentWidth(doc) - 72, height: 300 };
  const layout = kmChartLayout(kmSeries(report.survivalCurves, report.figures), plot);
  if (layout.paths.length === 0) {
    doc.moveDown(1);
    paragraph(
      doc,
      `No curve can be drawn: no point of any curve has ${report.suppressionThreshold} or more episodes at risk.`,
    );
    return;
  }
  doc.y = drawKmChart(doc, layout, plot) + 10;
  const hidden = layout.notDrawn.map(groupTypeLabel);
  note(
    doc,
    `Curves are drawn only where at least ${report.suppressionThreshold} episodes were still at risk, and stop there. ` +
      (hidden.length ? `Not drawn, to protect small groups: ${hidden.join(', ')}. ` : '') +
      describeLogRank(report.logRank),
  );
}

function methodsPage(doc: Doc, report: OutcomeReport, overrides?: MethodsOverrides): void {
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(14).fillColor(INK).text('Methods', MARGIN.left, MARGIN.top);
  for (const entry of methodsEntries(report, overrides)) {
    doc.font('Helvetica').fontSize(9);
    if (!ensureSpace(doc, 16 + doc.heightOfString(entry.text, { width: contentWidth(doc) }))) doc.moveDown(0.7);
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor(INK)
      .text(entry.term, MARGIN.left, doc.y, { width: contentWidth(doc) });
    paragraph(doc, entry.text, 9);
  }
}

/** Program, period and "Page N of M" on every page, drawn once the page count is known. */
function headersAndFooters(doc: Doc, programName: string, period: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing in the margins would otherwise make pdfkit start a new page.
    const margins = { ...doc.page.margins };
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    const footerY = doc.page.height - 38;
    doc.font('Helvetica-Bold').fontSize(8.5).fillColor(MUTED);
    doc.text(programName, MARGIN.left, 30, { width: width / 2, lineBreak: false });
    doc.font('Helvetica').text(`Outcome report · ${period}`, MARGIN.left + width / 2, 30, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor('#c9ced6')
      .moveTo(MARGIN.left, 44)
      .lineTo(MARGIN.left + width, 44)
      .stroke()
      .restore();
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor('#c9ced6')
      .moveTo(MARGIN.left, footerY - 6)
      .lineTo(MARGIN.left + width, footerY - 6)
      .stroke()
      .restore();
    doc.text(`${programName} · ${period} · small cells suppressed`, MARGIN.left, footerY, {
      width: width * 0.7,
      lineBreak: false,
    });
    doc.text(`Page ${i - start + 1} of ${count}`, MARGIN.left + width * 0.7, footerY, {
      width: width * 0.3,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins = margins;
  }
}
