import type { LocalizedMessage } from '../../../localization/index.ts';
import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type Sourced } from '../../source.ts';
import type { LocalizationFile } from './types.generated.ts';

const DEFAULT = 'the default';

/**
 * Each file sits in its locale's folder, names a known tenant, and says each code once per tenant,
 * locale and module. Between locales: a code one locale's default messages have and another's
 * lack is a warning (the client shows the code there), named with the file and the code.
 */
export function checkLocalization(files: Sourced<LocalizationFile>[], tenants: Set<string>): { messages: LocalizedMessage[]; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const messages: LocalizedMessage[] = [];
  const firstAt = new Map<string, string>();
  for (const { value, source } of files) {
    const segments = source.file.split(/[\\/]/);
    const folder = segments[segments.lastIndexOf('localization') + 1];
    if (segments.includes('localization') && folder !== value.locale) {
      problems.push(problemAt(source, ['locale'], `messages in locale '${value.locale}' belong in localization/${value.locale}/, not localization/${folder}/`));
    }
    if (value.tenantId && tenants.size > 0 && !tenants.has(value.tenantId)) {
      problems.push(problemAt(source, ['tenantId'], `tenant '${value.tenantId}' is not in the tenant master (known: ${[...tenants].sort().join(', ')})`));
    }
    for (const [code, message] of Object.entries(value.messages)) {
      const key = JSON.stringify([value.tenantId ?? DEFAULT, value.locale, value.module, code]);
      const first = firstAt.get(key);
      if (first) {
        problems.push(problemAt(source, ['messages', code], `code '${code}' of module ${value.module} (${value.locale}, ${value.tenantId ?? DEFAULT}) is already given at ${first}`, true));
        continue;
      }
      const at = problemAt(source, ['messages', code], '', true);
      firstAt.set(key, `${at.file}:${at.line}`);
      messages.push({ code, message, module: value.module, locale: value.locale, ...(value.tenantId ? { tenantId: value.tenantId } : {}) });
    }
  }
  problems.push(...missingCodes(files));
  return { messages, problems };
}

/** Warnings for codes of a module's default messages that some locale has and another lacks. */
function missingCodes(files: Sourced<LocalizationFile>[]): DefinitionProblem[] {
  const defaults = files.filter((f) => !f.value.tenantId);
  const locales = [...new Set(defaults.map((f) => f.value.locale))].sort();
  const problems: DefinitionProblem[] = [];
  for (const module of [...new Set(defaults.map((f) => f.value.module))].sort()) {
    const ofModule = defaults.filter((f) => f.value.module === module);
    // Code → the first file (of any locale) that has it, to point at when a locale has no file of the module.
    const where = new Map<string, Sourced<LocalizationFile>>();
    for (const f of ofModule) for (const code of Object.keys(f.value.messages)) if (!where.has(code)) where.set(code, f);
    for (const locale of locales) {
      const own = ofModule.filter((f) => f.value.locale === locale);
      const has = new Set(own.flatMap((f) => Object.keys(f.value.messages)));
      for (const [code, from] of where) {
        if (has.has(code)) continue;
        const given = problemAt(from.source, ['messages', code], '', true);
        const text = `code '${code}' of module ${module} has no ${locale} message (${from.value.locale} has one at ${given.file}:${given.line})`;
        problems.push({ ...(own[0] ? problemAt(own[0].source, ['messages'], text, true) : { ...given, message: `${text}; there is no ${locale} file of module ${module}` }), severity: 'warning' });
      }
    }
  }
  return problems;
}
