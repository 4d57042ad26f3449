import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10: the programme's count of the whole book (the manager's, the offices' and the auditor's
 * loan page) as an index-only scan of the smallest index that carries the loan policy's columns.
 *
 * The loans' row-level security reads `bank_id`, `guarantor_id` and `enterprise_id` on every row it
 * passes (SecondWall), so a count under the serving role can skip the heap only through an index
 * that holds all three. The list indexes do (ReadIndexes), but they also carry the sort columns: at
 * 200,000 loans the narrowest of them is 20 MB against a 71 MB table, and the planner chose a parallel
 * sequential scan — which PostgreSQL reads through a small ring buffer, so the table never stays in
 * shared buffers and every count read it again from the OS (36–39 ms). This index holds exactly the
 * three columns (12 MB): the count is a parallel index-only scan from shared buffers, 23–28 ms on the
 * same data, and a bank's or guarantor's count may use it as well as its list index.
 */
export class TenantColumnsIndex1764203400000 implements MigrationInterface {
  name = 'TenantColumnsIndex1764203400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS loans_tenant_idx ON loans (bank_id) INCLUDE (guarantor_id, enterprise_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS loans_tenant_idx`);
  }
}
