import { compareDates, loanCoverage, Money, type IsoDate, type LoanPurpose } from '@ipfund/policy';
import { fundTerminatedFrom } from '../fund/termination-state';
import type { Operation } from '@ipfund/shared';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import type { BusinessClock } from '../../common/business-clock';
import { badInput, conflict, notFound, policyViolation } from '../../common/errors';
import type { PolicyBook } from '../../common/policy-book';
import type { UseCaseRunner, UseCaseScope } from '../../common/use-case';
import { IpAssetEntity, type EnterpriseEntity } from '../enterprise/enterprise.entity';
import { OrganizationEntity } from '../org/org.entity';
import { isUuid } from '../../common/ids';
import { LoanEntity, type StoredReason } from './loan.entity';
import { LoanStatusReportEntity, type StatusReportSource } from './loan-status-report.entity';
import { statusReportProblems, type StatusReport } from './loan-status.rules';
import { loanPage, type LoanListArgs, type LoanListPage, type LoanListRow } from './loan-list';

export interface RegisterLoanCommand {
  enterpriseId: string;
  contractNo: string;
  principal: string;
  ipPledgedPrincipal: string;
  guarantorId?: string | null;
  issuedOn: string;
  maturesOn: string;
  purpose: LoanPurpose;
  collateralIds: string[];
}

export interface ReportStatusCommand {
  loanId: string;
  asOf: string;
  outstandingPrincipal: string;
  earliestUnpaidDueDate?: string | null;
}

/** One accepted status, ready to be written (a single report, or a row of a loan tape). */
export interface AcceptedStatus extends StatusReport {
  loanId: string;
}

const MAX_CONTRACT_NO = 64;

export class LoanService {
  constructor(
    private readonly access: Access,
    private readonly clock: BusinessClock,
    private readonly policies: PolicyBook,
    private readonly useCases: UseCaseRunner,
  ) {}

  /**
   * Loans the actor may read (or take `action` on), joined with their parties. Authorization is a
   * WHERE clause, so rows the actor may not see are never read, counted or aggregated.
   */
  visibleLoans(scope: Scope, action: 'read' | Operation = 'read'): SelectQueryBuilder<LoanEntity> {
    return (
      scope
        .loans(action)
        .innerJoinAndSelect('loan.bank', 'bank')
        .leftJoinAndSelect('loan.guarantor', 'guarantor')
        .innerJoinAndSelect('loan.enterprise', 'enterprise')
        // Only the acknowledger's name: a user row also holds its password hash.
        .leftJoin('loan.acknowledger', 'acknowledger')
        .addSelect(['acknowledger.id', 'acknowledger.displayName'])
    );
  }

  /**
   * The caller's loans, filtered and sorted in SQL (default: newest issue date first; `seq` breaks
   * ties so the order is total and pages never overlap), with the filtered count from the same
   * statement — see loan-list.ts.
   */
  list(actor: Actor, args: LoanListArgs, fields?: ReadonlySet<string> | null): Promise<LoanListPage> {
    return this.access.read(actor, (scope) => loanPage(scope, args, this.clock.today(), { fields }));
  }

  /**
   * Every loan of the filtered list in its sort order, `batch` rows at a time, all from one
   * snapshot (the xlsx export streams them into its sheet as they come).
   */
  async forEachListed(
    actor: Actor,
    args: Omit<LoanListArgs, 'first' | 'after'>,
    batch: number,
    each: (rows: LoanListRow[]) => Promise<void> | void,
  ): Promise<void> {
    const today = this.clock.today();
    await this.access.read(actor, async (scope) => {
      let after: string | null = null;
      for (;;) {
        const page = await loanPage(scope, { ...args, after }, today, { limit: batch, withCount: false });
        if (page.rows.length) await each(page.rows);
        if (!page.hasNextPage) return;
        after = page.cursorOf(page.rows[page.rows.length - 1]);
      }
    });
  }

  /** null both when the loan does not exist and when the actor may not see it. */
  async byId(actor: Actor, id: string): Promise<LoanEntity | null> {
    if (!isUuid(id)) return null;
    return this.access.read(actor, (scope) => this.visibleById(scope, id));
  }

  /** null both when the loan does not exist and when the scope's actor may not see it. */
  visibleById(scope: Scope, id: string): Promise<LoanEntity | null> {
    return this.visibleLoans(scope).andWhere('loan.id = :id', { id }).getOne();
  }

  /**
   * A loan the actor may take `operation` on, locked for the rest of the transaction; NOT_FOUND
   * otherwise (also for another bank's: one answer for missing and not yours).
   */
  async lockFor(scope: Scope, operation: Operation, id: string): Promise<LoanEntity> {
    if (!isUuid(id)) throw notFound('Loan');
    const loan = await this.visibleLoans(scope, operation)
      .andWhere('loan.id = :id', { id })
      .setLock('pessimistic_write', undefined, ['loan'])
      .getOne();
    if (!loan) throw notFound('Loan');
    return loan;
  }

  /** Enterprises the actor may see (the Enterprise rules), with the IP each can pledge. */
  borrowerOptions(actor: Actor): Promise<EnterpriseEntity[]> {
    return this.access.read(actor, (scope) =>
      scope
        .enterprises()
        .leftJoinAndSelect('enterprise.ipAssets', 'asset')
        .orderBy('enterprise.name', 'ASC')
        .addOrderBy('asset.kind', 'ASC')
        .addOrderBy('asset.registration_no', 'ASC')
        .getMany(),
    );
  }

  /**
   * Active partner guarantors a bank can name on a three-party loan (Art 11, 14). The list of partners
   * is the programme's public face (names only), not tenant data.
   */
  guarantorOptions(actor: Actor): Promise<OrganizationEntity[]> {
    return this.access.read(actor, (scope) =>
      scope.em.getRepository(OrganizationEntity).find({
        where: { kind: 'GUARANTOR', status: 'ACTIVE' },
        order: { name: 'ASC' },
      }),
    );
  }

  /**
   * Art 2, 4, 11, 12, 13, 21: a bank registers a loan it issued. Coverage is decided by the policy in
   * force on the issue date and stored with its reasons; an uncovered loan is recorded and marked.
   * A suspended bank's loan is registered but not covered (Art 12: BANK_SUSPENDED_AT_ISSUE).
   */
  async register(actor: Actor, input: RegisterLoanCommand): Promise<LoanEntity> {
    return this.useCases.run(actor, 'loan.register', async ({ em, scope, target, detail }) => {
      const saved = await this.registerIn(em, actor, input, { target, detail });
      return (await this.visibleById(scope, saved.id))!;
    });
  }

  /**
   * The registration itself, inside a transaction the caller opened under the bank's tenant settings:
   * registerLoan's use case, and the loan tape's new-loan rows (one transaction for the whole file).
   */
  async registerIn(
    em: EntityManager,
    actor: Actor,
    input: RegisterLoanCommand,
    record: Pick<UseCaseScope, 'target' | 'detail'>,
  ): Promise<LoanEntity> {
    const { target, detail } = record;
    {
      const contractNo = input.contractNo.trim();
      detail({ contractNo });
      if (!contractNo || contractNo.length > MAX_CONTRACT_NO) {
        throw badInput('loan.contractNoLength', { max: MAX_CONTRACT_NO });
      }
      const principal = Money.of(input.principal);
      const ipPledged = Money.of(input.ipPledgedPrincipal);
      if (!principal.isPositive()) throw badInput('loan.principalPositive', {});
      // Art 11: a pure IP loan pledges all of it; a combination loan states its IP part.
      if (!ipPledged.isPositive() || ipPledged.gt(principal)) {
        const sharing = this.policies.inForce(this.clock.today()).provisions.riskSharing.article;
        throw badInput('loan.ipPledgedRange', { article: sharing });
      }
      const today = this.clock.today();
      const issuedOn = input.issuedOn as IsoDate;
      const maturesOn = input.maturesOn as IsoDate;
      if (compareDates(issuedOn, today) > 0) {
        throw badInput('loan.issuedAfterToday', { issuedOn, today });
      }
      if (compareDates(maturesOn, issuedOn) < 0) throw badInput('loan.maturesBeforeIssue', {});
      // Art 26: no measures in force on the issue date → refused with the article.
      const policy = this.policies.inForce(issuedOn);

      // Art 6.3: the library is the programme's, shared by every partner bank: a bank may lend to any
      // enterprise in it (found by its public credit code), not only those it added or already lends to.
      // The lookup crosses tenants, so it is a database function that returns only what coverage needs,
      // and takes the share lock: a blacklisting decided meanwhile waits for this registration, or this
      // one sees it.
      const [enterprise] = isUuid(input.enterpriseId)
        ? ((await em.query(
            `SELECT id, blacklisted_since AS "blacklistedSince" FROM ipfund_enterprise_for_lending($1)`,
            [input.enterpriseId],
          )) as { id: string; blacklistedSince: IsoDate | null }[])
        : [];
      if (!enterprise) throw notFound('Enterprise');

      // The bank's standing and suspensions are read under a share lock: a suspension decided
      // concurrently (which locks the bank row for update) is either seen here or waits.
      const [bank] = (await em.query(`SELECT status FROM organizations WHERE id = $1 FOR SHARE`, [
        actor.orgId,
      ])) as { status: string }[];
      const suspensions = (await em.query(
        `SELECT suspended_from AS "from", lifted_on AS "to" FROM bank_suspensions WHERE bank_id = $1`,
        [actor.orgId],
      )) as { from: IsoDate; to: IsoDate | null }[];

      let guarantorId: string | null = null;
      if (input.guarantorId) {
        const [g] = isUuid(input.guarantorId)
          ? ((await em.query(
              `SELECT id FROM organizations WHERE id = $1 AND kind = 'GUARANTOR' AND status = 'ACTIVE' FOR SHARE`,
              [input.guarantorId],
            )) as { id: string }[])
          : [];
        if (!g) {
          throw policyViolation('loan.guarantorNotActive', {}, policy.provisions.guarantorSharing.article);
        }
        guarantorId = g.id;
      }

      const ids = [...new Set(input.collateralIds)];
      // Which of the named items are the borrower's own (the same library crossing as above).
      const assets = ids.every(isUuid)
        ? ((await em.query(`SELECT id, kind FROM ipfund_enterprise_ip_assets($1, $2::uuid[])`, [
            enterprise.id,
            ids,
          ])) as { id: string; kind: 'PATENT' | 'TRADEMARK' }[])
        : [];
      if (assets.length !== ids.length) {
        // One answer for a missing item and another enterprise's item (Art 2, 4: its own IP).
        throw policyViolation('loan.pledgeNotOwnIp', {}, policy.allowedCollateralKinds.article);
      }

      // Serialise registrations of the same contract number at this bank, then check uniqueness.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`loan:${actor.orgId}:${contractNo}`]);
      const duplicate = (await em.query(`SELECT 1 FROM loans WHERE bank_id = $1 AND contract_no = $2`, [
        actor.orgId,
        contractNo,
      ])) as unknown[];
      if (duplicate.length) throw conflict('loan.contractNoTaken', { contractNo });

      const coverage = loanCoverage(
        {
          principal,
          ipPledgedPrincipal: ipPledged,
          collateral: assets.map((a) => ({ kind: a.kind, pledgedByBorrower: true })),
          purpose: input.purpose,
          issuedOn,
          // Art 8, 25: a partner that lost its standing no longer issues covered loans.
          bankIsPartner: bank?.status === 'ACTIVE',
          bankSuspensions: suspensions,
          enterpriseBlacklistedSince: enterprise.blacklistedSince,
          // Art 24: the offices' termination decision is an input of the coverage rule.
          fundTerminatedFrom: await fundTerminatedFrom(em),
        },
        policy,
      );
      const reasons: StoredReason[] = coverage.reasons.map((r) => ({
        article: r.article,
        code: r.code,
        message: r.message,
      }));
      const saved = await em.save(
        em.create(LoanEntity, {
          contractNo,
          bankId: actor.orgId,
          guarantorId,
          enterpriseId: enterprise.id,
          principal: principal.toString(),
          ipPledgedPrincipal: ipPledged.toString(),
          outstandingPrincipal: principal.toString(),
          issuedOn,
          maturesOn,
          purpose: input.purpose,
          earliestUnpaidDueDate: null,
          status: 'ACTIVE',
          statusAsOf: issuedOn,
          covered: coverage.covered,
          coverageReasons: reasons,
        }),
      );
      target('Loan', saved.id);
      if (assets.length) {
        await em.query(`INSERT INTO loan_collateral (loan_id, ip_asset_id) SELECT $1, unnest($2::uuid[])`, [
          saved.id,
          assets.map((a) => a.id),
        ]);
      }
      await this.writeStatuses(em, actor, 'REGISTRATION', null, [
        {
          loanId: saved.id,
          asOf: issuedOn,
          outstandingPrincipal: principal.toString(),
          earliestUnpaidDueDate: null,
        },
      ]);
      detail({
        covered: coverage.covered,
        reasons: coverage.covered ? [] : reasons.map((r) => `${r.article} ${r.code}`),
        principal: principal.toString(),
        ipPledgedPrincipal: ipPledged.toString(),
      });
      return saved;
    }
  }

  /** Art 14: the guarantor of a three-party loan acknowledges it. Acknowledging again changes nothing. */
  async acknowledge(actor: Actor, loanId: string): Promise<LoanEntity> {
    return this.useCases.run(actor, 'loan.acknowledge', async ({ em, scope, target, detail }) => {
      const loan = await this.lockFor(scope, 'loan.acknowledge', loanId);
      target('Loan', loan.id);
      if (loan.acknowledgedAt) {
        detail({ alreadyAcknowledged: true });
        return loan;
      }
      await em.query(`UPDATE loans SET acknowledged_at = now(), acknowledged_by = $2 WHERE id = $1`, [
        loan.id,
        actor.userId,
      ]);
      return (await this.visibleById(scope, loan.id))!;
    });
  }

  /** Art 12, 16: a bank reports one loan's status as of a date; outstanding 0 closes the loan. */
  async reportStatus(actor: Actor, input: ReportStatusCommand): Promise<LoanEntity> {
    return this.useCases.run(actor, 'loan.reportStatus', async ({ em, scope, target, detail }) => {
      const loan = await this.lockFor(scope, 'loan.reportStatus', input.loanId);
      target('Loan', loan.id);
      const report: StatusReport = {
        asOf: input.asOf as IsoDate,
        outstandingPrincipal: Money.of(input.outstandingPrincipal).toString(),
        earliestUnpaidDueDate: (input.earliestUnpaidDueDate ?? null) as IsoDate | null,
      };
      detail({ ...report });
      const problems = statusReportProblems(loan, report, this.clock.today());
      if (problems.some((p) => p.code === 'LOAN_NOT_ACTIVE'))
        throw conflict('loan.statusReportRefused', { rule: problems[0].code, reason: problems[0].reason });
      if (problems.length) {
        throw badInput(
          'loan.statusReportRefused',
          // The first problem names the error; the details list every one, field by field.
          { rule: problems[0].code, reason: problems.map((p) => p.reason).join('; ') },
          {
            problems: problems.map((p) => ({ field: p.field, code: p.code })),
          },
        );
      }
      await this.writeStatuses(em, actor, 'REPORT', null, [{ loanId: loan.id, ...report }]);
      return (await this.visibleById(scope, loan.id))!;
    });
  }

  /**
   * Writes accepted statuses in two statements whatever their number: the append-only history
   * rows, and the loans' current status (outstanding 0 → CLOSED).
   */
  async writeStatuses(
    em: EntityManager,
    actor: Actor,
    source: StatusReportSource,
    fileName: string | null,
    statuses: readonly AcceptedStatus[],
  ): Promise<void> {
    if (!statuses.length) return;
    const cols = {
      ids: statuses.map((s) => s.loanId),
      asOf: statuses.map((s) => s.asOf),
      outstanding: statuses.map((s) => s.outstandingPrincipal),
      due: statuses.map((s) => s.earliestUnpaidDueDate),
      closed: statuses.map((s) => Money.of(s.outstandingPrincipal).isZero()),
    };
    await em.query(
      `INSERT INTO loan_status_reports
         (loan_id, as_of, outstanding_principal, earliest_unpaid_due_date, closed, source, file_name,
          reported_by, organization_id, business_date)
       SELECT u.loan_id, u.as_of, u.outstanding, u.due, u.closed, $6, $7, $8, $9, $10
       FROM unnest($1::uuid[], $2::date[], $3::numeric[], $4::date[], $5::boolean[])
         AS u(loan_id, as_of, outstanding, due, closed)`,
      [
        cols.ids,
        cols.asOf,
        cols.outstanding,
        cols.due,
        cols.closed,
        source,
        fileName,
        actor.userId,
        actor.orgId,
        this.clock.today(),
      ],
    );
    if (source === 'REGISTRATION') return;
    await em.query(
      `UPDATE loans l
         SET outstanding_principal = u.outstanding,
             earliest_unpaid_due_date = u.due,
             status = CASE WHEN u.closed THEN 'CLOSED' ELSE l.status END,
             status_as_of = u.as_of
       FROM unnest($1::uuid[], $2::date[], $3::numeric[], $4::date[], $5::boolean[])
         AS u(loan_id, as_of, outstanding, due, closed)
       WHERE l.id = u.loan_id`,
      [cols.ids, cols.asOf, cols.outstanding, cols.due, cols.closed],
    );
  }

  /** Pledged IP of many readable loans in one statement (the Loan.collateral loader). */
  async collateralOf(scope: Scope, loanIds: readonly string[]): Promise<Map<string, IpAssetEntity[]>> {
    const visible = scope.where('read', 'Loan', 'cl');
    const [sql, params] = scope.em.connection.driver.escapeQueryWithParameters(
      `SELECT lc.loan_id, a.id, a.kind, a.registration_no, a.title
       FROM loan_collateral lc JOIN ip_assets a ON a.id = lc.ip_asset_id JOIN loans cl ON cl.id = lc.loan_id
       WHERE lc.loan_id = ANY(:loanIds::uuid[]) AND ${visible.sql}
       ORDER BY a.kind, a.registration_no`,
      { ...visible.params, loanIds: [...loanIds] },
    );
    const rows = (await scope.em.query(sql, params)) as {
      loan_id: string;
      id: string;
      kind: 'PATENT' | 'TRADEMARK';
      registration_no: string;
      title: string;
    }[];
    const byLoan = new Map<string, IpAssetEntity[]>();
    for (const r of rows) {
      const list = byLoan.get(r.loan_id) ?? [];
      list.push(
        Object.assign(new IpAssetEntity(), {
          id: r.id,
          kind: r.kind,
          registrationNo: r.registration_no,
          title: r.title,
        }),
      );
      byLoan.set(r.loan_id, list);
    }
    return byLoan;
  }

  /** Status history of many readable loans in one statement, oldest first (the Loan.statusReports loader). */
  async statusReportsOf(
    scope: Scope,
    loanIds: readonly string[],
  ): Promise<Map<string, LoanStatusReportEntity[]>> {
    const rows = await scope
      .loanStatusReports()
      .andWhere('r.loan_id = ANY(:ids::uuid[])', { ids: [...loanIds] })
      .orderBy('r.id', 'ASC')
      .getMany();
    const byLoan = new Map<string, LoanStatusReportEntity[]>();
    for (const r of rows) {
      const list = byLoan.get(r.loanId) ?? [];
      list.push(r);
      byLoan.set(r.loanId, list);
    }
    return byLoan;
  }
}
