import type { ActivityRow } from './activity.service';
import { ActivityOutcome, type ActivityRecordType } from './activity.types';

/** Whitelists the fields the browser shows; the detail travels as its JSON text. */
export function toActivityRecordType(row: ActivityRow): ActivityRecordType {
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    businessDate: row.businessDate,
    userId: row.userId,
    userName: row.userName,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    orgKind: row.orgKind,
    operation: row.operation,
    targetType: row.targetType,
    targetId: row.targetId,
    outcome: row.outcome === 'OK' ? ActivityOutcome.OK : ActivityOutcome.REFUSED,
    article: row.article,
    detail: JSON.stringify(row.detail ?? {}),
    rowHash: row.rowHash,
  };
}
