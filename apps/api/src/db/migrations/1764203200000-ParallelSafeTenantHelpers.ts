import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10: the row-level security helpers may run in parallel workers.
 *
 * The tenant policies call `ipfund_sees_all()`, `ipfund_kind()` … as init plans (ReadIndexes). A
 * function is PARALLEL UNSAFE unless declared otherwise, and one unsafe call anywhere in a statement
 * keeps the whole statement on one process: under the serving role every count over the whole book
 * (the programme's 200,000-loan page, `bankRisks` for all banks) ran serially, at about 1.5× the
 * time of the same statement by the owner, which the planner splits across workers.
 *
 * These helpers only read: the transaction's settings through `current_setting` (itself parallel
 * safe — the leader's settings, role included, are copied to every worker) and, for the auditor and
 * the enterprise, a table. None writes, touches a sequence or keeps backend-local state, which is
 * what PARALLEL SAFE promises. A later `CREATE OR REPLACE FUNCTION` of one of them must say PARALLEL
 * SAFE again (the test in second-wall.test.ts checks that they are).
 */
export const PARALLEL_SAFE_HELPERS = [
  'ipfund_user_id()',
  'ipfund_org_id()',
  'ipfund_kind()',
  'ipfund_audit_engaged()',
  'ipfund_sees_all()',
  'ipfund_own_enterprise_id()',
] as const;

export class ParallelSafeTenantHelpers1764203200000 implements MigrationInterface {
  name = 'ParallelSafeTenantHelpers1764203200000';

  async up(q: QueryRunner): Promise<void> {
    for (const fn of PARALLEL_SAFE_HELPERS) await q.query(`ALTER FUNCTION public.${fn} PARALLEL SAFE`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of PARALLEL_SAFE_HELPERS) await q.query(`ALTER FUNCTION public.${fn} PARALLEL UNSAFE`);
  }
}
