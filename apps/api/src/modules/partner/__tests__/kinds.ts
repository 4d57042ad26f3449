import type { OrgKind } from '@ipfund/shared';
import { creditCodeCheckChar } from '../../enterprise/credit-code';
export { USER_OF_KIND, otherKinds, tokensByKind, refusal } from '../../../testing/kinds';

export const OFFICES_AND_MANAGER: readonly OrgKind[] = [
  'IP_BUREAU',
  'FINANCE_BUREAU',
  'FINANCIAL_OFFICE',
  'FUND_MANAGER',
];

/** A valid unified social credit code (GB 32100-2015) from a 9-digit serial. */
export function creditCode(serial: number): string {
  const first17 = `91500105${String(serial).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
}

let seq = 0;
/** A name no other test uses. */
export function uniqueName(prefix: string): string {
  seq += 1;
  return `${prefix}${process.pid}-${seq}`;
}
