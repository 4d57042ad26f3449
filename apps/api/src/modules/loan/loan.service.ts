import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../authz/actor';
import { defineAbilityFor } from '../../authz/ability';
import { whereAbility, type FieldMap } from '../../authz/ability-to-sql';
import { decodeCursor, encodeCursor, pageSize } from '../../common/pagination';
import { LoanEntity } from './loan.entity';

/** Columns behind the fields the Loan rules are written against (authz/ability.ts). */
export const LOAN_FIELDS: FieldMap = {
  bankId: 'loan.bank_id',
  guarantorId: 'loan.guarantor_id',
  enterpriseOrgId: 'enterprise.organization_id',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface LoanPage {
  totalCount: number;
  rows: LoanEntity[];
  hasNextPage: boolean;
  cursorOf(loan: LoanEntity): string;
}

export class LoanService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Loans the actor may read, joined with their parties. Authorization is a WHERE clause,
   * so rows the actor may not see are never read, counted or aggregated.
   */
  visibleLoans(actor: Actor, em: EntityManager = this.ds.manager): SelectQueryBuilder<LoanEntity> {
    const qb = em
      .getRepository(LoanEntity)
      .createQueryBuilder('loan')
      .innerJoinAndSelect('loan.bank', 'bank')
      .leftJoinAndSelect('loan.guarantor', 'guarantor')
      .innerJoinAndSelect('loan.enterprise', 'enterprise');
    return whereAbility(qb, defineAbilityFor(actor), 'read', 'Loan', LOAN_FIELDS);
  }

  /** Newest issue date first; `seq` breaks ties so the order is total and pages never overlap. */
  async list(actor: Actor, args: { first?: number | null; after?: string | null }): Promise<LoanPage> {
    const limit = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, 2) : null;
    const base = this.visibleLoans(actor);
    const totalCount = await base.clone().getCount();
    const page = base
      .clone()
      .orderBy('loan.issued_on', 'DESC')
      .addOrderBy('loan.seq', 'DESC')
      .limit(limit + 1);
    if (after) {
      page.andWhere('(loan.issued_on, loan.seq) < (:afterDate::date, :afterSeq::bigint)', {
        afterDate: after[0],
        afterSeq: after[1],
      });
    }
    const rows = await page.getMany();
    return {
      totalCount,
      rows: rows.slice(0, limit),
      hasNextPage: rows.length > limit,
      cursorOf: (loan) => encodeCursor([loan.issuedOn, loan.seq]),
    };
  }

  /** null both when the loan does not exist and when the actor may not see it. */
  async byId(actor: Actor, id: string): Promise<LoanEntity | null> {
    if (!UUID.test(id)) return null;
    return this.visibleLoans(actor).andWhere('loan.id = :id', { id }).getOne();
  }
}
