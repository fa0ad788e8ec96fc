import { afterEach, describe, expect, it } from 'vitest';
import ur from '@/locales/ur.json';
import { i18n, setLanguage } from './i18n';

describe('setLanguage', () => {
  afterEach(async () => {
    if (!i18n.hasResourceBundle('ur', 'translation')) i18n.addResourceBundle('ur', 'translation', ur);
    await i18n.changeLanguage('en');
    localStorage.clear();
  });

  it('fetches a catalogue not loaded yet before switching to its language', async () => {
    i18n.removeResourceBundle('ur', 'translation');
    expect(i18n.hasResourceBundle('ur', 'translation')).toBe(false);

    await setLanguage('ur');

    expect(i18n.resolvedLanguage).toBe('ur');
    expect(i18n.t('login.title')).toBe(ur.login.title);
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(localStorage.getItem('firstline.language')).toBe('ur');
  });

  it('keeps the language picked last when an earlier pick’s catalogue arrives after it', async () => {
    i18n.removeResourceBundle('ur', 'translation');
    const slow = setLanguage('ur');
    await setLanguage('en');
    await slow;

    expect(i18n.resolvedLanguage).toBe('en');
    expect(i18n.hasResourceBundle('ur', 'translation')).toBe(true);
    expect(localStorage.getItem('firstline.language')).toBe('en');
  });
});
