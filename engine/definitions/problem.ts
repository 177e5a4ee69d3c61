/** A definition problem: where it is and what is wrong, as a sentence a person can act on. */
export interface DefinitionProblem {
  file: string;
  line: number;
  col: number;
  message: string;
  /** A warning is reported but does not stop the definitions from loading. */
  severity?: 'warning';
}

export function formatProblem(p: DefinitionProblem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

export function sortProblems(problems: DefinitionProblem[]): DefinitionProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}
