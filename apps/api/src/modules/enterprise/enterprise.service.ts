import type { OrgKind } from '@ipfund/shared';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../authz/actor';
import { defineAbilityFor } from '../../authz/ability';
import { whereAbility, type FieldMap } from '../../authz/ability-to-sql';
import { badInput, conflict, notFound } from '../../common/errors';
import { decodeCursor, encodeCursor, pageSize } from '../../common/pagination';
import type { UseCaseRunner } from '../../common/use-case';
import { isUniqueViolation, isUuid, requireKind, text } from '../partner/partner.access';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code';
import { EnterpriseEntity, IpAssetEntity, type IpAssetKind } from './enterprise.entity';

/**
 * Columns behind the fields the Enterprise rules are written against (authz/ability.ts). The
 * array-valued fields are subqueries over the enterprise's loans (DOMAIN.md §2: a bank sees the
 * enterprises that borrow from it, a guarantor those on loans it guarantees).
 */
export const ENTERPRISE_FIELDS: FieldMap = {
  organizationId: 'enterprise.organization_id',
  createdByOrgId: 'enterprise.created_by_org_id',
  lenderIds: { memberOf: 'SELECT el.bank_id FROM loans el WHERE el.enterprise_id = enterprise.id' },
  guarantorIds: {
    memberOf:
      'SELECT eg.guarantor_id FROM loans eg WHERE eg.enterprise_id = enterprise.id AND eg.guarantor_id IS NOT NULL',
  },
};

/**
 * Art 6.3: the fund manager keeps the enterprise library. A bank adds a new borrower (and its IP) so
 * it can register the loan; it then sees the enterprise before the first loan.
 */
export const ENTERPRISE_EDITORS: readonly OrgKind[] = ['FUND_MANAGER', 'LENDING_BANK'];

export interface IpAssetArgs {
  kind: IpAssetKind;
  registrationNo: string;
  title: string;
}

export interface CreateEnterpriseArgs {
  name: string;
  creditCode: string;
  district?: string | null;
  industry?: string | null;
  ipAssets?: IpAssetArgs[] | null;
}

export interface EnterpriseWithAssets {
  enterprise: EnterpriseEntity;
  assets: IpAssetEntity[];
}

export interface EnterprisePage {
  totalCount: number;
  rows: EnterpriseWithAssets[];
  hasNextPage: boolean;
  cursorOf(row: EnterpriseWithAssets): string;
}

const IP_KINDS: readonly IpAssetKind[] = ['PATENT', 'TRADEMARK'];

/** LIKE pattern text with %, _ and \ taken literally. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function normaliseCreditCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  if (isValidCreditCode(code)) return code;
  const expected = /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) ? creditCodeCheckChar(code.slice(0, 17)) : null;
  throw badInput(
    expected
      ? `Unified social credit code ${code}: the check character should be ${expected}`
      : 'A unified social credit code has 18 characters from 0-9 and A-Y without I, O, S, V, Z',
    { field: 'creditCode' },
  );
}

const duplicateCode = (code: string) =>
  conflict(`An enterprise with credit code ${code} is already in the library`);

function normaliseAsset(a: IpAssetArgs): IpAssetArgs {
  if (!IP_KINDS.includes(a.kind)) throw badInput('An IP item is a PATENT or a TRADEMARK');
  const registrationNo = a.registrationNo.trim().toUpperCase();
  const title = text(a.title);
  if (!registrationNo) throw badInput('The IP item needs its registration number');
  if (!title) throw badInput('The IP item needs a title');
  return { kind: a.kind, registrationNo, title };
}

export class EnterpriseService {
  constructor(
    private readonly ds: DataSource,
    private readonly useCases: UseCaseRunner,
  ) {}

  /** Enterprises the actor may read; authorization is a WHERE clause (never read, counted or aggregated). */
  visibleEnterprises(
    actor: Actor,
    em: EntityManager = this.ds.manager,
  ): SelectQueryBuilder<EnterpriseEntity> {
    const qb = em.getRepository(EnterpriseEntity).createQueryBuilder('enterprise');
    return whereAbility(qb, defineAbilityFor(actor), 'read', 'Enterprise', ENTERPRISE_FIELDS);
  }

  /** Newest first (insertion order), optionally matching a name fragment or a credit code prefix. */
  async list(
    actor: Actor,
    args: { first?: number | null; after?: string | null; search?: string | null },
  ): Promise<EnterprisePage> {
    const limit = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, 1) : null;
    if (after && !/^\d{1,18}$/.test(after[0])) throw badInput('Invalid cursor');
    const base = this.visibleEnterprises(actor);
    const search = text(args.search);
    if (search) {
      base.andWhere('(enterprise.name ILIKE :namePattern OR enterprise.credit_code LIKE :codePattern)', {
        namePattern: `%${likeEscape(search)}%`,
        codePattern: `${likeEscape(search.toUpperCase())}%`,
      });
    }
    const totalCount = await base.clone().getCount();
    const page = base
      .clone()
      .orderBy('enterprise.seq', 'DESC')
      .limit(limit + 1);
    if (after) page.andWhere('enterprise.seq < :afterSeq::bigint', { afterSeq: after[0] });
    const rows = await page.getMany();
    const shown = rows.slice(0, limit);
    return {
      totalCount,
      rows: await this.withAssets(this.ds.manager, shown),
      hasNextPage: rows.length > limit,
      cursorOf: (row) => encodeCursor([row.enterprise.seq]),
    };
  }

  /** null both when the enterprise does not exist and when the actor may not see it. */
  async byId(actor: Actor, id: string): Promise<EnterpriseWithAssets | null> {
    if (!isUuid(id)) return null;
    const e = await this.visibleEnterprises(actor).andWhere('enterprise.id = :id', { id }).getOne();
    if (!e) return null;
    const [row] = await this.withAssets(this.ds.manager, [e]);
    return row;
  }

  /** One statement for the IP items of a whole page (no N+1). */
  async withAssets(em: EntityManager, enterprises: EnterpriseEntity[]): Promise<EnterpriseWithAssets[]> {
    if (enterprises.length === 0) return [];
    const assets = await em
      .getRepository(IpAssetEntity)
      .createQueryBuilder('asset')
      .where('asset.enterprise_id IN (:...ids)', { ids: enterprises.map((e) => e.id) })
      .orderBy('asset.kind', 'ASC')
      .addOrderBy('asset.registration_no', 'ASC')
      .getMany();
    return enterprises.map((enterprise) => ({
      enterprise,
      assets: assets.filter((a) => a.enterpriseId === enterprise.id),
    }));
  }

  /** The enterprise, locked for the transaction; NOT_FOUND when missing or invisible to the actor. */
  async lockVisible(actor: Actor, em: EntityManager, id: string): Promise<EnterpriseEntity> {
    if (!isUuid(id)) throw notFound('Enterprise');
    const e = await this.visibleEnterprises(actor, em)
      .andWhere('enterprise.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!e) throw notFound('Enterprise');
    return e;
  }

  /** Art 6.3. The credit code is validated (GB 32100-2015) and unique in the library. */
  create(actor: Actor, args: CreateEnterpriseArgs): Promise<EnterpriseWithAssets> {
    return this.useCases.run(actor, 'enterprise.create', async ({ em, target, detail }) => {
      requireKind(actor, ENTERPRISE_EDITORS, 'add enterprises to the library');
      const name = text(args.name);
      if (!name) throw badInput('The enterprise needs a name');
      const creditCode = normaliseCreditCode(args.creditCode);
      const assets = (args.ipAssets ?? []).map(normaliseAsset);
      detail({ name, creditCode, ipAssets: assets.length });
      if (await em.getRepository(EnterpriseEntity).exists({ where: { creditCode } })) {
        throw duplicateCode(creditCode);
      }
      const enterprise = await em
        .save(
          em.create(EnterpriseEntity, {
            name,
            creditCode,
            district: text(args.district) ?? '',
            industry: text(args.industry) ?? '',
            createdByOrgId: actor.orgId,
          }),
        )
        .catch((err: unknown) => {
          if (isUniqueViolation(err)) throw duplicateCode(creditCode);
          throw err;
        });
      target('Enterprise', enterprise.id);
      const saved: IpAssetEntity[] = [];
      for (const a of assets) saved.push(await this.insertAsset(em, enterprise.id, a));
      const reloaded = await em.getRepository(EnterpriseEntity).findOneByOrFail({ id: enterprise.id });
      return { enterprise: reloaded, assets: saved };
    });
  }

  /** A patent or trademark of an enterprise the actor can see; registration numbers are unique per kind. */
  addIpAsset(actor: Actor, args: IpAssetArgs & { enterpriseId: string }): Promise<IpAssetEntity> {
    return this.useCases.run(actor, 'enterprise.addIpAsset', async ({ em, target, detail }) => {
      requireKind(actor, ENTERPRISE_EDITORS, 'record IP of enterprises');
      const enterprise = await this.lockVisible(actor, em, args.enterpriseId);
      target('Enterprise', enterprise.id);
      const asset = normaliseAsset(args);
      detail({ kind: asset.kind, registrationNo: asset.registrationNo });
      const saved = await this.insertAsset(em, enterprise.id, asset);
      detail({ ipAssetId: saved.id });
      return saved;
    });
  }

  private async insertAsset(em: EntityManager, enterpriseId: string, a: IpAssetArgs): Promise<IpAssetEntity> {
    const taken = await em
      .getRepository(IpAssetEntity)
      .exists({ where: { kind: a.kind, registrationNo: a.registrationNo } });
    const duplicate = () => conflict(`${a.kind} ${a.registrationNo} is already on record`);
    if (taken) throw duplicate();
    return em.save(em.create(IpAssetEntity, { enterpriseId, ...a })).catch((err: unknown) => {
      if (isUniqueViolation(err)) throw duplicate();
      throw err;
    });
  }
}
