import { PassThrough } from 'node:stream';
import { isIsoDate } from '@ipfund/policy';
import type { Actor } from '../authz/actor';
import { badInput } from '../common/errors';
import { SortDirection } from '../graphql/sorting';
import { awaitingClaimIds } from '../modules/claim/claim-awaiting';
import {
  ClaimSortField,
  type ClaimFilterInput,
  type ClaimOrderInput,
} from '../modules/claim/claim-list.types';
import type { ClaimEntity } from '../modules/claim/claim.entity';
import { ClaimStatus } from '../modules/claim/claim.types';
import type { LedgerEntryRow } from '../modules/ledger/ledger.service';
import {
  LedgerEntrySortField,
  type LedgerEntryFilterInput,
  type LedgerEntryOrderInput,
} from '../modules/ledger/ledger-list.types';
import { toLoanTypeFromRow } from '../modules/loan/loan.mapper';
import { LoanSortField, type LoanFilterInput, type LoanOrderInput } from '../modules/loan/loan-list.types';
import { LoanStatus } from '../modules/loan/loan.types';
import type { Services } from '../services';
import type { ExportFile, ExportRoute } from './http';
import { XLSX_CONTENT_TYPE, xlsxCell, type XlsxColumn } from './xlsx';
import { excelJs } from './libs';

/**
 * The tables as xlsx (issue 11): `GET /export/loans.xlsx`, `/export/claims.xlsx`,
 * `/export/ledger-entries.xlsx`, `/export/trial-balance.xlsx`. Each takes the same filters and sort
 * as its GraphQL list, as query-string parameters of the same names (`?status=ACTIVE,OVERDUE&
 * issuedFrom=2026-01-01&orderBy=PRINCIPAL&direction=DESC`), and is produced from the SAME scoped
 * read as the list — the services' `forEach…` walk the filtered list page by page in one snapshot
 * — so a bank's export holds exactly the rows it sees. The rows are streamed into exceljs's
 * streaming writer as they come (no workbook held in memory); the first sheet is one header row,
 * then one row per record.
 */
/** Rows read per statement while exporting. */
const BATCH = 1000;

type Query = Record<string, string>;

function refuse(detail: string): never {
  throw badInput('common.invalidRequest', { detail });
}

const text = (q: Query, name: string, max: number): string | null => {
  const v = q[name];
  if (v === undefined || v === '') return null;
  if (v.length > max || v.includes('\u0000')) refuse(`${name} is longer than ${max} characters`);
  return v;
};
const date = (q: Query, name: string): string | null => {
  const v = q[name];
  if (v === undefined || v === '') return null;
  if (!isIsoDate(v)) refuse(`${name} must be a date YYYY-MM-DD`);
  return v;
};
const int = (q: Query, name: string): number | null => {
  const v = q[name];
  if (v === undefined || v === '') return null;
  if (!/^-?\d{1,6}$/.test(v)) refuse(`${name} must be a whole number`);
  return Number(v);
};
const amount = (q: Query, name: string): string | null => {
  const v = q[name];
  if (v === undefined || v === '') return null;
  if (!/^\d{1,16}(\.\d{1,2})?$/.test(v)) refuse(`${name} must be an amount like 1000000.00`);
  return v;
};
function oneOf<E extends string>(q: Query, name: string, values: Record<string, E>): E | null {
  const v = q[name];
  if (v === undefined || v === '') return null;
  if (!Object.values(values).includes(v as E))
    refuse(`${name} must be one of ${Object.values(values).join(', ')}`);
  return v as E;
}
function listOf<E extends string>(q: Query, name: string, values: Record<string, E>): E[] | null {
  const v = q[name];
  if (v === undefined || v === '') return null;
  const items = v.split(',').map((s) => s.trim());
  for (const item of items) {
    if (!Object.values(values).includes(item as E))
      refuse(`${name} takes ${Object.values(values).join(', ')}`);
  }
  return items as E[];
}
const bool = (q: Query, name: string): boolean | null => {
  const v = q[name];
  if (v === undefined || v === '') return null;
  if (v !== 'true' && v !== 'false') refuse(`${name} must be true or false`);
  return v === 'true';
};

export function loanListFromQuery(q: Query): { filter: LoanFilterInput; orderBy: LoanOrderInput | null } {
  const field = oneOf(q, 'orderBy', LoanSortField);
  return {
    filter: {
      bankId: text(q, 'bankId', 64),
      guarantorId: text(q, 'guarantorId', 64),
      enterprise: text(q, 'enterprise', 100),
      status: listOf(q, 'status', LoanStatus),
      overdueDaysMin: int(q, 'overdueDaysMin'),
      overdueDaysMax: int(q, 'overdueDaysMax'),
      issuedFrom: date(q, 'issuedFrom'),
      issuedTo: date(q, 'issuedTo'),
      contractNo: text(q, 'contractNo', 64),
    },
    orderBy: field ? { field, direction: oneOf(q, 'direction', SortDirection) ?? SortDirection.DESC } : null,
  };
}

export function claimListFromQuery(q: Query): { filter: ClaimFilterInput; orderBy: ClaimOrderInput | null } {
  const field = oneOf(q, 'orderBy', ClaimSortField);
  return {
    filter: {
      status: listOf(q, 'status', ClaimStatus),
      bankId: text(q, 'bankId', 64),
      enterprise: text(q, 'enterprise', 100),
      awaitingMe: bool(q, 'awaitingMe'),
    },
    orderBy: field ? { field, direction: oneOf(q, 'direction', SortDirection) ?? SortDirection.DESC } : null,
  };
}

export function ledgerListFromQuery(q: Query): {
  filter: LedgerEntryFilterInput;
  orderBy: LedgerEntryOrderInput | null;
} {
  const field = oneOf(q, 'orderBy', LedgerEntrySortField);
  return {
    filter: {
      from: date(q, 'from'),
      to: date(q, 'to'),
      accountCode: text(q, 'accountCode', 64),
      memo: text(q, 'memo', 100),
      minAmount: amount(q, 'minAmount'),
      maxAmount: amount(q, 'maxAmount'),
    },
    orderBy: field ? { field, direction: oneOf(q, 'direction', SortDirection) ?? SortDirection.DESC } : null,
  };
}

/**
 * One sheet through exceljs's streaming writer: the header row, then each batch of records as it
 * is read, committed row by row. `feed` calls `write` with every batch, in order.
 */
async function streamedSheet<T>(
  name: string,
  columns: XlsxColumn<T>[],
  feed: (write: (rows: readonly T[]) => void) => Promise<void>,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new (excelJs().stream.xlsx.WorkbookWriter)({ stream: out, useStyles: true });
  workbook.creator = 'IP Fund Portal';
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(12, c.header.length * 2 + 2),
    style:
      c.kind === 'money'
        ? { numFmt: '#,##0.00' }
        : c.kind === 'date'
          ? { numFmt: 'yyyy-mm-dd' }
          : c.kind === 'datetime'
            ? { numFmt: 'yyyy-mm-dd hh:mm:ss' }
            : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  await feed((rows) => {
    for (const record of rows) ws.addRow(columns.map((c) => xlsxCell(c.kind, c.value(record)))).commit();
  });
  ws.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

const STATUS_ZH: Record<string, string> = {
  ACTIVE: '正常',
  OVERDUE: '逾期',
  IN_CLAIM: '补偿申请中',
  COMPENSATED: '已补偿',
  CLOSED: '已结清',
  SUBMITTED: '已提交',
  RETURNED: '已退回',
  GUARANTOR_CONFIRMED: '担保机构已确认',
  VERIFIED: '已审核',
  APPROVED: '已批准',
  PAID: '已支付',
  REJECTED: '已驳回',
};

async function loansXlsx(services: Services, actor: Actor, q: Query): Promise<ExportFile> {
  const args = loanListFromQuery(q);
  const today = services.clock.today();
  type Row = ReturnType<typeof toLoanTypeFromRow>;
  const content = await streamedSheet<Row>(
    '贷款台账',
    [
      { header: '合同编号', kind: 'text', value: (r) => r.contractNo, width: 22 },
      { header: '贷款银行', kind: 'text', value: (r) => r.bank.name, width: 26 },
      { header: '担保机构', kind: 'text', value: (r) => r.guarantor?.name ?? null, width: 26 },
      { header: '借款企业', kind: 'text', value: (r) => r.enterprise.name, width: 30 },
      { header: '贷款本金', kind: 'money', value: (r) => r.principal },
      { header: '知识产权质押部分', kind: 'money', value: (r) => r.ipPledgedPrincipal },
      { header: '贷款余额', kind: 'money', value: (r) => r.outstandingPrincipal },
      { header: '放款日', kind: 'date', value: (r) => r.issuedOn },
      { header: '到期日', kind: 'date', value: (r) => r.maturesOn },
      { header: '最早未还款日', kind: 'date', value: (r) => r.earliestUnpaidDueDate },
      { header: '逾期天数', kind: 'integer', value: (r) => r.overdueDays },
      { header: '状态', kind: 'text', value: (r) => STATUS_ZH[r.status] ?? r.status },
      { header: '风险补偿', kind: 'text', value: (r) => (r.covered ? '纳入补偿' : '不予补偿') },
    ],
    (write) =>
      services.loans.forEachListed(actor, args, BATCH, (rows) =>
        write(rows.map((row) => toLoanTypeFromRow(row, today))),
      ),
  );
  return { fileName: '贷款台账.xlsx', contentType: XLSX_CONTENT_TYPE, content };
}

async function claimsXlsx(services: Services, actor: Actor, q: Query): Promise<ExportFile> {
  const args = claimListFromQuery(q);
  interface Row {
    claim: ClaimEntity;
    contractNo: string;
    bankName: string;
    enterpriseName: string;
  }
  const effective = (c: Row['claim'], filed: string, final: string | null) =>
    c.finalFundShare !== null ? final : filed;
  const content = await streamedSheet<Row>(
    '补偿申请',
    [
      { header: '合同编号', kind: 'text', value: (r) => r.contractNo, width: 22 },
      { header: '贷款银行', kind: 'text', value: (r) => r.bankName, width: 26 },
      { header: '借款企业', kind: 'text', value: (r) => r.enterpriseName, width: 30 },
      { header: '状态', kind: 'text', value: (r) => STATUS_ZH[r.claim.status] ?? r.claim.status },
      { header: '申请日', kind: 'date', value: (r) => r.claim.filedOn },
      { header: '申请时逾期天数', kind: 'integer', value: (r) => r.claim.overdueDaysAtFiling },
      { header: '贷款余额', kind: 'money', value: (r) => r.claim.outstandingPrincipal },
      { header: '损失基数', kind: 'money', value: (r) => r.claim.lossBase },
      {
        header: '风险补偿资金承担',
        kind: 'money',
        value: (r) => effective(r.claim, r.claim.fundShare, r.claim.finalFundShare),
      },
      {
        header: '担保机构承担',
        kind: 'money',
        value: (r) => effective(r.claim, r.claim.guarantorShare, r.claim.finalGuarantorShare),
      },
      {
        header: '银行承担',
        kind: 'money',
        value: (r) => effective(r.claim, r.claim.bankShare, r.claim.finalBankShare),
      },
      { header: '批准日', kind: 'date', value: (r) => r.claim.approvedOn },
      { header: '支付日', kind: 'date', value: (r) => r.claim.paidOn },
    ],
    (write) =>
      services.claims.forEachListed(
        actor,
        args,
        BATCH,
        (rows, names) =>
          write(
            rows.map((claim) => ({
              claim,
              contractNo: names.get(claim.id)?.contractNo ?? '',
              bankName: names.get(claim.id)?.bankName ?? '',
              enterpriseName: names.get(claim.id)?.enterpriseName ?? '',
            })),
          ),
        awaitingClaimIds,
      ),
  );
  return { fileName: '补偿申请.xlsx', contentType: XLSX_CONTENT_TYPE, content };
}

async function ledgerEntriesXlsx(services: Services, actor: Actor, q: Query): Promise<ExportFile> {
  const args = ledgerListFromQuery(q);
  type Row = LedgerEntryRow;
  const content = await streamedSheet<Row>(
    '资金账簿明细',
    [
      { header: '凭证号', kind: 'integer', value: (r) => Number(r.transaction.seq) },
      { header: '业务日期', kind: 'date', value: (r) => r.transaction.businessDate },
      { header: '摘要', kind: 'text', value: (r) => r.transaction.memo, width: 40 },
      { header: '科目', kind: 'text', value: (r) => r.account },
      { header: '借方', kind: 'money', value: (r) => r.debit.toString() },
      { header: '贷方', kind: 'money', value: (r) => r.credit.toString() },
      { header: '记账人', kind: 'text', value: (r) => r.transaction.createdByName },
    ],
    (write) => services.ledger.forEachEntry(actor, args, BATCH, (rows) => write(rows)),
  );
  return { fileName: '资金账簿明细.xlsx', contentType: XLSX_CONTENT_TYPE, content };
}

async function trialBalanceXlsx(services: Services, actor: Actor, q: Query): Promise<ExportFile> {
  const tb = await services.ledger.trialBalance(actor, date(q, 'asOf'));
  type Line = (typeof tb.lines)[number];
  const content = await streamedSheet<Line>(
    '试算平衡表',
    [
      { header: '科目代码', kind: 'text', value: (l) => l.code },
      { header: '科目名称', kind: 'text', value: (l) => l.nameZh, width: 28 },
      { header: '借方合计', kind: 'money', value: (l) => l.debitTotal.toString() },
      { header: '贷方合计', kind: 'money', value: (l) => l.creditTotal.toString() },
      { header: '余额', kind: 'money', value: (l) => l.balance.toString() },
    ],
    async (write) => write(tb.lines),
  );
  return {
    fileName: tb.asOf ? `试算平衡表-${tb.asOf}.xlsx` : '试算平衡表.xlsx',
    contentType: XLSX_CONTENT_TYPE,
    content,
  };
}

/** The table exports, appended to EXPORT_ROUTES in export/http.ts. */
export const TABLE_EXPORT_ROUTES: ExportRoute[] = [
  { path: '/loans.xlsx', handle: ({ actor, services, query }) => loansXlsx(services, actor, query) },
  { path: '/claims.xlsx', handle: ({ actor, services, query }) => claimsXlsx(services, actor, query) },
  {
    path: '/ledger-entries.xlsx',
    handle: ({ actor, services, query }) => ledgerEntriesXlsx(services, actor, query),
  },
  {
    path: '/trial-balance.xlsx',
    handle: ({ actor, services, query }) => trialBalanceXlsx(services, actor, query),
  },
];
