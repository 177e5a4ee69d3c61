import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createRequire } from 'node:module';
import { fontFamilies } from './fonts.ts';

/** A pdfmake document definition (https://pdfmake.github.io/docs/0.3/document-definition-object/). */
export type PdfDocument = Record<string, unknown>;

/** What the engine uses of pdfmake 0.3's server build (its published types lag behind it). */
interface PdfMake {
  virtualfs: { existsSync(name: string): boolean; writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  createPdf(doc: PdfDocument): { getBuffer(): Promise<Buffer> };
}
// Loaded from node_modules at run time, not bundled: pdfkit reads its own data files beside it.
const pdfmake = createRequire(import.meta.url)('pdfmake') as PdfMake;

let ready = false;

/**
 * pdfmake with the engine's fonts, set up once per process: the font files are read into
 * pdfmake's virtual file system, so no document touches the disk, and documents may name no
 * local file or URL (images come as data URLs).
 */
function printer(): PdfMake {
  if (ready) return pdfmake;
  const families = fontFamilies();
  const fonts: Record<string, Record<string, string>> = {};
  for (const [family, styles] of Object.entries(families)) {
    fonts[family] = {};
    for (const [style, file] of Object.entries(styles)) {
      const name = basename(file);
      if (!pdfmake.virtualfs.existsSync(name)) pdfmake.virtualfs.writeFileSync(name, readFileSync(file));
      fonts[family][style] = name;
    }
  }
  pdfmake.setFonts(fonts);
  pdfmake.setLocalAccessPolicy(() => false);
  pdfmake.setUrlAccessPolicy(() => false);
  ready = true;
  return pdfmake;
}

/** A pdfmake document as PDF bytes. */
export async function printPdf(doc: PdfDocument): Promise<Buffer> {
  return printer().createPdf(doc).getBuffer();
}
