// Commands that read the definitions only: no database, no HTTP server.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionsError, testRuleExamples, validateDefinitions } from '../../engine/boot/validate.ts';
import { formatProblem, kinds, registryCounts, schemaFileName } from '../../engine/definitions/index.ts';
import { optionsFromEnv } from '../config.ts';

/** Problems fail it; warnings are printed, and fail it too when `strict`. */
export function validate(dir: string, strict = false): void {
  const result = validateDefinitions(dir);
  for (const w of result.warnings) console.error(formatProblem(w));
  if (!result.registry) {
    for (const p of result.problems) console.error(formatProblem(p));
    console.error(`${result.problems.length} problem(s) found.`);
    process.exit(1);
  }
  if (strict && result.warnings.length > 0) {
    console.error(`${result.warnings.length} warning(s) found (--strict).`);
    process.exit(1);
  }
  console.log(`definitions OK: ${registryCounts(result.registry)}${result.warnings.length > 0 ? ` (${result.warnings.length} warning(s))` : ''}`);
}

export function testRules(dir: string): void {
  const { loaded, outcomes } = testRuleExamples(dir, optionsFromEnv().timeZone ?? 'Asia/Kolkata');
  if (!loaded.registry) throw definitionsError(loaded);
  for (const o of outcomes) console.log(`${o.passed ? 'ok  ' : 'FAIL'} ${o.ruleSet}: ${o.example}${o.failure ? `\n       ${o.failure}` : ''}`);
  const failed = outcomes.filter((o) => !o.passed).length;
  console.log(`${outcomes.length - failed} of ${outcomes.length} rule example(s) passed${failed ? `, ${failed} failed` : ''}.`);
  if (failed > 0) process.exitCode = 1;
}

export function writeSchemas(out: string): void {
  mkdirSync(out, { recursive: true });
  for (const kind of kinds) writeFileSync(join(out, schemaFileName(kind)), `${JSON.stringify(kind.schema, null, 2)}\n`);
  console.log(`wrote ${kinds.length} schemas to ${out}/`);
}
