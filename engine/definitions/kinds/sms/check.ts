import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type Sourced } from '../../source.ts';
import type { SMSProviderDefinition } from './types.generated.ts';

const SECRET_USE = /\{\{-?\s*secrets\.([A-Za-z0-9_]+)/g;

/** Each provider once, one enabled at most, and every secret a text uses declared under `secrets`. */
export function checkSmsProviders(files: Sourced<SMSProviderDefinition>[]): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seen = new Map<string, string>();
  let enabled: string | undefined;
  for (const { value, source } of files) {
    if (seen.has(value.provider)) problems.push(problemAt(source, ['provider'], `SMS provider '${value.provider}' is already defined in ${seen.get(value.provider)}`));
    seen.set(value.provider, source.file);
    if (value.enabled) {
      if (enabled) problems.push(problemAt(source, ['enabled'], `SMS provider '${enabled}' is enabled already: enable one provider at most`));
      enabled ??= value.provider;
    }
    if (value.type === 'http') {
      for (const key of ['url', 'params'] as const) if (!value[key]) problems.push(problemAt(source, [], `an http SMS provider needs ${key}`));
    }
    const texts: [string[], string][] = [
      ...(value.url ? [[['url'], value.url] as [string[], string]] : []),
      ...Object.entries(value.params ?? {}).map(([k, v]): [string[], string] => [['params', k], v]),
      ...Object.entries(value.headers ?? {}).map(([k, v]): [string[], string] => [['headers', k], v]),
    ];
    for (const [path, text] of texts) {
      for (const [, name] of text.matchAll(SECRET_USE)) {
        if (!value.secrets?.[name!]) problems.push(problemAt(source, path, `secrets.${name} is used but not declared under secrets (name: ENVIRONMENT_VARIABLE)`));
      }
    }
  }
  return problems;
}
