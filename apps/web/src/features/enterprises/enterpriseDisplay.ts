/**
 * Display and input helpers for the enterprise library. The API validates everything again; these
 * only give the user an answer before a round trip.
 */

export type IpKind = 'PATENT' | 'TRADEMARK';

export const IP_KIND_LABELS: Record<IpKind, string> = {
  PATENT: '专利',
  TRADEMARK: '商标',
};

export function ipKindLabel(kind: string): string {
  return Object.hasOwn(IP_KIND_LABELS, kind) ? IP_KIND_LABELS[kind as IpKind] : kind;
}

/** GB 32100-2015: 31 symbols (no I, O, S, V, Z) and a weighted check character. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Why a unified social credit code is not valid, in Chinese; null when it is. */
export function creditCodeProblem(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return '统一社会信用代码为 18 位';
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code))
    return '统一社会信用代码只含数字和大写字母（不含 I、O、S、V、Z）';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(code[i]) * WEIGHTS[i];
  const expected = ALPHABET[(31 - (sum % 31)) % 31];
  return code[17] === expected ? null : `校验位应为 ${expected}`;
}

export type ProposalStatus = 'PENDING' | 'APPROVED' | 'DECLINED';

const PROPOSAL_LABELS: Record<ProposalStatus, { label: string; color: string }> = {
  PENDING: { label: '待区知识产权局决定', color: 'orange' },
  APPROVED: { label: '已列入', color: 'red' },
  DECLINED: { label: '未同意', color: 'default' },
};

export function proposalStatusLabel(status: string): { label: string; color: string } {
  return Object.hasOwn(PROPOSAL_LABELS, status)
    ? PROPOSAL_LABELS[status as ProposalStatus]
    : { label: status, color: 'default' };
}
