import path from 'node:path';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import { AppError, badInput } from '../../common/errors';

/**
 * Reading an XLSX (a zip of XML parts) with bounded memory: the zip's central directory is checked
 * before anything is inflated, every part is inflated as a stream whose bytes are counted (the
 * declared sizes are a claim of the sender, not a fact), and the sheet is read row by row with a
 * SAX parser, so the caller can stop at its row cap without unpacking the rest.
 */

const MB = 1024 * 1024;
/** Inflated bytes one part may have, and all parts read together. A 10,000-row tape is about 2 MB. */
export const MAX_XLSX_PART_BYTES = 50 * MB;
export const MAX_XLSX_TOTAL_BYTES = 50 * MB;
/** Parts in the zip: a workbook has a few dozen; thousands only serve to slow the directory walk. */
export const MAX_XLSX_ENTRIES = 1000;
/** Cells in one row and characters in one cell (Excel's own limits are 16,384 and 32,767). */
export const MAX_CELLS_PER_ROW = 256;
export const MAX_CELL_CHARS = 32_767;
const MAX_COLUMN = 16_384;

export type SheetValue = string | number | Date | null;

/** Thrown by a row handler to stop reading the sheet early (row cap reached). */
export class StopReading extends Error {}

/** The file is not a workbook we can read (not a zip, malformed XML, no sheet): a file problem. */
export class UnreadableWorkbook extends Error {}

interface Budget {
  left: number;
}

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(
      bytes,
      // validateEntrySizes: yauzl also fails a stream that inflates past its declared size.
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true },
      (err, zip) => (err ? reject(new UnreadableWorkbook(err.message)) : resolve(zip)),
    ),
  );
}

/** The central directory, checked: entry count, and each declared size against the limits. */
function readDirectory(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    let declaredTotal = 0;
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entries.size >= MAX_XLSX_ENTRIES) {
        zip.close();
        return reject(badInput('tape.xlsxTooManyParts', { max: MAX_XLSX_ENTRIES }));
      }
      declaredTotal += entry.uncompressedSize;
      if (entry.uncompressedSize > MAX_XLSX_PART_BYTES || declaredTotal > MAX_XLSX_TOTAL_BYTES) {
        zip.close();
        return reject(tooLarge());
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err: Error) => reject(new UnreadableWorkbook(err.message)));
    zip.readEntry();
  });
}

function tooLarge() {
  return badInput('tape.xlsxTooLarge', { mb: MAX_XLSX_TOTAL_BYTES / MB });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) =>
      err ? reject(new UnreadableWorkbook(err.message)) : resolve(stream),
    ),
  );
}

/** The tag's local name: producers may write `x:row` as well as `row`. */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Inflates one part through a SAX parser, counting the bytes actually produced against the shared
 * budget; stops (and releases the stream) on the first refusal or when a handler throws StopReading.
 */
async function saxPart(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  budget: Budget,
  wire: (parser: SaxesParser) => void,
): Promise<void> {
  const stream = await openEntry(zip, entry);
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('error', (err) => {
    throw new UnreadableWorkbook(err.message);
  });
  wire(parser);
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      budget.left -= chunk.length;
      if (budget.left < 0) throw tooLarge();
      parser.write(decoder.write(chunk));
    }
    parser.write(decoder.end());
    parser.close();
  } catch (err) {
    if (err instanceof AppError || err instanceof StopReading || err instanceof UnreadableWorkbook) throw err;
    const message = err instanceof Error ? err.message : String(err);
    // yauzl's own check: the part inflates to more than the directory declared.
    if (/too many bytes|too few bytes/.test(message)) {
      throw badInput('tape.xlsxDamaged', {});
    }
    throw new UnreadableWorkbook(message);
  } finally {
    stream.destroy();
  }
}

const attr = (tag: SaxesTagPlain, name: string): string | undefined => {
  const v = tag.attributes[name];
  return typeof v === 'string' ? v : undefined;
};

/** The r:id of the first sheet and whether dates count from 1904, from xl/workbook.xml. */
async function readWorkbook(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget) {
  let sheetRel: string | null = null;
  let date1904 = false;
  await saxPart(zip, entry, budget, (p) =>
    p.on('opentag', (tag) => {
      const name = local(tag.name);
      if (name === 'workbookPr') {
        const v = attr(tag, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet' && sheetRel === null) {
        const key = Object.keys(tag.attributes).find((k) => k !== 'id' && local(k) === 'id');
        sheetRel = key ? (attr(tag, key) ?? null) : null;
      }
    }),
  );
  return { sheetRel: sheetRel as string | null, date1904 };
}

/** Relationship id → part path, and the parts found by type (sharedStrings, styles). */
async function readRels(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget) {
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  await saxPart(zip, entry, budget, (p) =>
    p.on('opentag', (tag) => {
      if (local(tag.name) !== 'Relationship') return;
      const target = attr(tag, 'Target');
      if (!target) return;
      const part = target.startsWith('/')
        ? target.slice(1)
        : path.posix.normalize(path.posix.join('xl', target));
      const id = attr(tag, 'Id');
      if (id) byId.set(id, part);
      const type = attr(tag, 'Type');
      if (type) byType.set(type.slice(type.lastIndexOf('/') + 1), part);
    }),
  );
  return { byId, byType };
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, with the CJK ids). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** exceljs's rule, so a sheet reads as it did before: date tokens outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cell style index (the `s` of a cell): whether its number format shows a date. */
async function readStyles(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget): Promise<boolean[]> {
  const custom = new Map<number, boolean>();
  const xfDates: boolean[] = [];
  let inCellXfs = false;
  await saxPart(zip, entry, budget, (p) => {
    p.on('opentag', (tag) => {
      const name = local(tag.name);
      if (name === 'numFmt') {
        custom.set(Number(attr(tag, 'numFmtId')), isDateFormat(attr(tag, 'formatCode') ?? ''));
      } else if (name === 'cellXfs') {
        inCellXfs = true;
      } else if (name === 'xf' && inCellXfs) {
        const id = Number(attr(tag, 'numFmtId') ?? 0);
        xfDates.push(custom.get(id) ?? BUILTIN_DATE_FORMATS.has(id));
      }
    });
    p.on('closetag', (tag) => {
      if (local(tag.name) === 'cellXfs') inCellXfs = false;
    });
  });
  return xfDates;
}

function cellTooLong(): AppError {
  return badInput('tape.cellTooLong', { max: MAX_CELL_CHARS });
}

/** The shared string table: each item's text, phonetic runs (rPh) left out as Excel shows it. */
async function readSharedStrings(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget): Promise<string[]> {
  const strings: string[] = [];
  let current: string | null = null;
  let inT = false;
  let inRph = false;
  await saxPart(zip, entry, budget, (p) => {
    p.on('opentag', (tag) => {
      const name = local(tag.name);
      if (name === 'si') current = '';
      else if (name === 'rPh') inRph = true;
      else if (name === 't' && !inRph) inT = true;
    });
    p.on('text', (text) => {
      if (!inT || current === null) return;
      current += text;
      if (current.length > MAX_CELL_CHARS) throw cellTooLong();
    });
    p.on('closetag', (tag) => {
      const name = local(tag.name);
      if (name === 't') inT = false;
      else if (name === 'rPh') inRph = false;
      else if (name === 'si') {
        strings.push(current ?? '');
        current = null;
      }
    });
  });
  return strings;
}

/** "BC12" → 55 (1-based column). */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    if (col > MAX_COLUMN) break;
  }
  return col;
}

function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

export interface SheetRow {
  /** The row number in the sheet (1-based). */
  rowNumber: number;
  /** 1-based column → value; only cells that hold something. */
  values: Map<number, SheetValue>;
}

/**
 * Reads the first sheet of an .xlsx row by row and hands each row to `onRow`, which may throw
 * StopReading to end early. Throws BAD_USER_INPUT for a file over the limits (declared or actual),
 * UnreadableWorkbook for one that is not a readable workbook.
 */
export async function readFirstSheet(bytes: Buffer, onRow: (row: SheetRow) => void): Promise<void> {
  const zip = await openZip(bytes);
  try {
    const entries = await readDirectory(zip);
    const budget: Budget = { left: MAX_XLSX_TOTAL_BYTES };
    const entry = (name: string | undefined) => (name ? entries.get(name) : undefined);

    const workbookEntry = entry('xl/workbook.xml');
    if (!workbookEntry) throw new UnreadableWorkbook('no xl/workbook.xml');
    const workbook = await readWorkbook(zip, workbookEntry, budget);
    const relsEntry = entry('xl/_rels/workbook.xml.rels');
    const rels = relsEntry
      ? await readRels(zip, relsEntry, budget)
      : { byId: new Map<string, string>(), byType: new Map<string, string>() };
    const sheetEntry =
      entry(workbook.sheetRel ? rels.byId.get(workbook.sheetRel) : undefined) ??
      entry('xl/worksheets/sheet1.xml');
    if (!sheetEntry) throw new UnreadableWorkbook('no worksheet');
    const stylesEntry = entry(rels.byType.get('styles')) ?? entry('xl/styles.xml');
    const dateStyles = stylesEntry ? await readStyles(zip, stylesEntry, budget) : [];
    const stringsEntry = entry(rels.byType.get('sharedStrings')) ?? entry('xl/sharedStrings.xml');
    const shared = stringsEntry ? await readSharedStrings(zip, stringsEntry, budget) : [];

    await readSheet(zip, sheetEntry, budget, { dateStyles, shared, date1904: workbook.date1904 }, onRow);
  } catch (err) {
    if (err instanceof StopReading) return;
    throw err;
  } finally {
    zip.close();
  }
}

interface SheetContext {
  dateStyles: boolean[];
  shared: string[];
  date1904: boolean;
}

async function readSheet(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  budget: Budget,
  ctx: SheetContext,
  onRow: (row: SheetRow) => void,
): Promise<void> {
  let rowNumber = 0;
  let values = new Map<number, SheetValue>();
  let cellsInRow = 0;
  let col = 0;
  // The cell being read.
  let type = 'n';
  let style = 0;
  let formula = false;
  let text: string | null = null;
  let capture: 'v' | 't' | null = null;
  let inRph = false;

  const cellValue = (): SheetValue => {
    const raw = text;
    switch (type) {
      case 's': {
        const s = raw === null ? undefined : ctx.shared[Number(raw)];
        return s ?? null;
      }
      case 'str':
      case 'inlineStr':
        return raw;
      case 'b':
        // A formula's boolean or error result was no value for the tape before, and still is not.
        return formula || raw === null ? null : String(raw === '1' || raw === 'true');
      case 'e':
        return formula ? null : raw;
      case 'd':
        return raw === null ? null : new Date(raw);
      default: {
        if (raw === null || raw.trim() === '') return null;
        const n = Number(raw);
        if (Number.isNaN(n)) return raw;
        return ctx.dateStyles[style] ? excelToDate(n, ctx.date1904) : n;
      }
    }
  };

  await saxPart(zip, entry, budget, (p) => {
    p.on('opentag', (tag) => {
      switch (local(tag.name)) {
        case 'row': {
          const r = Number(attr(tag, 'r'));
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          values = new Map();
          cellsInRow = 0;
          col = 0;
          break;
        }
        case 'c': {
          if (++cellsInRow > MAX_CELLS_PER_ROW) {
            throw badInput('tape.tooManyCells', { max: MAX_CELLS_PER_ROW });
          }
          const ref = attr(tag, 'r');
          const c = ref ? columnOf(ref) : 0;
          col = c > 0 ? c : col + 1;
          if (col > MAX_COLUMN) throw new UnreadableWorkbook(`cell ${ref ?? ''} is beyond the last column`);
          type = attr(tag, 't') ?? 'n';
          style = Number(attr(tag, 's') ?? 0);
          formula = false;
          text = null;
          break;
        }
        case 'f':
          formula = true;
          break;
        case 'v':
          capture = 'v';
          text = '';
          break;
        case 'rPh':
          inRph = true;
          break;
        case 't':
          if (!inRph) {
            capture = 't';
            text ??= '';
          }
          break;
      }
    });
    p.on('text', (chunk) => {
      if (capture === null) return;
      text = (text ?? '') + chunk;
      if (text.length > MAX_CELL_CHARS) throw cellTooLong();
    });
    p.on('cdata', (chunk) => {
      if (capture === null) return;
      text = (text ?? '') + chunk;
      if (text.length > MAX_CELL_CHARS) throw cellTooLong();
    });
    p.on('closetag', (tag) => {
      switch (local(tag.name)) {
        case 'v':
        case 't':
          capture = null;
          break;
        case 'rPh':
          inRph = false;
          break;
        case 'c': {
          const v = cellValue();
          if (v !== null) values.set(col, v);
          break;
        }
        case 'row':
          onRow({ rowNumber, values });
          break;
      }
    });
  });
}
