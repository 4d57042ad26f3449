import { Rate } from '@ipfund/policy';
import type { CooperationAgreementEntity } from './agreement.entity';
import type { AgreementType } from './agreement.types';

/** numeric(5,4) "0.3000" → "0.30". */
const rate = (value: string) => Rate.of(value).toString();

/** Entity → GraphQL, field by field. Expects the bank joined. */
export function toAgreementType(row: CooperationAgreementEntity, inForce: boolean): AgreementType {
  if (!row.bank) throw new Error('toAgreementType needs the bank joined');
  return {
    id: row.id,
    bank: { id: row.bank.id, name: row.bank.name },
    effectiveFrom: row.effectiveFrom,
    fundRateLowTier: rate(row.fundRateLowTier),
    fundRateHighTier: rate(row.fundRateHighTier),
    guarantorRate: row.guarantorRate === null ? null : rate(row.guarantorRate),
    inForce,
    recordedOn: row.recordedOn,
  };
}
