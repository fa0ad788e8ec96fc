// Numbers and dates in the reader's language, as the web app writes them (src/lib/format.ts): Urdu uses the
// Pakistani locale with Western digits, as on Pakistani documents. A missing figure is a dash. In Urdu each figure
// is a left-to-right isolate (LRI … PDI), so "8.4 s" does not print as "s 8.4" in a right-to-left line.
import type { Language } from '@firstline/contracts';

const LOCALES: Record<Language, string> = { en: 'en-GB', ur: 'ur-PK' };
const DASH = '—';
const LRI = '\u2066';
const PDI = '\u2069';

export interface PdfFormat {
  /** A 0–1 rate as a whole percent. */
  rate(value: number | null): string;
  /** A percent score (0–100), one decimal at most. */
  score(value: number | null): string;
  /** A signed figure such as d′ or c, two decimals. */
  measure(value: number | null): string;
  count(value: number): string;
  /** Milliseconds as seconds, one decimal. */
  seconds(ms: number | null): string;
  date(iso: string | null): string;
  dateTime(iso: string | null): string;
}

export function pdfFormat(lang: Language): PdfFormat {
  const locale = LOCALES[lang];
  const number = (digits: number) =>
    new Intl.NumberFormat(locale, { numberingSystem: 'latn', maximumFractionDigits: digits, minimumFractionDigits: 0 });
  const fixed2 = new Intl.NumberFormat(locale, {
    numberingSystem: 'latn',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: 'negative',
  });
  const percent = new Intl.NumberFormat(locale, {
    numberingSystem: 'latn',
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const whole = number(0);
  const oneDecimal = number(1);
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  });
  const isolate = lang === 'ur' ? (text: string) => `${LRI}${text}${PDI}` : (text: string) => text;
  const parse = (iso: string | null) => {
    const d = iso ? new Date(iso) : null;
    return d && !Number.isNaN(d.getTime()) ? d : null;
  };
  return {
    rate: (v) => (v === null ? DASH : isolate(percent.format(v))),
    score: (v) => (v === null ? DASH : isolate(`${oneDecimal.format(v)}%`)),
    measure: (v) => (v === null ? DASH : isolate(fixed2.format(v))),
    count: (v) => isolate(whole.format(v)),
    seconds: (ms) => (ms === null ? DASH : isolate(`${oneDecimal.format(ms / 1000)} s`)),
    date: (iso) => {
      const d = parse(iso);
      return d ? date.format(d) : (iso ?? DASH);
    },
    dateTime: (iso) => {
      const d = parse(iso);
      return d ? `${date.format(d)} ${isolate(`${time.format(d)} UTC`)}` : (iso ?? DASH);
    },
  };
}
