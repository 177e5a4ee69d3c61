import Handlebars from 'handlebars';
import type { PdfFormatConfig } from '../definitions/index.ts';
import { fontFamilies, fontForLocale, scriptRuns } from './fonts.ts';
import type { PdfDocument } from './printer.ts';
import type { Variables } from './variables.ts';
import { amountInWords, indianAmount } from './words.ts';

const handlebars = Handlebars.create();
handlebars.registerHelper('amount', (value: unknown) => (value === undefined || value === null || value === 'NA' ? 'NA' : indianAmount(value as number)));
handlebars.registerHelper('words', (value: unknown, options: Handlebars.HelperOptions) =>
  value === undefined || value === null || value === 'NA' ? 'NA' : amountInWords(value as number, String((options.data as { root: Variables }).root.locale ?? 'en_IN')),
);

const templates = new Map<string, Handlebars.TemplateDelegate>();
const sections = new Map<string, unknown>();

function template(text: string): Handlebars.TemplateDelegate {
  let t = templates.get(text);
  if (!t) {
    // Values are written as they are: this is a PDF, not HTML.
    t = handlebars.compile(text, { noEscape: true });
    templates.set(text, t);
  }
  return t;
}

const WHOLE = /^\{\{\s*([\w-]+)\s*\}\}$/;
// DIGIT's way to repeat part of a document: an array item `{{#list}}<JSON>{{/list}}`.
const SECTION = /^\{\{#([\w-]+)\}\}([\s\S]*)\{\{\/\1\}\}$/;

function renderString(text: string, vars: Variables): unknown {
  if (!text.includes('{{')) return text;
  const whole = WHOLE.exec(text);
  if (whole) {
    const value = vars[whole[1]!];
    if (value !== undefined && value !== null && typeof value !== 'string') return value;
  }
  return template(text)(vars);
}

function sectionOf(text: string): { list: string; body: unknown } | undefined {
  const m = SECTION.exec(text.trim());
  if (!m || !/^\s*[[{]/.test(m[2]!)) return undefined;
  let body = sections.get(m[2]!);
  if (body === undefined) {
    body = JSON.parse(m[2]!);
    sections.set(m[2]!, body);
  }
  return { list: m[1]!, body };
}

function render(node: unknown, vars: Variables): unknown {
  if (typeof node === 'string') return renderString(node, vars);
  if (Array.isArray(node)) {
    const out: unknown[] = [];
    for (const item of node) {
      const section = typeof item === 'string' ? sectionOf(item) : undefined;
      if (!section) {
        out.push(render(item, vars));
        continue;
      }
      const list = vars[section.list];
      for (const entry of Array.isArray(list) ? list : []) out.push(render(section.body, entry && typeof entry === 'object' ? { ...vars, ...entry } : vars));
    }
    return out;
  }
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, render(v, vars)]));
  return node;
}

/**
 * Fits a rendered document to the engine's fonts: the locale's font by default, a font pdfmake
 * does not have (DIGIT's Cambay, Roboto) dropped, each text split into runs by script, an image
 * that came out empty left out, and a table left with no rows given an empty one.
 */
function fit(node: unknown, base: string, known: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => (typeof n === 'string' ? scriptRuns(n, base) : fit(n, base, known)));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'font' && typeof v === 'string' && !known.has(v)) continue;
    if (k === 'text') out[k] = typeof v === 'string' ? scriptRuns(v, base) : fit(v, base, known);
    else out[k] = fit(v, base, known);
  }
  if ('image' in out && (typeof out.image !== 'string' || out.image === '')) return { text: '' };
  const table = out.table as { body?: unknown[]; widths?: unknown[] } | undefined;
  if (table && Array.isArray(table.body) && table.body.length === 0) table.body = [Array.isArray(table.widths) ? table.widths.map(() => '') : ['']];
  return out;
}

/** A format config with a document's variables written in, ready for pdfmake. */
export function renderDocument(format: PdfFormatConfig, vars: Variables, locale: string): PdfDocument {
  const base = fontForLocale(locale);
  const doc = fit(render(format, vars), base, new Set(Object.keys(fontFamilies()))) as PdfDocument;
  doc.defaultStyle = { ...((doc.defaultStyle as object) ?? {}), font: base };
  return doc;
}
