import type { EnterpriseRefType } from '../loan/loan.types';
import type { EnterpriseEntity, IpAssetEntity } from './enterprise.entity';
import type { EnterpriseWithAssets } from './enterprise.service';
import { IpAssetKind, type EnterpriseType, type IpAssetType } from './enterprise.types';

export function toIpAssetType(a: IpAssetEntity): IpAssetType {
  return { id: a.id, kind: IpAssetKind[a.kind], registrationNo: a.registrationNo, title: a.title };
}

/** The blacklist flag every partner sees on an enterprise it can see (Art 21). */
export function blacklistFields(e: EnterpriseEntity): {
  blacklisted: boolean;
  blacklistedSince: string | null;
  blacklistReason: string | null;
} {
  return {
    blacklisted: e.blacklistedSince !== null,
    blacklistedSince: e.blacklistedSince,
    blacklistReason: e.blacklistedSince !== null ? e.blacklistReason : null,
  };
}

/** The enterprise as named on another record (a loan, a claim, a proposal), with its blacklist flag. */
export function toEnterpriseRef(e: EnterpriseEntity): EnterpriseRefType {
  return { id: e.id, name: e.name, ...blacklistFields(e) };
}

/** Entity → GraphQL, field by field: a new column reaches clients only when added here. */
export function toEnterpriseType({ enterprise: e, assets }: EnterpriseWithAssets): EnterpriseType {
  return {
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    district: e.district,
    industry: e.industry,
    ...blacklistFields(e),
    ipAssets: assets.map(toIpAssetType),
  };
}
