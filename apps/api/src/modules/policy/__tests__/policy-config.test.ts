/** POLICY in the config: which district's measures the API runs under, checked at boot. */
import type { IsoDate } from '@ipfund/policy';
import { AppError } from '../../../common/errors';
import { PolicyBook } from '../../../common/policy-book';
import { ConfigError, loadConfig } from '../../../config/config';

/** 32 random bytes, hex (openssl rand -hex 32): production refuses a guessable TOKEN_SECRET (issue 9). */
const STRONG_SECRET = '80d45ada89ac8edb3f4ae23778fd5bfa4e1cc276d629d6630cfb22c1824c284b';

const PROD = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@h/db', TOKEN_SECRET: STRONG_SECRET };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env, []);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('POLICY', () => {
  it('defaults to the Jiangbei measures', () => {
    expect(loadConfig({}, []).policy).toBe('jiangbei-2024');
    expect(loadConfig(PROD, []).policy).toBe('jiangbei-2024');
  });

  it('selects another registered district', () => {
    expect(loadConfig({ POLICY: 'other-2025' }, []).policy).toBe('other-2025');
    expect(PolicyBook.forSet('other-2025').inForce('2026-01-01').id).toBe('other-2025');
  });

  it('refuses an unknown id at boot', () => {
    expect(problems({ POLICY: 'jiangbei' })).toEqual(['POLICY: unknown policy set "jiangbei"']);
    expect(problems({ POLICY: 'toString' })).toEqual(['POLICY: unknown policy set "toString"']);
    expect(() => loadConfig({ POLICY: 'nowhere-2030' }, [])).toThrow(ConfigError);
  });

  it('runs the demo under the Jiangbei measures only (the demo data is written for them)', () => {
    expect(problems({ POLICY: 'other-2025', DEMO: 'true' })).toEqual([
      'POLICY: demo mode runs the jiangbei-2024 measures only (the demo data is written for them)',
    ]);
    expect(loadConfig({ POLICY: 'jiangbei-2024' }, ['--demo']).demo).toBe(true);
  });

  it('refuses the test fixture district in production', () => {
    expect(problems({ ...PROD, POLICY: 'other-2025' })).toEqual([
      'POLICY: production refuses the test fixture policy set "other-2025"',
    ]);
  });

  it("cites the configured district's applicability article before its measures took effect", () => {
    const refuse = (set: string, date: IsoDate) => {
      try {
        PolicyBook.forSet(set).inForce(date);
      } catch (err) {
        return err instanceof AppError ? [err.code, err.article] : err;
      }
      return 'in force';
    };
    expect(refuse('jiangbei-2024', '2024-04-06')).toEqual(['POLICY_VIOLATION', 'Art 26']);
    expect(refuse('other-2025', '2025-06-30')).toEqual(['POLICY_VIOLATION', 'Art 23']);
    expect(refuse('other-2025', '2025-07-01')).toBe('in force');
  });
});
