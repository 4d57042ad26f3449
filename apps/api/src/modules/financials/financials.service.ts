import { compareDates, type IsoDate } from '@ipfund/policy';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import type { BusinessClock } from '../../common/business-clock';
import { badInput, conflict, forbidden, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { UseCaseRunner } from '../../common/use-case';
import { parseQuarter, periodLabelZh, type Period } from '../report/report.period';
import {
  collectionIn,
  STATEMENT_COLUMNS,
  type CollectionRow,
  type StatementRow,
} from './financials.collection';

/** The figures of a quarterly statement as the caller sends them: decimal strings (Art 22). */
export interface StatementInput {
  enterpriseId: string;
  quarter: string;
  revenue: string;
  netProfit: string;
  totalAssets: string;
  totalLiabilities: string;
  rndSpending: string;
  loanUse: string;
}

export interface ReminderRow {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  quarter: string;
  message: string;
  remindedOn: IsoDate;
  remindedByName: string;
}

/** An amount in yuan: plain decimal text, at most 2 decimals, within numeric(18,2). */
const AMOUNT = /^-?\d{1,16}(\.\d{1,2})?$/;
const LOAN_USE_MAX = 4000;

/**
 * Borrowers' quarterly financial statements and use of the loan (Art 22). The enterprise submits its
 * own after the quarter has ended, or the manager enters it on its behalf; a correction is a new
 * version with its reason (the earlier ones stay). The programme sees the collection for a quarter —
 * who owes a statement (an outstanding covered loan at the quarter's end), who gave it, who was
 * reminded; a lending bank reads the statements of the enterprises it lends to, an enterprise its own.
 */
export class FinancialsService {
  constructor(
    private readonly access: Access,
    private readonly clock: BusinessClock,
    private readonly useCases: UseCaseRunner,
  ) {}

  /** The collection of a quarter: the programme only (offices, manager, auditor). */
  collection(
    actor: Actor,
    quarterKey: string,
  ): Promise<{ quarter: Period; label: string; rows: CollectionRow[] }> {
    const quarter = this.quarter(quarterKey);
    return this.access.read(actor, async (scope) => {
      // Reading every enterprise's loans is what makes "missing" meaningful: only the programme may.
      if (!this.access.readsAll(actor, 'FinancialStatement')) {
        throw forbidden('financials.readers', {}, scope.policy.provisions.enterpriseFinancials.article);
      }
      const c = await collectionIn(scope, quarter);
      return { quarter, label: periodLabelZh(quarter), rows: c.rows };
    });
  }

  /**
   * Statements the caller may read (every version, newest first), optionally of one enterprise or
   * quarter: the programme all, a bank its borrowers', an enterprise its own.
   */
  statements(
    actor: Actor,
    filter: { enterpriseId?: string | null; quarter?: string | null } = {},
  ): Promise<StatementRow[]> {
    if (filter.quarter) this.quarter(filter.quarter);
    if (filter.enterpriseId && !isUuid(filter.enterpriseId)) return Promise.resolve([]);
    return this.access.read(actor, (scope) => this.statementsIn(scope, filter));
  }

  private async statementsIn(
    scope: Scope,
    filter: { enterpriseId?: string | null; quarter?: string | null },
  ): Promise<StatementRow[]> {
    const auth = scope.where('read', 'FinancialStatement', 's');
    const [sql, values] = scope.em.connection.driver.escapeQueryWithParameters(
      `SELECT ${STATEMENT_COLUMNS}
         FROM enterprise_financial_statements s
         JOIN enterprises e ON e.id = s.enterprise_id
         JOIN user_names u ON u.id = s.submitted_by
        WHERE ${auth.sql}
          AND (:enterpriseId::uuid IS NULL OR s.enterprise_id = :enterpriseId::uuid)
          AND (:quarter::text IS NULL OR s.quarter = :quarter::text)
        ORDER BY s.quarter DESC, e.name, s.version DESC
        LIMIT 500`,
      { ...auth.params, enterpriseId: filter.enterpriseId ?? null, quarter: filter.quarter ?? null },
    );
    return (await scope.em.query(sql, values)) as StatementRow[];
  }

  /** Reminders recorded for a quarter: the programme sees all, an enterprise those addressed to it. */
  reminders(actor: Actor, quarterKey: string): Promise<ReminderRow[]> {
    const quarter = this.quarter(quarterKey);
    const all = this.access.readsAll(actor, 'FinancialStatement');
    if (!all && actor.orgKind !== 'ENTERPRISE') return Promise.resolve([]);
    return this.access.read(
      actor,
      async (scope) =>
        (await scope.em.query(
          `SELECT m.id, m.enterprise_id AS "enterpriseId", e.name AS "enterpriseName", m.quarter, m.message,
                  to_char(m.reminded_on, 'YYYY-MM-DD') AS "remindedOn", u.display_name AS "remindedByName"
             FROM financial_statement_reminders m
             JOIN enterprises e ON e.id = m.enterprise_id
             JOIN user_names u ON u.id = m.reminded_by
            WHERE m.quarter = $1 AND ($2::boolean OR e.organization_id = $3::uuid)
            ORDER BY m.created_at DESC`,
          [quarter.key, all, actor.orgId],
        )) as ReminderRow[],
    );
  }

  /** First submission for a quarter (version 1). A second one is a correction and needs its reason. */
  submit(actor: Actor, input: StatementInput): Promise<StatementRow> {
    return this.write(actor, 'financials.submit', input, null);
  }

  /** A correction: the next version, with its reason; the earlier versions stay (history). */
  correct(actor: Actor, input: StatementInput, reason: string): Promise<StatementRow> {
    const why = reason?.trim();
    if (!why) throw badInput('common.reasonRequired', {});
    return this.write(actor, 'financials.correct', input, why);
  }

  /**
   * The manager reminds an enterprise whose statement for an ended quarter is missing while it had an
   * outstanding covered loan at the quarter's end. The reminder is recorded (the notification module
   * delivers it); a statement already given is not reminded.
   */
  remind(
    actor: Actor,
    enterpriseId: string,
    quarterKey: string,
    message?: string | null,
  ): Promise<ReminderRow> {
    const quarter = this.quarter(quarterKey);
    return this.useCases.run(actor, 'financials.remind', async ({ em, scope, target, detail }) => {
      const article = scope.policy.provisions.enterpriseFinancials.article;
      const enterprise = await this.lockEnterprise(scope, 'financials.remind', enterpriseId);
      target('Enterprise', enterprise.id);
      this.requireEnded(quarter, article);
      const row = (await collectionIn(scope, quarter)).rows.find((r) => r.enterpriseId === enterprise.id);
      if (!row) throw conflict('financials.noCoveredLoan', { quarter: quarter.key }, article);
      if (row.statement) throw conflict('financials.notMissing', { quarter: quarter.key }, article);
      const text =
        message?.trim() || `请于近期报送${periodLabelZh(quarter)}财务报表及贷款资金使用情况（${article}）。`;
      const [inserted] = (await em.query(
        `INSERT INTO financial_statement_reminders (enterprise_id, quarter, message, reminded_on, reminded_by, reminded_by_org_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [enterprise.id, quarter.key, text, this.clock.today(), actor.userId, actor.orgId],
      )) as { id: string }[];
      detail({ quarter: quarter.key, reminderId: inserted.id });
      return {
        id: inserted.id,
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        quarter: quarter.key,
        message: text,
        remindedOn: this.clock.today(),
        remindedByName: actor.displayName,
      };
    });
  }

  // ---------------------------------------------------------------- internals

  private write(
    actor: Actor,
    operation: 'financials.submit' | 'financials.correct',
    input: StatementInput,
    reason: string | null,
  ): Promise<StatementRow> {
    const quarter = this.quarter(input.quarter);
    const figures = {
      revenue: this.amount('revenue', input.revenue, false),
      netProfit: this.amount('netProfit', input.netProfit, true),
      totalAssets: this.amount('totalAssets', input.totalAssets, false),
      totalLiabilities: this.amount('totalLiabilities', input.totalLiabilities, false),
      rndSpending: this.amount('rndSpending', input.rndSpending, false),
    };
    const loanUse = (input.loanUse ?? '').trim();
    if (!loanUse || [...loanUse].length > LOAN_USE_MAX)
      throw badInput('financials.loanUse', { max: LOAN_USE_MAX });
    return this.useCases.run(actor, operation, async ({ em, scope, target, detail }) => {
      const article = scope.policy.provisions.enterpriseFinancials.article;
      const enterprise = await this.lockEnterprise(scope, operation, input.enterpriseId);
      target('Enterprise', enterprise.id);
      this.requireEnded(quarter, article);
      const [{ n }] = (await em.query(
        `SELECT COALESCE(max(version), 0)::int AS n FROM enterprise_financial_statements
          WHERE enterprise_id = $1 AND quarter = $2`,
        [enterprise.id, quarter.key],
      )) as { n: number }[];
      if (reason === null && n > 0) {
        throw conflict('financials.alreadySubmitted', { quarter: quarter.key, version: n }, article);
      }
      if (reason !== null && n === 0)
        throw conflict('financials.notSubmitted', { quarter: quarter.key }, article);
      const [row] = (await em.query(
        `INSERT INTO enterprise_financial_statements
           (enterprise_id, quarter, version, revenue, net_profit, total_assets, total_liabilities, rnd_spending,
            loan_use, correction_reason, submitted_on, submitted_by, submitted_by_org_id, submitted_org_kind)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          enterprise.id,
          quarter.key,
          n + 1,
          figures.revenue,
          figures.netProfit,
          figures.totalAssets,
          figures.totalLiabilities,
          figures.rndSpending,
          loanUse,
          reason,
          this.clock.today(),
          actor.userId,
          actor.orgId,
          actor.orgKind,
        ],
      )) as { id: string }[];
      detail({ quarter: quarter.key, version: n + 1, ...(reason ? { reason } : {}) });
      const [saved] = await this.statementsIn(scope, { enterpriseId: enterprise.id, quarter: quarter.key });
      if (!saved || saved.id !== row.id) throw new Error('statement not readable after insert');
      return saved;
    });
  }

  /**
   * The enterprise the operation may act on, locked (concurrent submissions for one enterprise
   * queue, so versions have no gaps); NOT_FOUND for any other id — one answer for missing and not
   * permitted (an enterprise acts only on itself).
   */
  private async lockEnterprise(
    scope: Scope,
    operation: 'financials.submit' | 'financials.correct' | 'financials.remind',
    enterpriseId: string,
  ): Promise<{ id: string; name: string }> {
    if (!isUuid(enterpriseId)) throw notFound('Enterprise');
    const enterprise = await scope
      .enterprises(operation)
      .andWhere('enterprise.id = :id', { id: enterpriseId })
      .setLock('pessimistic_write')
      .getOne();
    if (!enterprise) throw notFound('Enterprise');
    return { id: enterprise.id, name: enterprise.name };
  }

  private requireEnded(quarter: Period, article: string): void {
    if (compareDates(quarter.to, this.clock.today()) >= 0) {
      throw conflict('financials.quarterNotEnded', { quarter: quarter.key, to: quarter.to }, article);
    }
  }

  private quarter(value: string): Period {
    return parseQuarter(value, () => badInput('financials.quarter', { value: String(value).slice(0, 40) }));
  }

  private amount(field: string, value: string, mayBeNegative: boolean): string {
    if (typeof value !== 'string' || !AMOUNT.test(value)) {
      throw badInput('financials.amount', { field, value: String(value).slice(0, 40) });
    }
    if (!mayBeNegative && value.startsWith('-')) throw badInput('financials.notNegative', { field });
    return value;
  }
}
