import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import { badInput, conflict, notFound } from '../../common/errors';
import { decodeCursor, encodeCursor, pageSize } from '../../common/pagination';
import type { UseCaseRunner } from '../../common/use-case';
import { isUuid } from '../../common/ids';
import { text } from '../partner/partner.access';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code';
import { EnterpriseEntity, IpAssetEntity, type IpAssetKind } from './enterprise.entity';

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
  throw expected
    ? badInput('enterprise.creditCodeCheck', { code, expected }, { field: 'creditCode' })
    : badInput('enterprise.creditCodeFormat', {}, { field: 'creditCode' });
}

function normaliseAsset(a: IpAssetArgs): IpAssetArgs {
  if (!IP_KINDS.includes(a.kind)) throw badInput('enterprise.ipKind', {});
  const registrationNo = a.registrationNo.trim().toUpperCase();
  const title = text(a.title);
  if (!registrationNo) throw badInput('enterprise.ipRegistrationNo', {});
  if (!title) throw badInput('enterprise.ipTitle', {});
  return { kind: a.kind, registrationNo, title };
}

/**
 * An enterprise of the library as anyone who knows its unified social credit code may see it: the code
 * is public (GB 32100-2015), and so are the name and the fact that it is in the library. Nothing else.
 */
export interface LibraryEntry {
  id: string;
  name: string;
  creditCode: string;
  /** True when the code was already in the library (the caller's name and details were not used). */
  alreadyInLibrary: boolean;
}

/**
 * Art 6.3: the fund manager keeps the enterprise library, and every partner bank works from it: a bank
 * finds a borrower by its credit code, adds a new one (and its IP) so it can register the loan, and
 * lends to an enterprise another bank or the manager added. Listing and searching by name stay within
 * what each caller may read (DOMAIN.md §2).
 */
export class EnterpriseService {
  constructor(
    private readonly access: Access,
    private readonly useCases: UseCaseRunner,
  ) {}

  /** Newest first (insertion order), optionally matching a name fragment or a credit code prefix. */
  list(
    actor: Actor,
    args: { first?: number | null; after?: string | null; search?: string | null },
  ): Promise<EnterprisePage> {
    const limit = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after, ['seq']) : null;
    if (after && !/^\d{1,18}$/.test(after[0])) throw badInput('common.invalidCursor', {});
    return this.access.read(actor, async (scope) => {
      const base = scope.enterprises();
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
        rows: await this.withAssets(scope, shown),
        hasNextPage: rows.length > limit,
        cursorOf: (row) => encodeCursor([row.enterprise.seq]),
      };
    });
  }

  /** null both when the enterprise does not exist and when the actor may not see it. */
  byId(actor: Actor, id: string): Promise<EnterpriseWithAssets | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.access.read(actor, async (scope) => {
      const e = await scope.enterprises().andWhere('enterprise.id = :id', { id }).getOne();
      if (!e) return null;
      const [row] = await this.withAssets(scope, [e]);
      return row;
    });
  }

  /**
   * The library entry with this exact credit code, for any partner bank or programme office (the code
   * is public): id and name only, or null. Read through a database function, because the enterprise
   * need not be one the caller may otherwise read.
   */
  byCreditCode(actor: Actor, rawCode: string): Promise<LibraryEntry | null> {
    const creditCode = normaliseCreditCode(rawCode);
    this.access.requireOperation(actor, 'enterprise.create');
    return this.access.read(actor, async (scope) => {
      const found = await this.findByCode(scope.em, creditCode);
      return found ? { ...found, creditCode, alreadyInLibrary: true } : null;
    });
  }

  private async findByCode(
    em: EntityManager,
    creditCode: string,
  ): Promise<{ id: string; name: string } | null> {
    const [row] = (await em.query(`SELECT id, name FROM ipfund_enterprise_by_credit_code($1)`, [
      creditCode,
    ])) as { id: string; name: string }[];
    return row ?? null;
  }

  /** One statement for the IP items of a whole page (no N+1), through the scope. */
  async withAssets(scope: Scope, enterprises: EnterpriseEntity[]): Promise<EnterpriseWithAssets[]> {
    if (enterprises.length === 0) return [];
    const assets = await scope
      .ipAssets()
      .andWhere('asset.enterprise_id IN (:...enterpriseIds)', { enterpriseIds: enterprises.map((e) => e.id) })
      .orderBy('asset.kind', 'ASC')
      .addOrderBy('asset.registration_no', 'ASC')
      .getMany();
    return enterprises.map((enterprise) => ({
      enterprise,
      assets: assets.filter((a) => a.enterpriseId === enterprise.id),
    }));
  }

  /**
   * Art 6.3. The credit code is validated (GB 32100-2015). A code already in the library is not an
   * error: the answer is the library's entry (id and name — what the public code already tells), so
   * two banks lending to one company share one record, no bank can squat a company's code, and the
   * answer says nothing about who added it or who lends to it. New IP items given with it are added
   * to the entry either way.
   */
  create(actor: Actor, args: CreateEnterpriseArgs): Promise<LibraryEntry> {
    return this.useCases.run(actor, 'enterprise.create', async ({ em, target, detail }) => {
      const name = text(args.name);
      if (!name) throw badInput('enterprise.name', {});
      const creditCode = normaliseCreditCode(args.creditCode);
      const assets = (args.ipAssets ?? []).map(normaliseAsset);
      detail({ name, creditCode, ipAssets: assets.length });
      // Serialise concurrent additions of one code, so the second finds the first's entry.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`enterprise:${creditCode}`]);
      const existing = await this.findByCode(em, creditCode);
      let entry: LibraryEntry;
      if (existing) {
        entry = { ...existing, creditCode, alreadyInLibrary: true };
        detail({ alreadyInLibrary: true });
      } else {
        const enterprise = await em.save(
          em.create(EnterpriseEntity, {
            name,
            creditCode,
            district: text(args.district) ?? '',
            industry: text(args.industry) ?? '',
            createdByOrgId: actor.orgId,
          }),
        );
        entry = { id: enterprise.id, name, creditCode, alreadyInLibrary: false };
      }
      target('Enterprise', entry.id);
      for (const a of assets) await this.findOrInsertAsset(em, entry.id, a);
      return entry;
    });
  }

  /**
   * A patent or trademark of an enterprise of the library (Art 2, 4, 6.3). Registration numbers are
   * unique per kind: an item already on record for this enterprise is answered with its record, as if
   * just added; one registered to another enterprise is refused (it cannot be this borrower's pledge).
   */
  addIpAsset(actor: Actor, args: IpAssetArgs & { enterpriseId: string }): Promise<IpAssetEntity> {
    return this.useCases.run(actor, 'enterprise.addIpAsset', async ({ em, target, detail }) => {
      if (!isUuid(args.enterpriseId)) throw notFound('Enterprise');
      const [enterprise] = (await em.query(`SELECT id FROM ipfund_enterprise_for_lending($1)`, [
        args.enterpriseId,
      ])) as { id: string }[];
      if (!enterprise) throw notFound('Enterprise');
      target('Enterprise', enterprise.id);
      const asset = normaliseAsset(args);
      detail({ kind: asset.kind, registrationNo: asset.registrationNo });
      const saved = await this.findOrInsertAsset(em, enterprise.id, asset);
      detail({ ipAssetId: saved.id });
      return saved;
    });
  }

  private async findOrInsertAsset(
    em: EntityManager,
    enterpriseId: string,
    a: IpAssetArgs,
  ): Promise<IpAssetEntity> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`ip:${a.kind}:${a.registrationNo}`]);
    const find = async () => {
      const [row] = (await em.query(
        `SELECT id, enterprise_id AS "enterpriseId" FROM ipfund_ip_asset_by_registration($1, $2)`,
        [a.kind, a.registrationNo],
      )) as { id: string; enterpriseId: string }[];
      return row;
    };
    const onRecord = await find();
    if (onRecord) {
      if (onRecord.enterpriseId !== enterpriseId) {
        throw conflict('enterprise.ipTaken', { kind: a.kind, registrationNo: a.registrationNo });
      }
      // The record's id is the answer; kind and number are the caller's own, and so is the title it gave.
      return Object.assign(new IpAssetEntity(), { ...a, id: onRecord.id, enterpriseId });
    }
    // The id is made here and the row written without RETURNING: a bank may record IP on a library
    // entry it cannot read (Art 6.3), and RETURNING would ask to read the new row back.
    const id = randomUUID();
    await em.query(
      `INSERT INTO ip_assets (id, enterprise_id, kind, registration_no, title) VALUES ($1, $2, $3, $4, $5)`,
      [id, enterpriseId, a.kind, a.registrationNo, a.title],
    );
    return Object.assign(new IpAssetEntity(), { ...a, id, enterpriseId });
  }
}
