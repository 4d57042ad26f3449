/** The seeded demo accounts (all with password DEMO_PASSWORD); shown only when the server is in demo mode. */
export const DEMO_PASSWORD = 'demo1234';

export interface DemoLogin {
  username: string;
  /** Its organisation's name: the key under auth.demo.org (./i18n.ts). */
  organization:
    | 'ipBureau'
    | 'financeBureau'
    | 'financialOffice'
    | 'fundManager'
    | 'bank'
    | 'guarantor'
    | 'auditor'
    | 'enterprise';
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  { username: 'ipb', organization: 'ipBureau' },
  { username: 'finance', organization: 'financeBureau' },
  { username: 'fo', organization: 'financialOffice' },
  { username: 'manager', organization: 'fundManager' },
  { username: 'bank-a', organization: 'bank' },
  { username: 'bank-b', organization: 'bank' },
  { username: 'bank-c', organization: 'bank' },
  { username: 'guarantor-a', organization: 'guarantor' },
  { username: 'guarantor-b', organization: 'guarantor' },
  { username: 'auditor', organization: 'auditor' },
  { username: 'ent-1', organization: 'enterprise' },
];
