import { ensureDebianPackage } from '../debian-package.ts';

/** poppler's pdftotext, pdffonts and pdftoppm read the PDFs the engine prints (Debian's poppler-utils). */
export function ensurePoppler(): void {
  const problem = ensureDebianPackage('poppler-utils', '/usr/bin/pdffonts');
  if (problem) throw new Error(problem);
}
