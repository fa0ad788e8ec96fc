// i18next set-up: one catalogue per language, each its own chunk, fetched when the language is first used (a
// trainee downloads theirs, not both); <html lang dir> follows the active language.
import { LANGUAGES, type Language } from '@firstline/contracts/vocabulary';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGE_STORAGE_KEY = 'firstline.language';

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ur: 'اردو' };

export type Catalogue = Record<string, unknown>;

const catalogues: Record<Language, () => Promise<{ default: Catalogue }>> = {
  en: () => import('@/locales/en.json'),
  ur: () => import('@/locales/ur.json'),
};

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

const hasCatalogue = (lng: Language) => i18n.hasResourceBundle(lng, 'translation');

async function loadCatalogue(lng: Language) {
  const { default: messages } = await catalogues[lng]();
  i18n.addResourceBundle(lng, 'translation', messages);
}

/** Starts i18next with the catalogues given (synchronously), in the language this device used last. */
export function initI18n(resources: Partial<Record<Language, Catalogue>>) {
  if (i18n.isInitialized) return;
  void i18n.use(initReactI18next).init({
    resources: Object.fromEntries(Object.entries(resources).map(([lng, messages]) => [lng, { translation: messages }])),
    lng: initialLanguage(),
    // Each catalogue has every key (locales.test.ts), so English is never needed to fill gaps in Urdu.
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  i18n.on('languageChanged', applyDocumentLanguage);
  applyDocumentLanguage(i18n.resolvedLanguage ?? 'en');
}

/**
 * Fetches the catalogue of the language this device used last and starts i18next with it. The app renders once
 * this resolves, so the first screen shows words, not keys. If the catalogue cannot be fetched the app starts
 * anyway (showing keys beats a blank page); picking a language fetches it again.
 */
export async function startI18n() {
  const lng = initialLanguage();
  let messages: Catalogue | undefined;
  try {
    messages = (await catalogues[lng]()).default;
  } catch (err) {
    console.error(`Could not load the ${lng} catalogue`, err);
  }
  initI18n(messages ? { [lng]: messages } : {});
}

/** Latest language asked for: a slow catalogue must not switch back to a language picked before it. */
let requestedLanguage: Language | null = null;

/** Switches the UI language (fetching its catalogue first if needed) and remembers it on this device. */
export async function setLanguage(lng: Language) {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // ignore
  }
  requestedLanguage = lng;
  if (!hasCatalogue(lng)) {
    try {
      await loadCatalogue(lng);
    } catch (err) {
      console.error(`Could not load the ${lng} catalogue`, err);
      return; // keep the language on screen
    }
    if (requestedLanguage !== lng) return;
  }
  if (i18n.resolvedLanguage !== lng) await i18n.changeLanguage(lng);
}

export { i18n };
