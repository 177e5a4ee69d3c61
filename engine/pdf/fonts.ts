import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fontFile = (pkg: string, weight: string, name: string) => require.resolve(`@expo-google-fonts/${pkg}/${weight}/${name}_${weight}.ttf`);

/** A family pdfmake knows by name, from files of an npm package (never the machine's fonts). */
interface Family {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

function notoFamily(pkg: string, name: string, italics: boolean): Family {
  return {
    normal: fontFile(pkg, '400Regular', name),
    bold: fontFile(pkg, '700Bold', name),
    italics: italics ? fontFile(pkg, '400Regular_Italic', name) : fontFile(pkg, '400Regular', name),
    bolditalics: italics ? fontFile(pkg, '700Bold_Italic', name) : fontFile(pkg, '700Bold', name),
  };
}

/** Latin (and the rupee sign); Devanagari; Gurmukhi. Each Noto family also draws Latin and ₹. */
export const LATIN = 'NotoSans';
const DEVANAGARI = 'NotoSansDevanagari';
const GURMUKHI = 'NotoSansGurmukhi';

let families: Record<string, Family> | undefined;

export function fontFamilies(): Record<string, Family> {
  return (families ??= {
    [LATIN]: notoFamily('noto-sans', 'NotoSans', true),
    [DEVANAGARI]: notoFamily('noto-sans-devanagari', 'NotoSansDevanagari', false),
    [GURMUKHI]: notoFamily('noto-sans-gurmukhi', 'NotoSansGurmukhi', false),
  });
}

/** Script blocks that need their own font; text outside them is drawn in the document's font. */
const SCRIPTS: { font: string; test: RegExp }[] = [
  { font: DEVANAGARI, test: /[\u0900-\u097F\uA8E0-\uA8FF\u1CD0-\u1CFF]/u },
  { font: GURMUKHI, test: /[\u0A00-\u0A7F]/u },
];
const JOINERS = /[\u200C\u200D]/u;
const ANY_SCRIPT = /[\u0900-\u097F\uA8E0-\uA8FF\u1CD0-\u1CFF\u0A00-\u0A7F]/u;

/** The font a locale's text is drawn in: its script's, so digits and Latin match the words around them. */
export function fontForLocale(locale: string): string {
  const language = locale.split(/[_-]/)[0]!.toLowerCase();
  if (language === 'hi' || language === 'mr' || language === 'ne') return DEVANAGARI;
  if (language === 'pa' || language === 'pn') return GURMUKHI;
  return LATIN;
}

const scriptFont = (ch: string) => SCRIPTS.find((s) => s.test.test(ch))?.font;

/**
 * Splits a text into runs by script, so a Hindi name on an English bill (or a Punjabi one on a
 * Hindi bill) is shaped by a font that has its letters. Joiners and marks stay with their run;
 * text with no Indic letter comes back as it is.
 */
export function scriptRuns(text: string, base: string): string | { text: string; font: string }[] {
  if (!ANY_SCRIPT.test(text)) return text;
  const runs: { text: string; font: string }[] = [];
  for (const ch of text) {
    const own = scriptFont(ch);
    const last = runs[runs.length - 1];
    // A character of no script of its own (space, digit, joiner) joins the run it follows.
    const font = own ?? (last && (JOINERS.test(ch) || /\s|\d|[.,:/()-]/u.test(ch)) ? last.font : base);
    if (last && last.font === font) last.text += ch;
    else runs.push({ text: ch, font });
  }
  return runs.length === 1 && runs[0]!.font === base ? text : runs;
}
