// i18next set-up: English and Urdu catalogues bundled; <html lang dir> follows the active language.
import { LANGUAGES, type Language } from '@firstline/contracts/vocabulary';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '@/locales/en.json';
import ur from '@/locales/ur.json';

export const LANGUAGE_STORAGE_KEY = 'firstline.language';

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ur: 'اردو' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Before sign-in: the language chosen last time on this device, else the browser's. */
function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage blocked: fall through
  }
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return nav?.toLowerCase().startsWith('ur') ? 'ur' : 'en';
}

export function applyDocumentLanguage(lng: string) {
  const root = document.documentElement;
  root.lang = lng;
  root.dir = i18n.dir(lng);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

/** Switches the UI language and remembers it on this device. */
export async function setLanguage(lng: Language) {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // ignore
  }
  if (i18n.resolvedLanguage !== lng) await i18n.changeLanguage(lng);
}

if (!i18n.isInitialized) {
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, ur: { translation: ur } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  i18n.on('languageChanged', applyDocumentLanguage);
  applyDocumentLanguage(i18n.resolvedLanguage ?? 'en');
}

export { i18n };
