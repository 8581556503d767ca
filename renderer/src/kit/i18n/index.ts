import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';
import { en } from './en';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const LANGUAGE_KEY = 'yishi.language';

export function savedLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  return saved === 'en' ? 'en' : 'zh-CN';
}

export function saveLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/**
 * Features add their own strings with `addStrings`, each under its own namespace, so one big
 * dictionary does not grow with every screen.
 */
export function addStrings(
  namespace: string,
  zh: Record<string, unknown>,
  english: Record<string, unknown>,
): void {
  i18n.addResourceBundle('zh-CN', namespace, zh, true, false);
  i18n.addResourceBundle('en', namespace, english, true, false);
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { app: zhCN }, en: { app: en } },
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  defaultNS: 'app',
  ns: ['app'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
document.documentElement.lang = savedLanguage();

export { i18n };
