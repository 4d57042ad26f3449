import { useSyncExternalStore } from 'react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import antdEn from 'antd/locale/en_US';
import antdZh from 'antd/locale/zh_CN';
import type { Locale } from 'antd/es/locale';
import { DEFAULT_LANG, isLang, type Lang } from '@ipfund/shared';
import { en } from './en';
import { zhCN } from './zh-CN';

/**
 * Two languages end to end (issue 11): zh-CN (default) and en. The choice is remembered in
 * localStorage and applies at once to the texts (i18next), Ant Design's own texts and date pickers
 * (its locale and dayjs), and the server's messages (the Accept-Language header, app/apollo.ts).
 */
export const RESOURCES = { 'zh-CN': zhCN, en } as const;

const STORAGE_KEY = 'ipfund.lang';

function storedLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLang(saved) ? saved : DEFAULT_LANG;
  } catch {
    // Storage refused (private mode, a sandbox): the default, not a broken page.
    return DEFAULT_LANG;
  }
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: DEFAULT_LANG,
  // React escapes what it renders; i18next must not escape a second time.
  interpolation: { escapeValue: false },
  initAsync: false,
});

const DAYJS_LOCALE: Record<Lang, string> = { 'zh-CN': 'zh-cn', en: 'en' };
const ANTD_LOCALE: Record<Lang, Locale> = { 'zh-CN': antdZh, en: antdEn };

function applyLang(lang: Lang): void {
  dayjs.locale(DAYJS_LOCALE[lang]);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
applyLang(currentLang());

/** The language in use now. */
export function currentLang(): Lang {
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return isLang(lang) ? lang : DEFAULT_LANG;
}

/** Switches the whole page and remembers the choice for the next visit. */
export async function setLang(lang: Lang): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, still switched.
  }
  applyLang(lang);
  await i18n.changeLanguage(lang);
}

function subscribe(onChange: () => void): () => void {
  i18n.on('languageChanged', onChange);
  return () => i18n.off('languageChanged', onChange);
}

/** The current language, re-rendering on a switch. */
export function useLang(): Lang {
  return useSyncExternalStore(subscribe, currentLang, currentLang);
}

/** Ant Design's texts (pagination, pickers, empty states) in a language. */
export function antdLocale(lang: Lang): Locale {
  return ANTD_LOCALE[lang];
}

/** A menu entry's name: by its path ("/loan-tape" → routes.loan-tape), else the label it was given. */
export function routeLabel(route: { path: string; label: string }): string {
  const key = route.path === '/' ? 'home' : route.path.replace(/^\//, '');
  return i18n.exists(`routes.${key}`) ? i18n.t(`routes.${key}`) : route.label;
}
