import type ExcelJS from 'exceljs';
import { excelJs } from './libs';

/**
 * XLSX output for table exports and reports (issues 11, 12). Each sheet is one header row, then one
 * row per record, nothing above or between, so the file reads back as a table (and as a loan tape).
 * Money arrives as decimal strings and is written as a numeric cell with a two-decimal format: the
 * string is checked to be plain decimal text with at most two decimals, so the number Excel stores
 * is the nearest double to an exact fen amount and shows as that amount. Dates arrive as
 * `YYYY-MM-DD` (business dates) or Date (instants) and are written as Excel dates.
 */

export type XlsxKind = 'text' | 'money' | 'date' | 'datetime' | 'integer' | 'percent';

export interface XlsxColumn<T> {
  header: string;
  kind: XlsxKind;
  value: (row: T) => string | number | Date | null | undefined;
  /** Column width in characters; a sensible default per kind otherwise. */
  width?: number;
}

export interface XlsxSheet<T> {
  name: string;
  columns: XlsxColumn<T>[];
  rows: readonly T[];
}

const MONEY_TEXT = /^-?\d+(\.\d{1,2})?$/;
const RATIO_TEXT = /^-?\d+(\.\d+)?$/;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

const NUM_FMT: Record<XlsxKind, string | undefined> = {
  text: undefined,
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  integer: '0',
  percent: '0.00%',
};

const DEFAULT_WIDTH: Record<XlsxKind, number> = {
  text: 20,
  money: 18,
  date: 12,
  datetime: 20,
  integer: 10,
  percent: 10,
};

/** A cell value for one column: throws on a money or date value that is not what it claims to be. */
export function xlsxCell(kind: XlsxKind, raw: string | number | Date | null | undefined): ExcelJS.CellValue {
  if (raw === null || raw === undefined || raw === '') return null;
  switch (kind) {
    case 'money': {
      const text = String(raw);
      if (typeof raw !== 'string' || !MONEY_TEXT.test(text)) {
        throw new Error(`xlsx money cell must be a decimal string with at most 2 decimals, got ${text}`);
      }
      return Number(text);
    }
    case 'percent': {
      const text = String(raw);
      if (typeof raw !== 'string' || !RATIO_TEXT.test(text))
        throw new Error(`xlsx ratio cell must be decimal text, got ${text}`);
      return Number(text);
    }
    case 'integer': {
      const n = typeof raw === 'number' ? raw : Number(raw);
      if (!Number.isSafeInteger(n))
        throw new Error(`xlsx integer cell must be an integer, got ${String(raw)}`);
      return n;
    }
    case 'date': {
      if (raw instanceof Date) return raw;
      const m = DATE_TEXT.exec(String(raw));
      if (!m) throw new Error(`xlsx date cell must be YYYY-MM-DD, got ${String(raw)}`);
      // Excel dates have no zone: a business date is written as UTC midnight, as Excel itself reads it.
      return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    }
    case 'datetime':
      return raw instanceof Date ? raw : new Date(String(raw));
    case 'text':
      return String(raw);
  }
}

/** Appends one sheet: a bold, frozen header row, then one row per record. */
export function addSheet<T>(workbook: ExcelJS.Workbook, sheet: XlsxSheet<T>): ExcelJS.Worksheet {
  // Excel limits sheet names to 31 characters and forbids a few.
  const ws = workbook.addWorksheet(sheet.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = sheet.columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(DEFAULT_WIDTH[c.kind], c.header.length * 2 + 2),
    style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const record of sheet.rows) {
    ws.addRow(sheet.columns.map((c) => xlsxCell(c.kind, c.value(record))));
  }
  return ws;
}

/** A sheet ready to be written, its record type hidden so sheets of different records go in one list. */
export type SheetWriter = (workbook: ExcelJS.Workbook) => void;

/** Binds a sheet's columns to its records (type-checked together) for `writeXlsx`. */
export function sheet<T>(spec: XlsxSheet<T>): SheetWriter {
  return (workbook) => {
    addSheet(workbook, spec);
  };
}

/** A workbook of the given sheets, as the bytes of an .xlsx file. */
export async function writeXlsx(sheets: SheetWriter[], opts: { title?: string } = {}): Promise<Buffer> {
  const workbook = new (excelJs().Workbook)();
  workbook.creator = 'IP Fund Portal';
  if (opts.title) workbook.title = opts.title;
  // A fixed timestamp would hide when a file was produced; the export time is what a reader expects.
  workbook.created = new Date();
  for (const write of sheets) write(workbook);
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_CONTENT_TYPE = 'application/pdf';
