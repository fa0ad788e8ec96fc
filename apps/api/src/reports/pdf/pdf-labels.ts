// The words of the PDF reports in English and Urdu (the web app's terms: بیچ for cohort, افسران for officers …),
// and the taxonomy's short names for table headings. Urdu must have every key English has (the type says so).
import type {
  DocumentType,
  FeatureCategory,
  FraudType,
  HeatmapDimension,
  Language,
  Light,
  ModuleMode,
  ModuleStanding,
} from '@firstline/contracts';

const EN = {
  cohortReport: 'Cohort competence report',
  officerTranscript: 'Officer transcript',
  unit: 'Unit',
  cohort: 'Cohort',
  officer: 'Officer',
  username: 'Username',
  generated: 'Generated',
  period: 'Period',
  allDates: 'All dates',
  until: 'until {date}',
  since: 'since {date}',
  module: 'Module',
  allModules: 'All modules',
  allCohorts: 'All cohorts',
  cohortFigures: 'Cohort figures',
  figures: 'Figures',
  officers: 'Officers',
  decisions: 'Decisions',
  hitRate: 'Hit rate',
  falseAlarmRate: 'False-alarm rate',
  missedForgeries: 'Missed forgeries',
  needlessReferrals: 'Needless referrals',
  dPrime: 'd′',
  criterion: 'c',
  accuracy: 'Accuracy',
  meanTime: 'Mean time',
  medianTime: 'Median time',
  locateAccuracy: 'Locate accuracy',
  fraudTypeAccuracy: 'Fraud-type accuracy',
  attempts: 'Attempts',
  best: 'Best',
  latest: 'Latest',
  lastActivity: 'Last activity',
  notStarted: 'Not started',
  overdue: 'Overdue',
  tooFew: 'too few decisions to judge',
  tooFewNote: 'Officers with fewer than {n} decisions are shown but not judged (marked “too few decisions to judge”).',
  measuresNote:
    'A hit is a fraudulent document referred, a miss a fraudulent document accepted, a false alarm (needless referral) a genuine document referred. d′ is sensitivity (higher tells genuine from fraudulent better); c is bias (negative refers too readily, positive accepts too readily).',
  decisionSpace: 'Decision space',
  decisionSpaceNote:
    'Each dot is an officer at (false-alarm rate, hit rate); the curves join points of equal d′. Up and to the left is better; the diagonal is guessing.',
  heatmap: 'Weak spots by feature category',
  heatmapNote: 'Proportion of right decisions, with the number of items behind each cell; an empty cell had no items.',
  breakdown: 'Breakdown',
  weakSpots: 'Weak spots',
  noWeakSpots: 'No weak spot with enough items behind it.',
  items: 'items',
  started: 'Started',
  finished: 'Finished',
  mode: 'Mode',
  score: 'Score',
  result: 'Result',
  standing: 'Standing',
  modules: 'Assigned modules',
  noOfficers: 'No officers in this cohort.',
  noAttempts: 'No attempts in this period.',
  noData: 'No decisions in this period.',
  cohortTotal: 'Cohort',
  inProgress: 'In progress',
  passed: 'Passed',
  failed: 'Not passed',
  page: 'Page',
};

export type PdfLabels = typeof EN;

const UR: PdfLabels = {
  cohortReport: 'بیچ کی مہارت کی رپورٹ',
  officerTranscript: 'افسر کی کارکردگی کا ریکارڈ',
  unit: 'یونٹ',
  cohort: 'بیچ',
  officer: 'افسر',
  username: 'صارف نام',
  generated: 'تاریخِ اجرا',
  period: 'مدت',
  allDates: 'تمام تاریخیں',
  until: '{date} تک',
  since: '{date} سے',
  module: 'ماڈیول',
  allModules: 'تمام ماڈیول',
  allCohorts: 'تمام بیچ',
  cohortFigures: 'بیچ کے اعداد و شمار',
  figures: 'اعداد و شمار',
  officers: 'افسران',
  decisions: 'فیصلے',
  hitRate: 'درست حوالگی کی شرح',
  falseAlarmRate: 'غلط حوالگی کی شرح',
  missedForgeries: 'چھوٹی ہوئی جعلسازیاں',
  needlessReferrals: 'غیر ضروری حوالگیاں',
  // Isolated so the prime stays after the d in a right-to-left line.
  dPrime: '\u2066d′\u2069',
  criterion: '\u2066c\u2069',
  accuracy: 'درستی',
  meanTime: 'اوسط وقت',
  medianTime: 'درمیانی وقت',
  locateAccuracy: 'مقام کی نشاندہی کی درستی',
  fraudTypeAccuracy: 'جعل سازی کی قسم کی درستی',
  attempts: 'کوششیں',
  best: 'بہترین',
  latest: 'تازہ ترین',
  lastActivity: 'آخری سرگرمی',
  notStarted: 'شروع نہیں کیا',
  overdue: 'مقررہ وقت گزر گیا',
  tooFew: 'جانچ کے لیے فیصلے بہت کم ہیں',
  tooFewNote: '{n} سے کم فیصلوں والے افسران دکھائے گئے ہیں مگر ان کی جانچ نہیں کی گئی۔',
  measuresNote:
    'درست حوالگی: جعلی دستاویز بھیجی گئی۔ چھوٹی ہوئی جعلسازی: جعلی دستاویز قبول کی گئی۔ غیر ضروری حوالگی: اصلی دستاویز بھیجی گئی۔ \u2066d′\u2069 پہچان کی صلاحیت ہے (زیادہ بہتر)؛ \u2066c\u2069 رجحان ہے (منفی: بہت جلد حوالگی، مثبت: بہت جلد قبولیت)۔',
  decisionSpace: 'فیصلوں کا نقشہ',
  decisionSpaceNote:
    'ہر نقطہ ایک افسر ہے (غلط حوالگی کی شرح، درست حوالگی کی شرح)؛ خطوط برابر \u2066d′\u2069 کے نقاط کو ملاتے ہیں۔ اوپر اور بائیں جانب بہتر ہے؛ ترچھی لکیر اندازہ ہے۔',
  heatmap: 'حفاظتی عنصر کے زمرے کے لحاظ سے کمزور پہلو',
  heatmapNote: 'درست فیصلوں کا تناسب، ہر خانے کے پیچھے سوالات کی تعداد کے ساتھ؛ خالی خانے میں کوئی سوال نہیں تھا۔',
  breakdown: 'تفصیل',
  weakSpots: 'کمزور پہلو',
  noWeakSpots: 'کافی سوالات والا کوئی کمزور پہلو نہیں۔',
  items: 'سوالات',
  started: 'آغاز',
  finished: 'اختتام',
  mode: 'قسم',
  score: 'اسکور',
  result: 'نتیجہ',
  standing: 'صورتِ حال',
  modules: 'تفویض کردہ ماڈیول',
  noOfficers: 'اس بیچ میں کوئی افسر نہیں۔',
  noAttempts: 'اس مدت میں کوئی کوشش نہیں۔',
  noData: 'اس مدت میں کوئی فیصلہ نہیں۔',
  cohortTotal: 'بیچ',
  inProgress: 'جاری',
  passed: 'کامیاب',
  failed: 'ناکام',
  page: 'صفحہ',
};

interface Taxonomy {
  featureCategory: Record<FeatureCategory, string>;
  fraudType: Record<FraudType, string>;
  light: Record<Light, string>;
  documentType: Record<DocumentType, string>;
  dimension: Record<HeatmapDimension, string>;
  mode: Record<ModuleMode, string>;
  standing: Record<ModuleStanding, string>;
}

const EN_TAXONOMY: Taxonomy = {
  featureCategory: {
    substrate: 'Substrate',
    'printing-technique': 'Printing technique',
    'printed-security-design': 'Printed security design',
    'security-inks': 'Security inks',
    'optically-variable-device': 'Optically variable device',
    personalisation: 'Personalisation',
    'machine-readable': 'Machine-readable',
    construction: 'Construction',
  },
  fraudType: {
    genuine: 'Genuine',
    counterfeit: 'Counterfeit',
    'forged:photo-substitution': 'Photo substitution',
    'forged:data-alteration': 'Data alteration',
    'forged:page-substitution': 'Page substitution',
    'forged:visa-or-stamp': 'Visa or stamp',
    pseudo: 'Pseudo document',
    impostor: 'Impostor',
    'fraudulently-obtained': 'Fraudulently obtained',
    'stolen-blank': 'Stolen blank',
  },
  light: {
    visible: 'Visible',
    transmitted: 'Transmitted',
    oblique: 'Oblique',
    uv365: 'UV 365 nm',
    uv254: 'UV 254 nm',
    ir: 'Infrared',
  },
  documentType: {
    TD1: 'TD1 ID card',
    TD2: 'TD2 ID card',
    TD3: 'TD3 passport',
    'MRV-A': 'MRV-A visa',
    'MRV-B': 'MRV-B visa',
  },
  dimension: {
    featureCategory: 'Feature category',
    fraudType: 'Fraud type',
    light: 'Light',
    issuingState: 'Issuing state',
    documentType: 'Document type',
  },
  mode: { practice: 'Practice', assessment: 'Assessment' },
  standing: {
    passed: 'Passed',
    failed: 'Not passed',
    'in-progress': 'In progress',
    'not-started': 'Not started',
    overdue: 'Overdue',
  },
};

const UR_TAXONOMY: Taxonomy = {
  featureCategory: {
    substrate: 'بنیادی مواد',
    'printing-technique': 'طباعت کا طریقہ',
    'printed-security-design': 'طباعتی حفاظتی ڈیزائن',
    'security-inks': 'حفاظتی سیاہیاں',
    'optically-variable-device': 'بصری طور پر بدلنے والا عنصر',
    personalisation: 'ذاتی معلومات کا اندراج',
    'machine-readable': 'مشین سے پڑھنے کے قابل',
    construction: 'ساخت',
  },
  fraudType: {
    genuine: 'اصلی',
    counterfeit: 'نقلی',
    'forged:photo-substitution': 'تصویر کی تبدیلی',
    'forged:data-alteration': 'معلومات میں رد و بدل',
    'forged:page-substitution': 'صفحے کی تبدیلی',
    'forged:visa-or-stamp': 'ویزا یا مہر',
    pseudo: 'فرضی دستاویز',
    impostor: 'بہروپیا',
    'fraudulently-obtained': 'دھوکے سے حاصل کردہ',
    'stolen-blank': 'چوری شدہ خالی دستاویز',
  },
  light: {
    visible: 'عام',
    transmitted: 'آر پار',
    oblique: 'ترچھی',
    uv365: 'UV 365 nm',
    uv254: 'UV 254 nm',
    ir: 'انفراریڈ',
  },
  documentType: {
    TD1: 'TD1 شناختی کارڈ',
    TD2: 'TD2 شناختی کارڈ',
    TD3: 'TD3 پاسپورٹ',
    'MRV-A': 'MRV-A ویزا',
    'MRV-B': 'MRV-B ویزا',
  },
  dimension: {
    featureCategory: 'حفاظتی عنصر کا زمرہ',
    fraudType: 'جعل سازی کی قسم',
    light: 'روشنی',
    issuingState: 'جاری کرنے والی ریاست',
    documentType: 'دستاویز کی قسم',
  },
  mode: { practice: 'مشق', assessment: 'امتحان' },
  standing: {
    passed: 'کامیاب',
    failed: 'ناکام',
    'in-progress': 'جاری',
    'not-started': 'شروع نہیں کیا',
    overdue: 'مقررہ وقت گزر گیا',
  },
};

export interface PdfDictionary extends PdfLabels {
  lang: Language;
  /** A heatmap column's name: the taxonomy's word for the key, or the key itself (issuing states, unknown keys). */
  keyName(by: HeatmapDimension, key: string): string;
  dimensionName(by: HeatmapDimension): string;
  modeName(mode: ModuleMode): string;
  standingName(standing: ModuleStanding): string;
}

export function pdfDictionary(lang: Language): PdfDictionary {
  const words = lang === 'ur' ? UR : EN;
  const taxonomy = lang === 'ur' ? UR_TAXONOMY : EN_TAXONOMY;
  return {
    ...words,
    lang,
    keyName: (by, key) => {
      if (by === 'issuingState') return key;
      const names = taxonomy[by] as Record<string, string>;
      return names[key] ?? key;
    },
    dimensionName: (by) => taxonomy.dimension[by],
    modeName: (mode) => taxonomy.mode[mode],
    standingName: (standing) => taxonomy.standing[standing],
  };
}
