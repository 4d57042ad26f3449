import type { ComponentType, ReactNode } from 'react';
import { AccountBookOutlined, BankOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons';
import type { OrgKind } from '@ipfund/shared';
import { LoansPage } from '../features/loans/LoansPage';
import { AlertOutlined, FundOutlined, UploadOutlined } from '@ant-design/icons';
import { LoanTapePage } from '../features/loans/LoanTapePage';
import { RiskPage } from '../features/risk/RiskPage';
import { RiskEventsPage } from '../features/risk/RiskEventsPage';
import { FileProtectOutlined, RollbackOutlined } from '@ant-design/icons';
import { CLAIMS_VISIBLE_TO, REMITTANCES_VISIBLE_TO } from '../features/claims/access';
import { ClaimsPage } from '../features/claims/ClaimsPage';
import { RemittancesPage } from '../features/claims/RemittancesPage';
import { PartnersPage } from '../features/partners/PartnersPage';
import { EnterprisesPage } from '../features/enterprises/EnterprisesPage';
import { LedgerPage } from '../features/ledger/LedgerPage';

/** One page of the shell: a side-menu entry and what it shows. New features add an entry here. */
export interface AppRoute {
  /** Hash path, e.g. "/loans" (URL "#/loans"). */
  readonly path: string;
  /** Menu label, in Chinese. */
  readonly label: string;
  readonly icon: ReactNode;
  readonly Page: ComponentType;
  /**
   * Organisation kinds that get the menu entry; omitted = every kind. This only tidies the menu —
   * the API decides what each caller may see (DOMAIN.md §2).
   */
  readonly visibleTo?: readonly OrgKind[];
}

export const ROUTES: readonly AppRoute[] = [
  { path: '/loans', label: '贷款台账', icon: <AccountBookOutlined />, Page: LoansPage },
  // Art 12, 16: a bank's bulk status report (loan tape).
  {
    path: '/loan-tape',
    label: '批量导入',
    icon: <UploadOutlined />,
    Page: LoanTapePage,
    visibleTo: ['LENDING_BANK'],
  },
  {
    path: '/risk',
    label: '风险监测',
    icon: <FundOutlined />,
    Page: RiskPage,
    // Art 12: a bank sees its own ratio and notices; the programme sees every bank.
    visibleTo: ['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER', 'AUDITOR', 'LENDING_BANK'],
  },
  {
    path: '/risk-events',
    label: '风险事件',
    icon: <AlertOutlined />,
    Page: RiskEventsPage,
    // Art 16: the loan's bank and guarantor report, the manager verifies, offices and auditor read.
    visibleTo: [
      'IP_BUREAU',
      'FINANCE_BUREAU',
      'FINANCIAL_OFFICE',
      'FUND_MANAGER',
      'AUDITOR',
      'LENDING_BANK',
      'GUARANTOR',
    ],
  },
  {
    path: '/claims',
    label: '补偿申请',
    icon: <FileProtectOutlined />,
    Page: ClaimsPage,
    // Claims (Art 16–19): everyone but the enterprise; a bank or guarantor sees only its own.
    visibleTo: CLAIMS_VISIBLE_TO,
  },
  {
    path: '/remittances',
    label: '追偿返还',
    icon: <RollbackOutlined />,
    Page: RemittancesPage,
    // Art 18: the manager tracks remittances, offices and auditor read, banks remit.
    visibleTo: REMITTANCES_VISIBLE_TO,
  },
  {
    path: '/ledger',
    label: '资金账簿',
    icon: <BankOutlined />,
    Page: LedgerPage,
    // The fund ledger is the programme's (DOMAIN.md §2); banks, guarantors and enterprises get FORBIDDEN.
    visibleTo: ['FUND_MANAGER', 'IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'AUDITOR'],
  },
  {
    path: '/partners',
    label: '合作机构',
    icon: <TeamOutlined />,
    Page: PartnersPage,
    // A bank or guarantor sees its own organisation and (a bank) its cooperation agreement.
    visibleTo: [
      'IP_BUREAU',
      'FINANCE_BUREAU',
      'FINANCIAL_OFFICE',
      'FUND_MANAGER',
      'AUDITOR',
      'LENDING_BANK',
      'GUARANTOR',
    ],
  },
  {
    path: '/enterprises',
    label: '企业库',
    icon: <ShopOutlined />,
    Page: EnterprisesPage,
    visibleTo: [
      'IP_BUREAU',
      'FINANCE_BUREAU',
      'FINANCIAL_OFFICE',
      'FUND_MANAGER',
      'AUDITOR',
      'LENDING_BANK',
      'GUARANTOR',
    ],
  },
];

export function routesFor(kind: OrgKind): readonly AppRoute[] {
  return ROUTES.filter((route) => !route.visibleTo || route.visibleTo.includes(kind));
}

export function findRoute(routes: readonly AppRoute[], path: string): AppRoute | undefined {
  return routes.find((route) => route.path === path);
}
