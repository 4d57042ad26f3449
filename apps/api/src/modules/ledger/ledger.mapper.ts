import { accountOf } from './ledger.chart';
import type { LedgerLine } from './ledger.posting';
import type { FundStatusView, LedgerEntryRow, LedgerTransactionView, TrialBalance } from './ledger.service';
import type {
  FundStatusType,
  LedgerEntryType,
  LedgerLineType,
  LedgerTransactionType,
  TrialBalanceType,
} from './ledger.types';

/** Service views → GraphQL, field by field: a new column reaches clients only when added here. */

function toLine(line: LedgerLine): LedgerLineType {
  return {
    accountCode: line.account,
    accountName: accountOf(line.account).nameZh,
    debit: line.debit.toString(),
    credit: line.credit.toString(),
  };
}

export function toLedgerTransactionType(t: LedgerTransactionView): LedgerTransactionType {
  return {
    id: t.id,
    seq: t.seq,
    kind: t.kind,
    memo: t.memo,
    referenceType: t.reference?.type ?? null,
    referenceId: t.reference?.id ?? null,
    businessDate: t.businessDate,
    postedAt: t.postedAt,
    idempotencyKey: t.idempotencyKey,
    reversesTransactionId: t.reversesTransactionId,
    reversedByTransactionId: t.reversedByTransactionId,
    createdBy: t.createdByName,
    createdByOrganization: t.createdByOrgName,
    lines: t.lines.map(toLine),
  };
}

export function toLedgerEntryType(row: LedgerEntryRow): LedgerEntryType {
  return {
    id: row.id,
    accountCode: row.account,
    accountName: accountOf(row.account).nameZh,
    debit: row.debit.toString(),
    credit: row.credit.toString(),
    transaction: toLedgerTransactionType(row.transaction),
  };
}

export function toTrialBalanceType(tb: TrialBalance): TrialBalanceType {
  return {
    asOf: tb.asOf,
    lines: tb.lines.map((l) => ({
      accountCode: l.code,
      name: l.nameZh,
      nameEn: l.nameEn,
      type: l.type,
      normalSide: l.normalSide,
      debitTotal: l.debitTotal.toString(),
      creditTotal: l.creditTotal.toString(),
      balance: l.balance.toString(),
      depositBank: l.depositBank,
      depositAccountNo: l.depositAccountNo,
    })),
    debitTotal: tb.debitTotal.toString(),
    creditTotal: tb.creditTotal.toString(),
    balanced: tb.balanced,
  };
}

export function toFundStatusType(s: FundStatusView): FundStatusType {
  return {
    principalBalance: s.principalBalance?.toString() ?? null,
    interestBalance: s.interestBalance?.toString() ?? null,
    cumulativeCompensation: s.cumulativeCompensation?.toString() ?? null,
    suspended: s.suspended,
    suspensionId: s.suspensionId,
    suspendedSince: s.suspendedSince,
    committedCompensation: s.committedCompensation?.toString() ?? null,
    availableForCompensation: s.availableForCompensation?.toString() ?? null,
    cumulativeAtLastResumption: s.cumulativeAtLastResumption?.toString() ?? null,
    cumulativeSinceResumption: s.cumulativeSinceResumption?.toString() ?? null,
    totalContributions: s.totalContributions?.toString() ?? null,
    terminationStatus: s.terminationStatus,
    terminationEffectiveOn: s.terminationEffectiveOn,
  };
}
