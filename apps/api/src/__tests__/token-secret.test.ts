import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig, tokenSecretWeakness } from '../config/config';

const PROD = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@h/db' };

describe('production refuses a TOKEN_SECRET with little entropy (issue 9)', () => {
  it.each([
    ['32 × a', 'a'.repeat(32)],
    ['a repeated pair', 'ab'.repeat(32)],
    ['a dictionary word, padded', 'password-password-password-password-1234567890'],
    ['few different characters', '0123456789012345678901234567890123456789'],
    ['32 random letters (about 150 bits)', 'qmzvtrkxwpbnhjgyfdslcaeuoiqzxmvn'],
  ])('refuses %s', (_, secret) => {
    expect(tokenSecretWeakness(secret)).toEqual(expect.any(String));
    expect(() => loadConfig({ ...PROD, TOKEN_SECRET: secret }, [])).toThrow(ConfigError);
    try {
      loadConfig({ ...PROD, TOKEN_SECRET: secret }, []);
    } catch (err) {
      expect((err as ConfigError).problems.join('\n')).toMatch(
        /TOKEN_SECRET: production refuses a guessable secret/,
      );
    }
  });

  it('accepts what the README tells operators to use, every time: openssl rand -hex 32 and -base64 32', () => {
    for (let i = 0; i < 2000; i++) {
      const bytes = randomBytes(32);
      expect(tokenSecretWeakness(bytes.toString('hex'))).toBeUndefined();
      expect(tokenSecretWeakness(bytes.toString('base64'))).toBeUndefined();
    }
    const hex = randomBytes(32).toString('hex');
    expect(loadConfig({ ...PROD, TOKEN_SECRET: hex }, []).tokenSecret).toBe(hex);
  });

  it('development and test keep accepting a simple secret (the check is for production)', () => {
    expect(loadConfig({ NODE_ENV: 'test', TOKEN_SECRET: 'a'.repeat(32) }, []).tokenSecret).toBe(
      'a'.repeat(32),
    );
  });
});
