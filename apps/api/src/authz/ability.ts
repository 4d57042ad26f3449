import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility } from '@casl/ability';
import type { OrgKind } from '@ipfund/shared';
import type { Actor } from './actor';

export type Action = 'read' | 'create' | 'update' | 'manage';
export type SubjectType =
  | 'Loan'
  | 'Enterprise'
  | 'Organization'
  | 'Agreement'
  | 'BlacklistProposal'
  | 'BankRisk'
  | 'RiskNotice'
  | 'SuspensionProposal'
  | 'RiskEvent'
  | 'LedgerEntry'
  | 'Claim';

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
  /** The bank that added it to the library (null: the fund manager). */
  createdByOrgId: string | null;
}
/** A cooperation agreement version (Art 8, 11, 14): the bank it binds. */
export interface AgreementSubject {
  bankId: string;
}
/** A blacklist proposal (Art 21): programme-internal until decided; the decision shows on the enterprise. */
export interface BlacklistProposalSubject {
  enterpriseId: string;
}
export interface OrganizationSubject {
  id: string;
}
/** A bank's risk ratio (Art 12): the bank sees its own, never another's (DOMAIN.md §2). */
export interface BankRiskSubject {
  bankId: string;
}
/** A warning, suspension or lift notice addressed to a bank (Art 12). */
export interface RiskNoticeSubject {
  bankId: string;
}
/** A suspension proposal (Art 12): programme-internal; the bank is told by the notice once consented. */
export interface SuspensionProposalSubject {
  bankId: string;
}
/** An early-warning event on a loan (Art 16): the loan's bank and guarantor take part. */
export interface RiskEventSubject {
  bankId: string;
  guarantorId: string | null;
}

/** A compensation claim (Art 17): the bank that filed it, and the guarantor of its loan (Art 14). */
export interface ClaimSubject {
  bankId: string;
  guarantorId: string | null;
}

/** A subject type name, or a plain record tagged with one (`subject('Loan', row)`). */
export type AppSubject =
  | SubjectType
  | (LoanSubject & ForcedSubject<'Loan'>)
  | (EnterpriseSubject & ForcedSubject<'Enterprise'>)
  | (OrganizationSubject & ForcedSubject<'Organization'>)
  | (AgreementSubject & ForcedSubject<'Agreement'>)
  | (BlacklistProposalSubject & ForcedSubject<'BlacklistProposal'>)
  | (BankRiskSubject & ForcedSubject<'BankRisk'>)
  | (RiskNoticeSubject & ForcedSubject<'RiskNotice'>)
  | (SuspensionProposalSubject & ForcedSubject<'SuspensionProposal'>)
  | (RiskEventSubject & ForcedSubject<'RiskEvent'>)
  | (ClaimSubject & ForcedSubject<'Claim'>);
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
    can('read', 'Agreement');
    can('read', 'BlacklistProposal');
    can('read', 'BankRisk');
    can('read', 'RiskNotice');
    can('read', 'SuspensionProposal');
    can('read', 'RiskEvent');
    can('read', 'Claim');
    // The fund ledger and its totals (R1, Art 5, 6, 20); never a bank, guarantor or enterprise.
    can('read', 'LedgerEntry');
  } else {
    switch (actor.orgKind) {
      case 'LENDING_BANK':
        can('read', 'Loan', { bankId: org });
        can('read', 'Enterprise', { lenderIds: org });
        // A borrower it added to the library itself, before the first loan (Art 6.3).
        can('read', 'Enterprise', { createdByOrgId: org });
        // Its own cooperation agreements (Art 8).
        can('read', 'Agreement', { bankId: org });
        // Art 12, 16: its own risk ratio and notices, and early warnings on its loans.
        can('read', 'BankRisk', { bankId: org });
        can('read', 'RiskNotice', { bankId: org });
        can('read', 'RiskEvent', { bankId: org });
        // Art 17, 18: the claims it filed (and their recoveries).
        can('read', 'Claim', { bankId: org });
        break;
      case 'GUARANTOR':
        can('read', 'Loan', { guarantorId: org });
        can('read', 'Enterprise', { guarantorIds: org });
        // Art 16: early warnings on the loans it guarantees.
        can('read', 'RiskEvent', { guarantorId: org });
        // Art 14: claims on the loans it guarantees, to confirm its share.
        can('read', 'Claim', { guarantorId: org });
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
