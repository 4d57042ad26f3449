import { chineseNumeral, formatArticle, formatMoney, langFromAcceptLanguage } from '@ipfund/shared';
import { RESOURCES, currentLang, i18n, routeLabel, setLang } from '..';

/** Every key path of a resource: "login.submit", "errors.code.CONFLICT", … */
function keys(resource: object, prefix = ''): string[] {
  return Object.entries(resource).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

describe('the one article format per language', () => {
  it.each([
    ['Art 12', '第十二条', 'Art 12'],
    ['Art 1', '第一条', 'Art 1'],
    ['Art 10', '第十条', 'Art 10'],
    ['Art 20', '第二十条', 'Art 20'],
    ['Art 26', '第二十六条', 'Art 26'],
    ['Art 2, 4', '第二、四条', 'Art 2, 4'],
    ['Art  17', '第十七条', 'Art 17'],
    ['Art 6.3', '第六条第三款', 'Art 6.3'],
    ['§2', '§2', '§2'],
  ])('%s → %s / %s', (article, zh, en) => {
    expect(formatArticle(article, 'zh-CN')).toBe(zh);
    expect(formatArticle(article, 'en')).toBe(en);
  });

  it('writes numbers the way the measures do', () => {
    expect([0, 9, 11, 19, 30, 99, 100, 105, 112, 120].map(chineseNumeral)).toEqual([
      '零',
      '九',
      '十一',
      '十九',
      '三十',
      '九十九',
      '一百',
      '一百零五',
      '一百一十二',
      '一百二十',
    ]);
  });

  it('writes amounts per language, string work only', () => {
    expect(formatMoney('9999999.00', 'zh-CN')).toBe('9,999,999.00 元');
    expect(formatMoney('9999999.00', 'en')).toBe('¥9,999,999.00');
    expect(formatMoney('-2500.5', 'en')).toBe('-¥2,500.50');
    expect(formatMoney('12345678901234567.89', 'zh-CN')).toBe('12,345,678,901,234,567.89 元');
    expect(formatMoney('n/a', 'zh-CN')).toBe('n/a');
  });

  it('reads the language of server text from Accept-Language', () => {
    expect(langFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(langFromAcceptLanguage('en-US,en;q=0.9')).toBe('en');
    expect(langFromAcceptLanguage('fr;q=1, en;q=0.5, zh;q=0.8')).toBe('zh-CN');
    expect(langFromAcceptLanguage('fr')).toBe('en');
    expect(langFromAcceptLanguage(undefined)).toBe('en');
  });
});

describe('the web resources', () => {
  it('have every key in both languages, each a text that is not empty', () => {
    const zh = keys(RESOURCES['zh-CN']).sort();
    const en = keys(RESOURCES.en).sort();
    expect(en).toEqual(zh);
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const key of zh) expect(i18n.getFixedT(lang)(key).trim()).not.toBe('');
    }
  });

  it('use the same {{placeholders}} in both languages', () => {
    const values = (lang: 'zh-CN' | 'en', key: string) =>
      [...String(i18n.getResource(lang, 'translation', key)).matchAll(/\{\{(\w+)\}\}/g)]
        .map((m) => m[1])
        .sort();
    for (const key of keys(RESOURCES['zh-CN']))
      expect([key, values('en', key)]).toEqual([key, values('zh-CN', key)]);
  });

  it('switch the language and name the menu entries in it; an entry without a text keeps its label', async () => {
    expect(currentLang()).toBe('zh-CN');
    expect(routeLabel({ path: '/loans', label: '贷款台账' })).toBe('贷款台账');
    await setLang('en');
    expect(currentLang()).toBe('en');
    expect(routeLabel({ path: '/loans', label: '贷款台账' })).toBe('Loans');
    expect(routeLabel({ path: '/new-page', label: '新页面' })).toBe('新页面');
    await setLang('zh-CN');
    expect(i18n.t('login.submit')).toBe('登录');
  });
});
