import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10: portfolio reads at 200,000 loans.
 *
 * 1. Row-level security evaluated once per statement, not once per row. The tenant policies call
 *    the zero-argument helpers `ipfund_sees_all()`, `ipfund_kind()`, `ipfund_org_id()` … (SecondWall),
 *    each reading and regex-checking `current_setting` — per row, so a bank's count of its 10,000
 *    loans spent ~1.8 s in them and could never be an index-only scan. Wrapped as scalar subqueries
 *    `(SELECT ipfund_kind())` they become init plans: computed once per statement (the settings cannot
 *    change inside a statement, so the answer is the same), and `bank_id = $1` becomes indexable.
 *    The rewrite is generic — every policy of the public schema whose text calls such a helper, read
 *    back from pg_policies — so it keeps whatever the earlier migrations (and later definitions of the
 *    helpers) decide; only the evaluation changes. RLS stays enabled and forced.
 *    The enterprises' read policy gets the same rule written inline instead of through the SECURITY
 *    DEFINER `ipfund_enterprise_row_visible` (an opaque call per row: ~2 ms each under load, most of a
 *    loan page's time): the same four cases, the loans read under the caller's own row-level
 *    security — a bank's or guarantor's EXISTS finds exactly the loans the definer function looked
 *    for, since those are the loans it may see. Writes keep the function in WITH CHECK (a row being
 *    inserted cannot be looked up by id).
 * 2. Indexes for the reads that serve pages and aggregates: each tenant column leads an index in
 *    the list order that also carries the other columns the loan policy and the scope predicate
 *    read (bank, guarantor, enterprise), so a count is an index-only scan and a page reads 50 heap
 *    rows; the covered book per bank for `bankRisks` as an index-only aggregate; claims per tenant
 *    and status in list order; the journal by date.
 */
const HELPER_CALL = /(?<!SELECT )\bipfund_([a-z_]+)\(\)/g;
const WRAPPED_CALL = /\(\s*SELECT\s+(ipfund_[a-z_]+\(\))(?:\s+AS\s+ipfund_[a-z_]+)?\s*\)/g;

interface PolicyRow {
  tablename: string;
  policyname: string;
  qual: string | null;
  with_check: string | null;
}

async function rewritePolicies(q: QueryRunner, rewrite: (expr: string) => string): Promise<void> {
  const policies = (await q.query(
    `SELECT tablename, policyname, qual, with_check FROM pg_policies
      WHERE schemaname = 'public' AND (qual LIKE '%ipfund\\_%' OR with_check LIKE '%ipfund\\_%')`,
  )) as PolicyRow[];
  for (const p of policies) {
    const parts: string[] = [];
    if (p.qual !== null) parts.push(`USING (${rewrite(p.qual)})`);
    if (p.with_check !== null) parts.push(`WITH CHECK (${rewrite(p.with_check)})`);
    await q.query(`ALTER POLICY "${p.policyname}" ON "${p.tablename}" ${parts.join(' ')}`);
  }
}

/** ipfund_enterprise_row_visible (SecondWall), inline, its helpers as init plans. */
const ENTERPRISE_READ = `(SELECT ipfund_sees_all())
  OR ((SELECT ipfund_kind()) = 'ENTERPRISE' AND organization_id = (SELECT ipfund_org_id()))
  OR ((SELECT ipfund_kind()) = 'LENDING_BANK' AND (created_by_org_id = (SELECT ipfund_org_id())
        OR EXISTS (SELECT 1 FROM loans l WHERE l.enterprise_id = enterprises.id AND l.bank_id = (SELECT ipfund_org_id()))))
  OR ((SELECT ipfund_kind()) = 'GUARANTOR'
        AND EXISTS (SELECT 1 FROM loans l WHERE l.enterprise_id = enterprises.id AND l.guarantor_id = (SELECT ipfund_org_id())))`;

const INDEXES: readonly [name: string, definition: string][] = [
  // Loans in list order (newest issue first) per tenant column, carrying the policy's columns.
  ['loans_bank_list_idx', 'loans (bank_id, issued_on DESC, seq DESC) INCLUDE (guarantor_id, enterprise_id)'],
  [
    'loans_guarantor_list_idx',
    'loans (guarantor_id, issued_on DESC, seq DESC) INCLUDE (bank_id, enterprise_id) WHERE guarantor_id IS NOT NULL',
  ],
  [
    'loans_enterprise_list_idx',
    'loans (enterprise_id, issued_on DESC, seq DESC) INCLUDE (bank_id, guarantor_id)',
  ],
  // The programme's page and count (the offices, the manager, the auditor).
  ['loans_list_idx', 'loans (issued_on DESC, seq DESC) INCLUDE (bank_id, guarantor_id, enterprise_id)'],
  // bankRisks: the covered book of each bank, aggregated from the index alone (R4).
  [
    'loans_bank_risk_idx',
    'loans (bank_id) INCLUDE (ip_pledged_principal, earliest_unpaid_due_date, status, issued_on, guarantor_id, enterprise_id) WHERE covered',
  ],
  // Money sorts on the programme's page; a bank's 10,000 loans sort in memory quickly enough.
  ['loans_outstanding_idx', 'loans (outstanding_principal DESC, seq DESC)'],
  ['claims_bank_list_idx', 'claims (bank_id, seq DESC) INCLUDE (guarantor_id, status)'],
  [
    'claims_guarantor_list_idx',
    'claims (guarantor_id, seq DESC) INCLUDE (bank_id, status) WHERE guarantor_id IS NOT NULL',
  ],
  ['claims_status_list_idx', 'claims (status, seq DESC) INCLUDE (bank_id, guarantor_id)'],
  ['claims_loan_idx', 'claims (loan_id)'],
];

/** Indexes the list indexes above replace (same leading columns, fewer carried). */
const REPLACED: readonly [name: string, definition: string][] = [
  ['loans_bank_idx', 'loans (bank_id, issued_on DESC, seq DESC)'],
  ['loans_guarantor_idx', 'loans (guarantor_id) WHERE guarantor_id IS NOT NULL'],
  ['loans_order_idx', 'loans (issued_on DESC, seq DESC)'],
];

export class ReadIndexes1764203000000 implements MigrationInterface {
  name = 'ReadIndexes1764203000000';

  async up(q: QueryRunner): Promise<void> {
    await rewritePolicies(q, (expr) => expr.replace(HELPER_CALL, '(SELECT ipfund_$1())'));
    await q.query(`ALTER POLICY enterprises_tenant ON enterprises USING (${ENTERPRISE_READ})`);
    for (const [name, definition] of INDEXES)
      await q.query(`CREATE INDEX IF NOT EXISTS ${name} ON ${definition}`);
    for (const [name] of REPLACED) await q.query(`DROP INDEX IF EXISTS ${name}`);
    await q.query(`ANALYZE loans`);
    await q.query(`ANALYZE claims`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name, definition] of REPLACED)
      await q.query(`CREATE INDEX IF NOT EXISTS ${name} ON ${definition}`);
    for (const [name] of INDEXES) await q.query(`DROP INDEX IF EXISTS ${name}`);
    await q.query(
      `ALTER POLICY enterprises_tenant ON enterprises
         USING (ipfund_sees_all() OR ipfund_enterprise_row_visible(id, organization_id, created_by_org_id))`,
    );
    await rewritePolicies(q, (expr) => expr.replace(WRAPPED_CALL, '$1'));
  }
}
