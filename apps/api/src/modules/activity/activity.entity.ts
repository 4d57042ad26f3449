import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row of the append-only, hash-chained activity record. Written only through ActivityRecorder;
 * `prevHash` and `rowHash` are assigned by the database's insert trigger under the chain-head lock
 * (migration AuditAndEvaluation), never by the writer.
 */
@Entity('activity_log')
export class ActivityEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', insert: false, update: false })
  occurredAt: Date;

  @Column({ name: 'business_date', type: 'date' })
  businessDate: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'org_kind', type: 'text', nullable: true })
  orgKind: string | null;

  @Column({ type: 'text' })
  operation: string;

  @Column({ name: 'target_type', type: 'text', nullable: true })
  targetType: string | null;

  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId: string | null;

  @Column({ type: 'text' })
  outcome: 'OK' | 'REFUSED';

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  detail: Record<string, unknown>;

  /** The article of the measures that gave the power (OK) or refused it (REFUSED), when there is one. */
  @Column({ type: 'text', nullable: true })
  article: string | null;

  @Column({ name: 'prev_hash', type: 'text', insert: false, update: false })
  prevHash: string;

  @Column({ name: 'row_hash', type: 'text', insert: false, update: false })
  rowHash: string;
}
