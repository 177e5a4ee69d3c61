import { Liquid } from 'liquidjs';

/**
 * Message texts are Liquid: safe to let people who are not programmers write (no code runs), with
 * filters for dates and numbers. Strict variables, so a misspelt one fails instead of printing nothing.
 */
const liquid = new Liquid({ strictVariables: true, strictFilters: true, cache: 200 });

export function renderText(template: string, values: Record<string, unknown>): string {
  return liquid.parseAndRenderSync(template, values);
}
