import i18n, { type ParseKeys } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN';
import { en } from './en';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The string tables by namespace, so that `t()` keys are checked by the compiler. Each feature's
 * strings module adds its own namespace here (module augmentation) where it registers the strings.
 */
export interface YishiResources {
  app: typeof zhCN;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'app';
    resources: YishiResources;
  }
}

/**
 * A key built from stored data (a status, a category, a kind): the compiler cannot know the value,
 * so the key is taken as one of the namespace's keys here, in one visible place. Keys written in
 * the code are checked; a value without a label shows its key, which the label tests catch.
 */
export function dataKey<Ns extends keyof YishiResources>(key: string): ParseKeys<Ns> {
  return key as ParseKeys<Ns>;
}

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
export function addStrings<Strings extends object>(
  namespace: keyof YishiResources,
  zh: Strings,
  english: Strings,
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
