import type { zhCN } from './zh-CN';

/** Same keys as zh-CN.ts, so a text missing here does not compile. */
type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

export const en: SameKeys<typeof zhCN> = {
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
    reports: 'Reports',
    audit: 'Audit',
    forecast: 'Forecast',
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
