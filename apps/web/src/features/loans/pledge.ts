import { ERROR_CODES } from '@ipfund/shared';
import { i18n } from '../../i18n';
import { errorLines } from '../../lib/ErrorAlert';
import { IP_KINDS, ipKindLabel, type IpKind } from '../enterprises/enterpriseDisplay';

/**
 * Pure helpers of the collateral part of loan registration (Art 2, 4, 6.3): a bank pledges the
 * borrower's patents and trademarks, either those it already sees or ones it names by registration
 * number (`addIpAsset` answers with the library's item, or records a new one).
 */

export interface PledgeItem {
  id: string;
  kind: string;
  registrationNo: string;
  title: string;
}

/** "专利 ZL202110001.0 一种低功耗射频识别芯片" (the kind in the current language). */
export function pledgeLabel(item: Pick<PledgeItem, 'kind' | 'registrationNo' | 'title'>): string {
  return `${ipKindLabel(item.kind)} ${item.registrationNo} ${item.title}`;
}

/**
 * The items the form offers as collateral: those of the borrower the bank already sees, then those it
 * added by number in this dialog that are not among them (an item on record answers with its own id).
 */
export function collateralChoices(
  visible: readonly PledgeItem[],
  pledged: readonly PledgeItem[],
): PledgeItem[] {
  const seen = new Set(visible.map((a) => a.id));
  const out = [...visible];
  for (const item of pledged) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    out.push(item);
  }
  return out;
}

/** The selected collateral ids with one more, each once, in the order chosen. */
export function withCollateral(ids: readonly string[] | undefined, id: string): string[] {
  const current = ids ?? [];
  return current.includes(id) ? [...current] : [...current, id];
}

/**
 * The kinds a bank may pledge by number: the policy's allowed collateral kinds this client can enter
 * (PATENT, TRADEMARK), every known kind before the policy has arrived.
 */
export function pledgeKinds(allowed: readonly string[] | undefined): IpKind[] {
  return allowed ? IP_KINDS.filter((k) => allowed.includes(k)) : [...IP_KINDS];
}

/** A registration number as the library keeps it (apps/api normalises the same way): trimmed, upper case. */
export function normalizeRegistrationNo(raw: string): string {
  return raw.trim().toUpperCase();
}

export type PledgeInputProblem = 'registrationNo' | 'title' | null;

/** What is missing before asking the API: the number first, then the name. */
export function pledgeInputProblem(registrationNo: string, title: string): PledgeInputProblem {
  if (!normalizeRegistrationNo(registrationNo)) return 'registrationNo';
  if (!title.trim()) return 'title';
  return null;
}

/**
 * The heading of a refused pledge, in the current language: a number registered to another enterprise (CONFLICT)
 * cannot be this borrower's collateral; anything else is a plain failure whose lines follow.
 */
export function pledgeFailureTitle(error: unknown): string {
  return errorLines(error).some((line) => line.code === ERROR_CODES.CONFLICT)
    ? i18n.t('loans.pledge.otherOwner')
    : i18n.t('loans.pledge.failed');
}
