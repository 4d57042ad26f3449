import {
  Rate,
  compareDates,
  validateAgreement,
  type CooperationAgreement,
  type IsoDate,
} from '@ipfund/policy';
import type { EntityManager } from 'typeorm';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import type { BusinessClock } from '../../common/business-clock';
import { badInput, conflict, notFound, policyViolation } from '../../common/errors';
import type { PolicyBook } from '../../common/policy-book';
import type { UseCaseRunner } from '../../common/use-case';
import { isUuid } from '../../common/ids';
import { partnerStatusArticle } from '../partner/partner-status';
import { CooperationAgreementEntity } from './agreement.entity';

export interface RecordAgreementArgs {
  bankId: string;
  effectiveFrom: IsoDate;
  fundRateLowTier: string;
  fundRateHighTier: string;
  guarantorRate?: string | null;
}

export interface AgreementList {
  rows: CooperationAgreementEntity[];
  /** Ids of the versions in force on the business date (one per bank at most). */
  inForce: ReadonlySet<string>;
}

/** The Rate scalar's rule, for callers that bypass GraphQL (demo steps, other services). */
const RATE_TEXT = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;

function parseRate(value: string, field: string): Rate {
  if (!RATE_TEXT.test(value)) throw badInput('agreement.rate', { field, value });
  return Rate.of(value);
}

function toPolicyAgreement(row: CooperationAgreementEntity): CooperationAgreement {
  return {
    bankId: row.bankId,
    effectiveFrom: row.effectiveFrom,
    fundRateLowTier: Rate.of(row.fundRateLowTier),
    fundRateHighTier: Rate.of(row.fundRateHighTier),
    ...(row.guarantorRate === null ? {} : { guarantorRate: Rate.of(row.guarantorRate) }),
  };
}

/**
 * Cooperation agreements (Art 8, 11, 14): the fund's rate per tier and the guarantor's rate on the
 * bank's three-party loans, versioned by effective date. Recorded by the offices or the fund manager;
 * a bank reads its own. Other modules read the version in force through `agreementInForce`.
 */
export class AgreementService {
  constructor(
    private readonly access: Access,
    private readonly useCases: UseCaseRunner,
    private readonly clock: BusinessClock,
    private readonly policies: PolicyBook,
  ) {}

  /** Versions the actor may read, newest first per bank; optionally one bank's. */
  async list(actor: Actor, args: { bankId?: string | null } = {}): Promise<AgreementList> {
    if (args.bankId && !isUuid(args.bankId)) return { rows: [], inForce: new Set() };
    const rows = await this.access.read(actor, (scope) => {
      const qb = scope.agreements().innerJoinAndSelect('agreement.bank', 'bank');
      if (args.bankId) qb.andWhere('agreement.bank_id = :bankId', { bankId: args.bankId });
      return qb
        .orderBy('bank.name', 'ASC')
        .addOrderBy('agreement.bank_id', 'ASC')
        .addOrderBy('agreement.effective_from', 'DESC')
        .getMany();
    });
    const today = this.clock.today();
    const inForce = new Set<string>();
    const seen = new Set<string>();
    for (const row of rows) {
      // Rows are newest first per bank: the first one already in effect is the one in force.
      if (seen.has(row.bankId) || compareDates(row.effectiveFrom, today) > 0) continue;
      seen.add(row.bankId);
      inForce.add(row.id);
    }
    return { rows, inForce };
  }

  /**
   * Records a new version. The policy in force on its effective date decides what is allowed
   * (validateAgreement: tier caps Art 11, guarantor minimum Art 14, fund + guarantor ≤ 100 %).
   */
  record(actor: Actor, args: RecordAgreementArgs): Promise<CooperationAgreementEntity> {
    return this.useCases.run(actor, 'agreement.record', async ({ em, scope, target, detail }) => {
      if (!isUuid(args.bankId)) throw notFound('Bank');
      // Locking the bank serialises versions of the same agreement.
      const bank = await scope
        .partners('agreement.record')
        .select('org.id', 'id')
        .addSelect('org.status', 'status')
        .andWhere('org.id = :id AND org.kind = :kind', { id: args.bankId, kind: 'LENDING_BANK' })
        .setLock('pessimistic_write')
        .getRawOne<{ id: string; status: string }>();
      if (!bank) throw notFound('Bank');
      target('Organization', bank.id);
      detail({
        effectiveFrom: args.effectiveFrom,
        fundRateLowTier: args.fundRateLowTier,
        fundRateHighTier: args.fundRateHighTier,
        guarantorRate: args.guarantorRate ?? null,
      });
      if (bank.status !== 'ACTIVE') {
        throw conflict(
          'agreement.partnerStatus',
          { status: bank.status },
          partnerStatusArticle(bank.status, this.policies.inForce(this.clock.today())),
        );
      }

      const policy = this.policies.inForce(args.effectiveFrom);
      const agreement: CooperationAgreement = {
        bankId: bank.id,
        effectiveFrom: args.effectiveFrom,
        fundRateLowTier: parseRate(args.fundRateLowTier, 'fundRateLowTier'),
        fundRateHighTier: parseRate(args.fundRateHighTier, 'fundRateHighTier'),
        ...(args.guarantorRate ? { guarantorRate: parseRate(args.guarantorRate, 'guarantorRate') } : {}),
      };
      const violations = validateAgreement(agreement, policy);
      if (violations.length > 0) {
        const [first] = violations;
        throw policyViolation(
          'agreement.refused',
          { rule: first.code, reason: first.message },
          first.article,
          {
            violations: violations.map((v) => ({ article: v.article, code: v.code, message: v.message })),
          },
        );
      }

      // History is never rewritten: a new version takes effect after every recorded one.
      const latest = await scope
        .agreements()
        .andWhere('agreement.bank_id = :bankId', { bankId: bank.id })
        .orderBy('agreement.effective_from', 'DESC')
        .getOne();
      if (latest && compareDates(args.effectiveFrom, latest.effectiveFrom) <= 0) {
        throw conflict(
          'agreement.notLater',
          { from: latest.effectiveFrom },
          policy.provisions.partnerSelection.article,
        );
      }

      const saved = await em.save(
        em.create(CooperationAgreementEntity, {
          bankId: bank.id,
          effectiveFrom: args.effectiveFrom,
          fundRateLowTier: agreement.fundRateLowTier!.toString(),
          fundRateHighTier: agreement.fundRateHighTier!.toString(),
          guarantorRate: agreement.guarantorRate?.toString() ?? null,
          recordedOn: this.clock.today(),
          recordedByUserId: actor.userId,
          recordedByOrgId: actor.orgId,
        }),
      );
      target('CooperationAgreement', saved.id);
      return this.reload(scope, saved.id);
    });
  }

  /** A version just recorded by the acting office or manager (who may read every agreement). */
  private reload(scope: Scope, id: string): Promise<CooperationAgreementEntity> {
    return scope
      .agreements()
      .innerJoinAndSelect('agreement.bank', 'bank')
      .andWhere('agreement.id = :id', { id })
      .getOneOrFail();
  }

  /** Whether this version, read by the actor, is in force on the business date (for a freshly recorded one). */
  async isInForce(actor: Actor, row: CooperationAgreementEntity): Promise<boolean> {
    const current = await this.access.read(actor, (scope) =>
      this.findInForce(scope.em, row.bankId, this.clock.today()),
    );
    return current !== null && current.effectiveFrom === row.effectiveFrom;
  }

  /**
   * The version in force for a bank on a date (the latest effectiveFrom ≤ date), in the shape the
   * policy package computes with; null when none. No authorization: for use inside other use cases.
   */
  async findInForce(em: EntityManager, bankId: string, date: IsoDate): Promise<CooperationAgreement | null> {
    if (!isUuid(bankId)) return null;
    const row = await em
      .getRepository(CooperationAgreementEntity)
      .createQueryBuilder('agreement')
      .where('agreement.bank_id = :bankId', { bankId })
      .andWhere('agreement.effective_from <= :date', { date })
      .orderBy('agreement.effective_from', 'DESC')
      .getOne();
    return row ? toPolicyAgreement(row) : null;
  }

  /**
   * Like findInForce, but a missing agreement is a refusal: compensation is computed under the
   * bank's cooperation agreement (Art 8, 11), so without one in force there is nothing to apply.
   */
  async agreementInForce(em: EntityManager, bankId: string, date: IsoDate): Promise<CooperationAgreement> {
    const found = await this.findInForce(em, bankId, date);
    if (!found) {
      const article = this.policies.inForce(date).provisions.partnerSelection.article;
      throw policyViolation('agreement.noneInForce', { date }, article, {
        bankId,
        date,
      });
    }
    return found;
  }
}
