// Where the Chromium that renders PDFs lives: CHROMIUM_PATH when set, else the usual Debian and Google paths. A
// missing browser is not a start-up error: the PDF routes answer 503 saying how to install one, and everything else
// (screens, CSV) keeps working.
import { accessSync, constants, statSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export type ChromiumLocation = { found: true; path: string } | { found: false; problem: string };

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const HOW_TO_INSTALL =
  'Install it (on Debian or Ubuntu: apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome executable. CSV exports and the report screens work without it.';

export function locateChromium(configured: string | undefined, candidates = CHROMIUM_CANDIDATES): ChromiumLocation {
  if (configured) {
    if (executable(configured)) return { found: true, path: configured };
    return {
      found: false,
      problem: `PDF export needs Chromium, but CHROMIUM_PATH (${configured}) is not an executable file. ${HOW_TO_INSTALL}`,
    };
  }
  const path = candidates.find(executable);
  if (path) return { found: true, path };
  return {
    found: false,
    problem: `PDF export needs Chromium, which was not found (looked for ${candidates.join(', ')}). ${HOW_TO_INSTALL}`,
  };
}
