import type PDFDocument from 'pdfkit';
import { groupTypeLabel } from '../report-format';
import type { Box, KmChartLayout } from './km-chart-layout';

type Doc = InstanceType<typeof PDFDocument>;

/** Okabe–Ito hues and dash patterns, as the dashboard draws each group type (colour is never the only cue). */
const STYLES: Record<string, { stroke: string; dash: number[] }> = {
  psychoeducation: { stroke: '#0072B2', dash: [] },
  skills: { stroke: '#D55E00', dash: [8, 4] },
  process: { stroke: '#009E73', dash: [2, 3] },
  trauma_informed: { stroke: '#C0679C', dash: [10, 3, 2, 3] },
  family: { stroke: '#B07A00', dash: [4, 4] },
};
const TOTAL = { stroke: '#333333', dash: [] as number[] };
const styleOf = (groupType: string | null) => (groupType === null ? TOTAL : (STYLES[groupType] ?? TOTAL));

// pdfkit draws a dash array (its typings only admit a single length).
type DashArray = (this: Doc, pattern: number[], options: object) => Doc;

function withDash(doc: Doc, dash: number[]): Doc {
  return dash.length ? (doc.dash as unknown as DashArray).call(doc, dash, {}) : doc.undash();
}

/** Draws the laid-out chart as vector paths: grid, axes with labels, the step curves, a legend below. */
export function drawKmChart(doc: Doc, layout: KmChartLayout, plot: Box): number {
  const bottom = plot.y + plot.height;
  const right = plot.x + plot.width;
  doc.save().lineWidth(0.5).strokeColor('#d6dae0').undash();
  for (const t of layout.yTicks) doc.moveTo(plot.x, t.y).lineTo(right, t.y).stroke();
  for (const t of layout.xTicks) doc.moveTo(t.x, plot.y).lineTo(t.x, bottom).stroke();
  doc.lineWidth(1).strokeColor('#4a5260').moveTo(plot.x, plot.y).lineTo(plot.x, bottom).lineTo(right, bottom).stroke();
  doc.restore();

  doc.font('Helvetica').fontSize(8).fillColor('#333333');
  for (const t of layout.yTicks)
    doc.text(t.label, plot.x - 36, t.y - 4, { width: 30, align: 'right', lineBreak: false });
  for (const t of layout.xTicks)
    doc.text(t.label, t.x - 15, bottom + 4, { width: 30, align: 'center', lineBreak: false });
  doc
    .fontSize(9)
    .text('Days since admission', plot.x, bottom + 18, { width: plot.width, align: 'center', lineBreak: false });
  doc.save().rotate(-90, { origin: [plot.x - 46, plot.y + plot.height / 2] });
  doc.text('Share not dropped out', plot.x - 46 - 80, plot.y + plot.height / 2 - 5, {
    width: 160,
    align: 'center',
    lineBreak: false,
  });
  doc.restore();

  // The total last, so it sits on top.
  const paths = [...layout.paths].sort((a, b) => Number(a.groupType === null) - Number(b.groupType === null));
  for (const path of paths) {
    const style = styleOf(path.groupType);
    doc
      .save()
      .lineWidth(path.groupType === null ? 2.5 : 1.6)
      .strokeColor(style.stroke);
    withDash(doc, style.dash);
    path.vertices.forEach(([x, y], i) => (i === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
    doc.stroke().restore();
  }

  // Legend: a line sample in the series' dash, then its name, in rows under the axis title.
  let x = plot.x;
  let y = bottom + 40;
  doc.font('Helvetica').fontSize(9).fillColor('#222222');
  for (const path of layout.paths) {
    const label = groupTypeLabel(path.groupType);
    const width = 34 + doc.widthOfString(label) + 18;
    if (x + width > right) {
      x = plot.x;
      y += 16;
    }
    const style = styleOf(path.groupType);
    doc
      .save()
      .lineWidth(path.groupType === null ? 2.5 : 1.6)
      .strokeColor(style.stroke);
    withDash(doc, style.dash);
    doc
      .moveTo(x, y + 4)
      .lineTo(x + 28, y + 4)
      .stroke()
      .restore();
    doc.fillColor('#222222').text(label, x + 34, y, { lineBreak: false });
    x += width;
  }
  return y + 16;
}
