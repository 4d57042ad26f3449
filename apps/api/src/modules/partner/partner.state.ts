import type { Operation } from '@ipfund/shared';
import { PartnerKind, PartnerStatus, type PartnerType } from './partner.types';

/** Operations on a partner, for `Partner.viewerCan`. */
export const PARTNER_OPERATIONS: readonly Operation[] = [
  'partner.retire',
  'partner.disqualify',
  'partner.createUser',
  'partner.deactivateUser',
  'agreement.record',
];

/**
 * Which operations the partner's standing allows now (who may is the operations table's business).
 * Mirrors PartnerService's and AgreementService's own refusals, so a button shows only when the
 * action can succeed.
 */
export function partnerActionsInState(partner: Pick<PartnerType, 'kind' | 'status'>): Operation[] {
  const active = partner.status === PartnerStatus.ACTIVE;
  const ops: Operation[] = [];
  // Art 15: only an ACTIVE partner retires.
  if (active) ops.push('partner.retire');
  // Art 25: a retired partner can still be found to have defrauded the fund; disqualification is final.
  if (partner.status !== PartnerStatus.DISQUALIFIED) ops.push('partner.disqualify');
  // Art 15, 25: users of a partner that left or lost its standing cannot act, so none are created.
  if (active) ops.push('partner.createUser');
  // Taking a login away is always possible, whatever the partner's standing.
  ops.push('partner.deactivateUser');
  // Art 8: cooperation agreements bind lending banks, and only while they are partners.
  if (active && partner.kind === PartnerKind.LENDING_BANK) ops.push('agreement.record');
  return ops;
}
