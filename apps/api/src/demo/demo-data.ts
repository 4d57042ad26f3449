import type { OrgKind } from '@ipfund/shared';

/** The demo cast. Every demo login uses this password; demo mode only, never production. */
export const DEMO_PASSWORD = 'demo1234';

export interface DemoOrg {
  key: string;
  kind: OrgKind;
  name: string;
  shortName: string;
  licenceNo?: string;
  users: { username: string; displayName: string }[];
}

export const DEMO_ORGS: DemoOrg[] = [
  {
    key: 'ipb',
    kind: 'IP_BUREAU',
    name: '重庆市江北区知识产权局',
    shortName: '区知识产权局',
    users: [{ username: 'ipb', displayName: '李审核（区知识产权局）' }],
  },
  {
    key: 'finance',
    kind: 'FINANCE_BUREAU',
    name: '重庆市江北区财政局',
    shortName: '区财政局',
    users: [{ username: 'finance', displayName: '王会签（区财政局）' }],
  },
  {
    key: 'fo',
    kind: 'FINANCIAL_OFFICE',
    name: '重庆市江北区金融工作办公室',
    shortName: '区金融办',
    users: [{ username: 'fo', displayName: '赵会签（区金融办）' }],
  },
  {
    key: 'manager',
    kind: 'FUND_MANAGER',
    name: '重庆江北知识产权运营服务有限公司',
    shortName: '资金管理人',
    users: [{ username: 'manager', displayName: '陈经理（资金管理人）' }],
  },
  {
    key: 'bank-a',
    kind: 'LENDING_BANK',
    name: '重庆银行江北支行',
    shortName: '重庆银行',
    users: [{ username: 'bank-a', displayName: '周信贷（重庆银行）' }],
  },
  {
    key: 'bank-b',
    kind: 'LENDING_BANK',
    name: '中国工商银行重庆江北支行',
    shortName: '工商银行',
    users: [{ username: 'bank-b', displayName: '吴信贷（工商银行）' }],
  },
  {
    key: 'bank-c',
    kind: 'LENDING_BANK',
    name: '重庆农村商业银行江北支行',
    shortName: '农商银行',
    users: [{ username: 'bank-c', displayName: '郑信贷（农商银行）' }],
  },
  {
    key: 'guarantor-a',
    kind: 'GUARANTOR',
    name: '重庆三峡融资担保集团股份有限公司',
    shortName: '三峡担保',
    licenceNo: '渝融担许字〔2021〕0012号',
    users: [{ username: 'guarantor-a', displayName: '冯风控（三峡担保）' }],
  },
  {
    key: 'guarantor-b',
    kind: 'GUARANTOR',
    name: '重庆兴农融资担保集团有限公司',
    shortName: '兴农担保',
    licenceNo: '渝融担许字〔2020〕0035号',
    users: [{ username: 'guarantor-b', displayName: '褚风控（兴农担保）' }],
  },
  {
    key: 'auditor',
    kind: 'AUDITOR',
    name: '重庆天平会计师事务所有限公司',
    shortName: '天平会计师事务所',
    users: [{ username: 'auditor', displayName: '卫审计（会计师事务所）' }],
  },
];

export interface DemoEnterprise {
  name: string;
  creditCode: string;
  industry: string;
  patents: string[];
  trademark: string;
}

/** Credit codes carry a valid GB 32100-2015 check character (see enterprise validation). */
export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  {
    name: '重庆智芯微电子有限公司',
    creditCode: '91500105MA5U1A2B3A',
    industry: '集成电路',
    patents: ['一种低功耗射频识别芯片', '芯片封装散热结构'],
    trademark: '智芯',
  },
  {
    name: '重庆江北生物医药科技有限公司',
    creditCode: '91500105MA5U2C4D54',
    industry: '生物医药',
    patents: ['一种缓释微球制剂及其制备方法', '细胞培养装置'],
    trademark: '江药',
  },
  {
    name: '重庆渝新能源汽车零部件有限公司',
    creditCode: '91500105MA5U3E6F7X',
    industry: '新能源汽车',
    patents: ['电池包液冷板', '电机控制器的过流保护电路'],
    trademark: '渝新',
  },
  {
    name: '重庆云栈数据服务有限公司',
    creditCode: '91500105MA5U4G8H9P',
    industry: '软件和信息服务',
    patents: ['分布式日志检索方法', '数据脱敏系统'],
    trademark: '云栈',
  },
  {
    name: '重庆长嘉精密机械有限公司',
    creditCode: '91500105MA5U5J1K2J',
    industry: '智能制造',
    patents: ['五轴联动加工夹具', '数控机床误差补偿方法'],
    trademark: '长嘉',
  },
  {
    name: '重庆观音桥文化创意有限公司',
    creditCode: '91500105MA5U6L3M4C',
    industry: '文化创意',
    patents: ['互动投影展示装置', '数字藏品确权方法'],
    trademark: '观音桥文创',
  },
  {
    name: '重庆寸滩物流科技有限公司',
    creditCode: '91500105MA5U7N5P66',
    industry: '现代物流',
    patents: ['冷链集装箱温控系统', '无人仓储分拣机器人'],
    trademark: '寸滩',
  },
  {
    name: '重庆鸿恩绿色建材有限公司',
    creditCode: '91500105MA5U8Q7R80',
    industry: '绿色建材',
    patents: ['再生骨料混凝土配方', '装配式墙板连接件'],
    trademark: '鸿恩',
  },
];
