import type { ClaimDocumentKind, KnownClaimAction, KnownClaimStatus } from './claims.graphql';

/**
 * Chinese labels for the claim module's enums. An unknown value (a newer API) is shown as sent, so a
 * surprise is visible rather than disguised.
 */

function lookup<K extends string>(table: Record<K, string>, value: string): string {
  return Object.hasOwn(table, value) ? table[value as K] : value;
}

const STATUS_LABELS: Record<KnownClaimStatus, string> = {
  SUBMITTED: '已提交',
  RETURNED: '已退回',
  GUARANTOR_CONFIRMED: '担保已确认',
  VERIFIED: '已核实',
  APPROVED: '已批准',
  PAID: '已支付',
  REJECTED: '已驳回',
};

const STATUS_COLORS: Record<KnownClaimStatus, string> = {
  SUBMITTED: 'blue',
  RETURNED: 'orange',
  GUARANTOR_CONFIRMED: 'cyan',
  VERIFIED: 'geekblue',
  APPROVED: 'purple',
  PAID: 'green',
  REJECTED: 'red',
};

/** In workflow order (R6), for the status filter. */
export const CLAIM_STATUSES = Object.keys(STATUS_LABELS) as KnownClaimStatus[];

export function isKnownClaimStatus(value: string): value is KnownClaimStatus {
  return Object.hasOwn(STATUS_LABELS, value);
}

export function claimStatusLabel(status: string): string {
  return lookup(STATUS_LABELS, status);
}

export function claimStatusColor(status: string): string {
  return isKnownClaimStatus(status) ? STATUS_COLORS[status] : 'default';
}

const ACTION_LABELS: Record<KnownClaimAction, string> = {
  SUBMIT: '提交申请',
  RESUBMIT: '重新提交',
  CONFIRM_GUARANTOR_SHARE: '确认担保分担',
  VERIFY: '核实',
  RETURN: '退回',
  APPROVE: '会签同意',
  REJECT: '驳回',
  PAY: '支付补偿',
};

export function claimActionLabel(action: string): string {
  return lookup(ACTION_LABELS, action);
}

export const DOCUMENT_KIND_LABELS: Record<ClaimDocumentKind, string> = {
  LOAN_CONTRACT: '借款合同',
  PLEDGE_REGISTRATION: '质押登记证明',
  OVERDUE_PROOF: '逾期证明',
  COLLECTION_RECORD: '催收记录',
  GUARANTOR_CONFIRMATION: '担保机构确认函',
  OTHER: '其他',
};

export const DOCUMENT_KINDS = Object.keys(DOCUMENT_KIND_LABELS) as ClaimDocumentKind[];

export function documentKindLabel(kind: string): string {
  return lookup(DOCUMENT_KIND_LABELS, kind);
}

const DECISION_LABELS: Record<string, string> = { APPROVED: '同意', REJECTED: '驳回' };

export function decisionLabel(decision: string): string {
  return lookup(DECISION_LABELS, decision);
}

/** R5: which limit determined F ("封顶依据"). */
const LIMIT_LABELS: Record<string, string> = {
  NONE: '约定比例（低于档位上限）',
  TIER_RATE: '档位补偿比例上限',
  PER_LOAN_CAP: '单笔补偿上限',
  ENTERPRISE_YEAR_CAP: '企业年度补偿上限',
};

export function limitedByLabel(limitedBy: string): string {
  return lookup(LIMIT_LABELS, limitedBy);
}

/** R5.2: the tier of the IP-pledged principal (the threshold itself is a policy parameter). */
const TIER_LABELS: Record<string, string> = { LOW: '低档', HIGH: '高档' };

export function tierLabel(tier: string): string {
  return lookup(TIER_LABELS, tier);
}

/** Stable codes of the R5 reasons (packages/policy/src/compensation.ts). */
const REASON_LABELS: Record<string, string> = {
  LOSS_BASE: '损失基数',
  LOW_TIER: '补偿档位',
  HIGH_TIER: '补偿档位',
  FUND_RATE: '补偿比例',
  PER_LOAN_CAP: '单笔上限',
  ENTERPRISE_YEAR_CAP: '企业年度上限',
  GUARANTOR_SHARE: '担保分担',
  TWO_PARTY: '两方贷款',
  FEN_ROUNDING_ADJUSTMENT: '分位调整',
  BANK_SHARE: '银行承担',
  NOTHING_TO_COMPENSATE: '无可补偿金额',
};

export function reasonCodeLabel(code: string): string {
  return lookup(REASON_LABELS, code);
}
