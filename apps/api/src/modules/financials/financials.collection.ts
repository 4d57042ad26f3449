import type { IsoDate } from '@ipfund/policy';
import type { Scope } from '../../authz/scope';
import type { Period } from '../report/report.period';

/** The latest version of one enterprise's statement for one quarter (Art 22). */
export interface StatementRow {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  quarter: string;
  version: number;
  revenue: string;
  netProfit: string;
  totalAssets: string;
  totalLiabilities: string;
  rndSpending: string;
  loanUse: string;
  correctionReason: string | null;
  submittedOn: IsoDate;
  submittedByName: string;
  submittedOrgKind: string;
  submittedAt: Date;
}

/** One enterprise expected to report for a quarter: it had an outstanding covered loan at its end. */
export interface CollectionRow {
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  loans: number;
  outstanding: string;
  statement: StatementRow | null;
  reminders: number;
  lastRemindedOn: IsoDate | null;
}

export interface QuarterCollection {
  quarter: Period;
  rows: CollectionRow[];
}

export const STATEMENT_COLUMNS = `
  s.id, s.enterprise_id AS "enterpriseId", e.name AS "enterpriseName", s.quarter, s.version,
  s.revenue::text AS revenue, s.net_profit::text AS "netProfit", s.total_assets::text AS "totalAssets",
  s.total_liabilities::text AS "totalLiabilities", s.rnd_spending::text AS "rndSpending",
  s.loan_use AS "loanUse", s.correction_reason AS "correctionReason",
  to_char(s.submitted_on, 'YYYY-MM-DD') AS "submittedOn", u.display_name AS "submittedByName",
  s.submitted_org_kind AS "submittedOrgKind", s.submitted_at AS "submittedAt"`;

async function rows<T>(scope: Scope, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const [text, values] = scope.em.connection.driver.escapeQueryWithParameters(sql, params);
  return (await scope.em.query(text, values)) as T[];
}

/**
 * Who owes a statement for the quarter and who has given it: every enterprise with a covered loan
 * issued by the quarter's end and, by its latest status report on or before that day, not closed
 * and with principal outstanding (Art 22: the borrowers of the programme). Loans and statements are
 * read through the caller's scope, so a bank gets only its own borrowers (the service lets only
 * the programme ask).
 */
export async function collectionIn(scope: Scope, quarter: Period): Promise<QuarterCollection> {
  const loanAuth = scope.where('read', 'Loan', 'l');
  const statementAuth = scope.where('read', 'FinancialStatement', 's');
  const found = await rows<CollectionRow & { statementId: string | null }>(
    scope,
    `WITH owing AS (
       SELECT l.enterprise_id, count(*)::int AS loans,
              sum(COALESCE(st.outstanding_principal, l.principal))::numeric(18,2)::text AS outstanding
         FROM loans l
         LEFT JOIN LATERAL (
           SELECT r.outstanding_principal, r.closed FROM loan_status_reports r
            WHERE r.loan_id = l.id AND r.as_of <= :end::date
            ORDER BY r.as_of DESC, r.id DESC LIMIT 1) st ON true
        WHERE l.covered AND l.issued_on <= :end::date
          AND NOT COALESCE(st.closed, false) AND COALESCE(st.outstanding_principal, l.principal) > 0
          AND ${loanAuth.sql}
        GROUP BY l.enterprise_id)
     SELECT e.id AS "enterpriseId", e.name AS "enterpriseName", e.credit_code AS "creditCode",
            o.loans, o.outstanding,
            (SELECT s.id FROM enterprise_financial_statements s
              WHERE s.enterprise_id = e.id AND s.quarter = :quarter AND ${statementAuth.sql}
              ORDER BY s.version DESC LIMIT 1) AS "statementId",
            (SELECT count(*)::int FROM financial_statement_reminders m
              WHERE m.enterprise_id = e.id AND m.quarter = :quarter) AS reminders,
            (SELECT to_char(max(m.reminded_on), 'YYYY-MM-DD') FROM financial_statement_reminders m
              WHERE m.enterprise_id = e.id AND m.quarter = :quarter) AS "lastRemindedOn"
       FROM owing o JOIN enterprises e ON e.id = o.enterprise_id
      ORDER BY e.name, e.id`,
    { end: quarter.to, quarter: quarter.key, ...loanAuth.params, ...statementAuth.params },
  );
  const ids = found.map((r) => r.statementId).filter((id): id is string => id !== null);
  const statements = new Map(
    (ids.length
      ? await rows<StatementRow>(
          scope,
          `SELECT ${STATEMENT_COLUMNS}
             FROM enterprise_financial_statements s
             JOIN enterprises e ON e.id = s.enterprise_id
             JOIN user_names u ON u.id = s.submitted_by
            WHERE s.id = ANY(:ids::uuid[])`,
          { ids },
        )
      : []
    ).map((s) => [s.id, s]),
  );
  return {
    quarter,
    rows: found.map(({ statementId, ...r }) => ({
      ...r,
      statement: statementId ? (statements.get(statementId) ?? null) : null,
    })),
  };
}
