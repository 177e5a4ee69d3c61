export { pdfDocumentTable, type PdfJob } from './jobs.ts';
export { printPdf, type PdfDocument } from './printer.ts';
export { Pdfs, type PdfDeps, type PdfRequest, type Printed, type RouteCall } from './service.ts';
export { amountInWords, indianAmount } from './words.ts';
