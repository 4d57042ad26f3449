import { createUser } from '../cli';
import { ConfigError } from '../config/config';
import { createTestDatabase, type TestDatabase } from '../testing/test-db';
import { openDatabase } from '../db/data-source';
import { verifyPassword } from '../auth/password';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const args = [
  '--org-kind',
  'FUND_MANAGER',
  '--org-name',
  '某资金管理人',
  '--username',
  'mgr1',
  '--display-name',
  '经理',
];

describe('cli create-user (a real deployment has no demo users)', () => {
  it('creates the organisation and a user who can log in, on the activity record', async () => {
    const env = { NODE_ENV: 'test', DATABASE_URL: db.url, IPFUND_PASSWORD: 'a-long-secret-pw' };
    expect(await createUser(args, env)).toBe('Created mgr1 in 某资金管理人 (FUND_MANAGER).');
    const ds = await openDatabase({ url: db.url, poolMax: 1 });
    try {
      const [u] = await ds.query(
        `SELECT u.password_hash, o.kind FROM users u JOIN organizations o ON o.id = u.organization_id WHERE username = 'mgr1'`,
      );
      expect(u.kind).toBe('FUND_MANAGER');
      expect(await verifyPassword(u.password_hash, 'a-long-secret-pw')).toBe(true);
      const log = await ds.query(
        `SELECT operation, outcome FROM activity_log WHERE operation = 'cli.create-user'`,
      );
      expect(log).toEqual([{ operation: 'cli.create-user', outcome: 'OK' }]);
    } finally {
      await ds.destroy();
    }
  });

  it('refuses partners (admitted in the portal), short passwords and bad usernames, naming each', async () => {
    const env = { NODE_ENV: 'test', DATABASE_URL: db.url, IPFUND_PASSWORD: 'short' };
    const bad = ['--org-kind', 'LENDING_BANK', '--org-name', 'x', '--username', 'A!'];
    await expect(createUser(bad, env)).rejects.toThrow(ConfigError);
    await expect(createUser(bad, env)).rejects.toThrow(/org-kind[\s\S]*username[\s\S]*IPFUND_PASSWORD/);
  });
});
