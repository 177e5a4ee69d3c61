/**
 * Bills per second: the engine's PDF printing (renderDocument + printPdf, pdfmake 0.3 and the Noto
 * fonts) of the one-page ws-bill in English and in Hindi, each beside raw pdfkit drawing the same
 * strings with the same font files in the same run, alternated (engine, pdfkit, engine, pdfkit, ...)
 * so both see the same machine load; medians.
 *
 *   npm run bench:pdf [-- rounds [englishBills [hindiBills]]]   defaults: 5 rounds of 200 / 100 bills
 *
 * The pdfkit floor draws text only: one text() call per string of the rendered bill, in a simple
 * grid, with the fonts registered from Buffers read once and embedded as subsets (as pdfmake does).
 * It draws no QR code, no table rules and does no layout of its own beyond pdfkit's line wrapping.
 * Not a test: it prints, it does not judge.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { PdfFormatConfig } from '../engine/definitions/index.ts';
import { fontFamilies } from '../engine/pdf/fonts.ts';
// renderDocument is not behind engine/pdf's door (Pdfs.print calls it); a benchmark may look inside.
import { renderDocument } from '../engine/pdf/format.ts';
import { amountInWords, indianAmount, printPdf, type PdfDocument } from '../engine/pdf/index.ts';

const rounds = Number(process.argv[2] ?? 5);
const counts = { en_IN: Number(process.argv[3] ?? 200), hi_IN: Number(process.argv[4] ?? 100) };
/** Bills in flight at once in the concurrent engine figure, as a server printing several requests. */
const inFlight = 4;
const root = join(import.meta.dirname, '..');
const readYaml = (path: string) => parse(readFileSync(join(root, path), 'utf8'));

type Locale = keyof typeof counts;
const locales: Locale[] = ['en_IN', 'hi_IN'];

// ---- the bill: format config, labels, a realistic variable set --------------------------------

const format = readYaml('definitions/pdf/ws-bill/format.yaml').config as PdfFormatConfig;
const data = readYaml('definitions/pdf/ws-bill/data.yaml').DataConfigs as { serviceName: string; mappings: { mappings?: { direct?: { variable: string; type?: string; value: { path: string } }[] }[] }[] };
const labelRules = data.mappings.flatMap((g) => g.mappings ?? []).flatMap((m) => m.direct ?? []).filter((d) => d.type === 'label');
const messages = Object.fromEntries(locales.map((l) => [l, readYaml(`definitions/localization/${l}/${data.serviceName}.yaml`).messages as Record<string, string>])) as Record<Locale, Record<string, string>>;

const people = {
  en_IN: { names: ['Rameshwar Prasad', 'Sunita Devi', 'Gurpreet Singh Sandhu', 'Kamla Kumari'], street: 'Gandhi Marg, Near Panchayat Bhawan', door: 'H.No. ' },
  hi_IN: { names: ['रामेश्वर प्रसाद', 'सुनीता देवी', 'गुरप्रीत सिंह संधू', 'कमला कुमारी'], street: 'गांधी मार्ग, पंचायत भवन के पास', door: 'मकान नं. ' },
};
const two = (n: number) => String(n).padStart(2, '0');

/** The variables of bill `i` in a locale, as variablesFor would build them from a fetched bill. */
function billVariables(i: number, locale: Locale): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const rule of labelRules) vars[rule.variable] = messages[locale][rule.value.path] ?? rule.value.path;
  const current = 180 + (i % 37) * 15.5;
  const arrears = (i % 5) * 1234.75 + (i % 3 === 0 ? 101234.5 : 0);
  const total = current + arrears;
  const month = (i % 12) + 1;
  const person = people[locale];
  return {
    ...vars,
    billNo: `WS/BILL/2026-27/${String(100000 + i)}`,
    consumerID: `WS/400/2025-26/${String(2000 + (i % 997))}`,
    payerName: person.names[i % person.names.length],
    mobileNo: `98${String(14000000 + i * 7919).slice(0, 8)}`,
    billDate: `05/${two(month)}/2026`,
    period: `01/${two(month)}/2026 - 30/${two(month)}/2026`,
    dueDate: `20/${two(month)}/2026`,
    currentCharges: indianAmount(current),
    arrears: indianAmount(arrears),
    totalAmount: indianAmount(total),
    totalWords: amountInWords(total, locale),
    meterNo: `MTR-${String(700000 + i)}`,
    readingDate: `01/${two(month)}/2026`,
    lastReading: 12000 + i * 3,
    currentReading: 12000 + i * 3 + 14 + (i % 9),
    address: `${person.door}${1 + (i % 240)}, ${person.street}`,
    tenantId: 'pb.lodhipur',
    publicUrl: 'https://mgramseva.example.gov.in',
    locale,
  };
}

/** The engine's path for one bill: template filled in, then printed by pdfmake. */
const engineBill = (i: number, locale: Locale) => printPdf(renderDocument(format, billVariables(i, locale), locale));

// ---- the floor: raw pdfkit drawing the rendered bill's strings ---------------------------------

interface Run {
  text: string;
  font: string;
  bold: boolean;
  italics: boolean;
  size: number;
}
type Style = Partial<Omit<Run, 'text'>>;

/** The strings a rendered bill draws, each with its font, weight and size (QR codes left out). */
function runsOf(doc: PdfDocument): Run[] {
  const styles = (doc.styles ?? {}) as Record<string, Style & { fontSize?: number }>;
  const runs: Run[] = [];
  const styled = (node: Record<string, unknown>, outer: Run): Run => {
    const names = ([] as unknown[]).concat(node.style ?? []) as string[];
    let s = { ...outer };
    for (const own of [...names.map((n) => styles[n] ?? {}), node as Style & { fontSize?: number }]) {
      s = { ...s, ...(typeof own.font === 'string' ? { font: own.font } : {}), ...(typeof own.bold === 'boolean' ? { bold: own.bold } : {}), ...(typeof own.italics === 'boolean' ? { italics: own.italics } : {}), ...(typeof own.fontSize === 'number' ? { size: own.fontSize } : {}) };
    }
    return s;
  };
  const walk = (node: unknown, outer: Run): void => {
    if (typeof node === 'string' || typeof node === 'number') {
      if (String(node) !== '') runs.push({ ...outer, text: String(node) });
      return;
    }
    if (Array.isArray(node)) return node.forEach((n) => walk(n, outer));
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if ('qr' in n || 'image' in n) return;
    const s = styled(n, outer);
    if ('text' in n) {
      // Runs split by script (a Hindi name on an English bill) are drawn as one string per run.
      if (Array.isArray(n.text)) n.text.forEach((t) => walk(t, s));
      else walk(n.text, s);
      return;
    }
    for (const key of ['content', 'stack', 'columns'] as const) if (key in n) walk(n[key], s);
    if (n.table && typeof n.table === 'object') walk((n.table as { body?: unknown }).body, s);
  };
  const base = (doc.defaultStyle ?? {}) as Style & { fontSize?: number };
  walk(doc.content, { text: '', font: String(base.font), bold: false, italics: false, size: base.fontSize ?? 12 });
  return runs;
}

/** What the floor uses of pdfkit (a dependency of pdfmake; no types are installed). */
interface PdfKitDocument {
  registerFont(name: string, src: Buffer): void;
  font(name: string): PdfKitDocument;
  fontSize(size: number): PdfKitDocument;
  text(text: string, x: number, y: number, options: { width: number; lineBreak?: boolean }): PdfKitDocument;
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end' | 'error', listener: (err?: Error) => void): void;
  end(): void;
}
const PDFKit = createRequire(import.meta.url)('pdfkit') as new (options: Record<string, unknown>) => PdfKitDocument;

/** The same font files pdfmake is given, read once: family → style → bytes. */
const fontBytes = Object.fromEntries(Object.entries(fontFamilies()).map(([family, styles]) => [family, Object.fromEntries(Object.entries(styles).map(([style, file]) => [style, readFileSync(file)]))])) as Record<string, Record<string, Buffer>>;
const styleName = (r: Run) => (r.bold && r.italics ? 'bolditalics' : r.bold ? 'bold' : r.italics ? 'italics' : 'normal');

/** One bill drawn by pdfkit: its strings in a four-column grid on an A4 page, fonts embedded as subsets. */
function pdfkitBill(runs: Run[]): Promise<Buffer> {
  // As pdfmake opens its pdfkit document: no default (Helvetica) font, compressed, PDF 1.3.
  const doc = new PDFKit({ size: 'A4', margin: 40, font: null, pdfVersion: '1.3', compress: true, info: { Producer: 'bench', Creator: 'bench' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const registered = new Set<string>();
  const column = (595.28 - 80) / 4;
  runs.forEach((r, i) => {
    const name = `${r.font}-${styleName(r)}`;
    if (!registered.has(name)) {
      doc.registerFont(name, fontBytes[r.font]![styleName(r)]!);
      registered.add(name);
    }
    doc.font(name).fontSize(r.size).text(r.text, 40 + (i % 4) * column, 40 + Math.floor(i / 4) * 36, { width: column - 6 });
  });
  doc.end();
  return done;
}

// ---- timing -------------------------------------------------------------------------------------

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (t: number) => `${t.toFixed(1)} ms`;

/** Runs `one` n times, `width` at a time; bills per second. */
async function rate(n: number, width: number, one: (i: number) => Promise<Buffer>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) await one(next++);
  }));
  return n / ((performance.now() - started) / 1000);
}

async function timeOne(one: () => Promise<Buffer>): Promise<{ ms: number; bytes: Buffer }> {
  const started = performance.now();
  const bytes = await one();
  return { ms: performance.now() - started, bytes };
}

/** A PDF that embeds a TrueType font subset (so neither path is timed drawing nothing). */
function checkPdf(what: string, bytes: Buffer) {
  const text = bytes.toString('latin1');
  if (!text.startsWith('%PDF-') || !text.includes('/FontFile2')) throw new Error(`${what}: not a PDF with an embedded font (${bytes.length} bytes)`);
}

const loadBefore = loadavg()[0]!;
// The runs each floor bill draws, made before timing (pdfkit is given strings; making them is the engine's work).
const floorRuns = Object.fromEntries(locales.map((l) => [l, Array.from({ length: counts[l] }, (_, i) => runsOf(renderDocument(format, billVariables(i, l), l)))])) as Record<Locale, Run[][]>;

// First bills of the process: the engine first, as a server would meet them.
const first: { label: string; ms: number; bytes: number }[] = [];
for (const [label, one] of [
  ['engine, first English bill', () => engineBill(0, 'en_IN')],
  ['engine, first Hindi bill', () => engineBill(0, 'hi_IN')],
  ['pdfkit, first English bill', () => pdfkitBill(floorRuns.en_IN[0]!)],
  ['pdfkit, first Hindi bill', () => pdfkitBill(floorRuns.hi_IN[0]!)],
] as const) {
  const t = await timeOne(one);
  checkPdf(label, t.bytes);
  first.push({ label, ms: t.ms, bytes: t.bytes.length });
}
// Warm-up: the JIT sees both paths and both scripts before any figure is taken.
for (const l of locales) {
  for (let i = 0; i < 20; i++) {
    await engineBill(i, l);
    await pdfkitBill(floorRuns[l][i % counts[l]]!);
  }
}
const steady = Object.fromEntries(locales.map((l) => [l, { engine: 0, pdfkit: 0 }])) as Record<Locale, { engine: number; pdfkit: number }>;
for (const l of locales) {
  steady[l].engine = (await engineBill(1, l)).length;
  steady[l].pdfkit = (await pdfkitBill(floorRuns[l][1]!)).length;
}

// Where an engine bill's time goes: filling in the template vs printing it (sequential, per bill).
async function split(l: Locale, n: number) {
  let render = 0;
  let print = 0;
  for (let i = 0; i < n; i++) {
    const a = performance.now();
    const doc = renderDocument(format, billVariables(i, l), l);
    const b = performance.now();
    await printPdf(doc);
    print += performance.now() - b;
    render += b - a;
  }
  return { render: render / n, print: print / n };
}

const figures = Object.fromEntries(locales.map((l) => [l, { engine: [] as number[], concurrent: [] as number[], pdfkit: [] as number[] }])) as Record<Locale, { engine: number[]; concurrent: number[]; pdfkit: number[] }>;
for (let r = 0; r < rounds; r++) {
  for (const l of locales) {
    const f = figures[l];
    f.engine.push(await rate(counts[l], 1, (i) => engineBill(i, l)));
    f.pdfkit.push(await rate(counts[l], 1, (i) => pdfkitBill(floorRuns[l][i]!)));
    f.concurrent.push(await rate(counts[l], inFlight, (i) => engineBill(i, l)));
    console.error(`  round ${r + 1} ${l}: engine ${f.engine.at(-1)!.toFixed(1)}, pdfkit ${f.pdfkit.at(-1)!.toFixed(1)}, engine ${inFlight} in flight ${f.concurrent.at(-1)!.toFixed(1)} bills/s`);
  }
}
const splits = {} as Record<Locale, { render: number; print: number }>;
for (const l of locales) splits[l] = await split(l, Math.min(50, counts[l]));

const cpu = cpus();
console.log(`\nPDF bills on ${cpu.length} cores (${cpu[0]?.model.trim()}), node ${process.version}, load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`);
console.log(`one process, one thread; median of ${rounds} rounds of ${counts.en_IN} English / ${counts.hi_IN} Hindi bills, engine and pdfkit alternated:\n`);
for (const f of first) console.log(`${f.label.padEnd(28)} ${ms(f.ms).padStart(10)}   (${f.bytes} bytes)`);
console.log('');
const goals: Record<Locale, number> = { en_IN: 100, hi_IN: 50 };
for (const l of locales) {
  const f = figures[l];
  const [engine, concurrent, pdfkit] = [median(f.engine), median(f.concurrent), median(f.pdfkit)];
  const name = l === 'en_IN' ? 'English' : 'Hindi';
  console.log(`${name.padEnd(8)} engine ${engine.toFixed(1).padStart(6)} bills/s (${inFlight} in flight ${concurrent.toFixed(1)})   pdfkit ${pdfkit.toFixed(1).padStart(6)} bills/s   engine/pdfkit ${(engine / pdfkit).toFixed(2)}   goal ≥ ${goals[l]}: ${engine >= goals[l] ? 'met' : 'MISSED'}`);
  console.log(`${''.padEnd(8)} per engine bill: renderDocument ${ms(splits[l].render)}, printPdf ${ms(splits[l].print)}; PDF ${steady[l].engine} bytes (pdfkit ${steady[l].pdfkit} bytes, ${floorRuns[l][1]!.length} strings)`);
}
