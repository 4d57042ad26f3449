import type { OrgKind } from '@ipfund/shared';

// One list of organisation kinds for the whole portal (DOMAIN §1), shared with the API and web.
export { ORG_KINDS, type OrgKind } from '@ipfund/shared';

/** Offices that may co-sign a claim; which of them must sign is a policy parameter (Art 17 in Jiangbei). */
export const OFFICE_KINDS = [
  'IP_BUREAU',
  'FINANCE_BUREAU',
  'FINANCIAL_OFFICE',
] as const satisfies readonly OrgKind[];
export type OfficeKind = (typeof OFFICE_KINDS)[number];

export function isOfficeKind(kind: string): kind is OfficeKind {
  return (OFFICE_KINDS as readonly string[]).includes(kind);
}

/**
 * The kinds that run the programme: the offices and the fund manager. Which of them decide jointly to
 * resume the fund is a policy parameter (Art 19 in Jiangbei); banks and guarantors are consulted, not voters.
 */
export const PROGRAMME_KINDS = [...OFFICE_KINDS, 'FUND_MANAGER'] as const satisfies readonly OrgKind[];
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export function isProgrammeKind(kind: string): kind is ProgrammeKind {
  return (PROGRAMME_KINDS as readonly string[]).includes(kind);
}

/** Purposes the measures allow (Art 13: 知识产权运营管理、技术研发、技术改造、项目产业化、流动资金周转). */
export const PERMITTED_LOAN_PURPOSES = [
  'IP_OPERATION',
  'RND',
  'TECH_UPGRADE',
  'INDUSTRIALISATION',
  'WORKING_CAPITAL',
] as const;
/** Purposes the measures forbid (Art 13: 股本权益性投资、有价证券、基金、期货…及其他禁止用途). */
export const PROHIBITED_LOAN_PURPOSES = [
  'EQUITY_INVESTMENT',
  'SECURITIES',
  'FUNDS',
  'FUTURES',
  'OTHER_PROHIBITED',
] as const;
export const LOAN_PURPOSES = [...PERMITTED_LOAN_PURPOSES, ...PROHIBITED_LOAN_PURPOSES] as const;
export type LoanPurpose = (typeof LOAN_PURPOSES)[number];

/** Collateral kinds; only PATENT and TRADEMARK are IP pledges in Jiangbei (Art 2, 4). OTHER: real estate etc. */
export const COLLATERAL_KINDS = ['PATENT', 'TRADEMARK', 'OTHER'] as const;
export type CollateralKind = (typeof COLLATERAL_KINDS)[number];
