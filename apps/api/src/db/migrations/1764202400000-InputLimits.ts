import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every text a caller can write has a length limit in the database too (issue 9): the same limits
 * as the GraphQL input validation (graphql/text.ts, docs/engineering.md), so a raw statement, a
 * forgotten check or a future code path cannot store a 10 MB name. `char_length` counts characters
 * (code points), as the API does. Constraint names end in `_length`: the use-case runner answers a
 * violation of one of them as BAD_USER_INPUT, any other CHECK stays an internal error.
 */
const LIMITS: readonly (readonly [table: string, column: string, max: number])[] = [
  ['organizations', 'name', 200],
  ['organizations', 'short_name', 100],
  ['organizations', 'licence_no', 64],
  ['organizations', 'status_reason', 2000],
  ['users', 'display_name', 200],
  ['enterprises', 'name', 200],
  ['enterprises', 'district', 100],
  ['enterprises', 'industry', 100],
  ['enterprises', 'blacklist_reason', 2000],
  ['ip_assets', 'registration_no', 64],
  ['ip_assets', 'title', 200],
  ['loans', 'contract_no', 64],
  ['loan_status_reports', 'file_name', 255],
  ['blacklist_proposals', 'reason', 2000],
  ['blacklist_proposals', 'decision_comment', 2000],
  ['suspension_proposals', 'comment', 2000],
  ['suspension_proposals', 'decision_comment', 2000],
  ['bank_suspensions', 'lift_comment', 2000],
  ['risk_notices', 'comment', 2000],
  ['risk_events', 'description', 2000],
  ['risk_events', 'verification', 2000],
  ['risk_events', 'measures', 2000],
  ['ledger_accounts', 'deposit_bank', 200],
  ['ledger_accounts', 'deposit_account_no', 64],
  ['claims', 'idempotency_key', 128],
  ['claim_events', 'comment', 2000],
  ['claim_documents', 'content_type', 100],
  ['fund_resumption_votes', 'comment', 2000],
  ['recoveries', 'idempotency_key', 128],
];

/** The activity record's detail is bounded by the recorder at 4 KB of JSON; jsonb's text form is a little wider. */
const ACTIVITY_DETAIL_BYTES = 16384;

const NAME = /^[a-z_]+$/;

export class InputLimits1764202400000 implements MigrationInterface {
  name = 'InputLimits1764202400000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column, max] of LIMITS) {
      if (!NAME.test(table) || !NAME.test(column)) throw new Error(`not a plain name: ${table}.${column}`);
      await this.addCheck(q, table, `${table}_${column}_length`, `char_length(${column}) <= ${max}`);
    }
    await this.addCheck(
      q,
      'activity_log',
      'activity_log_detail_size',
      `octet_length(detail::text) <= ${ACTIVITY_DETAIL_BYTES}`,
    );
  }

  /**
   * Added NOT VALID, then validated. Rows written before the limit existed may be longer, and most
   * of these tables are append-only or decide-once (their triggers refuse an UPDATE), so history is
   * never rewritten to fit: if an existing row is longer, the constraint stays NOT VALID — enforced
   * for every new or changed row — and the migration says which one, instead of failing the deploy.
   */
  private async addCheck(q: QueryRunner, table: string, name: string, predicate: string): Promise<void> {
    await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${name} CHECK (${predicate}) NOT VALID`);
    await q.query(`
      DO $$
      BEGIN
        ALTER TABLE ${table} VALIDATE CONSTRAINT ${name};
      EXCEPTION WHEN check_violation THEN
        RAISE WARNING '${name}: existing rows of ${table} exceed the limit; enforced for new rows only';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activity_log DROP CONSTRAINT activity_log_detail_size`);
    for (const [table, column] of [...LIMITS].reverse()) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_length`);
    }
  }
}
