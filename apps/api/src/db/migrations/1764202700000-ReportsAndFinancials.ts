import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './wall-helpers';

/**
 * Issue 12: the fund's operation reports (Art 6.6) and the borrowers' quarterly financial statements
 * (Art 22).
 *
 * - `fund_report_versions`: an issued report is a frozen snapshot — the computed figures as JSON and
 *   the sha256 of their canonical text. A correction is a new version with its reason; nothing is
 *   ever updated or deleted. `fund_report_acknowledgements`: each office acknowledges a version once.
 * - `enterprise_financial_statements`: one row per submission; a correction is the next version of
 *   the same (enterprise, quarter) with its reason, so the history stays. `financial_statement_reminders`:
 *   the manager's reminder to an enterprise whose statement is missing (delivered by notifications).
 *
 * Every table is append-only (SELECT, INSERT for the serving role; a trigger refuses UPDATE and
 * DELETE even to the owner) behind FORCE row-level security:
 * - reports and acknowledgements: the programme (offices, manager, auditor) reads; the manager issues,
 *   an office acknowledges for itself;
 * - statements: the programme reads all; an enterprise its own; a lending bank those of the
 *   enterprises it lends to (a loan of that bank to that enterprise, read under the bank's own RLS);
 *   the enterprise submits its own, the manager on anyone's behalf;
 * - reminders: the programme and the enterprise reminded; the manager writes.
 */

const PROGRAMME = `ipfund_sees_all()`;
const OFFICES = `ipfund_kind() IN ('IP_BUREAU','FINANCE_BUREAU','FINANCIAL_OFFICE')`;
const MANAGER = `ipfund_kind() = 'FUND_MANAGER'`;
const OWN_ENTERPRISE = `(ipfund_kind() = 'ENTERPRISE' AND enterprise_id = ipfund_own_enterprise_id())`;
const LENDER = `(ipfund_kind() = 'LENDING_BANK'
  AND EXISTS (SELECT 1 FROM loans l WHERE l.enterprise_id = enterprise_financial_statements.enterprise_id
                                      AND l.bank_id = ipfund_org_id()))`;

/** table → [who sees a row, who may insert one (besides seeing it)] */
const WALL: readonly (readonly [table: string, visible: string, writer: string])[] = [
  ['fund_report_versions', PROGRAMME, MANAGER],
  ['fund_report_acknowledgements', PROGRAMME, `${OFFICES} AND organization_id = ipfund_org_id()`],
  [
    'enterprise_financial_statements',
    `(${PROGRAMME} OR ${OWN_ENTERPRISE} OR ${LENDER})`,
    `(${MANAGER} OR ${OWN_ENTERPRISE})`,
  ],
  ['financial_statement_reminders', `(${PROGRAMME} OR ${OWN_ENTERPRISE})`, MANAGER],
];

export class ReportsAndFinancials1764202700000 implements MigrationInterface {
  name = 'ReportsAndFinancials1764202700000';

  async up(q: QueryRunner): Promise<void> {
    const role = await appRole(q);
    const r = `"${role}"`;

    await q.query(`
      CREATE TABLE fund_report_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        period text NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4])?$'),
        version integer NOT NULL CHECK (version >= 1),
        content jsonb NOT NULL,
        content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        reason text CONSTRAINT fund_report_versions_reason_length CHECK (char_length(reason) BETWEEN 1 AND 2000),
        issued_on date NOT NULL,
        issued_by uuid NOT NULL REFERENCES users(id),
        issued_by_org_id uuid NOT NULL REFERENCES organizations(id),
        issued_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (period, version),
        -- The first issue needs no reason; every correction states one.
        CHECK ((version = 1) = (reason IS NULL))
      )`);
    await q.query(`
      CREATE TABLE fund_report_acknowledgements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_version_id uuid NOT NULL REFERENCES fund_report_versions(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        org_kind text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        comment text CONSTRAINT fund_report_acknowledgements_comment_length CHECK (char_length(comment) <= 2000),
        acknowledged_on date NOT NULL,
        acknowledged_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (report_version_id, organization_id)
      )`);
    await q.query(`
      CREATE TABLE enterprise_financial_statements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprises(id),
        quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
        version integer NOT NULL CHECK (version >= 1),
        revenue numeric(18,2) NOT NULL CHECK (revenue >= 0),
        net_profit numeric(18,2) NOT NULL,
        total_assets numeric(18,2) NOT NULL CHECK (total_assets >= 0),
        total_liabilities numeric(18,2) NOT NULL CHECK (total_liabilities >= 0),
        rnd_spending numeric(18,2) NOT NULL CHECK (rnd_spending >= 0),
        loan_use text NOT NULL CONSTRAINT enterprise_financial_statements_loan_use_length
          CHECK (char_length(loan_use) BETWEEN 1 AND 4000),
        correction_reason text CONSTRAINT enterprise_financial_statements_reason_length
          CHECK (char_length(correction_reason) BETWEEN 1 AND 2000),
        submitted_on date NOT NULL,
        submitted_by uuid NOT NULL REFERENCES users(id),
        submitted_by_org_id uuid NOT NULL REFERENCES organizations(id),
        submitted_org_kind text NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (enterprise_id, quarter, version),
        CHECK ((version = 1) = (correction_reason IS NULL))
      )`);
    await q.query(
      `CREATE INDEX enterprise_financial_statements_quarter_idx ON enterprise_financial_statements (quarter, enterprise_id, version DESC)`,
    );
    await q.query(`
      CREATE TABLE financial_statement_reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprises(id),
        quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
        message text NOT NULL CONSTRAINT financial_statement_reminders_message_length
          CHECK (char_length(message) BETWEEN 1 AND 2000),
        reminded_on date NOT NULL,
        reminded_by uuid NOT NULL REFERENCES users(id),
        reminded_by_org_id uuid NOT NULL REFERENCES organizations(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX financial_statement_reminders_quarter_idx ON financial_statement_reminders (quarter, enterprise_id)`,
    );

    for (const [table, visible, writer] of WALL) {
      // History: a frozen report, a submitted statement, an acknowledgement or a reminder is never edited.
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
      await q.query(`GRANT SELECT, INSERT ON ${table} TO ${r}`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY ${table}_owner ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`,
      );
      await q.query(`
        CREATE POLICY ${table}_tenant ON ${table} TO ${r}
          USING (${visible})
          WITH CHECK (ipfund_may_write() AND (${visible}) AND ${writer})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE financial_statement_reminders, enterprise_financial_statements, fund_report_acknowledgements, fund_report_versions`,
    );
  }
}
