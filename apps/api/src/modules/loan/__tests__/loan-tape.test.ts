import ExcelJS from 'exceljs';
import type { OrgKind } from '@ipfund/shared';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { MAX_TAPE_ROWS } from '../loan-tape.parse';
import { createBank, createEnterprise, ok, otherKinds, refusal, seededLoan, tokensByKind } from './helpers';

const UPLOAD = `mutation($input: UploadLoanTapeInput!) {
  uploadLoanTape(input: $input) { totalRows validRows applied errors { line column field code reason } }
}`;

interface TapeResult {
  totalRows: number;
  validRows: number;
  applied: number;
  errors: { line: number; column: string | null; field: string | null; code: string; reason: string }[];
}

let app: TestApp;
let tokens: Record<OrgKind, string>;
let bank: { id: string; username: string };
let token: string;
const N = 1000;
const no = (i: number) => `T-${String(i).padStart(4, '0')}`;

beforeAll(async () => {
  app = await createTestApp({ businessDate: '2026-11-27' });
  tokens = await tokensByKind(app);
  bank = await createBank(app, 'tape');
  token = await app.login(bank.username);
  enterpriseId = (await createEnterprise(app, bank.id)).id;
  await book('T', N);
});

let enterpriseId: string;
/**
 * `n` loans of the tape bank numbered `<prefix>-0001…`, as its book would stand after registration
 * (fixture, not under test). Tests that assert a loan's state before and after an upload use a
 * prefix of their own, so that each runs alone or in any order.
 */
async function book(prefix: string, n: number): Promise<void> {
  await app.ds.query(
    `INSERT INTO loans (contract_no, bank_id, enterprise_id, principal, ip_pledged_principal, outstanding_principal,
       issued_on, matures_on, purpose, status, status_as_of, covered)
     SELECT $4 || '-' || lpad(g::text, 4, '0'), $1, $2, 1000000, 1000000, 1000000, '2026-01-01', '2027-12-31', 'RND',
       'ACTIVE', '2026-01-01', true
     FROM generate_series(1, $3::int) g`,
    [bank.id, enterpriseId, n, prefix],
  );
}
const numbered = (prefix: string) => (i: number) => `${prefix}-${String(i).padStart(4, '0')}`;
afterAll(() => app.close());

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const upload = (fileName: string, content: string | Buffer, mode: string, as = token) =>
  app.gql<{ uploadLoanTape: TapeResult }>(
    UPLOAD,
    { input: { fileName, contentBase64: b64(content), mode } },
    as,
  );

async function loanRow(contractNo: string) {
  const [row] = (await app.ds.query(
    `SELECT outstanding_principal, earliest_unpaid_due_date, status, status_as_of FROM loans WHERE bank_id = $1 AND contract_no = $2`,
    [bank.id, contractNo],
  )) as {
    outstanding_principal: string;
    earliest_unpaid_due_date: string | null;
    status: string;
    status_as_of: string;
  }[];
  return row;
}
const tapeReports = async () =>
  (
    (await app.ds.query(`SELECT count(*)::int AS n FROM loan_status_reports WHERE source = 'TAPE'`)) as {
      n: number;
    }[]
  )[0].n;

describe('uploadLoanTape (Art 12, 16)', () => {
  it('a file with one bad row applies nothing and names the row, column and reason', async () => {
    const no = numbered('A');
    await book('A', 3);
    const csv = [
      'contractNo,asOf,outstandingPrincipal,earliestUnpaidDueDate',
      `${no(1)},2026-11-01,900000.00,`,
      `${no(2)},2026-13-01,900000.00,`,
      `${no(3)},2026-11-01,900000.00,2026-10-20`,
    ].join('\n');
    const before = await tapeReports();
    const res = ok(await upload('status.csv', csv, 'APPLY_ALL_OR_NOTHING')).uploadLoanTape;
    expect(res).toEqual({
      totalRows: 3,
      validRows: 2,
      applied: 0,
      errors: [
        {
          line: 3,
          column: 'asOf',
          field: 'asOf',
          code: 'INVALID_DATE',
          reason: expect.stringContaining('2026-13-01'),
        },
      ],
    });
    expect(await tapeReports()).toBe(before);
    expect(await loanRow(no(1))).toMatchObject({
      outstanding_principal: '1000000.00',
      status_as_of: '2026-01-01',
    });
  });

  it('VALIDATE_ONLY checks every row and writes nothing; APPLY_VALID_ROWS applies the valid ones', async () => {
    const no = numbered('V');
    await book('V', 13);
    const csv = [
      '合同编号,报告日期,贷款余额,最早未还到期日,备注',
      `${no(11)},2026-11-02,"1,200,000.00",,超出本金`,
      `${no(12)},2026-11-02,¥800000.5,2026-10-01,`,
      `${no(13)},2026/11/2,700000,,`,
      `${no(12)},2026-11-03,800000.00,,重复`,
      `NO-SUCH,2026-11-02,1.00,,`,
    ].join('\r\n');
    const validated = ok(await upload('状态.csv', csv, 'VALIDATE_ONLY')).uploadLoanTape;
    expect(validated).toMatchObject({ totalRows: 5, validRows: 2, applied: 0 });
    expect(validated.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, '贷款余额', 'OUTSTANDING_EXCEEDS_PRINCIPAL'],
      [5, '合同编号', 'DUPLICATE_CONTRACT'],
      [6, '合同编号', 'CONTRACT_NOT_FOUND'],
    ]);
    expect(await loanRow(no(12))).toMatchObject({ outstanding_principal: '1000000.00' });

    const applied = ok(await upload('状态.csv', csv, 'APPLY_VALID_ROWS')).uploadLoanTape;
    expect(applied).toMatchObject({ totalRows: 5, validRows: 2, applied: 2 });
    expect(await loanRow(no(12))).toEqual({
      outstanding_principal: '800000.50',
      earliest_unpaid_due_date: '2026-10-01',
      status: 'ACTIVE',
      status_as_of: '2026-11-02',
    });
    expect(await loanRow(no(13))).toMatchObject({
      outstanding_principal: '700000.00',
      status_as_of: '2026-11-02',
    });
    expect(await loanRow(no(11))).toMatchObject({ outstanding_principal: '1000000.00' });
  });

  it("a row naming another bank's loan is refused as not found, like one that does not exist", async () => {
    const foreign = await seededLoan(app, 'bank-a');
    const csv = [
      'contractNo,asOf,outstandingPrincipal',
      `${foreign.contractNo},2026-11-27,1.00`,
      `${no(20)},2026-11-27,1.00`,
    ].join('\n');
    const res = ok(await upload('x.csv', csv, 'APPLY_ALL_OR_NOTHING')).uploadLoanTape;
    expect(res.applied).toBe(0);
    expect(res.errors).toEqual([
      {
        line: 2,
        column: 'contractNo',
        field: 'contractNo',
        code: 'CONTRACT_NOT_FOUND',
        reason: `Loan ${foreign.contractNo} not found`,
      },
    ]);
    const [unchanged] = (await app.ds.query(`SELECT outstanding_principal FROM loans WHERE id = $1`, [
      foreign.id,
    ])) as {
      outstanding_principal: string;
    }[];
    expect(unchanged.outstanding_principal).toBe(foreign.outstandingPrincipal);
  });

  it('a valid CSV of 1,000 rows applies all, in one upload', async () => {
    const no = numbered('C');
    await book('C', N);
    const lines = ['contractNo,asOf,outstandingPrincipal,earliestUnpaidDueDate'];
    for (let i = 1; i <= N; i++) {
      const outstanding = i % 100 === 0 ? '0.00' : `${900000 + i}.${String(i % 100).padStart(2, '0')}`;
      const due = i % 100 === 0 ? '' : i % 7 === 0 ? '2026-10-15' : '';
      lines.push(`${no(i)},2026-11-20,${outstanding},${due}`);
    }
    const before = await tapeReports();
    const res = ok(await upload('book.csv', lines.join('\n'), 'APPLY_ALL_OR_NOTHING')).uploadLoanTape;
    expect(res).toEqual({ totalRows: N, validRows: N, applied: N, errors: [] });
    expect(await tapeReports()).toBe(before + N);
    expect(await loanRow(no(7))).toMatchObject({
      outstanding_principal: '900007.07',
      earliest_unpaid_due_date: '2026-10-15',
      status_as_of: '2026-11-20',
    });
    expect(await loanRow(no(100))).toMatchObject({ outstanding_principal: '0.00', status: 'CLOSED' });
    const [counts] = (await app.ds.query(
      `SELECT count(*) FILTER (WHERE status_as_of = '2026-11-20')::int AS n, count(*) FILTER (WHERE status = 'CLOSED')::int AS closed
       FROM loans WHERE bank_id = $1 AND contract_no LIKE 'C-%'`,
      [bank.id],
    )) as { n: number; closed: number }[];
    expect(counts).toEqual({ n: N, closed: N / 100 });
  });

  it('a valid XLSX of 1,000 rows applies all (text, number and date cells)', async () => {
    const no = numbered('X');
    await book('X', N);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Sheet1');
    sheet.addRow([
      '合同编号(contractNo)',
      '报告日期(asOf)',
      '贷款余额(outstandingPrincipal)',
      '最早未还到期日(earliestUnpaidDueDate)',
    ]);
    for (let i = 1; i <= N; i++) {
      if (i % 100 === 0) continue; // a tape need not list every loan of the book
      const amount = i % 2 ? 800000.25 : '800000.25';
      const asOf = i % 3 ? new Date(Date.UTC(2026, 10, 27)) : '2026-11-27';
      sheet.addRow([no(i), asOf, amount, i % 5 === 0 ? new Date(Date.UTC(2026, 10, 1)) : null]);
    }
    const buffer = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const res = ok(await upload('book.xlsx', buffer, 'APPLY_ALL_OR_NOTHING')).uploadLoanTape;
    expect(res).toMatchObject({ totalRows: N - 10, validRows: N - 10, applied: N - 10, errors: [] });
    expect(await loanRow(no(5))).toMatchObject({
      outstanding_principal: '800000.25',
      earliest_unpaid_due_date: '2026-11-01',
      status_as_of: '2026-11-27',
    });
    expect(await loanRow(no(6))).toMatchObject({
      outstanding_principal: '800000.25',
      earliest_unpaid_due_date: null,
    });
  });

  it('an XLSX row with a bad value is named by its sheet row', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('状态');
    sheet.addRow(['contractNo', 'asOf', 'outstandingPrincipal']);
    sheet.addRow([no(1), '2026-11-27', 1000.125]);
    sheet.addRow([no(2), '2026-11-27', -5]);
    const buffer = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const res = ok(await upload('bad.xlsx', buffer, 'APPLY_ALL_OR_NOTHING')).uploadLoanTape;
    expect(res.applied).toBe(0);
    expect(res.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [2, 'outstandingPrincipal', 'INVALID_AMOUNT'],
      [3, 'outstandingPrincipal', 'INVALID_AMOUNT'],
    ]);
  });

  it('a header without a required column refuses the whole file at line 1; GB18030 text is read', async () => {
    const gbk = new Uint8Array([0xba, 0xcf, 0xcd, 0xac, 0xb1, 0xe0, 0xba, 0xc5]); // "合同编号" in GB18030
    const csv = Buffer.concat([Buffer.from(gbk), Buffer.from(`,asOf\n${no(1)},2026-11-27\n`)]);
    const res = ok(await upload('gbk.csv', csv, 'APPLY_VALID_ROWS')).uploadLoanTape;
    expect(res).toMatchObject({ totalRows: 1, validRows: 0, applied: 0 });
    expect(res.errors).toEqual([
      {
        line: 1,
        column: null,
        field: 'outstandingPrincipal',
        code: 'MISSING_COLUMN',
        reason: expect.stringContaining('贷款余额'),
      },
    ]);
  });

  it('refuses a file that is not CSV/XLSX, not base64, unreadable, or over the row limit', async () => {
    expect(refusal(await upload('book.pdf', 'x', 'VALIDATE_ONLY')).code).toBe('BAD_USER_INPUT');
    const notB64 = await app.gql(
      UPLOAD,
      { input: { fileName: 'a.csv', contentBase64: '%%%', mode: 'VALIDATE_ONLY' } },
      token,
    );
    expect(refusal(notB64).code).toBe('BAD_USER_INPUT');
    const unreadable = ok(await upload('a.xlsx', 'not a zip', 'VALIDATE_ONLY')).uploadLoanTape;
    expect(unreadable.errors[0]).toMatchObject({ line: 1, code: 'UNREADABLE_FILE' });
    const rows = ['contractNo,asOf,outstandingPrincipal'];
    for (let i = 0; i <= MAX_TAPE_ROWS; i++) rows.push(`X${i},2026-11-27,1.00`);
    const big = ok(await upload('big.csv', rows.join('\n'), 'APPLY_VALID_ROWS')).uploadLoanTape;
    expect(big).toMatchObject({ applied: 0, errors: [expect.objectContaining({ code: 'TOO_MANY_ROWS' })] });
  });

  it.each(otherKinds(['LENDING_BANK']))('%s may not upload a loan tape (FORBIDDEN)', async (kind) => {
    const res = await upload(
      'a.csv',
      'contractNo,asOf,outstandingPrincipal\n',
      'VALIDATE_ONLY',
      tokens[kind],
    );
    expect(refusal(res).code).toBe('FORBIDDEN');
  });
});

describe('loanTapeTemplate', () => {
  const TEMPLATE = `query($f: TapeFormat!) { loanTapeTemplate(format: $f) { fileName mimeType contentBase64 } }`;

  it.each(['CSV', 'XLSX'])(
    "the %s template lists the bank's active loans and validates as is",
    async (format) => {
      const bankA = await app.login('bank-a');
      const file = ok(
        await app.gql<{ loanTapeTemplate: { fileName: string; contentBase64: string } }>(
          TEMPLATE,
          { f: format },
          bankA,
        ),
      ).loanTapeTemplate;
      expect(file.fileName).toMatch(new RegExp(`\\.${format.toLowerCase()}$`));
      const res = ok(
        await app.gql<{ uploadLoanTape: TapeResult }>(
          UPLOAD,
          { input: { fileName: file.fileName, contentBase64: file.contentBase64, mode: 'VALIDATE_ONLY' } },
          bankA,
        ),
      ).uploadLoanTape;
      const [active] = (await app.ds.query(
        `SELECT count(*)::int AS n FROM loans l JOIN organizations o ON o.id = l.bank_id WHERE o.name = '重庆银行江北支行' AND l.status = 'ACTIVE'`,
      )) as { n: number }[];
      expect(res).toEqual({ totalRows: active.n, validRows: active.n, applied: 0, errors: [] });
    },
  );

  it('only banks get a template', async () => {
    expect(refusal(await app.gql(TEMPLATE, { f: 'CSV' }, tokens.FUND_MANAGER)).code).toBe('FORBIDDEN');
  });
});
