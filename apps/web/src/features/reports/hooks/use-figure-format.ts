// Formatters for report figures in the user's language (re-rendered when the language changes).
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatDecimal, formatNumber, formatPercent, formatShortDate } from '@/lib/format';
import { isLanguage } from '@/lib/i18n';

export function useFigureFormat() {
  const { t, i18n } = useTranslation();
  const lng = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return {
    lng,
    locale: lng === 'ur' ? 'ur-PK' : 'en-GB',
    rtl: i18n.dir(lng) === 'rtl',
    /** A count. */
    num: (value: number) => formatNumber(value, lng),
    /** A rate 0–1 as a percentage. */
    pct: (value: number | null | undefined, digits = 0) => formatPercent(value, lng, digits),
    /** A score already in percent (0–100). */
    score: (value: number | null | undefined) =>
      value === null || value === undefined ? '—' : formatPercent(value / 100, lng),
    /** d′ and c: two decimals. */
    dec: (value: number | null | undefined, digits = 2) => formatDecimal(value, lng, digits),
    /** Milliseconds as seconds with one decimal ("6.2 s"). */
    secs: (ms: number | null | undefined) =>
      ms === null || ms === undefined ? '—' : t('results.seconds', { value: formatDecimal(ms / 1000, lng, 1) }),
    date: (value: string | null | undefined) => formatDate(value, lng),
    dateTime: (value: string | null | undefined) => (value ? formatDateTime(value, lng) : '—'),
    shortDate: (value: string) => formatShortDate(value, lng),
  };
}

export type FigureFormat = ReturnType<typeof useFigureFormat>;
