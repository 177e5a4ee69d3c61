import { parseIdFormat } from '../../../idgen/index.ts';
import { ID_FORMAT_MASTER } from '../../../mdms/index.ts';
import type { DefinitionProblem } from '../../problem.ts';
import { problemAt } from '../../source.ts';
import type { MasterSet } from './master-set.ts';

/** Every ID format record parses, so no ID is refused at run time for its format. */
export function checkIdFormats(masters: MasterSet): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const byMaster of masters.values()) {
    const set = byMaster.get(ID_FORMAT_MASTER);
    set?.records.forEach((record, i) => {
      const parsed = parseIdFormat(String(record.format));
      const origin = set.origins[i]!;
      if (parsed.error) problems.push(problemAt(origin.source, [...origin.path, 'format'], `ID format '${String(record.idname)}' is invalid: ${parsed.error}`));
    });
  }
  return problems;
}
