// The fonts every PDF embeds, as @font-face rules with data: URLs: Inter for Latin text and Noto Nastaliq Urdu for
// Urdu. Browsers have no Nastaliq fallback and a server may have no fonts at all, so both are shipped (npm packages
// the web app uses too) and loaded explicitly, whatever the report's language: officers' names may be Urdu in an
// English report. Read once, on the first render.
import { readFileSync } from 'node:fs';

/** Family names used by the style sheet. */
export const LATIN_FAMILY = 'FirstLine Inter';
export const URDU_FAMILY = 'FirstLine Nastaliq';

// Unicode ranges of the files, from the packages' own CSS.
const ARABIC_RANGE =
  'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC';
const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT_RANGE =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

const FACES: Array<{ family: string; file: string; weight: string; range: string }> = [
  {
    family: LATIN_FAMILY,
    file: '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
    weight: '100 900',
    range: LATIN_RANGE,
  },
  {
    family: LATIN_FAMILY,
    file: '@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2',
    weight: '100 900',
    range: LATIN_EXT_RANGE,
  },
  {
    family: URDU_FAMILY,
    file: '@fontsource-variable/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-wght-normal.woff2',
    weight: '400 700',
    range: ARABIC_RANGE,
  },
];

let css: string | undefined;

/** The @font-face rules (about 500 KB of base64), built once. */
export function fontFaceCss(): string {
  css ??= FACES.map((face) => {
    const data = readFileSync(require.resolve(face.file)).toString('base64');
    return `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${face.weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${face.range};}`;
  }).join('\n');
  return css;
}
