import type { BlacklistProposalStatus, IpAssetKind } from '../../gql/graphql';
import { i18n } from '../../i18n';
import { zh } from './i18n';

/**
 * Display and input helpers for the enterprise library. The API validates everything again; these
 * only give the user an answer before a round trip. Texts are `enterprises.*` of ./i18n.ts in the
 * current language, looked up when called (a rendering component follows a language switch).
 */

export type IpKind = IpAssetKind;

/** The kinds of IP a loan is pledged with, in the order offered. */
export const IP_KINDS: readonly IpKind[] = ['PATENT', 'TRADEMARK'];

/** 专利 / Patent; an unknown kind (a newer API) as sent. */
export function ipKindLabel(kind: string): string {
  return Object.hasOwn(zh.ipKind, kind) ? i18n.t(`enterprises.ipKind.${kind}`) : kind;
}

/** GB 32100-2015: 31 symbols (no I, O, S, V, Z) and a weighted check character. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Why a unified social credit code is not valid, in the current language; null when it is. */
export function creditCodeProblem(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return i18n.t('enterprises.creditCode.length');
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return i18n.t('enterprises.creditCode.alphabet');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(code[i]) * WEIGHTS[i];
  const expected = ALPHABET[(31 - (sum % 31)) % 31];
  return code[17] === expected ? null : i18n.t('enterprises.creditCode.checkCharacter', { expected });
}

export type ProposalStatus = BlacklistProposalStatus;

const PROPOSAL_COLORS: Record<ProposalStatus, string> = {
  PENDING: 'orange',
  APPROVED: 'red',
  DECLINED: 'default',
};

/** A blacklist proposal's status: its label in the current language and its tag colour. */
export function proposalStatusLabel(status: string): { label: string; color: string } {
  return Object.hasOwn(PROPOSAL_COLORS, status)
    ? {
        label: i18n.t(`enterprises.proposalStatus.${status}`),
        color: PROPOSAL_COLORS[status as ProposalStatus],
      }
    : { label: status, color: 'default' };
}
