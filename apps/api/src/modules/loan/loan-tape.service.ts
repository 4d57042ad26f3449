import type { IsoDate } from '@ipfund/policy';
import type { Actor } from '../../authz/actor';
import type { BusinessClock } from '../../common/business-clock';
import type { UseCaseRunner } from '../../common/use-case';
import type { Access } from '../../authz/access';
import type { LoanEntity } from './loan.entity';
import type { AcceptedStatus, LoanService, RegisterLoanCommand } from './loan.service';
import { AppError } from '../../common/errors';
import type { EntityManager } from 'typeorm';
import { LOAN_PURPOSES, type LoanPurpose } from '@ipfund/policy';
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
import { excelJs } from '../../export/libs';

export type TapeMode = 'VALIDATE_ONLY' | 'APPLY_ALL_OR_NOTHING' | 'APPLY_VALID_ROWS';

export interface TapeResult {
  totalRows: number;
  validRows: number;
  applied: number;
  errors: TapeProblem[];
  /** New loans registered by the file (issue 11); 0 unless applied. */
  registered: number;
  newLoans: { line: number; contractNo: string; loanId: string | null; covered: boolean }[];
}

interface RegisteredRow {
  line: number;
  contractNo: string;
  loanId: string;
  covered: boolean;
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
      // Issue 11: a row naming a contract the bank has not registered, with the registration columns
      // filled in, is a new loan. It is registered by registerLoan's own code in this transaction (a
      // savepoint per row, so a refused row leaves the others), and rolled back below unless applied.
      const newRows = fileOk
        ? parsed.rows.filter(
            (r) => !byContract.has(tapeText(r.cells.contractNo)) && tapeText(r.cells.principal) !== '',
          )
        : [];
      const registered: RegisteredRow[] = [];
      if (newRows.length) {
        // Registering is new business: the operations table's loan.register, with its article.
        this.access.requireOperation(actor, 'loan.register');
        await em.query('SAVEPOINT tape_new_loans');
        for (const row of newRows) {
          const line = row.line;
          const contractNo = tapeText(row.cells.contractNo);
          const earlier = seen.get(contractNo);
          if (earlier !== undefined) {
            errors.push({
              line,
              column: column('contractNo'),
              field: 'contractNo',
              code: 'DUPLICATE_CONTRACT',
              reason: `Contract ${contractNo} is already on line ${earlier}`,
            });
            continue;
          }
          seen.set(contractNo, line);
          const command = await registrationCommand(em, row, column);
          if ('problems' in command) {
            errors.push(...command.problems);
            continue;
          }
          await em.query('SAVEPOINT tape_row');
          try {
            const loan = await this.loans.registerIn(em, actor, command, {
              target: () => undefined,
              detail: () => undefined,
            });
            await em.query('RELEASE SAVEPOINT tape_row');
            registered.push({ line, contractNo, loanId: loan.id, covered: loan.covered });
          } catch (err) {
            await em.query('ROLLBACK TO SAVEPOINT tape_row');
            if (!(err instanceof AppError)) throw err;
            errors.push({ line, column: null, field: null, code: err.messageKey, reason: err.message });
          }
        }
      }
      const newRowSet = new Set(newRows);
      for (const row of fileOk ? parsed.rows.filter((r) => !newRowSet.has(r)) : []) {
        const rowErrors = this.checkRow(row, byContract, seen, today, column);
        if (rowErrors.length) errors.push(...rowErrors);
        else accepted.push(this.toStatus(row, byContract));
      }

      const valid = accepted.length + registered.length;
      const apply =
        fileOk &&
        (input.mode === 'APPLY_VALID_ROWS' ||
          (input.mode === 'APPLY_ALL_OR_NOTHING' && valid === parsed.rows.length));
      if (newRows.length)
        await em.query(apply ? 'RELEASE SAVEPOINT tape_new_loans' : 'ROLLBACK TO SAVEPOINT tape_new_loans');
      if (apply) await this.loans.writeStatuses(em, actor, 'TAPE', fileName, accepted);

      const result: TapeResult = {
        totalRows: parsed.rows.length,
        validRows: fileOk ? valid : 0,
        applied: apply ? valid : 0,
        errors: errors.sort((a, b) => a.line - b.line),
        registered: apply ? registered.length : 0,
        // What the file's new loans would be (VALIDATE_ONLY) or are: each with the coverage decided.
        newLoans: registered.map((r) => ({ ...r, loanId: apply ? r.loanId : null })),
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
    const workbook = new (excelJs().Workbook)();
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

/** Chinese names of the loan purposes a tape may use instead of the codes (Art 13). */
const PURPOSE_NAMES: Readonly<Record<string, LoanPurpose>> = {
  知识产权运营: 'IP_OPERATION',
  研发: 'RND',
  技术研发: 'RND',
  技术改造: 'TECH_UPGRADE',
  技术升级: 'TECH_UPGRADE',
  产业化: 'INDUSTRIALISATION',
  流动资金: 'WORKING_CAPITAL',
  股权投资: 'EQUITY_INVESTMENT' as LoanPurpose,
};

/**
 * A new-loan row as registerLoan's input: the borrower found by its (public) credit code in the shared
 * library, the guarantor by name among active partner guarantors, the pledged IP by registration number.
 * What cannot be read is a row problem; the rules themselves are registerLoan's.
 */
async function registrationCommand(
  em: EntityManager,
  row: TapeRow,
  column: (field: TapeField) => string,
): Promise<RegisterLoanCommand | { problems: TapeProblem[] }> {
  const problems: TapeProblem[] = [];
  const problem = (field: TapeField, code: string, reason: string) =>
    problems.push({ line: row.line, column: column(field), field, code, reason });
  const contractNo = tapeText(row.cells.contractNo);
  if (!contractNo) problem('contractNo', 'MISSING_VALUE', 'Missing contract number');
  const creditCode = tapeText(row.cells.enterpriseCreditCode).toUpperCase();
  let enterpriseId = '';
  if (!creditCode) problem('enterpriseCreditCode', 'MISSING_VALUE', 'Missing credit code of the borrower');
  else {
    const [e] = (await em.query(`SELECT id FROM ipfund_enterprise_by_credit_code($1)`, [creditCode])) as {
      id: string;
    }[];
    if (!e)
      problem(
        'enterpriseCreditCode',
        'ENTERPRISE_NOT_FOUND',
        `No enterprise with credit code ${creditCode} in the library`,
      );
    else enterpriseId = e.id;
  }
  const principal = tapeAmount(row.cells.principal);
  if (!principal.ok) problem('principal', 'INVALID_AMOUNT', principal.reason);
  const ipCell = tapeText(row.cells.ipPledgedPrincipal);
  const ip = ipCell ? tapeAmount(row.cells.ipPledgedPrincipal) : principal;
  if (!ip.ok && ipCell) problem('ipPledgedPrincipal', 'INVALID_AMOUNT', ip.reason);
  const issuedOn = tapeDate(row.cells.issuedOn);
  if (!issuedOn.ok) problem('issuedOn', 'INVALID_DATE', issuedOn.reason);
  else if (!issuedOn.value) problem('issuedOn', 'MISSING_VALUE', 'Missing issue date');
  const maturesOn = tapeDate(row.cells.maturesOn);
  if (!maturesOn.ok) problem('maturesOn', 'INVALID_DATE', maturesOn.reason);
  else if (!maturesOn.value) problem('maturesOn', 'MISSING_VALUE', 'Missing maturity date');
  const purposeText = tapeText(row.cells.purpose);
  const purpose = (LOAN_PURPOSES as readonly string[]).includes(purposeText.toUpperCase())
    ? (purposeText.toUpperCase() as LoanPurpose)
    : PURPOSE_NAMES[purposeText];
  if (!purpose) problem('purpose', 'INVALID_PURPOSE', `Unknown loan purpose "${purposeText.slice(0, 40)}"`);
  let guarantorId: string | null = null;
  const guarantorName = tapeText(row.cells.guarantorName);
  if (guarantorName) {
    const [g] = (await em.query(
      `SELECT id FROM organizations WHERE kind = 'GUARANTOR' AND status = 'ACTIVE' AND (name = $1 OR short_name = $1)`,
      [guarantorName],
    )) as { id: string }[];
    if (!g)
      problem(
        'guarantorName',
        'GUARANTOR_NOT_FOUND',
        `No active partner guarantor "${guarantorName.slice(0, 60)}"`,
      );
    else guarantorId = g.id;
  }
  const collateralIds: string[] = [];
  for (const no of tapeText(row.cells.collateralNos)
    .split(/[;；,，\s]+/)
    .filter(Boolean)) {
    const found = (await em.query(
      `SELECT id FROM ipfund_ip_asset_by_registration('PATENT', $1)
        UNION ALL SELECT id FROM ipfund_ip_asset_by_registration('TRADEMARK', $1)`,
      [no],
    )) as { id: string }[];
    if (!found.length)
      problem('collateralNos', 'IP_NOT_FOUND', `No patent or trademark ${no.slice(0, 60)} in the library`);
    else collateralIds.push(found[0].id);
  }
  if (problems.length || !principal.ok || !ip.ok || !issuedOn.ok || !maturesOn.ok || !purpose)
    return { problems };
  return {
    enterpriseId,
    contractNo,
    principal: principal.value,
    ipPledgedPrincipal: ip.value,
    guarantorId,
    issuedOn: issuedOn.value!,
    maturesOn: maturesOn.value!,
    purpose,
    collateralIds,
  };
}
