import { readFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import { pdfKit } from './libs';

/**
 * PDF output for reports and printable forms (issues 11, 12): A4, Chinese text in Noto Sans SC (the
 * TTF is embedded as a subset by pdfkit, with a ToUnicode map, so the text can be searched and
 * copied and a reader needs no font of its own), tables and simple charts drawn with vector ops.
 *
 * Numbers are passed in as the strings the caller formatted from decimals: nothing here does
 * arithmetic on money except scaling chart bars, where a JS number is only a drawing coordinate.
 */

export type Pdf = PDFKit.PDFDocument;

const FONT = 'NotoSansSC';
let fontBytes: Buffer | undefined;

/** The 10 MB font is read once per process; pdfkit parses it per document and embeds only the glyphs used. */
function cjkFont(): Buffer {
  fontBytes ??= readFileSync(
    require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  );
  return fontBytes;
}

const MARGIN = 48;
const INK = '#1f1f1f';
const MUTED = '#666666';
const RULE = '#bfbfbf';
const HEAD_FILL = '#f0f0f0';
const BAR = '#1677ff';

export interface PdfOptions {
  /** Document title (PDF metadata and the first heading's default). */
  title: string;
  /** Printed at the foot of every page, e.g. "草稿" or "第 2 版 · 已印发". */
  footer?: string;
  /** A large faint marking across each page, e.g. 草稿 for a report that is not issued. */
  watermark?: string;
  landscape?: boolean;
}

/** A new A4 document with the CJK font set as the current font and the page decorations registered. */
export function createPdf(opts: PdfOptions): Pdf {
  const doc = new (pdfKit())({
    size: 'A4',
    layout: opts.landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: opts.title, Producer: 'IP Fund Portal', Creator: 'IP Fund Portal' },
    bufferPages: true,
  });
  doc.registerFont(FONT, cjkFont());
  doc.font(FONT).fillColor(INK);
  const decorate = () => {
    if (opts.watermark) drawWatermark(doc, opts.watermark);
  };
  decorate();
  doc.on('pageAdded', () => {
    decorate();
    doc.font(FONT).fontSize(10).fillColor(INK);
  });
  // The footer needs the page count, so it is written over the buffered pages at the end (toBuffer).
  footers.set(doc, opts.footer ?? '');
  return doc;
}

const footers = new WeakMap<Pdf, string>();

function drawWatermark(doc: Pdf, text: string): void {
  const { width, height } = doc.page;
  doc.save();
  doc.rotate(-30, { origin: [width / 2, height / 2] });
  doc
    .font(FONT)
    .fontSize(96)
    .fillColor('#d9d9d9')
    .fillOpacity(0.35)
    .text(text, 0, height / 2 - 60, { width, align: 'center', lineBreak: false });
  doc.restore();
  doc.fillOpacity(1).fillColor(INK);
  doc.x = doc.page.margins.left;
  doc.y = doc.page.margins.top;
}

function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottomLimit(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom - 14; // room for the footer line
}

/** Starts a new page when fewer than `height` points are left. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

/** The document heading: a centred title and an optional line under it (period, date, marking). */
export function pdfTitle(doc: Pdf, title: string, subtitle?: string): void {
  doc.font(FONT).fontSize(18).fillColor(INK);
  doc.text(title, doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'center' });
  if (subtitle) {
    doc.moveDown(0.2).fontSize(10).fillColor(MUTED);
    doc.text(subtitle, doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'center' });
  }
  doc.fillColor(INK).moveDown(0.8);
}

/** A section heading, kept with at least a few lines of what follows. */
export function pdfHeading(doc: Pdf, text: string): void {
  ensureSpace(doc, 60);
  doc.font(FONT).fontSize(13).fillColor(INK);
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3).fontSize(10);
}

/** A paragraph of body text. */
export function pdfText(doc: Pdf, text: string, opts: { muted?: boolean; size?: number } = {}): void {
  doc
    .font(FONT)
    .fontSize(opts.size ?? 10)
    .fillColor(opts.muted ? MUTED : INK);
  doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.fillColor(INK).moveDown(0.3);
}

/** Label/value pairs in two columns, e.g. the head of a form. */
export function pdfFields(doc: Pdf, fields: [label: string, value: string][]): void {
  const width = contentWidth(doc);
  const labelWidth = Math.min(150, width * 0.3);
  doc.font(FONT).fontSize(10);
  for (const [label, value] of fields) {
    const h = Math.max(
      doc.heightOfString(label, { width: labelWidth }),
      doc.heightOfString(value || '—', { width: width - labelWidth }),
    );
    ensureSpace(doc, h + 4);
    const y = doc.y;
    doc.fillColor(MUTED).text(label, doc.page.margins.left, y, { width: labelWidth });
    doc
      .fillColor(INK)
      .text(value || '—', doc.page.margins.left + labelWidth, y, { width: width - labelWidth });
    doc.y = y + h + 4;
  }
  doc.moveDown(0.4);
}

export interface PdfColumn {
  header: string;
  /** Relative width; the columns share the page width in these proportions. */
  weight?: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * A ruled table that breaks across pages, repeating its header row. Cells are strings as they should
 * be printed (money already formatted with `formatMoney`).
 */
export function pdfTable(
  doc: Pdf,
  columns: PdfColumn[],
  rows: string[][],
  opts: { fontSize?: number } = {},
): void {
  const size = opts.fontSize ?? 9;
  const left = doc.page.margins.left;
  const total = contentWidth(doc);
  const weights = columns.map((c) => c.weight ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (total * w) / sum);
  const pad = 3;
  doc.font(FONT).fontSize(size);

  const rowHeight = (cells: string[]) =>
    Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad;

  const drawRow = (cells: string[], header: boolean) => {
    const h = rowHeight(cells);
    const y = doc.y;
    if (header) doc.rect(left, y, total, h).fill(HEAD_FILL);
    let x = left;
    cells.forEach((cell, i) => {
      doc.fillColor(INK).text(cell, x + pad, y + pad, {
        width: widths[i] - 2 * pad,
        align: header ? 'center' : (columns[i].align ?? 'left'),
      });
      x += widths[i];
    });
    doc
      .moveTo(left, y + h)
      .lineTo(left + total, y + h)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.y = y + h;
  };

  const headers = columns.map((c) => c.header);
  ensureSpace(doc, rowHeight(headers) + (rows[0] ? rowHeight(rows[0]) : 0));
  doc
    .moveTo(left, doc.y)
    .lineTo(left + total, doc.y)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  drawRow(headers, true);
  for (const row of rows) {
    const cells = columns.map((_, i) => row[i] ?? '');
    if (doc.y + rowHeight(cells) > bottomLimit(doc)) {
      doc.addPage();
      drawRow(headers, true);
    }
    drawRow(cells, false);
  }
  if (rows.length === 0) {
    doc.fillColor(MUTED).text('（无）', left + pad, doc.y + pad, { width: total });
    doc.fillColor(INK);
  }
  doc.x = left;
  doc.moveDown(0.8);
}

export interface ChartSeries {
  label: string;
  /** Decimal strings (money or counts); the chart scales to the largest. */
  value: string;
}

/**
 * A bar chart (or a line chart with `kind: 'line'`) with labelled axes and each value printed at its
 * bar or point, so the figures stay readable in print and in the extracted text.
 */
export function pdfChart(
  doc: Pdf,
  opts: {
    title: string;
    data: ChartSeries[];
    kind?: 'bar' | 'line';
    height?: number;
    valueLabel?: (v: string) => string;
  },
): void {
  const height = opts.height ?? 180;
  const fmt = opts.valueLabel ?? ((v: string) => v);
  ensureSpace(doc, height + 60);
  pdfText(doc, opts.title);
  const left = doc.page.margins.left + 10;
  const width = contentWidth(doc) - 20;
  const top = doc.y + 12;
  const base = top + height;
  const values = opts.data.map((d) => new Decimal(d.value));
  const max = Decimal.max(1, ...values.map((v) => v.abs()));
  doc.lineWidth(0.7).strokeColor(MUTED);
  doc
    .moveTo(left, top)
    .lineTo(left, base)
    .lineTo(left + width, base)
    .stroke();
  const n = Math.max(1, opts.data.length);
  const slot = width / n;
  const points: [number, number][] = [];
  doc.fontSize(8);
  opts.data.forEach((d, i) => {
    // A drawing coordinate, not a money figure: the ratio only places the bar's top.
    const h = values[i].abs().div(max).toNumber() * (height - 14);
    const cx = left + slot * i + slot / 2;
    const y = base - h;
    if ((opts.kind ?? 'bar') === 'bar') {
      const bw = Math.min(40, slot * 0.6);
      doc.rect(cx - bw / 2, y, bw, h).fill(BAR);
    } else {
      points.push([cx, y]);
    }
    doc
      .fillColor(INK)
      .text(fmt(d.value), cx - slot / 2, y - 11, { width: slot, align: 'center', lineBreak: false });
    doc
      .fillColor(MUTED)
      .text(d.label, cx - slot / 2, base + 3, { width: slot, align: 'center', lineBreak: false });
  });
  if (points.length > 0) {
    doc.lineWidth(1.5).strokeColor(BAR);
    points.forEach(([x, y], i) => (i === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
    doc.stroke();
    for (const [x, y] of points) doc.circle(x, y, 2.5).fill(BAR);
  }
  doc.fillColor(INK).fontSize(10);
  doc.x = doc.page.margins.left;
  doc.y = base + 20;
  doc.moveDown(0.5);
}

/** Money for print: thousands separators, two decimals, from a decimal string (never a JS number). */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const [int, frac] = d.abs().toFixed(2).split('.');
  return `${d.isNegative() ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** A ratio "0.0523" as "5.23%". */
export function formatPercent(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return `${new Decimal(value).times(100).toFixed(2)}%`;
}

/** Writes the footers ("第 n / N 页" and the marking) and ends the document; resolves with its bytes. */
export function toBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const footer = footers.get(doc) ?? '';
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      // Writing inside the bottom margin must not trigger pdfkit's automatic page break.
      doc.page.margins.bottom = 0;
      const text = `${footer ? `${footer}    ` : ''}第 ${i + 1} / ${range.count} 页`;
      doc
        .font(FONT)
        .fontSize(8)
        .fillColor(MUTED)
        .text(text, doc.page.margins.left, doc.page.height - bottom + 16, {
          width: contentWidth(doc),
          align: 'center',
          lineBreak: false,
        });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
  });
}
