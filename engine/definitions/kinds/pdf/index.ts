import type { Kind } from '../../kind.ts';
import { localizationKind } from '../localization/index.ts';
import { checkPdfKeys, type PdfKey } from './check.ts';
import { pdfSchema } from './schema.ts';
import type { PDFDefinition } from './types.generated.ts';

export type * from './types.generated.ts';
export type { PdfKey, PdfDataConfig, PdfFormatConfig } from './check.ts';

/** PDF keys (DIGIT pdf-service's data and format configs); the registry keeps them by key. */
export const pdfKind: Kind<'pdfs', PDFDefinition, Map<string, PdfKey>> = {
  name: 'pdf',
  folder: 'pdf',
  plural: 'PDF data and format configs',
  layout: '<key>/',
  schema: pdfSchema,
  key: 'pdfs',
  after: [localizationKind.name],
  check: (files, ctx) => checkPdfKeys(files, ctx.value(localizationKind), ctx.incomplete(localizationKind)),
  count: (keys) => `${keys.size} PDF key(s)`,
};
