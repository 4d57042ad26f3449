import { createTestApp, type TestApp } from '../../../testing/test-app';
import { MAX_CSV_RECORD_CHARS, MAX_TAPE_ROWS } from '../loan-tape.parse';
import { MAX_CELL_CHARS, MAX_CELLS_PER_ROW, MAX_XLSX_PART_BYTES } from '../loan-tape.xlsx';
import { ok, refusal } from './helpers';
import { HEADER_ROW, sheetXml, workbook } from './zip-writer';

/**
 * Files built to exhaust memory (issue 9, row 1): each is refused as BAD_USER_INPUT, or with the
 * tape's TOO_MANY_ROWS, without unpacking or reading past the limit, and the process answers a
 * simple query afterwards. Every file is generated here; none is committed.
 */

const UPLOAD = `mutation($input: UploadLoanTapeInput!) {
  uploadLoanTape(input: $input) { totalRows validRows applied errors { line code reason } }
}`;

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await createTestApp({ businessDate: '2026-11-27' });
  token = await app.login('bank-a');
});
afterAll(() => app.close());

const upload = (fileName: string, content: Buffer, mode = 'VALIDATE_ONLY') =>
  app.gql<{
    uploadLoanTape: {
      totalRows: number;
      applied: number;
      errors: { line: number; code: string; reason: string }[];
    };
  }>(UPLOAD, { input: { fileName, contentBase64: content.toString('base64'), mode } }, token);

/** The process still serves: a query through the same schema and the database. */
async function stillServes() {
  const res = ok(
    await app.gql<{ me: { username: string }; loans: { totalCount: number } }>(
      '{ me { username } loans(first: 1) { totalCount } }',
      {},
      token,
    ),
  );
  expect(res.me.username).toBe('bank-a');
  expect(res.loans.totalCount).toBeGreaterThan(0);
}

const MB = 1024 * 1024;
/** A sheet whose rows are followed by `size` bytes of whitespace: tiny when deflated. */
const inflating = (size: number) =>
  Buffer.concat([
    sheetXml(HEADER_ROW).subarray(0, -'</sheetData></worksheet>'.length),
    Buffer.alloc(size, ' '),
    Buffer.from('</sheetData></worksheet>'),
  ]);

describe('loan tape files read with bounded memory', () => {
  it('an XLSX bomb (a sheet that unpacks to 60 MB) is refused from the zip directory', async () => {
    const file = workbook(inflating(60 * MB));
    expect(file.length).toBeLessThan(MB);
    const res = await upload('bomb.xlsx', file);
    expect(refusal(res).code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/unpacks to more than 50 MB/);
    await stillServes();
  });

  it('a directory that understates the sheet is caught while inflating, not trusted', async () => {
    const file = workbook(inflating(60 * MB), 2000);
    const res = await upload('forged.xlsx', file);
    expect(refusal(res).code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/damaged or forged/);
    await stillServes();
  });

  it('parts that are each under the limit but together over it are refused', async () => {
    const half = Math.floor(MAX_XLSX_PART_BYTES * 0.6);
    const file = workbook(sheetXml(HEADER_ROW), undefined, [
      { name: 'xl/media/a.bin', data: Buffer.alloc(half) },
      { name: 'xl/media/b.bin', data: Buffer.alloc(half) },
    ]);
    expect(refusal(await upload('two.xlsx', file)).code).toBe('BAD_USER_INPUT');
    await stillServes();
  });

  it('a 1,000,000-row XLSX stops at the row cap (TOO_MANY_ROWS) without reading the rest', async () => {
    const file = workbook(sheetXml(HEADER_ROW + '<row><c><v>1</v></c></row>'.repeat(1_000_000)));
    const before = process.memoryUsage().heapUsed;
    const res = ok(await upload('million.xlsx', file)).uploadLoanTape;
    expect(res).toMatchObject({ totalRows: 0, applied: 0 });
    expect(res.errors).toEqual([expect.objectContaining({ code: 'TOO_MANY_ROWS' })]);
    // A sanity bound, not a benchmark: ten thousand rows are kept, not a million.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * MB);
    await stillServes();
  });

  it('a 1,000,000-row CSV (4 MB) stops at the row cap', async () => {
    const csv = Buffer.from('contractNo,asOf,outstandingPrincipal\n' + '1,,\n'.repeat(1_000_000));
    const res = ok(await upload('million.csv', csv)).uploadLoanTape;
    expect(res).toMatchObject({ totalRows: 0, applied: 0 });
    expect(res.errors).toEqual([expect.objectContaining({ code: 'TOO_MANY_ROWS' })]);
    expect(MAX_TAPE_ROWS).toBeLessThan(1_000_000);
    await stillServes();
  });

  it('a CSV line, a row of cells or a cell over its limit is refused as BAD_USER_INPUT', async () => {
    const header = 'contractNo,asOf,outstandingPrincipal\n';
    const longLine = Buffer.from(`${header}X,2026-11-27,"${'9'.repeat(MAX_CSV_RECORD_CHARS + 10)}"\n`);
    const res = await upload('long.csv', longLine);
    expect(refusal(res).code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/line of the loan tape/);
    const wide = Buffer.from(`${header}${'1,'.repeat(MAX_CELLS_PER_ROW + 5)}\n`);
    expect(refusal(await upload('wide.csv', wide)).code).toBe('BAD_USER_INPUT');
    const bigCell = Buffer.from(`${header}${'x'.repeat(MAX_CELL_CHARS + 1)},2026-11-27,1.00\n`);
    expect(refusal(await upload('cell.csv', bigCell)).code).toBe('BAD_USER_INPUT');
    await stillServes();
  });

  it('an XLSX row of too many cells or a cell of too much text is refused as BAD_USER_INPUT', async () => {
    const wideRow = `<row r="2">${'<c><v>1</v></c>'.repeat(MAX_CELLS_PER_ROW + 1)}</row>`;
    const wide = await upload('wide.xlsx', workbook(sheetXml(HEADER_ROW + wideRow)));
    expect(refusal(wide).code).toBe('BAD_USER_INPUT');
    expect(wide.errors?.[0]?.message).toMatch(/cells/);
    const longCell = `<row r="2"><c r="A2" t="inlineStr"><is><t>${'x'.repeat(MAX_CELL_CHARS + 1)}</t></is></c></row>`;
    const long = await upload('cell.xlsx', workbook(sheetXml(HEADER_ROW + longCell)));
    expect(refusal(long).code).toBe('BAD_USER_INPUT');
    expect(long.errors?.[0]?.message).toMatch(/characters/);
    await stillServes();
  });

  it('a hand-made sheet without a zip directory entry for styles still reads its rows', async () => {
    const rows =
      HEADER_ROW +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>NO-SUCH</t></is></c><c r="B3" t="inlineStr"><is><t>2026-11-27</t></is></c><c r="C3"><v>12.5</v></c></row>';
    const res = ok(await upload('plain.xlsx', workbook(sheetXml(rows)))).uploadLoanTape;
    expect(res.totalRows).toBe(1);
    expect(res.errors).toEqual([expect.objectContaining({ line: 3, code: 'CONTRACT_NOT_FOUND' })]);
  });

  it('refusals are on the activity record, their detail truncated', async () => {
    const refused = async () =>
      (await app.ds.query(
        `SELECT length(detail::text) AS size FROM activity_log
          WHERE operation = 'loan.uploadTape' AND outcome = 'REFUSED' ORDER BY id`,
      )) as { size: number }[];
    const before = (await refused()).length;
    const header = 'contractNo,asOf,outstandingPrincipal\n';
    const longLine = Buffer.from(`${header}X,2026-11-27,"${'9'.repeat(MAX_CSV_RECORD_CHARS + 10)}"\n`);
    expect(refusal(await upload('long.csv', longLine)).code).toBe('BAD_USER_INPUT');
    expect(refusal(await upload('bomb.xlsx', workbook(inflating(60 * MB)))).code).toBe('BAD_USER_INPUT');
    const after = await refused();
    expect(after).toHaveLength(before + 2);
    // The refused file is not copied into the append-only log.
    for (const row of after.slice(before)) expect(row.size).toBeLessThan(4096);
  });
});
