import { TZDate } from '@date-fns/tz';
import { format as formatDate } from 'date-fns';
import vm from 'node:vm';
import { invalid } from '../errors/index.ts';
import { amountInWords, indianAmount } from './words.ts';

/** The document a script runs for: its time zone and language. */
export interface ScriptEnv {
  timeZone: string;
  locale: string;
}

/**
 * DIGIT's data configs compute some values with JavaScript (a `function` mapping's body, a
 * `derived` formula). They run here in a context of their own, holding no Node globals, each
 * stopped after a time limit. Definitions are the deployment's own code, as trusted as its
 * rules: this keeps a mistake from reaching the process, it is not a wall against an attacker.
 * Scripts may call `format.date(ms, 'dd/MM/yyyy')` (in the tenant's time zone), `format.amount(n)`
 * (1,23,456.00) and `format.words(n)` (in the document's language), so they need not do sums of
 * time-zone offsets as DIGIT's configs do.
 */
const context = vm.createContext(Object.create(null), { name: 'pdf data config', codeGeneration: { strings: false, wasm: false } });
const compiled = new Map<string, vm.Script>();
const TIME_LIMIT_MS = 100;

function script(source: string, where: string): vm.Script {
  let s = compiled.get(source);
  if (!s) {
    try {
      s = new vm.Script(source, { filename: where });
    } catch (err) {
      throw invalid('PDF_SCRIPT_INVALID', `${where}: ${(err as Error).message}`, where);
    }
    compiled.set(source, s);
  }
  return s;
}

function run(source: string, where: string, input: unknown, env: ScriptEnv): unknown {
  context.format = {
    date: (ms: unknown, pattern = 'dd/MM/yyyy') => (ms === undefined || ms === null || ms === '' ? 'NA' : formatDate(new TZDate(Number(ms), env.timeZone), String(pattern))),
    amount: (n: unknown) => indianAmount(n as number),
    words: (n: unknown) => amountInWords(n as number, env.locale),
  };
  // Each run sees its own copy of the input: a script that sorts it leaves the caller's alone.
  context.__input = input === undefined ? undefined : JSON.parse(JSON.stringify(input));
  try {
    return script(source, where).runInContext(context, { timeout: TIME_LIMIT_MS });
  } catch (err) {
    throw invalid('PDF_SCRIPT_FAILED', `${where}: ${(err as Error).message}`, where);
  } finally {
    delete context.__input;
  }
}

const functionSource = (body: string) => `(function () {\n${body}\n}).call(undefined, __input)`;
const formulaSource = (expression: string) => `(\n${expression}\n)`;

/** A `function` mapping: its body reads the value found at its path as `arguments[0]`. */
export function runFunction(body: string, value: unknown, where: string, env: ScriptEnv): unknown {
  return run(functionSource(body), where, value, env);
}

/** A `derived` formula: a JavaScript expression, the variables already written into it. */
export function runFormula(expression: string, where: string, env: ScriptEnv): unknown {
  return run(formulaSource(expression), where, undefined, env);
}
