import type { EntityManager } from 'typeorm';
import type { Actor } from '../../authz/actor';
import type { BusinessClock } from '../../common/business-clock';

export interface ActivityEntry {
  operation: string;
  targetType?: string;
  targetId?: string;
  detail?: Record<string, unknown>;
}

/**
 * Appends to the activity record. A successful use case calls `ok` inside its own transaction, so
 * the record and the change commit together. A refused one calls `refused` outside the rolled-back
 * transaction, so attempts are on record too.
 */
export class ActivityRecorder {
  constructor(private readonly clock: BusinessClock) {}

  async ok(em: EntityManager, actor: Actor | null, entry: ActivityEntry): Promise<void> {
    await this.write(em, actor, entry, 'OK');
  }

  async refused(em: EntityManager, actor: Actor | null, entry: ActivityEntry, reason: string): Promise<void> {
    await this.write(em, actor, { ...entry, detail: { ...entry.detail, reason } }, 'REFUSED');
  }

  private async write(
    em: EntityManager,
    actor: Actor | null,
    entry: ActivityEntry,
    outcome: 'OK' | 'REFUSED',
  ) {
    // JSON round trip: the record keeps plain data only (Money and Decimal become strings).
    await em.query(
      `INSERT INTO activity_log (business_date, user_id, organization_id, org_kind, operation, target_type, target_id, outcome, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`,
      [
        this.clock.today(),
        actor?.userId ?? null,
        actor?.orgId ?? null,
        actor?.orgKind ?? null,
        entry.operation,
        entry.targetType ?? null,
        entry.targetId ?? null,
        outcome,
        JSON.stringify(entry.detail ?? {}),
      ],
    );
  }
}
