import type PDFDocument from 'pdfkit';
import { SUPPRESSED } from '../report-format';
import type { TextTable } from '../report-tables';

type Doc = InstanceType<typeof PDFDocument>;

const PAD = 3;
const FONT_SIZE = 8.5;

/** Column widths in points from the columns' weights. */
export function columnWidths(weights: readonly number[], width: number): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => (w / total) * width);
}

const bottomOf = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

function rowHeight(doc: Doc, cells: readonly string[], widths: readonly number[], bold: boolean): number {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
  return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 2 * PAD }))) + 2 * PAD;
}

/** Total height of a table, to decide whether it fits on the rest of the page. */
export function tableHeight(doc: Doc, table: TextTable, width: number): number {
  const widths = columnWidths(
    table.columns.map((c) => c.weight),
    width,
  );
  const header = rowHeight(
    doc,
    table.columns.map((c) => c.header),
    widths,
    true,
  );
  return header + table.rows.reduce((s, r) => s + rowHeight(doc, r, widths, false), 0);
}

/**
 * Draws a table from doc.y, starting a new page (with the header row again) when a row would not
 * fit. Hidden cells read "suppressed" in grey italics, explained on the methods page.
 */
export function drawTable(doc: Doc, table: TextTable, x: number, width: number): void {
  const widths = columnWidths(
    table.columns.map((c) => c.weight),
    width,
  );
  const drawRow = (cells: readonly string[], header: boolean, shade: boolean) => {
    const h = rowHeight(doc, cells, widths, header);
    if (doc.y + h > bottomOf(doc)) {
      doc.addPage();
      if (!header)
        drawRow(
          table.columns.map((c) => c.header),
          true,
          false,
        );
    }
    const y = doc.y;
    if (header || shade)
      doc
        .save()
        .rect(x, y, width, h)
        .fill(header ? '#e8ebef' : '#f6f7f9')
        .restore();
    let cx = x;
    cells.forEach((text, i) => {
      const hidden = !header && text === SUPPRESSED;
      doc
        .font(header ? 'Helvetica-Bold' : hidden ? 'Helvetica-Oblique' : 'Helvetica')
        .fontSize(FONT_SIZE)
        .fillColor(hidden ? '#5f6670' : '#1f2328')
        .text(text, cx + PAD, y + PAD, { width: widths[i] - 2 * PAD, align: table.columns[i].align });
      cx += widths[i];
    });
    doc
      .save()
      .lineWidth(0.4)
      .strokeColor('#c9ced6')
      .moveTo(x, y + h)
      .lineTo(x + width, y + h)
      .stroke()
      .restore();
    doc.x = x;
    doc.y = y + h;
  };
  drawRow(
    table.columns.map((c) => c.header),
    true,
    false,
  );
  table.rows.forEach((r, i) => drawRow(r, false, i % 2 === 1));
  doc.fillColor('#1f2328');
}
