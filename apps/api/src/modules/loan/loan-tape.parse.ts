import { Readable } from 'node:stream';
import { parse as csvParse } from 'csv-parse';
import { isIsoDate, type IsoDate } from '@ipfund/policy';
import { AppError, badInput } from '../../common/errors';
import {
  MAX_CELL_CHARS,
  MAX_CELLS_PER_ROW,
  readFirstSheet,
  StopReading,
  UnreadableWorkbook,
} from './loan-tape.xlsx';

/**
 * Reading a loan tape (a bank's bulk status report, Art 12, 16): CSV or XLSX in, rows of raw cells
 * with their line numbers out. Nothing here touches the database; the service validates and applies.
 */

/**
 * Largest file accepted (decoded bytes) and most data rows: one transaction must stay reasonable.
 * The unpacked size of an .xlsx and the shape of rows are limited in loan-tape.xlsx.ts.
 */
export const MAX_TAPE_BYTES = 5 * 1024 * 1024;
export const MAX_TAPE_ROWS = 10_000;

/** A status report of a registered loan (Art 12, 16): the tape as it always was. */
export const STATUS_FIELDS = ['contractNo', 'asOf', 'outstandingPrincipal', 'earliestUnpaidDueDate'] as const;
/**
 * A new loan to register (issue 11): every field of registerLoan, the borrower by its credit code, the
 * guarantor by name and the pledged IP by registration number (patents and trademarks, ";"-separated).
 */
export const REGISTRATION_FIELDS = [
  'enterpriseCreditCode',
  'principal',
  'ipPledgedPrincipal',
  'guarantorName',
  'issuedOn',
  'maturesOn',
  'purpose',
  'collateralNos',
] as const;
export const TAPE_FIELDS = [...STATUS_FIELDS, ...REGISTRATION_FIELDS] as const;
export type TapeField = (typeof TAPE_FIELDS)[number];

/** Header names accepted for each column, Chinese and English; compared after `normalizeHeader`. */
export const TAPE_COLUMNS: Record<TapeField, { zh: string; required: boolean; aliases: readonly string[] }> =
  {
    contractNo: {
      zh: '合同编号',
      required: true,
      aliases: ['contractno', 'contract', '合同编号', '合同号', '借款合同编号', '贷款合同编号'],
    },
    asOf: {
      zh: '报告日期',
      required: true,
      aliases: ['asof', 'asofdate', 'reportdate', '报告日期', '截至日期', '统计日期', '数据日期'],
    },
    outstandingPrincipal: {
      zh: '贷款余额',
      required: true,
      aliases: ['outstandingprincipal', 'outstanding', '贷款余额', '本金余额', '未偿本金', '剩余本金'],
    },
    earliestUnpaidDueDate: {
      zh: '最早未还到期日',
      required: false,
      aliases: ['earliestunpaidduedate', 'earliestunpaid', '最早未还到期日', '最早未还款日', '最早逾期日'],
    },
    enterpriseCreditCode: {
      zh: '统一社会信用代码',
      required: false,
      aliases: ['enterprisecreditcode', 'creditcode', '统一社会信用代码', '企业信用代码', '信用代码'],
    },
    principal: {
      zh: '贷款本金',
      required: false,
      aliases: ['principal', '贷款本金', '贷款金额', '放款金额'],
    },
    ipPledgedPrincipal: {
      zh: '知识产权质押部分',
      required: false,
      aliases: ['ippledgedprincipal', '知识产权质押部分', '知识产权质押金额', '质押部分本金'],
    },
    guarantorName: {
      zh: '担保机构',
      required: false,
      aliases: ['guarantorname', 'guarantor', '担保机构', '担保机构名称'],
    },
    issuedOn: { zh: '放款日', required: false, aliases: ['issuedon', '放款日', '放款日期', '发放日期'] },
    maturesOn: { zh: '到期日', required: false, aliases: ['matureson', 'maturity', '到期日', '贷款到期日'] },
    purpose: { zh: '贷款用途', required: false, aliases: ['purpose', '贷款用途', '用途'] },
    collateralNos: {
      zh: '质押知识产权登记号',
      required: false,
      aliases: ['collateralnos', 'collateral', '质押知识产权登记号', '质押专利商标号', '质押物登记号'],
    },
  };

/** The template's header: Chinese with the English name in brackets, either half is recognised. */
export const TEMPLATE_HEADERS: readonly string[] = STATUS_FIELDS.map((f) => `${TAPE_COLUMNS[f].zh}(${f})`);

/** The header of a tape of new loans (issue 11): the contract number and every registration field. */
export const REGISTRATION_TEMPLATE_HEADERS: readonly string[] = [
  'contractNo' as const,
  ...REGISTRATION_FIELDS,
].map((f) => `${TAPE_COLUMNS[f].zh}(${f})`);

export type RawCell = string | number | Date | null;

export interface TapeRow {
  /** Line in the file; the header is line 1 in a CSV and its own row number in a sheet. */
  line: number;
  cells: Partial<Record<TapeField, RawCell>>;
}

export interface TapeProblem {
  line: number;
  column: string | null;
  field: TapeField | null;
  code: string;
  reason: string;
}

export interface ParsedTape {
  /** The header as written in the file, per recognised field. */
  labels: Partial<Record<TapeField, string>>;
  rows: TapeRow[];
  /** Problems with the file as a whole (header, size): nothing can be applied. */
  fileProblems: TapeProblem[];
}

export function normalizeHeader(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-*:：]/g, '');
}

/** Which field a header names: the whole label, or either part of "合同编号(contractNo)". */
export function fieldOfHeader(label: string): TapeField | null {
  const parts = [label, ...label.split(/[()（）[\]【】]/)].map(normalizeHeader).filter(Boolean);
  for (const part of parts) {
    for (const field of TAPE_FIELDS) {
      if (TAPE_COLUMNS[field].aliases.includes(part)) return field;
    }
  }
  return null;
}

/** Decodes the base64 transport; refuses what is not base64 or too large. */
export function decodeTape(fileName: string, contentBase64: string): { kind: 'csv' | 'xlsx'; bytes: Buffer } {
  const name = fileName.trim().toLowerCase();
  const kind = name.endsWith('.csv') ? 'csv' : name.endsWith('.xlsx') ? 'xlsx' : null;
  if (!kind) throw badInput('tape.fileKind', {});
  const b64 = contentBase64.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) {
    throw badInput('common.notBase64', {});
  }
  // Refuse before decoding: 4 base64 characters carry 3 bytes.
  if (Math.floor((b64.length * 3) / 4) > MAX_TAPE_BYTES + 2) {
    throw badInput('tape.tooLarge', { mb: MAX_TAPE_BYTES / 1024 / 1024 });
  }
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length > MAX_TAPE_BYTES) {
    throw badInput('tape.tooLarge', { mb: MAX_TAPE_BYTES / 1024 / 1024 });
  }
  if (bytes.length === 0) throw badInput('tape.empty', {});
  return { kind, bytes };
}

/** UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as GB18030 (Excel's Chinese CSV). */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function mapHeader(labels: readonly string[], line: number) {
  const columns = new Map<number, TapeField>();
  const found: Partial<Record<TapeField, string>> = {};
  const problems: TapeProblem[] = [];
  labels.forEach((raw, index) => {
    const label = raw.trim();
    if (!label) return;
    const field = fieldOfHeader(label);
    // Extra columns (the enterprise's name, a remark) are allowed and ignored.
    if (!field) return;
    if (found[field] !== undefined) {
      problems.push({
        line,
        column: label,
        field,
        code: 'DUPLICATE_COLUMN',
        reason: `Column "${label}" repeats "${found[field]}"`,
      });
      return;
    }
    found[field] = label;
    columns.set(index, field);
  });
  // A tape of new loans (its registration columns present) needs no status columns; rows that name a
  // registered loan are then checked for them one by one.
  const registering = found.principal !== undefined && found.issuedOn !== undefined;
  for (const field of registering ? (['contractNo'] as const) : TAPE_FIELDS) {
    if (TAPE_COLUMNS[field].required && found[field] === undefined) {
      problems.push({
        line,
        column: null,
        field,
        code: 'MISSING_COLUMN',
        reason: `Missing column ${TAPE_COLUMNS[field].zh} (${field})`,
      });
    }
  }
  return { columns, labels: found, problems };
}

function isBlank(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function tooMany(line: number): TapeProblem {
  return {
    line,
    column: null,
    field: null,
    code: 'TOO_MANY_ROWS',
    reason: `A loan tape may have at most ${MAX_TAPE_ROWS} rows`,
  };
}

/** The longest CSV line (record) read, in characters: a tape's line is under 200. */
export const MAX_CSV_RECORD_CHARS = 64 * 1024;

function unreadable(reason: string): ParsedTape {
  return {
    labels: {},
    rows: [],
    fileProblems: [{ line: 1, column: null, field: null, code: 'UNREADABLE_FILE', reason }],
  };
}

function emptyFile(reason: string): ParsedTape {
  return {
    labels: {},
    rows: [],
    fileProblems: [{ line: 1, column: null, field: null, code: 'EMPTY_FILE', reason }],
  };
}

/** The text in pieces, so the parser below works on one piece at a time. */
function* pieces(text: string, size = 64 * 1024): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

type CsvRecord = { record: string[]; info: { lines: number } };

/**
 * Streaming: records are taken one at a time and reading stops at the first record over the row
 * cap, so a million short lines cost no more than ten thousand. A line over MAX_CSV_RECORD_CHARS,
 * a row of more than MAX_CELLS_PER_ROW cells or a cell over MAX_CELL_CHARS refuses the file.
 */
export async function parseCsvTape(bytes: Buffer): Promise<ParsedTape> {
  const parser = Readable.from(pieces(decodeText(bytes))).pipe(
    csvParse({
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      max_record_size: MAX_CSV_RECORD_CHARS,
    }),
  );
  // info.lines is where a record ends; a quoted field may span lines.
  const startLine = (r: CsvRecord) =>
    r.info.lines - r.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  let header: ReturnType<typeof mapHeader> | null = null;
  let records = 0;
  const rows: TapeRow[] = [];
  try {
    for await (const r of parser as AsyncIterable<CsvRecord>) {
      checkRecordShape(r.record.length, r.record);
      if (!header) {
        header = mapHeader(r.record, startLine(r));
        continue;
      }
      // As before: every record after the header counts toward the cap, blank or not.
      if (++records > MAX_TAPE_ROWS) {
        return { labels: header.labels, rows: [], fileProblems: [...header.problems, tooMany(1)] };
      }
      const cells: TapeRow['cells'] = {};
      header.columns.forEach((field, index) => {
        cells[field] = r.record[index] ?? null;
      });
      if (Object.values(cells).every(isBlank)) continue;
      rows.push({ line: startLine(r), cells });
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as { code?: string; message?: string };
    if (e.code === 'CSV_MAX_RECORD_SIZE') {
      throw badInput('tape.lineTooLong', { max: MAX_CSV_RECORD_CHARS });
    }
    return unreadable(e.message ?? String(err));
  } finally {
    parser.destroy();
  }
  if (!header) return emptyFile('The file has no header');
  return { labels: header.labels, rows, fileProblems: header.problems };
}

/** The same shape limits for both formats: cells per row and characters per cell. */
function checkRecordShape(cells: number, texts: readonly string[] = []) {
  if (cells > MAX_CELLS_PER_ROW) {
    throw badInput('tape.tooManyCells', { max: MAX_CELLS_PER_ROW });
  }
  if (texts.some((t) => t.length > MAX_CELL_CHARS)) {
    throw badInput('tape.cellTooLong', { max: MAX_CELL_CHARS });
  }
}

/**
 * Streaming over the zip (loan-tape.xlsx.ts): the directory is checked before inflating, the
 * inflated bytes are counted, and rows arrive one at a time; reading stops at the row cap.
 */
export async function parseXlsxTape(bytes: Buffer): Promise<ParsedTape> {
  let header: ReturnType<typeof mapHeader> | null = null;
  const rows: TapeRow[] = [];
  let overflow = false;
  try {
    await readFirstSheet(bytes, ({ rowNumber, values }) => {
      // A row whose cells hold nothing is no row (as exceljs' eachRow without includeEmpty).
      if (values.size === 0) return;
      if (!header) {
        const labels: string[] = [];
        values.forEach((v, col) => {
          labels[col - 1] = v === null ? '' : v instanceof Date ? v.toISOString() : String(v);
        });
        header = mapHeader(labels, rowNumber);
        return;
      }
      const cells: TapeRow['cells'] = {};
      header.columns.forEach((field, index) => {
        cells[field] = values.get(index + 1) ?? null;
      });
      if (Object.values(cells).every(isBlank)) return;
      if (rows.length >= MAX_TAPE_ROWS) {
        overflow = true;
        throw new StopReading();
      }
      rows.push({ line: rowNumber, cells });
    });
  } catch (err) {
    if (err instanceof UnreadableWorkbook) return unreadable('Not a readable .xlsx workbook');
    throw err;
  }
  const h = header as ReturnType<typeof mapHeader> | null;
  if (!h) return emptyFile('The workbook has no header');
  if (overflow) return { labels: h.labels, rows: [], fileProblems: [...h.problems, tooMany(1)] };
  return { labels: h.labels, rows, fileProblems: h.problems };
}

export async function parseTape(kind: 'csv' | 'xlsx', bytes: Buffer): Promise<ParsedTape> {
  return kind === 'csv' ? parseCsvTape(bytes) : parseXlsxTape(bytes);
}

// --- cell values --------------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A calendar date from a cell: "2026-11-27", "2026/11/27", "2026.11.27", "20261127", or a sheet
 * date (stored at UTC midnight by Excel and exceljs). null for a blank cell; Error text otherwise.
 */
export function tapeDate(
  cell: RawCell | undefined,
): { ok: true; value: IsoDate | null } | { ok: false; reason: string } {
  if (isBlank(cell)) return { ok: true, value: null };
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: false, reason: 'Not a date' };
    const iso = `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
    return isIsoDate(iso) ? { ok: true, value: iso } : { ok: false, reason: 'Not a date' };
  }
  const s = String(cell).trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return { ok: false, reason: `"${s}" is not a date YYYY-MM-DD` };
  const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  return isIsoDate(iso) ? { ok: true, value: iso } : { ok: false, reason: `"${s}" is not a calendar day` };
}

const AMOUNT = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;

/**
 * An amount in yuan as an exact decimal string with two decimals. Text cells are read as written
 * (thousands separators and a leading ¥ allowed). A numeric sheet cell is an IEEE double in the file
 * itself; its shortest decimal representation is taken, and refused if that has more than two
 * decimals — no arithmetic is ever done on the number.
 */
export function tapeAmount(
  cell: RawCell | undefined,
): { ok: true; value: string } | { ok: false; reason: string } {
  if (isBlank(cell)) return { ok: false, reason: 'Missing amount' };
  if (cell instanceof Date) return { ok: false, reason: 'A date is not an amount' };
  let s: string;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || Math.abs(cell) > Number.MAX_SAFE_INTEGER) {
      return { ok: false, reason: 'Amount out of range' };
    }
    s = String(cell);
  } else {
    s = String(cell)
      .trim()
      .replace(/^[¥￥]/, '')
      .replace(/[,，\s]/g, '');
  }
  if (s.startsWith('-')) return { ok: false, reason: `Amount must not be negative: "${s}"` };
  const m = AMOUNT.exec(s);
  if (!m) {
    return {
      ok: false,
      reason: /^\d+\.\d{3,}$/.test(s)
        ? `Amount has more than two decimals (fen): "${s}"`
        : `"${s}" is not an amount in yuan`,
    };
  }
  const [int, frac = ''] = s.split('.');
  return { ok: true, value: `${int}.${frac.padEnd(2, '0')}` };
}

export function tapeText(cell: RawCell | undefined): string {
  if (isBlank(cell)) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}
