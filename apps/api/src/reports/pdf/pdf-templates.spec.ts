// The report templates as HTML: language and direction, the fonts, escaping of names, and what each report holds.
import { cohortReportHtml } from './cohort-report.template';
import { officerTranscriptHtml } from './officer-transcript.template';
import { LATIN_FAMILY, URDU_FAMILY } from './pdf-fonts';
import { SAMPLE_NAMES, sampleCohortReport, sampleHeatmap, sampleOfficerReport } from './sample-data';

const generatedAt = new Date('2026-12-01T08:00:00Z');
const cohort = (lang: 'en' | 'ur') =>
  cohortReportHtml({ report: sampleCohortReport, heatmap: sampleHeatmap, lang, generatedAt });
const transcript = (lang: 'en' | 'ur') =>
  officerTranscriptHtml({ report: sampleOfficerReport, cohortName: 'Islamabad Intake 2026-A', lang, generatedAt });

describe('PDF report templates', () => {
  it('write English left to right and Urdu right to left', () => {
    expect(cohort('en')).toContain('<html lang="en" dir="ltr">');
    expect(cohort('ur')).toContain('<html lang="ur" dir="rtl">');
    expect(transcript('ur')).toContain('<html lang="ur" dir="rtl">');
  });

  it('embed Inter and Noto Nastaliq Urdu as data: URLs in both languages (names may be Urdu in English)', () => {
    for (const doc of [cohort('en'), cohort('ur'), transcript('en')]) {
      expect(doc).toContain(`font-family:'${URDU_FAMILY}'`);
      expect(doc).toContain(`font-family:'${LATIN_FAMILY}'`);
      expect(doc.match(/src:url\(data:font\/woff2;base64,/g)).toHaveLength(3);
    }
  });

  it('forbid scripts and outside requests', () => {
    expect(cohort('en')).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"`,
    );
  });

  it('escape an officer named <script> everywhere the name appears', () => {
    const doc = cohort('en');
    expect(doc).not.toContain('<script');
    expect(doc).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Khan');
  });

  it('name every officer, Urdu names included, in the officers table and the heatmap', () => {
    const doc = cohort('en');
    expect(doc.split(SAMPLE_NAMES.urdu).length - 1).toBe(2);
    expect(doc.split(SAMPLE_NAMES.plain).length - 1).toBe(2);
  });

  it('mark officers with too few decisions and print the cohort figures', () => {
    const doc = cohort('en');
    expect(doc.split('too few decisions to judge').length - 1).toBeGreaterThanOrEqual(2);
    expect(doc).toContain('Cohort competence report');
    expect(doc).toMatch(/<svg\s+class="decision-space"/);
    expect(doc).toContain('Personalisation');
  });

  it('use the Urdu words in Urdu, with figures isolated left to right', () => {
    const doc = cohort('ur');
    expect(doc).toContain('بیچ کی مہارت کی رپورٹ');
    expect(doc).toContain('ذاتی معلومات کا اندراج');
    expect(doc).toContain('\u206680%\u2069');
  });

  it('put the officer, weak spots and attempts in the transcript', () => {
    const doc = transcript('en');
    expect(doc).toContain('Officer transcript');
    expect(doc).toContain(SAMPLE_NAMES.urdu);
    expect(doc).toContain('Photo substitution');
    expect(doc).toContain('First-line assessment — timed');
    expect(doc).toContain('Islamabad Intake 2026-A');
  });
});
