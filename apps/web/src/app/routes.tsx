import type { ComponentType, ReactNode } from 'react';
import {
  AccountBookOutlined,
  BankOutlined,
  HomeOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { HomePage } from '../features/home/HomePage';
import { LoansPage } from '../features/loans/LoansPage';
import { AlertOutlined, FundOutlined, UploadOutlined } from '@ant-design/icons';
import { LoanTapePage } from '../features/loans/LoanTapePage';
import { RiskPage } from '../features/risk/RiskPage';
import { RiskEventsPage } from '../features/risk/RiskEventsPage';
import { FileProtectOutlined, RollbackOutlined } from '@ant-design/icons';
import { ClaimsPage } from '../features/claims/ClaimsPage';
import { RemittancesPage } from '../features/claims/RemittancesPage';
import { PartnersPage } from '../features/partners/PartnersPage';
import { EnterprisesPage } from '../features/enterprises/EnterprisesPage';
import { LedgerPage } from '../features/ledger/LedgerPage';
import { LineChartOutlined } from '@ant-design/icons';
import { ForecastPage } from '../features/forecast/ForecastPage';
import { FileTextOutlined, SolutionOutlined } from '@ant-design/icons';
import { ReportsPage } from '../features/reports/ReportsPage';
import { FinancialsPage } from '../features/financials/FinancialsPage';
import { PropertySafetyOutlined } from '@ant-design/icons';
import { FundPage } from '../features/fund/FundPage';
import { AuditOutlined, SafetyCertificateOutlined, TrophyOutlined } from '@ant-design/icons';
import { ActivityLogPage } from '../features/audit/ActivityLogPage';
import { AuditEngagementsPage } from '../features/audit/AuditEngagementsPage';
import { EvaluationPage } from '../features/evaluation/EvaluationPage';
import { allows, type Access } from './access';
import { HOME_PATH } from './hashPath';
import type { ViewerPermissions } from './viewer.graphql';

/** One page of the shell: a side-menu entry and what it shows. New features add an entry here. */
export interface AppRoute {
  /** Hash path, e.g. "/loans" (URL "#/loans"). */
  readonly path: string;
  /** Menu label, in Chinese. */
  readonly label: string;
  readonly icon: ReactNode;
  readonly Page: ComponentType;
  /**
   * What the caller needs for the menu entry: a kind of record it reads, or an operation it may take
   * (`viewerPermissions`); absent: every signed-in user (首页). This only tidies the menu — the API
   * decides what each caller may see.
   */
  readonly shownTo?: Access;
}

export { HOME_PATH };

export const ROUTES: readonly AppRoute[] = [
  {
    path: HOME_PATH,
    label: '首页',
    icon: <HomeOutlined />,
    Page: HomePage,
  },
  {
    path: '/loans',
    label: '贷款台账',
    icon: <AccountBookOutlined />,
    Page: LoansPage,
    shownTo: { reads: 'Loan' },
  },
  {
    path: '/loan-tape',
    label: '批量导入',
    icon: <UploadOutlined />,
    Page: LoanTapePage,
    shownTo: { takes: 'loan.uploadTape' },
  },
  {
    path: '/risk',
    label: '风险监测',
    icon: <FundOutlined />,
    Page: RiskPage,
    shownTo: { reads: 'BankRisk' },
  },
  {
    path: '/risk-events',
    label: '风险事件',
    icon: <AlertOutlined />,
    Page: RiskEventsPage,
    shownTo: { reads: 'RiskEvent' },
  },
  {
    path: '/claims',
    label: '补偿申请',
    icon: <FileProtectOutlined />,
    Page: ClaimsPage,
    shownTo: { reads: 'Claim' },
  },
  {
    path: '/remittances',
    label: '追偿返还',
    icon: <RollbackOutlined />,
    Page: RemittancesPage,
    shownTo: { reads: 'Recovery' },
  },
  {
    path: '/ledger',
    label: '资金账簿',
    icon: <BankOutlined />,
    Page: LedgerPage,
    shownTo: { reads: 'LedgerEntry' },
  },
  {
    path: '/partners',
    label: '合作机构',
    icon: <TeamOutlined />,
    Page: PartnersPage,
    shownTo: { reads: 'Partner' },
  },
  {
    path: '/enterprises',
    label: '企业库',
    icon: <ShopOutlined />,
    Page: EnterprisesPage,
    shownTo: { reads: 'Enterprise' },
  },
  // Issue 13: the fund's stress forecast, for those who read it (the offices, the manager, the auditor).
  {
    path: '/forecast',
    label: '压力测试',
    icon: <LineChartOutlined />,
    Page: ForecastPage,
    shownTo: { reads: 'FundForecast' },
  },
  // Issue 12: the fund's operation reports (Art 6.6), for the offices, the manager and the auditor.
  {
    path: '/reports',
    label: '运营报告',
    icon: <FileTextOutlined />,
    Page: ReportsPage,
    shownTo: { reads: 'FundReport' },
  },
  // Issue 12: borrowers' quarterly statements (Art 22): the programme's collection, a bank's borrowers', an enterprise's own.
  {
    path: '/financials',
    label: '企业财务报表',
    icon: <SolutionOutlined />,
    Page: FinancialsPage,
    shownTo: { reads: 'FinancialStatement' },
  },
  // Issue 12: the fund's governance — capital, annual work plan, termination (Art 3, 5, 6.5, 24).
  {
    path: '/fund',
    label: '资金管理',
    icon: <PropertySafetyOutlined />,
    Page: FundPage,
    shownTo: { reads: 'FundGovernance' },
  },
  // Issue 12: the partner evaluation (Art 23; a partner sees its own), the activity log and audit engagements (Art 20).
  {
    path: '/evaluations',
    label: '绩效评价',
    icon: <TrophyOutlined />,
    Page: EvaluationPage,
    shownTo: { reads: 'PartnerEvaluation' },
  },
  {
    path: '/activity',
    label: '操作日志',
    icon: <SafetyCertificateOutlined />,
    Page: ActivityLogPage,
    shownTo: { reads: 'ActivityRecord' },
  },
  {
    path: '/audit',
    label: '审计委托',
    icon: <AuditOutlined />,
    Page: AuditEngagementsPage,
    shownTo: { reads: 'ActivityRecord' },
  },
];

export function routesFor(permissions: ViewerPermissions | undefined): readonly AppRoute[] {
  return ROUTES.filter((route) => !route.shownTo || allows(permissions, route.shownTo));
}

export function findRoute(routes: readonly AppRoute[], path: string): AppRoute | undefined {
  return routes.find((route) => route.path === path);
}
