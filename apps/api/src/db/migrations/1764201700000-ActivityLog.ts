import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only activity record (Fineract's "every write is a recorded command"): who, for which
 * organisation, when, which operation on which target, and the outcome. The database refuses to
 * change or delete a row, so the record can be trusted by an auditor (Art 20).
 */
export class ActivityLog1764201700000 implements MigrationInterface {
  name = 'ActivityLog1764201700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE activity_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        business_date date NOT NULL,
        user_id uuid REFERENCES users(id),
        organization_id uuid REFERENCES organizations(id),
        org_kind text,
        operation text NOT NULL,
        target_type text,
        target_id text,
        outcome text NOT NULL CHECK (outcome IN ('OK','REFUSED')),
        detail jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX activity_log_target_idx ON activity_log (target_type, target_id)`);
    await q.query(`CREATE INDEX activity_log_org_idx ON activity_log (organization_id, occurred_at DESC)`);
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER activity_log_append_only BEFORE UPDATE OR DELETE ON activity_log
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`
      CREATE TRIGGER activity_log_no_truncate BEFORE TRUNCATE ON activity_log
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE activity_log`);
    await q.query(`DROP FUNCTION refuse_change()`);
  }
}
