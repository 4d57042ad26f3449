import type { PolicyParameters } from '@ipfund/policy';
import type { Operation } from '@ipfund/shared';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CooperationAgreementEntity } from '../modules/agreement/agreement.entity';
import {
  ClaimDocumentEntity,
  ClaimEntity,
  ClaimEventEntity,
  RecoveryEntity,
} from '../modules/claim/claim.entity';
import { BlacklistProposalEntity } from '../modules/enterprise/blacklist.entity';
import { EnterpriseEntity, IpAssetEntity } from '../modules/enterprise/enterprise.entity';
import { LoanStatusReportEntity } from '../modules/loan/loan-status-report.entity';
import { LoanEntity } from '../modules/loan/loan.entity';
import { FinancialStatementEntity } from '../modules/financials/financials.entity';
import { OrganizationEntity } from '../modules/org/org.entity';
import { RiskEventEntity, RiskNoticeEntity, SuspensionProposalEntity } from '../modules/risk/risk.entity';
import type { Actor } from './actor';
import { abilityToSql, type FieldMap } from './ability-to-sql';
import { abilityFor, type Action, type AppAbility, type SubjectType } from './ability';
import { OPERATION_TABLE, actorMayTake } from './operations';
import { firstUseName } from '../db/prepared';

/**
 * The columns behind each subject's condition fields, for a row of that subject under `alias`.
 * Every field is a column of the subject's own row or a correlated subquery from it, so the
 * predicate works under any alias and needs no join. This is the only place that maps them.
 */
export const SUBJECT_FIELDS: Readonly<Record<SubjectType, (alias: string) => FieldMap>> = {
  Loan: (a) => ({
    bankId: `${a}.bank_id`,
    guarantorId: `${a}.guarantor_id`,
    enterpriseOrgId: `(SELECT eo.organization_id FROM enterprises eo WHERE eo.id = ${a}.enterprise_id)`,
  }),
  Enterprise: (a) => ({
    organizationId: `${a}.organization_id`,
    createdByOrgId: `${a}.created_by_org_id`,
    lenderIds: { memberOf: `SELECT el.bank_id FROM loans el WHERE el.enterprise_id = ${a}.id` },
    guarantorIds: {
      memberOf: `SELECT eg.guarantor_id FROM loans eg WHERE eg.enterprise_id = ${a}.id AND eg.guarantor_id IS NOT NULL`,
    },
  }),
  Partner: (a) => ({ id: `${a}.id` }),
  Agreement: (a) => ({ bankId: `${a}.bank_id` }),
  BlacklistProposal: (a) => ({ enterpriseId: `${a}.enterprise_id` }),
  /** A bank's risk figures, on the bank's organisation row. */
  BankRisk: (a) => ({ bankId: `${a}.id` }),
  RiskNotice: (a) => ({ bankId: `${a}.bank_id` }),
  SuspensionProposal: (a) => ({ bankId: `${a}.bank_id` }),
  RiskEvent: (a) => ({
    bankId: `(SELECT rl.bank_id FROM loans rl WHERE rl.id = ${a}.loan_id)`,
    guarantorId: `(SELECT rl.guarantor_id FROM loans rl WHERE rl.id = ${a}.loan_id)`,
  }),
  Claim: (a) => ({ bankId: `${a}.bank_id`, guarantorId: `${a}.guarantor_id` }),
  Recovery: (a) => ({
    bankId: `${a}.bank_id`,
    guarantorId: `(SELECT rc.guarantor_id FROM claims rc WHERE rc.id = ${a}.claim_id)`,
  }),
  LedgerEntry: () => ({}),
  ResumptionVote: () => ({}),
  /** The activity log (Art 20): the programme's; no tenant column (RLS: offices, manager, engaged auditor). */
  ActivityRecord: () => ({}),
  /** A partner's entry in an evaluation round (Art 23), on evaluation_entries. */
  PartnerEvaluation: (a) => ({ partnerId: `${a}.partner_id` }),
  /** Capital contributions, annual work plans, termination consents (Art 3, 5, 6.5, 24): the programme's. */
  FundGovernance: () => ({}),
  /** The fund's operation reports (Art 6.6): the programme's, no tenant column. */
  FundReport: () => ({}),
  FinancialStatement: (a) => ({
    enterpriseOrgId: `(SELECT fo.organization_id FROM enterprises fo WHERE fo.id = ${a}.enterprise_id)`,
    lenderIds: { memberOf: `SELECT fl.bank_id FROM loans fl WHERE fl.enterprise_id = ${a}.enterprise_id` },
  }),
  /** The fund's stress forecast (issue 13): computed over the whole programme, no row of its own. */
  FundForecast: () => ({}),
};

/** A child table's link to its parent, whose scope decides which child rows are readable. */
interface ParentLink {
  subject: SubjectType;
  table: string;
  foreignKey: string;
}
const CLAIM_PARENT: ParentLink = { subject: 'Claim', table: 'claims', foreignKey: 'claim_id' };

/**
 * What one actor may read and touch inside one transaction (opened by `Access.read` or the use-case
 * runner, with the actor's tenant settings set for PostgreSQL's row-level security). Every builder
 * it returns is already filtered by the actor's ability, in SQL; services build on them and never
 * start from a bare repository for tenant data.
 */
export class Scope {
  readonly ability: AppAbility;
  /** Parameter names are unique per predicate, so two subjects in one query never collide. */
  private n = 0;

  constructor(
    readonly actor: Actor,
    readonly policy: PolicyParameters,
    /** The transaction. Services use it for writes and for the fund's own (non-tenant) tables. */
    readonly em: EntityManager,
  ) {
    this.ability = abilityFor(actor, policy);
  }

  /** The SQL predicate "the actor may take `action` on this row of `subject` under `alias`". */
  where(
    action: Action,
    subject: SubjectType,
    alias: string,
  ): { sql: string; params: Record<string, unknown> } {
    return abilityToSql(this.ability, action, subject, SUBJECT_FIELDS[subject](alias), `authz${this.n++}_`);
  }

  /** Adds the predicate to a builder whose main alias is a row of `subject`. */
  filter<Q extends SelectQueryBuilder<ObjectLiteral>>(
    qb: Q,
    action: Action,
    subject: SubjectType,
    alias: string,
  ): Q {
    const { sql, params } = this.where(action, subject, alias);
    qb.andWhere(sql, params);
    return qb;
  }

  private scoped<T extends ObjectLiteral>(
    entity: new () => T,
    subject: SubjectType,
    alias: string,
    action: Action,
  ): SelectQueryBuilder<T> {
    return this.filter(this.em.getRepository(entity).createQueryBuilder(alias), action, subject, alias);
  }

  /** Loans (alias `loan`). */
  loans(action: Action = 'read'): SelectQueryBuilder<LoanEntity> {
    return this.scoped(LoanEntity, 'Loan', 'loan', action);
  }

  /**
   * Rows that belong to a record of another subject (a loan's reports, a claim's steps): readable
   * exactly when their parent is. `foreignKey` is the child's column naming the parent.
   */
  private childrenOf<T extends ObjectLiteral>(
    entity: new () => T,
    alias: string,
    parent: ParentLink,
  ): SelectQueryBuilder<T> {
    const { sql, params } = this.childWhere(alias, parent);
    return this.em.getRepository(entity).createQueryBuilder(alias).andWhere(sql, params);
  }

  /** The condition a child row (`alias`) meets when its parent is readable: the parent's own scope. */
  private childWhere(alias: string, parent: ParentLink): { sql: string; params: Record<string, unknown> } {
    const p = `${alias}_parent`;
    const { sql, params } = this.where('read', parent.subject, p);
    return {
      sql: `EXISTS (SELECT 1 FROM ${parent.table} ${p} WHERE ${p}.id = ${alias}.${parent.foreignKey} AND ${sql})`,
      params,
    };
  }

  /**
   * The scope of `claimEvents` and `claimDocuments` as a condition on a claim's child row (`alias`),
   * for a hand-written statement run with `query`.
   */
  readableClaimChild(alias: string): { sql: string; params: Record<string, unknown> } {
    return this.childWhere(alias, CLAIM_PARENT);
  }

  /** Status reports of readable loans (alias `r`). */
  loanStatusReports(): SelectQueryBuilder<LoanStatusReportEntity> {
    return this.childrenOf(LoanStatusReportEntity, 'r', {
      subject: 'Loan',
      table: 'loans',
      foreignKey: 'loan_id',
    });
  }

  /** Enterprises (alias `enterprise`). */
  enterprises(action: Action = 'read'): SelectQueryBuilder<EnterpriseEntity> {
    return this.scoped(EnterpriseEntity, 'Enterprise', 'enterprise', action);
  }

  /** IP items of readable enterprises (alias `asset`). */
  ipAssets(): SelectQueryBuilder<IpAssetEntity> {
    return this.childrenOf(IpAssetEntity, 'asset', {
      subject: 'Enterprise',
      table: 'enterprises',
      foreignKey: 'enterprise_id',
    });
  }

  /** Organisations as partner management shows them (alias `org`). */
  partners(action: Action = 'read'): SelectQueryBuilder<OrganizationEntity> {
    return this.scoped(OrganizationEntity, 'Partner', 'org', action);
  }

  /** Bank organisations whose risk figures the actor may read (alias `bank`). */
  bankRisks(action: Action = 'read'): SelectQueryBuilder<OrganizationEntity> {
    return this.scoped(OrganizationEntity, 'BankRisk', 'bank', action).andWhere("bank.kind = 'LENDING_BANK'");
  }

  /** Cooperation agreements (alias `agreement`). */
  agreements(): SelectQueryBuilder<CooperationAgreementEntity> {
    return this.scoped(CooperationAgreementEntity, 'Agreement', 'agreement', 'read');
  }

  /** Blacklist proposals (alias `proposal`). */
  blacklistProposals(action: Action = 'read'): SelectQueryBuilder<BlacklistProposalEntity> {
    return this.scoped(BlacklistProposalEntity, 'BlacklistProposal', 'proposal', action);
  }

  /** Risk notices (alias `notice`). */
  riskNotices(): SelectQueryBuilder<RiskNoticeEntity> {
    return this.scoped(RiskNoticeEntity, 'RiskNotice', 'notice', 'read');
  }

  /** Suspension proposals (alias `proposal`). */
  suspensionProposals(action: Action = 'read'): SelectQueryBuilder<SuspensionProposalEntity> {
    return this.scoped(SuspensionProposalEntity, 'SuspensionProposal', 'proposal', action);
  }

  /** Early-warning events (alias `event`). */
  riskEvents(action: Action = 'read'): SelectQueryBuilder<RiskEventEntity> {
    return this.scoped(RiskEventEntity, 'RiskEvent', 'event', action);
  }

  /** Claims (alias `claim`). */
  claims(action: Action = 'read'): SelectQueryBuilder<ClaimEntity> {
    return this.scoped(ClaimEntity, 'Claim', 'claim', action);
  }

  /** Steps of readable claims (alias `e`). */
  claimEvents(): SelectQueryBuilder<ClaimEventEntity> {
    return this.childrenOf(ClaimEventEntity, 'e', CLAIM_PARENT);
  }

  /** Documents of readable claims (alias `doc`). */
  claimDocuments(): SelectQueryBuilder<ClaimDocumentEntity> {
    return this.childrenOf(ClaimDocumentEntity, 'doc', CLAIM_PARENT);
  }

  /** Recoveries (alias `recovery`). */
  recoveries(action: Action = 'read'): SelectQueryBuilder<RecoveryEntity> {
    return this.scoped(RecoveryEntity, 'Recovery', 'recovery', action);
  }

  /**
   * Runs one hand-built read statement in this scope's transaction (issue 10's lean list reads):
   * named parameters (`:name`, TypeORM's syntax, so the `where` predicates drop in), raw rows back.
   * On the serving pool the statement is prepared under its text's name (db/prepared.ts), so each
   * connection plans it once and then only binds and executes it; the embedded database's connections
   * share one session and run it unnamed. Callers build it from `where(...)`, so the scope's
   * predicate is in it; row-level security applies as to every statement of the transaction.
   */
  async query<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.em.connection.driver.escapeQueryWithParameters(sql, params);
    const runner = this.em.queryRunner;
    if (!runner) return (await this.em.query(text, values)) as T[];
    const client = (await runner.connect()) as {
      query(q: { name?: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
    };
    this.em.connection.logger.logQuery(text, values, runner);
    const name = firstUseName(client, text);
    return (await client.query(name ? { name, text, values } : { text, values })).rows;
  }

  /** Borrowers' quarterly financial statements, every version (alias `statement`; Art 22). */
  financialStatements(): SelectQueryBuilder<FinancialStatementEntity> {
    return this.scoped(FinancialStatementEntity, 'FinancialStatement', 'statement', 'read');
  }

  /** May the actor read at least one record of this kind? (menus: `viewerPermissions.readable`). */
  canRead(subject: SubjectType): boolean {
    return this.ability.can('read', subject);
  }

  /** May the actor's organisation take the operation at all (kind level, the operations table)? */
  mayTake(operation: Operation): boolean {
    return actorMayTake(this.actor, operation, this.policy);
  }

  /**
   * For each id, the operations among `operations` the actor may take on that record of `subject`,
   * decided in one SQL statement by the same predicates the use cases lock rows with. Operations the
   * actor's kind may not take cost nothing; ids the actor cannot see get nothing.
   */
  async permittedOn(
    subject: SubjectType,
    operations: readonly Operation[],
    ids: readonly string[],
  ): Promise<Map<string, Set<Operation>>> {
    const result = new Map<string, Set<Operation>>(ids.map((id) => [id, new Set<Operation>()]));
    const ops = operations.filter((op) => OPERATION_TABLE[op].subject === subject && this.mayTake(op));
    if (!ops.length || !ids.length) return result;
    const table = SUBJECT_TABLES[subject];
    if (!table) throw new Error(`No table for subject ${subject}`);
    const params: Record<string, unknown> = { ids: [...ids] };
    const columns = ops.map((op, i) => {
      const w = this.where(op, subject, 's');
      Object.assign(params, w.params);
      return `(${w.sql}) AS "op${i}"`;
    });
    const [sql, values] = this.em.connection.driver.escapeQueryWithParameters(
      `SELECT s.id, ${columns.join(', ')} FROM ${table} s WHERE s.id = ANY(:ids::uuid[])`,
      params,
    );
    const rows = (await this.em.query(sql, values)) as Record<string, unknown>[];
    for (const row of rows) {
      const set = result.get(row.id as string);
      if (!set) continue;
      ops.forEach((op, i) => {
        if (row[`op${i}`] === true) set.add(op);
      });
    }
    return result;
  }
}

/** The table behind each subject that operations act on (for `permittedOn`). */
const SUBJECT_TABLES: Partial<Record<SubjectType, string>> = {
  Loan: 'loans',
  Enterprise: 'enterprises',
  Partner: 'organizations',
  BankRisk: 'organizations',
  BlacklistProposal: 'blacklist_proposals',
  SuspensionProposal: 'suspension_proposals',
  RiskEvent: 'risk_events',
  Claim: 'claims',
  Recovery: 'recoveries',
  PartnerEvaluation: 'evaluation_entries',
};
