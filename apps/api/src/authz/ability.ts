import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility } from '@casl/ability';
import type { OrgKind } from '@ipfund/shared';
import type { Actor } from './actor';

export type Action = 'read' | 'create' | 'update' | 'manage';
export type SubjectType = 'Loan' | 'Enterprise' | 'Organization';

/** Plain shapes the conditions are written against; the SQL adapter maps each field to a column. */
export interface LoanSubject {
  bankId: string;
  guarantorId: string | null;
  /** The borrowing enterprise's own organisation (for enterprise logins). */
  enterpriseOrgId: string | null;
}
export interface EnterpriseSubject {
  organizationId: string | null;
  /** Banks that lent to it (DOMAIN.md §2: a bank sees the enterprises that borrow from it). */
  lenderIds: string[];
  guarantorIds: string[];
}
export interface OrganizationSubject {
  id: string;
}

/** A subject type name, or a plain record tagged with one (`subject('Loan', row)`). */
export type AppSubject =
  | SubjectType
  | (LoanSubject & ForcedSubject<'Loan'>)
  | (EnterpriseSubject & ForcedSubject<'Enterprise'>)
  | (OrganizationSubject & ForcedSubject<'Organization'>);
export type AppAbility = MongoAbility<[Action, AppSubject]>;

/** Read-everything kinds (DOMAIN.md §2): the three offices, the manager, and the auditor. */
const PROGRAMME_WIDE_READERS: readonly OrgKind[] = [
  'IP_BUREAU',
  'FINANCE_BUREAU',
  'FINANCIAL_OFFICE',
  'FUND_MANAGER',
  'AUDITOR',
];

/**
 * What each organisation kind may do (DOMAIN.md §2). Deny by default: a kind not handled here
 * gets no rule, and the SQL adapter turns "no rule" into "no rows".
 */
export function defineAbilityFor(actor: Pick<Actor, 'orgId' | 'orgKind'>): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  const org = actor.orgId;

  if (PROGRAMME_WIDE_READERS.includes(actor.orgKind)) {
    can('read', 'Loan');
    can('read', 'Enterprise');
    can('read', 'Organization');
  } else {
    switch (actor.orgKind) {
      case 'LENDING_BANK':
        can('read', 'Loan', { bankId: org });
        can('read', 'Enterprise', { lenderIds: org });
        break;
      case 'GUARANTOR':
        can('read', 'Loan', { guarantorId: org });
        can('read', 'Enterprise', { guarantorIds: org });
        break;
      case 'ENTERPRISE':
        can('read', 'Loan', { enterpriseOrgId: org });
        can('read', 'Enterprise', { organizationId: org });
        break;
      default:
        break;
    }
    can('read', 'Organization', { id: org });
  }
  return build();
}
