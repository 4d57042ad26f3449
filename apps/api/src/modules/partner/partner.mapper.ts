import type { ManagedUserRow, PartnerRow } from './partner.service';
import { PartnerKind, PartnerStatus, type ManagedUserType, type PartnerType } from './partner.types';

/** Row → GraphQL, field by field: a new column reaches clients only when added here. */
export function toPartnerType(row: PartnerRow): PartnerType {
  return {
    id: row.id,
    kind: PartnerKind[row.kind],
    name: row.name,
    shortName: row.shortName,
    status: PartnerStatus[row.status],
    licenceNo: row.licenceNo,
    statusReason: row.statusReason,
    statusChangedOn: row.statusChangedOn,
  };
}

/** Never the password hash. */
export function toManagedUserType(row: ManagedUserRow): ManagedUserType {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    active: row.active,
    organization: { id: row.organizationId, name: row.organizationName },
  };
}
