import { setLang } from '../../../i18n';
import { newPasswordProblem } from '../passwordRule';

describe('newPasswordProblem (the API rule, shown before sending)', () => {
  it('asks for 10 characters and three classes, or a 16-character passphrase', () => {
    expect(newPasswordProblem('Short1!')).toBe('至少 10 个字符');
    expect(newPasswordProblem('lowercase12')).toContain('至少三类');
    expect(newPasswordProblem('Abcdefghi1')).toBeNull();
    expect(newPasswordProblem('correct horse battery')).toBeNull();
  });
});

describe('newPasswordProblem in English', () => {
  afterAll(() => setLang('zh-CN'));

  it('words the problem in the current language', async () => {
    await setLang('en');
    expect(newPasswordProblem('Short1!')).toBe('At least 10 characters');
  });
});
