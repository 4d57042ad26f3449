import type { IsoDate } from '@ipfund/policy';
import type { Operation } from '@ipfund/shared';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import { hashPassword } from '../../auth/password';
import { LoginThrottle, type LoginLockout } from '../../auth/throttle';
import type { BusinessClock } from '../../common/business-clock';
import { badInput, conflict, notFound, policyViolation } from '../../common/errors';
import type { PolicyBook } from '../../common/policy-book';
import type { UseCaseRunner } from '../../common/use-case';
import { OrganizationEntity, type OrgStatus } from '../org/org.entity';
import { partnerStatusArticle } from './partner-status';
import { UserEntity } from '../org/user.entity';
import {
  PARTNER_KINDS,
  isPartnerKind,
  isUniqueViolation,
  isUuid,
  text,
  type PartnerKindValue,
} from './partner.access';

/** A partner as read from `organizations` (the status columns are this module's, Art 15, 25). */
export interface PartnerRow {
  id: string;
  kind: PartnerKindValue;
  name: string;
  shortName: string | null;
  status: OrgStatus;
  licenceNo: string | null;
  statusReason: string | null;
  statusChangedOn: IsoDate | null;
}

export interface ManagedUserRow {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  organizationId: string;
  organizationName: string;
}

export interface AdmitPartnerArgs {
  kind: PartnerKindValue;
  name: string;
  shortName?: string | null;
  licenceNo?: string | null;
}

export interface CreateUserArgs {
  organizationId: string;
  username: string;
  displayName: string;
  password: string;
}

/** The username rule of the users table (Foundation migration). */
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 256;

/**
 * Partner supervision (Art 5, 8, 14, 15, 25): the offices and the fund manager admit, retire and
 * disqualify banks and guarantors, and manage their logins. A partner that is not ACTIVE stays on
 * record; on their next request AuthService refuses the users of a disqualified one, and marks those
 * of a retired one so they open no new business (authz/operations.ts `newBusiness`). Who may is the operations table's
 * business (authz/operations.ts); which partner an actor may act on is its scope's.
 */
export class PartnerService {
  constructor(
    private readonly access: Access,
    private readonly useCases: UseCaseRunner,
    private readonly clock: BusinessClock,
    private readonly policies: PolicyBook,
  ) {}

  /**
   * Partners the scope may read (programme-wide readers all, others their own), or take `action` on,
   * as rows (alias `org`).
   */
  private visiblePartners(
    scope: Scope,
    action: 'read' | Operation = 'read',
  ): SelectQueryBuilder<ObjectLiteral> {
    return scope
      .partners(action)
      .select('org.id', 'id')
      .addSelect('org.kind', 'kind')
      .addSelect('org.name', 'name')
      .addSelect('org.short_name', 'shortName')
      .addSelect('org.status', 'status')
      .addSelect('org.licence_no', 'licenceNo')
      .addSelect('org.status_reason', 'statusReason')
      .addSelect('org.status_changed_on', 'statusChangedOn')
      .andWhere('org.kind IN (:...partnerKinds)', { partnerKinds: PARTNER_KINDS });
  }

  list(actor: Actor, kind?: PartnerKindValue | null): Promise<PartnerRow[]> {
    return this.access.read(actor, (scope) => {
      const qb = this.visiblePartners(scope);
      if (kind) qb.andWhere('org.kind = :kind', { kind });
      return qb.orderBy('org.kind', 'ASC').addOrderBy('org.name', 'ASC').getRawMany<PartnerRow>();
    });
  }

  /** null both when the partner does not exist and when the actor may not see it. */
  async byId(actor: Actor, id: string): Promise<PartnerRow | null> {
    if (!isUuid(id)) return null;
    return this.access.read(actor, (scope) => this.visibleById(scope, id));
  }

  private async visibleById(scope: Scope, id: string): Promise<PartnerRow | null> {
    const row = await this.visiblePartners(scope).andWhere('org.id = :id', { id }).getRawOne<PartnerRow>();
    return row ?? null;
  }

  /**
   * The partner the actor may take `operation` on, locked for the rest of the transaction; NOT_FOUND
   * when missing or not permitted (one answer).
   */
  private async lockPartner(scope: Scope, operation: Operation, id: string): Promise<PartnerRow> {
    if (!isUuid(id)) throw notFound('Partner');
    const row = await this.visiblePartners(scope, operation)
      .andWhere('org.id = :id', { id })
      .setLock('pessimistic_write')
      .getRawOne<PartnerRow>();
    if (!row) throw notFound('Partner');
    return row;
  }

  /** Art 8 (banks), Art 14 (guarantors: a financing-guarantee licence is required). */
  admit(actor: Actor, args: AdmitPartnerArgs): Promise<PartnerRow> {
    return this.useCases.run(actor, 'partner.admit', async ({ em, scope, target, detail }) => {
      if (!isPartnerKind(args.kind)) throw badInput('partner.kind', {});
      const name = text(args.name);
      if (!name) throw badInput('partner.name', {});
      const licenceNo = text(args.licenceNo);
      detail({ kind: args.kind, name, licenceNo });
      const policy = this.policies.inForce(this.clock.today());
      if (args.kind === 'GUARANTOR' && !licenceNo) {
        throw policyViolation('partner.guarantorLicence', {}, policy.provisions.guarantorSharing.article);
      }
      const taken = await em.getRepository(OrganizationEntity).exists({ where: { name } });
      if (taken) throw conflict('partner.nameTaken', { name });
      const org = await em.save(
        em.create(OrganizationEntity, {
          kind: args.kind,
          name,
          shortName: text(args.shortName),
          licenceNo,
          status: 'ACTIVE',
        }),
      );
      target('Organization', org.id);
      return this.reload(scope, org.id);
    });
  }

  /**
   * Art 15: a partner leaving the programme. It stays on record; its users open no new business
   * (loans, library entries) but see through what is under way: its earlier loans stay covered, so
   * it still reports on them, files and follows claims, and records and remits recoveries (Art 18).
   */
  retire(actor: Actor, orgId: string, reason: string): Promise<PartnerRow> {
    return this.changeStatus(actor, 'partner.retire', orgId, reason, 'RETIRED');
  }

  /** Art 25: a partner found defrauding or misappropriating funds loses partner status. */
  disqualify(actor: Actor, orgId: string, reason: string): Promise<PartnerRow> {
    return this.changeStatus(actor, 'partner.disqualify', orgId, reason, 'DISQUALIFIED');
  }

  private changeStatus(
    actor: Actor,
    operation: 'partner.retire' | 'partner.disqualify',
    orgId: string,
    reason: string,
    to: 'RETIRED' | 'DISQUALIFIED',
  ): Promise<PartnerRow> {
    return this.useCases.run(actor, operation, async ({ em, scope, target, detail }) => {
      const partner = await this.lockPartner(scope, operation, orgId);
      target('Organization', partner.id);
      const why = text(reason);
      if (!why) throw badInput('common.reasonRequired', {});
      detail({ from: partner.status, to, reason: why });
      const article = partnerStatusArticle(to, this.policies.inForce(this.clock.today()));
      // A retired partner can still be found to have defrauded the fund; a disqualification is final.
      const allowedFrom: OrgStatus[] = to === 'RETIRED' ? ['ACTIVE'] : ['ACTIVE', 'RETIRED'];
      if (!allowedFrom.includes(partner.status)) {
        throw conflict('partner.statusChange', { status: partner.status, to }, article);
      }
      await em.query(
        `UPDATE organizations SET status = $1, status_reason = $2, status_changed_on = $3 WHERE id = $4`,
        [to, why, this.clock.today(), partner.id],
      );
      return this.reload(scope, partner.id);
    });
  }

  /**
   * Usernames and client addresses blocked now after failed logins (issue 9). The operations table
   * says who may (`auth.clearLockout`); the database function answers only those kinds as well.
   */
  loginLockouts(actor: Actor): Promise<LoginLockout[]> {
    this.access.requireOperation(actor, 'auth.clearLockout');
    return this.access.read(actor, (scope) => LoginThrottle.lockouts(scope.em));
  }

  /** Lets a locked-out username log in again at once; on the activity record like every use case. */
  clearLoginLockout(actor: Actor, username: string): Promise<boolean> {
    return this.useCases.run(actor, 'auth.clearLockout', async ({ em, target, detail }) => {
      const name = text(username)?.toLowerCase().slice(0, 256);
      if (!name) throw badInput('partner.usernameRequired', {});
      target('Login', name);
      const cleared = await LoginThrottle.clear(em, name);
      detail({ username: name, cleared });
      return cleared;
    });
  }

  /** A partner just written by the acting office or manager (who may read every partner). */
  private async reload(scope: Scope, id: string): Promise<PartnerRow> {
    const row = await this.visibleById(scope, id);
    if (!row) throw notFound('Partner');
    return row;
  }

  /**
   * Users of an organisation the actor may read (programme-wide readers: any; others: their own).
   * An invisible or unknown organisation answers with no users.
   */
  async users(actor: Actor, organizationId: string): Promise<ManagedUserRow[]> {
    if (!isUuid(organizationId)) return [];
    return this.access.read(actor, (scope) => {
      const qb = scope.em
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .innerJoin('u.organization', 'org')
        .select('u.id', 'id')
        .addSelect('u.username', 'username')
        .addSelect('u.displayName', 'displayName')
        .addSelect('u.active', 'active')
        .addSelect('org.id', 'organizationId')
        .addSelect('org.name', 'organizationName')
        .where('org.id = :organizationId', { organizationId });
      return scope
        .filter(qb, 'read', 'Partner', 'org')
        .orderBy('u.username', 'ASC')
        .getRawMany<ManagedUserRow>();
    });
  }

  /** A login for a partner organisation; the password is stored as an argon2id hash only. */
  createUser(actor: Actor, args: CreateUserArgs): Promise<ManagedUserRow> {
    return this.useCases.run(actor, 'partner.createUser', async ({ em, scope, target, detail }) => {
      const partner = await this.lockPartner(scope, 'partner.createUser', args.organizationId);
      const username = args.username.trim().toLowerCase();
      // Never the password, not even its length.
      detail({ organizationId: partner.id, username });
      if (partner.status !== 'ACTIVE') {
        throw conflict(
          'partner.usersCannotAct',
          { status: partner.status },
          partnerStatusArticle(partner.status, this.policies.inForce(this.clock.today())),
        );
      }
      if (!USERNAME.test(username)) {
        throw badInput('partner.usernameFormat', {});
      }
      const displayName = text(args.displayName);
      if (!displayName) throw badInput('partner.displayName', {});
      if (args.password.length < MIN_PASSWORD_LENGTH || args.password.length > MAX_PASSWORD_LENGTH) {
        throw badInput('partner.passwordLength', { min: MIN_PASSWORD_LENGTH });
      }
      if (await em.getRepository(UserEntity).exists({ where: { username } })) {
        throw conflict('partner.usernameTaken', { username });
      }
      let user: UserEntity;
      try {
        user = await em.save(
          em.create(UserEntity, {
            organizationId: partner.id,
            username,
            displayName,
            passwordHash: await hashPassword(args.password),
            active: true,
          }),
        );
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('partner.usernameTaken', { username });
        throw err;
      }
      target('User', user.id);
      return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        active: user.active,
        organizationId: partner.id,
        organizationName: partner.name,
      };
    });
  }

  /** The user can no longer log in, and a token issued before stops working at once (AuthService). */
  deactivateUser(actor: Actor, userId: string): Promise<ManagedUserRow> {
    return this.useCases.run(actor, 'partner.deactivateUser', async ({ em, scope, target, detail }) => {
      if (!isUuid(userId)) throw notFound('User');
      // Only logins of partner organisations are managed here.
      const qb = em
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .innerJoinAndSelect('u.organization', 'org')
        .where('u.id = :userId', { userId })
        .andWhere('org.kind IN (:...partnerKinds)', { partnerKinds: PARTNER_KINDS })
        .setLock('pessimistic_write', undefined, ['u']);
      const user = await scope.filter(qb, 'partner.deactivateUser', 'Partner', 'org').getOne();
      if (!user || !user.organization) throw notFound('User');
      target('User', user.id);
      detail({ username: user.username, organizationId: user.organizationId });
      if (!user.active) throw conflict('partner.userInactive', {});
      await em.update(UserEntity, { id: user.id }, { active: false });
      return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        active: false,
        organizationId: user.organization.id,
        organizationName: user.organization.name,
      };
    });
  }
}
