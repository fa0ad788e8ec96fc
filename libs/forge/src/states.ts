// Issuing-state designs: FirstLine's three training states (contracts' TRAINING_STATES) with distinct colours,
// emblem, guilloche family and second language, and a few pseudo "states" that exist nowhere (pseudo documents).
import { TRAINING_STATES } from '@firstline/contracts';

export type RGB = [number, number, number];

export type GuillocheFamily = 'rosette-waves' | 'spirograph-lissajous' | 'lattice-epicycloid';
export type EmblemKind = 'sun' | 'tree' | 'tower' | 'star' | 'eagle' | 'crown';

export type VizFieldKey =
  | 'type'
  | 'code'
  | 'documentNumber'
  | 'surname'
  | 'givenNames'
  | 'nationality'
  | 'dateOfBirth'
  | 'sex'
  | 'placeOfBirth'
  | 'dateOfIssue'
  | 'authority'
  | 'dateOfExpiry'
  | 'personalNumber'
  | 'signature'
  | 'address'
  | 'height'
  | 'eyes'
  | 'cardAccessNumber';

export const FIELD_LABELS_EN: Record<VizFieldKey, string> = {
  type: 'Type',
  code: 'Code of issuing State',
  documentNumber: 'Passport No.',
  surname: 'Surname',
  givenNames: 'Given names',
  nationality: 'Nationality',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  placeOfBirth: 'Place of birth',
  dateOfIssue: 'Date of issue',
  authority: 'Authority',
  dateOfExpiry: 'Date of expiry',
  personalNumber: 'Personal No.',
  signature: "Holder's signature",
  address: 'Address',
  height: 'Height',
  eyes: 'Colour of eyes',
  cardAccessNumber: 'Card No.',
};

export interface StateDesign {
  code: string;
  name: string;
  /** Name of the state in its own language. */
  localName: string;
  language: string;
  /** True for FirstLine's training states; false for pseudo "states" that exist nowhere. */
  exists: boolean;
  palette: {
    paper: RGB;
    /** Label and fine-print ink. */
    ink: RGB;
    /** Header and title ink. */
    accent: RGB;
    /** Rainbow (split-duct) printing colours across the page. */
    rainbow: RGB[];
    rosette: RGB;
    /** Faint emblem tint in visible light. */
    emblem: RGB;
    /** Fluorescence colours under UV 365 nm. */
    uvEmblem: RGB;
    uvViz: RGB;
    uv254: RGB;
    fibres: RGB[];
    fibresUv: RGB[];
    /** Document number ink (often red). */
    number: RGB;
  };
  guilloche: GuillocheFamily;
  emblem: EmblemKind;
  /** Font of the personalised data in the VIZ. */
  vizFont: 'sans-bold' | 'mono' | 'sans';
  headerFont: 'serif-bold' | 'sans-bold';
  /** Second-language labels (first language is English for all). */
  labels: Record<VizFieldKey, string>;
  titles: { TD3: [string, string]; TD1: [string, string]; visa: [string, string] };
  microtext: string;
  authority: string;
  places: string[];
  surnames: { prefix: string[]; suffix: string[] };
  given: { F: string[]; M: string[] };
  /** Date format in the VIZ. */
  dateStyle: 'dd-mon-yyyy' | 'dd.mm.yyyy' | 'dd-mon-yy-bilingual';
  /** Document number pattern: letters L, digits 9, literal others. */
  numberPattern: { TD3: string; TD1: string };
  /** TD3 personal number in the MRZ optional field. */
  personalNumber: boolean;
  /** Border posts (for entry/exit stamps): code and name. */
  borderPosts: { code: string; name: string }[];
  stampInk: RGB;
  stampShape: 'rect' | 'circle' | 'hex';
}

const UTO: StateDesign = {
  code: 'UTO',
  name: 'UTOPIA',
  localName: 'RES PUBLICA UTOPIENSIS',
  language: 'Utopian',
  exists: true,
  palette: {
    paper: [247, 244, 234],
    ink: [40, 62, 96],
    accent: [22, 58, 112],
    rainbow: [
      [96, 150, 196],
      [120, 176, 150],
      [196, 170, 110],
      [190, 128, 150],
    ],
    rosette: [70, 120, 170],
    emblem: [225, 230, 236],
    uvEmblem: [120, 255, 140],
    uvViz: [255, 90, 70],
    uv254: [110, 170, 255],
    fibres: [
      [200, 60, 60],
      [60, 90, 200],
      [200, 170, 50],
    ],
    fibresUv: [
      [255, 60, 60],
      [80, 160, 255],
      [255, 240, 60],
    ],
    number: [176, 40, 40],
  },
  guilloche: 'rosette-waves',
  emblem: 'sun',
  vizFont: 'sans-bold',
  headerFont: 'serif-bold',
  labels: {
    type: 'Typus',
    code: 'Codex civitatis',
    documentNumber: 'Numerus libri',
    surname: 'Cognomen',
    givenNames: 'Nomina',
    nationality: 'Civitas',
    dateOfBirth: 'Dies natalis',
    sex: 'Sexus',
    placeOfBirth: 'Locus natalis',
    dateOfIssue: 'Dies editionis',
    authority: 'Auctoritas',
    dateOfExpiry: 'Valet usque ad',
    personalNumber: 'Numerus personalis',
    signature: 'Subscriptio possessoris',
    address: 'Domicilium',
    height: 'Statura',
    eyes: 'Color oculorum',
    cardAccessNumber: 'Numerus chartae',
  },
  titles: {
    TD3: ['PASSPORT', 'LIBER VIATORIUS'],
    TD1: ['IDENTITY CARD', 'CHARTA IDENTITATIS'],
    visa: ['VISAS', 'VISA'],
  },
  microtext: 'UTOPIA',
  authority: 'MINISTRY OF THE INTERIOR AMAUROT',
  places: [
    'AMAUROT',
    'ANYDER',
    'HYTHLOS',
    'MAKARIA',
    'ACHORIA',
    'NEPHELE',
    'ZAPOLET',
    'ANEMOLIA',
    'POLYLERIT',
    'ABRAXA',
  ],
  surnames: {
    prefix: [
      'ASH',
      'BRAM',
      'CAL',
      'DUN',
      'FAIR',
      'HAL',
      'KEN',
      'LANG',
      'MAR',
      'NORTH',
      'PEN',
      'RAD',
      'STAN',
      'THORN',
      'WEST',
      'WIN',
    ],
    suffix: ['FORD', 'WELL', 'TON', 'BY', 'WOOD', 'LEY', 'HAM', 'RIDGE', 'CROFT', 'MORE', 'SHAW', 'FIELD'],
  },
  given: {
    F: [
      'ANNA',
      'CLARA',
      'EDITH',
      'FIONA',
      'GRACE',
      'HELEN',
      'IRIS',
      'JUNE',
      'LAURA',
      'MAEVE',
      'NORA',
      'OLIVE',
      'RUTH',
      'SOPHIE',
      'TESSA',
      'VIOLA',
    ],
    M: [
      'ALBERT',
      'BENEDICT',
      'CEDRIC',
      'DANIEL',
      'EDMUND',
      'FELIX',
      'GILES',
      'HUGO',
      'JULIAN',
      'LEWIS',
      'MILES',
      'OSCAR',
      'PETER',
      'RUFUS',
      'SIMON',
      'THOMAS',
    ],
  },
  dateStyle: 'dd-mon-yyyy',
  numberPattern: { TD3: 'UL9999999', TD1: 'IU9999999' },
  personalNumber: true,
  borderPosts: [
    { code: '01', name: 'AMAUROT AIRPORT' },
    { code: '04', name: 'PORT ANYDER' },
    { code: '07', name: 'HYTHLOS BRIDGE' },
    { code: '12', name: 'MAKARIA NORTH' },
  ],
  stampInk: [110, 40, 140],
  stampShape: 'rect',
};

const ARC: StateDesign = {
  code: 'ARC',
  name: 'REPUBLIC OF ARCADIA',
  localName: 'DIMOKRATIA ARKADIAS',
  language: 'Arcadian',
  exists: true,
  palette: {
    paper: [246, 245, 236],
    ink: [30, 80, 56],
    accent: [16, 90, 60],
    rainbow: [
      [110, 170, 110],
      [200, 180, 90],
      [210, 130, 90],
      [120, 160, 190],
    ],
    rosette: [150, 120, 60],
    emblem: [228, 234, 222],
    uvEmblem: [255, 220, 70],
    uvViz: [90, 200, 255],
    uv254: [255, 120, 200],
    fibres: [
      [60, 140, 80],
      [180, 80, 40],
      [90, 90, 200],
    ],
    fibresUv: [
      [90, 255, 120],
      [255, 150, 40],
      [140, 120, 255],
    ],
    number: [30, 30, 30],
  },
  guilloche: 'spirograph-lissajous',
  emblem: 'tree',
  vizFont: 'mono',
  headerFont: 'sans-bold',
  labels: {
    type: 'Typos',
    code: 'Kodikos kratous',
    documentNumber: 'Ar. diavatiriou',
    surname: 'Eponymo',
    givenNames: 'Onomata',
    nationality: 'Ithageneia',
    dateOfBirth: 'Imer. gennisis',
    sex: 'Fylo',
    placeOfBirth: 'Topos gennisis',
    dateOfIssue: 'Imer. ekdosis',
    authority: 'Archi',
    dateOfExpiry: 'Imer. lixis',
    personalNumber: 'Prosopikos ar.',
    signature: 'Ypografi katochou',
    address: 'Diefthynsi',
    height: 'Anastima',
    eyes: 'Chroma mation',
    cardAccessNumber: 'Ar. kartas',
  },
  titles: {
    TD3: ['PASSPORT', 'DIAVATIRIO'],
    TD1: ['IDENTITY CARD', 'DELTIO TAFTOTITAS'],
    visa: ['VISAS', 'THEOREISEIS'],
  },
  microtext: 'ARKADIA',
  authority: 'PASSPORT OFFICE OF TEGEA',
  places: [
    'MEGALOPOLIS',
    'TEGEA',
    'MANTINEIA',
    'KYNAITHA',
    'HERAIA',
    'PHENEOS',
    'ORCHOMENOS',
    'STYMPHALOS',
    'LYKOSOURA',
  ],
  surnames: {
    prefix: [
      'PAPA',
      'ANDRE',
      'DIMI',
      'KOSTA',
      'NIKO',
      'STAVRO',
      'THEO',
      'VASI',
      'ALEXO',
      'GEORGA',
      'IOANNI',
      'MICHA',
      'KYRIA',
      'PANTE',
    ],
    suffix: ['DAKIS', 'POULOS', 'KOS', 'DIS', 'TOS', 'POULOU', 'LIS', 'TIS', 'NIDIS', 'RAKIS'],
  },
  given: {
    F: [
      'ALKISTI',
      'DAFNI',
      'ELENI',
      'IRINI',
      'KALLIOPI',
      'MELINA',
      'NEFELI',
      'RHEA',
      'THALIA',
      'XANTHI',
      'ZOE',
      'CHLOE',
      'ARIADNI',
      'PHOEBE',
    ],
    M: [
      'ACHILLEAS',
      'DAMIANOS',
      'EVANDROS',
      'FOTIS',
      'ILIAS',
      'KIMON',
      'LEANDROS',
      'MINOS',
      'NESTOR',
      'ORESTIS',
      'PETROS',
      'STEFANOS',
      'TIMON',
      'ARIS',
    ],
  },
  dateStyle: 'dd.mm.yyyy',
  numberPattern: { TD3: 'AR9999999', TD1: 'AK9999999' },
  personalNumber: false,
  borderPosts: [
    { code: 'A1', name: 'TEGEA INTL' },
    { code: 'A3', name: 'KYNAITHA PORT' },
    { code: 'A6', name: 'HERAIA CROSSING' },
  ],
  stampInk: [30, 110, 60],
  stampShape: 'circle',
};

const BRG: StateDesign = {
  code: 'BRG',
  name: 'KINGDOM OF BORGUNDIA',
  localName: 'KONINKRIJK BORGUNDIEN',
  language: 'Borgundian',
  exists: true,
  palette: {
    paper: [245, 240, 236],
    ink: [96, 34, 46],
    accent: [120, 24, 40],
    rainbow: [
      [190, 120, 130],
      [150, 110, 170],
      [110, 140, 190],
      [180, 150, 110],
    ],
    rosette: [130, 80, 120],
    emblem: [236, 226, 228],
    uvEmblem: [255, 120, 220],
    uvViz: [120, 255, 230],
    uv254: [255, 230, 120],
    fibres: [
      [140, 40, 120],
      [40, 120, 140],
      [190, 120, 40],
    ],
    fibresUv: [
      [255, 90, 230],
      [60, 255, 240],
      [255, 200, 60],
    ],
    number: [120, 24, 40],
  },
  guilloche: 'lattice-epicycloid',
  emblem: 'tower',
  vizFont: 'sans',
  headerFont: 'serif-bold',
  labels: {
    type: 'Soort',
    code: 'Landcode',
    documentNumber: 'Paspoortnr.',
    surname: 'Familienaam',
    givenNames: 'Vornamen',
    nationality: 'Staatsbörgerschap',
    dateOfBirth: 'Geburtsdatum',
    sex: 'Geslacht',
    placeOfBirth: 'Geburtsort',
    dateOfIssue: 'Utgifdatum',
    authority: 'Behörde',
    dateOfExpiry: 'Gültig tot',
    personalNumber: 'Persoonsnr.',
    signature: 'Handtekening',
    address: 'Adres',
    height: 'Lengte',
    eyes: 'Oogkleur',
    cardAccessNumber: 'Kaartnr.',
  },
  titles: { TD3: ['PASSPORT', 'REISEPASPOORT'], TD1: ['IDENTITY CARD', 'IDENTITEITSKAART'], visa: ['VISAS', 'VISUMS'] },
  microtext: 'BORGUNDIA',
  authority: 'BURGEMEESTER VAN BURGHAVEN',
  places: [
    'BURGHAVEN',
    'KALTENBACH',
    'OSTERWALD',
    'STEINFURT',
    'LINDENAU',
    'MOORDORP',
    'EISENBERG',
    'VOGELSANG',
    'ALTMARK',
  ],
  surnames: {
    prefix: [
      'ALT',
      'BERG',
      'DORN',
      'EIS',
      'FALK',
      'GOLD',
      'HAG',
      'KALT',
      'LIND',
      'MOOR',
      'OST',
      'REIN',
      'SCHWARZ',
      'STEIN',
      'VOGEL',
      'WALD',
    ],
    suffix: ['BACH', 'BERGER', 'BRUCK', 'FELD', 'HOFER', 'HUBER', 'MANN', 'MEIER', 'RATH', 'WIES'],
  },
  given: {
    F: ['ADA', 'BRITTA', 'ELSBETH', 'FRIEDA', 'GRETA', 'HANNE', 'ILSE', 'LIESL', 'MARTJE', 'SANNE', 'TILDA', 'WIEBKE'],
    M: [
      'ANSELM',
      'BALDUIN',
      'CORD',
      'DIEDERIK',
      'EGON',
      'FOLKERT',
      'GERNOT',
      'HARMEN',
      'KONRAD',
      'LUDGER',
      'OTMAR',
      'WENDEL',
    ],
  },
  dateStyle: 'dd-mon-yy-bilingual',
  numberPattern: { TD3: 'BG99L9999', TD1: 'BK99L9999' },
  personalNumber: true,
  borderPosts: [
    { code: 'B02', name: 'BURGHAVEN-FLUGHAFEN' },
    { code: 'B05', name: 'STEINFURT-SUD' },
    { code: 'B09', name: 'OSTERWALD-HAFEN' },
  ],
  stampInk: [40, 60, 150],
  stampShape: 'hex',
};

/** Fantasy "states" for pseudo documents: not in ICAO's list, not in FirstLine's training states. */
const PSEUDO: StateDesign[] = [
  {
    ...UTO,
    code: 'WMR',
    name: 'GRAND DUCHY OF WESTMARCH',
    localName: 'GROSSHERZOGTUM WESTMARK',
    language: 'Westmarchian',
    exists: false,
    palette: {
      ...UTO.palette,
      paper: [244, 242, 238],
      ink: [60, 50, 40],
      accent: [90, 60, 20],
      rainbow: [
        [180, 160, 120],
        [160, 170, 150],
      ],
      rosette: [150, 130, 90],
      emblem: [232, 228, 220],
      number: [60, 50, 40],
    },
    guilloche: 'spirograph-lissajous',
    emblem: 'eagle',
    titles: {
      TD3: ['DIPLOMATIC PASSPORT', 'DIPLOMATENPASS'],
      TD1: ['IDENTITY CARD', 'AUSWEIS'],
      visa: ['VISAS', 'VISA'],
    },
    microtext: 'WESTMARCH',
    authority: 'GRAND DUCAL CHANCERY',
    places: ['WESTMARCH', 'HOLDEN', 'GREYHAVEN'],
    numberPattern: { TD3: 'WM9999999', TD1: 'WK9999999' },
  },
  {
    ...ARC,
    code: 'HYP',
    name: 'FREE REPUBLIC OF HYPERBOREA',
    localName: 'HYPERBOREA ELEFTHERI',
    language: 'Hyperborean',
    exists: false,
    palette: {
      ...ARC.palette,
      paper: [240, 243, 246],
      ink: [30, 50, 90],
      accent: [20, 40, 100],
      rainbow: [
        [130, 160, 210],
        [170, 190, 220],
      ],
      rosette: [90, 110, 170],
      emblem: [226, 230, 240],
      number: [30, 50, 90],
    },
    guilloche: 'rosette-waves',
    emblem: 'star',
    microtext: 'HYPERBOREA',
    authority: 'COUNCIL OF THE NORTH',
    places: ['THULE', 'BOREAS', 'NORDHAVN'],
    numberPattern: { TD3: 'HY9999999', TD1: 'HK9999999' },
  },
  {
    ...BRG,
    code: 'LMU',
    name: 'EMPIRE OF LEMURIA',
    localName: 'IMPERIUM LEMURIAE',
    language: 'Lemurian',
    exists: false,
    palette: {
      ...BRG.palette,
      paper: [246, 240, 228],
      ink: [80, 40, 90],
      accent: [100, 30, 110],
      rainbow: [
        [200, 150, 200],
        [220, 190, 140],
      ],
      rosette: [160, 110, 160],
      emblem: [236, 228, 236],
      number: [80, 40, 90],
    },
    guilloche: 'lattice-epicycloid',
    emblem: 'crown',
    microtext: 'LEMURIA',
    authority: 'IMPERIAL REGISTRY',
    places: ['MU', 'RUTAS', 'KUMARI'],
    numberPattern: { TD3: 'LM9999999', TD1: 'LK9999999' },
  },
];

export const TRAINING_DESIGNS: Record<string, StateDesign> = { UTO, ARC, BRG };

// The contracts' registry is the source of truth for which training states exist; every one needs a design here.
for (const s of TRAINING_STATES) {
  if (!TRAINING_DESIGNS[s.code]) throw new Error(`forge has no design for training state ${s.code}`);
}

export const PSEUDO_DESIGNS: Record<string, StateDesign> = Object.fromEntries(PSEUDO.map((d) => [d.code, d]));

export function stateDesign(code: string): StateDesign {
  const d = TRAINING_DESIGNS[code] ?? PSEUDO_DESIGNS[code];
  if (!d) throw new Error(`unknown state design ${code}`);
  return d;
}

export const TRAINING_STATE_CODES_FORGE = Object.keys(TRAINING_DESIGNS);
