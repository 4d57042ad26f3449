import { zh as audit } from '../features/audit/i18n';
import { zh as auth } from '../features/auth/i18n';
import { zh as claims } from '../features/claims/i18n';
import { zh as enterprises } from '../features/enterprises/i18n';
import { zh as evaluation } from '../features/evaluation/i18n';
import { zh as financials } from '../features/financials/i18n';
import { zh as forecast } from '../features/forecast/i18n';
import { zh as fund } from '../features/fund/i18n';
import { zh as home } from '../features/home/i18n';
import { zh as ledger } from '../features/ledger/i18n';
import { zh as loans } from '../features/loans/i18n';
import { zh as partners } from '../features/partners/i18n';
import { zh as reports } from '../features/reports/i18n';
import { zh as risk } from '../features/risk/i18n';
import { zh as tasks } from '../features/tasks/i18n';
import { zh as lib } from '../lib/i18n';
/**
 * The web's Chinese text (the default language). Every key here has its English twin in en.ts (the
 * type makes a missing key a compile error; src/i18n/__tests__ checks both ways). Server messages are
 * not here: they come from packages/shared/src/messages.ts by their key.
 */
export const zhCN = {
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
    title: '知识产权质押融资风险补偿资金管理平台',
    shortTitle: '风险补偿资金平台',
  },
  lang: {
    label: '语言',
    'zh-CN': '中文',
    en: 'English',
  },
  shell: {
    loadUserFailed: '无法加载用户信息',
    logout: '退出登录',
    openMenu: '打开菜单',
    noPages: '暂无可访问的页面',
    home: '首页',
  },
  routes: {
    home: '首页',
    loans: '贷款台账',
    'loan-tape': '批量导入',
    risk: '风险监测',
    'risk-events': '风险事件',
    claims: '补偿申请',
    remittances: '追偿返还',
    ledger: '资金账簿',
    partners: '合作机构',
    enterprises: '企业库',
    tasks: '待办事项',
    reports: '运营报告',
    financials: '企业财务报表',
    evaluations: '绩效评价',
    activity: '操作日志',
    audit: '审计委托',
    forecast: '压力测试',
    fund: '资金管理',
  },
  orgKind: {
    IP_BUREAU: '区知识产权局',
    FINANCE_BUREAU: '区财政局',
    FINANCIAL_OFFICE: '区金融办',
    FUND_MANAGER: '资金管理人',
    LENDING_BANK: '合作贷款银行',
    GUARANTOR: '合作保险（担保）机构',
    ENTERPRISE: '贷款企业',
    AUDITOR: '会计师事务所',
  },
  login: {
    cardTitle: '用户登录',
    expired: '登录已失效，请重新登录',
    username: '用户名',
    usernameRequired: '请输入用户名',
    password: '密码',
    passwordRequired: '请输入密码',
    submit: '登录',
    wrongCredentials: '用户名或密码错误',
    rateLimited: '登录失败次数过多，请{{wait}}后再试；如需立即解除，请联系管理机构',
    waitShort: '稍',
    waitSeconds: ' {{count}} 秒',
    waitMinutes: ' {{count}} 分钟',
  },
  errors: {
    network: '无法连接服务器，请稍后重试',
    unknown: '未知错误',
    code: {
      UNAUTHENTICATED: '未登录或登录已过期',
      FORBIDDEN: '无权操作',
      NOT_FOUND: '记录不存在',
      BAD_USER_INPUT: '输入有误',
      POLICY_VIOLATION: '不符合办法规定',
      CONFLICT: '当前状态不允许',
      RATE_LIMITED: '操作过于频繁',
      INTERNAL_SERVER_ERROR: '系统错误',
    },
  },
};

/** The shape every language has: the same keys, each a text. */
export type Resource = { [key: string]: string | Resource };
