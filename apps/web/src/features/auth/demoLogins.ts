/** The seeded demo accounts (all with password DEMO_PASSWORD); shown only when the server is in demo mode. */
export const DEMO_PASSWORD = 'demo1234';

export interface DemoLogin {
  username: string;
  organization: string;
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { username: 'ipb', organization: '区知识产权局' },
  { username: 'finance', organization: '区财政局' },
  { username: 'fo', organization: '区金融办' },
  { username: 'manager', organization: '资金管理人' },
  { username: 'bank-a', organization: '合作银行' },
  { username: 'bank-b', organization: '合作银行' },
  { username: 'bank-c', organization: '合作银行' },
  { username: 'guarantor-a', organization: '担保机构' },
  { username: 'guarantor-b', organization: '担保机构' },
  { username: 'auditor', organization: '会计师事务所' },
  { username: 'ent-1', organization: '企业' },
];
