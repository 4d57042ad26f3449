/** Organisation kinds: the tenants of the portal (DOMAIN.md §1). */
export const ORG_KINDS = [
  'IP_BUREAU',
  'FINANCE_BUREAU',
  'FINANCIAL_OFFICE',
  'FUND_MANAGER',
  'LENDING_BANK',
  'GUARANTOR',
  'ENTERPRISE',
  'AUDITOR',
] as const;

export type OrgKind = (typeof ORG_KINDS)[number];

// Which offices co-sign a claim, and who resumes the fund, is the district's rule: the policy's
// coSigningOffices and resumptionVoters (@ipfund/policy), served to the web by the `policy` query.

/** Chinese display names, used by the web client and in generated reports. */
export const ORG_KIND_LABELS_ZH: Record<OrgKind, string> = {
  IP_BUREAU: '区知识产权局',
  FINANCE_BUREAU: '区财政局',
  FINANCIAL_OFFICE: '区金融办',
  FUND_MANAGER: '资金管理人',
  LENDING_BANK: '合作贷款银行',
  GUARANTOR: '合作保险（担保）机构',
  ENTERPRISE: '贷款企业',
  AUDITOR: '会计师事务所',
};

export function isOrgKind(value: string): value is OrgKind {
  return (ORG_KINDS as readonly string[]).includes(value);
}
