import type { SameKeys } from './types';
import { en as audit } from '../features/audit/i18n';
import { en as auth } from '../features/auth/i18n';
import { en as claims } from '../features/claims/i18n';
import { en as enterprises } from '../features/enterprises/i18n';
import { en as evaluation } from '../features/evaluation/i18n';
import { en as financials } from '../features/financials/i18n';
import { en as forecast } from '../features/forecast/i18n';
import { en as fund } from '../features/fund/i18n';
import { en as home } from '../features/home/i18n';
import { en as ledger } from '../features/ledger/i18n';
import { en as loans } from '../features/loans/i18n';
import { en as partners } from '../features/partners/i18n';
import { en as reports } from '../features/reports/i18n';
import { en as risk } from '../features/risk/i18n';
import { en as tasks } from '../features/tasks/i18n';
import { en as lib } from '../lib/i18n';
import type { zhCN } from './zh-CN';

/** Same keys as zh-CN.ts, so a text missing here does not compile. */
export const en: SameKeys<typeof zhCN> = {
  audit,
  auth,
  claims,
  enterprises,
  evaluation,
  financials,
  forecast,
  fund,
  home,
  ledger,
  loans,
  partners,
  reports,
  risk,
  tasks,
  lib,
  portal: {
    title: 'IP Pledge Financing Risk Compensation Fund Portal',
    shortTitle: 'Risk Compensation Fund',
  },
  lang: {
    label: 'Language',
    'zh-CN': '中文',
    en: 'English',
  },
  shell: {
    loadUserFailed: 'Could not load your user',
    logout: 'Log out',
    openMenu: 'Open the menu',
    noPages: 'No page is open to you',
    home: 'Home',
  },
  routes: {
    home: 'Home',
    loans: 'Loans',
    'loan-tape': 'Bulk import',
    risk: 'Risk monitoring',
    'risk-events': 'Risk events',
    claims: 'Claims',
    remittances: 'Remittances',
    ledger: 'Fund ledger',
    partners: 'Partners',
    enterprises: 'Enterprises',
    tasks: 'Tasks',
    reports: 'Operation reports',
    financials: 'Borrower statements',
    evaluations: 'Partner evaluation',
    activity: 'Activity log',
    audit: 'Audit engagements',
    forecast: 'Stress test',
    fund: 'Fund governance',
  },
  orgKind: {
    IP_BUREAU: 'District IP Bureau',
    FINANCE_BUREAU: 'District Finance Bureau',
    FINANCIAL_OFFICE: 'District Financial Office',
    FUND_MANAGER: 'Fund manager',
    LENDING_BANK: 'Partner bank',
    GUARANTOR: 'Guarantor',
    ENTERPRISE: 'Enterprise',
    AUDITOR: 'Auditor',
  },
  login: {
    cardTitle: 'Sign in',
    expired: 'Your session has expired; please sign in again',
    username: 'Username',
    usernameRequired: 'Enter your username',
    password: 'Password',
    passwordRequired: 'Enter your password',
    submit: 'Sign in',
    wrongCredentials: 'Wrong username or password',
    rateLimited: 'Too many failed sign-ins; try again in{{wait}}, or ask the fund manager to unlock you now',
    waitShort: ' a while',
    waitSeconds: ' {{count}} s',
    waitMinutes: ' {{count}} min',
  },
  errors: {
    network: 'Cannot reach the server; please try again later',
    unknown: 'Unknown error',
    code: {
      UNAUTHENTICATED: 'Not signed in or the session has expired',
      FORBIDDEN: 'Not allowed',
      NOT_FOUND: 'Not found',
      BAD_USER_INPUT: 'Invalid input',
      POLICY_VIOLATION: 'Refused by the measures',
      CONFLICT: 'Not possible in the current state',
      RATE_LIMITED: 'Too many attempts',
      INTERNAL_SERVER_ERROR: 'System error',
    },
  },
};
