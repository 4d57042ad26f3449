import ExcelJS from 'exceljs';
import type { IsoDate } from '@ipfund/policy';
import type { Actor } from '../../authz/actor';
import type { BusinessClock } from '../../common/business-clock';
import type { UseCaseRunner } from '../../common/use-case';
import type { Access } from '../../authz/access';
import type { LoanEntity } from './loan.entity';
import type { AcceptedStatus, LoanService } from './loan.service';
import { statusReportProblems } from './loan-status.rules';
import {
  decodeTape,
  parseTape,
  tapeAmount,
  tapeDate,
  tapeText,
  TAPE_COLUMNS,
  TEMPLATE_HEADERS,
  type TapeField,
  type TapeProblem,
  type TapeRow,
} from './loan-tape.parse';

export type TapeMode = 'VALIDATE_ONLY' | 'APPLY_ALL_OR_NOTHING' | 'APPLY_VALID_ROWS';

export interface TapeResult {
  totalRows: number;
  validRows: number;
  applied: number;
  errors: TapeProblem[];
}

/** At most this many problems are listed; a file with more has a systematic fault. */
const MAX_LISTED_ERRORS = 2000;

/**
 * The loan tape (Art 12, 16): a bank reports many loans' statuses in one file. Every row is
 * validated first, against the same rules as a single report; nothing is applied unless all rows
 * are valid, or the bank chose to apply the valid rows only. The apply is one transaction.
 */
export class LoanTapeService {
  constructor(
    private readonly loans: LoanService,
    private readonly clock: BusinessClock,
    private readonly useCases: UseCaseRunner,
    private readonly access: Access,
  ) {}

  async upload(
    actor: Actor,
    input: { fileName: string; contentBase64: string; mode: TapeMode },
  ): Promise<TapeResult> {
    return this.useCases.run(actor, 'loan.uploadTape', async ({ em, scope, detail }) => {
      const fileName = input.fileName.trim().slice(0, 200);
      detail({ fileName, mode: input.mode });
      const { kind, bytes } = decodeTape(fileName, input.contentBase64);
      const parsed = await parseTape(kind, bytes);
      const today = this.clock.today();
      const errors: TapeProblem[] = [...parsed.fileProblems];
      const column = (field: TapeField) => parsed.labels[field] ?? TAPE_COLUMNS[field].zh;

      // One statement for every loan the file names — through the rule of loan.reportStatus, so a bank
      // reaches only its own: another bank's contract number is "not found", like one that does not exist.
      const contractNos = [...new Set(parsed.rows.map((r) => tapeText(r.cells.contractNo)).filter(Boolean))];
      const query = this.loans
        .visibleLoans(scope, 'loan.reportStatus')
        .andWhere('loan.contract_no = ANY(:nos::text[])', { nos: contractNos });
      if (input.mode !== 'VALIDATE_ONLY') query.setLock('pessimistic_write', undefined, ['loan']);
      const byContract = new Map<string, LoanEntity>(
        contractNos.length ? (await query.getMany()).map((l) => [l.contractNo, l]) : [],
      );

      const accepted: AcceptedStatus[] = [];
      const seen = new Map<string, number>();
      // A file refused as a whole (header, size) is not checked row by row: the rows mean nothing yet.
      const fileOk = parsed.fileProblems.length === 0;
      for (const row of fileOk ? parsed.rows : []) {
        const rowErrors = this.checkRow(row, byContract, seen, today, column);
        if (rowErrors.length) errors.push(...rowErrors);
        else accepted.push(this.toStatus(row, byContract));
      }

      const apply =
        fileOk &&
        (input.mode === 'APPLY_VALID_ROWS' ||
          (input.mode === 'APPLY_ALL_OR_NOTHING' && accepted.length === parsed.rows.length));
      if (apply) await this.loans.writeStatuses(em, actor, 'TAPE', fileName, accepted);

      const result: TapeResult = {
        totalRows: parsed.rows.length,
        validRows: fileOk ? accepted.length : 0,
        applied: apply ? accepted.length : 0,
        errors: errors.sort((a, b) => a.line - b.line),
      };
      detail({
        totalRows: result.totalRows,
        validRows: result.validRows,
        applied: result.applied,
        errors: errors.length,
      });
      if (result.errors.length > MAX_LISTED_ERRORS) {
        const more = result.errors.length - MAX_LISTED_ERRORS;
        result.errors = [
          ...result.errors.slice(0, MAX_LISTED_ERRORS),
          {
            line: 0,
            column: null,
            field: null,
            code: 'MORE_ERRORS',
            reason: `${more} more problems not listed`,
          },
        ];
      }
      return result;
    });
  }

  private checkRow(
    row: TapeRow,
    byContract: Map<string, LoanEntity>,
    seen: Map<string, number>,
    today: IsoDate,
    column: (field: TapeField) => string,
  ): TapeProblem[] {
    const problems: TapeProblem[] = [];
    const problem = (field: TapeField, code: string, reason: string) =>
      problems.push({ line: row.line, column: column(field), field, code, reason });

    const contractNo = tapeText(row.cells.contractNo);
    const asOf = tapeDate(row.cells.asOf);
    const outstanding = tapeAmount(row.cells.outstandingPrincipal);
    const due = tapeDate(row.cells.earliestUnpaidDueDate);
    if (!contractNo) problem('contractNo', 'MISSING_VALUE', 'Missing contract number');
    if (!asOf.ok) problem('asOf', 'INVALID_DATE', asOf.reason);
    else if (asOf.value === null) problem('asOf', 'MISSING_VALUE', 'Missing as-of date');
    if (!outstanding.ok) problem('outstandingPrincipal', 'INVALID_AMOUNT', outstanding.reason);
    if (!due.ok) problem('earliestUnpaidDueDate', 'INVALID_DATE', due.reason);
    if (!contractNo) return problems;

    const earlier = seen.get(contractNo);
    if (earlier !== undefined) {
      problem('contractNo', 'DUPLICATE_CONTRACT', `Contract ${contractNo} is already on line ${earlier}`);
      return problems;
    }
    seen.set(contractNo, row.line);
    const loan = byContract.get(contractNo);
    if (!loan) {
      problem('contractNo', 'CONTRACT_NOT_FOUND', `Loan ${contractNo} not found`);
      return problems;
    }
    if (problems.length || !asOf.ok || !asOf.value || !outstanding.ok || !due.ok) return problems;
    for (const p of statusReportProblems(
      loan,
      { asOf: asOf.value, outstandingPrincipal: outstanding.value, earliestUnpaidDueDate: due.value },
      today,
    )) {
      problem(p.field === 'loan' ? 'contractNo' : p.field, p.code, p.reason);
    }
    return problems;
  }

  private toStatus(row: TapeRow, byContract: Map<string, LoanEntity>): AcceptedStatus {
    const loan = byContract.get(tapeText(row.cells.contractNo))!;
    const asOf = tapeDate(row.cells.asOf);
    const outstanding = tapeAmount(row.cells.outstandingPrincipal);
    const due = tapeDate(row.cells.earliestUnpaidDueDate);
    if (!asOf.ok || !asOf.value || !outstanding.ok || !due.ok) throw new Error('toStatus on an invalid row');
    return {
      loanId: loan.id,
      asOf: asOf.value,
      outstandingPrincipal: outstanding.value,
      earliestUnpaidDueDate: due.value,
    };
  }

  /**
   * A template to fill in: the header (Chinese with the English name) and, for a bank, one row per
   * active loan of its own with the latest reported figures and today's business date.
   */
  async template(
    actor: Actor,
    format: 'CSV' | 'XLSX',
  ): Promise<{ fileName: string; mimeType: string; contentBase64: string }> {
    this.access.requireOperation(actor, 'loan.uploadTape');
    const today = this.clock.today();
    const loans = await this.access.read(actor, (scope) =>
      this.loans
        .visibleLoans(scope, 'loan.reportStatus')
        .andWhere(`loan.status = 'ACTIVE'`)
        .orderBy('loan.contract_no', 'ASC')
        .getMany(),
    );
    const rows = loans.map((l) => [
      l.contractNo,
      today,
      l.outstandingPrincipal,
      l.earliestUnpaidDueDate ?? '',
    ]);
    const base = `loan-tape-${today}`;
    if (format === 'CSV') {
      const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
      const lines = [TEMPLATE_HEADERS, ...rows].map((r) => r.map(quote).join(','));
      // A BOM, so Excel opens the UTF-8 Chinese header correctly.
      const text = `\uFEFF${lines.join('\r\n')}\r\n`;
      return {
        fileName: `${base}.csv`,
        mimeType: 'text/csv',
        contentBase64: Buffer.from(text, 'utf8').toString('base64'),
      };
    }
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('贷款状态');
    sheet.columns = TEMPLATE_HEADERS.map((header) => ({
      header,
      width: 26,
      // Text cells: amounts and dates stay exactly as typed (no floating point, no locale dates).
      style: { numFmt: '@' },
    }));
    sheet.getRow(1).font = { bold: true };
    for (const r of rows) sheet.addRow(r);
    const buffer = await workbook.xlsx.writeBuffer();
    return {
      fileName: `${base}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentBase64: Buffer.from(buffer as ArrayBuffer).toString('base64'),
    };
  }
}
