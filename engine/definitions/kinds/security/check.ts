import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type Sourced } from '../../source.ts';
import type { SecurityPolicyDefinition } from './types.generated.ts';

/** One policy at most, naming roles that exist. */
export function checkSecurity(files: Sourced<SecurityPolicyDefinition>[], roles: Set<string>): { value: SecurityPolicyDefinition; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  files.slice(1).forEach(({ source }) => problems.push(problemAt(source, [], `a security policy is already defined in ${files[0]!.source.file}; keep one`)));
  const first = files[0];
  if (!first) return { value: {}, problems };
  (first.value.roleGrants ?? []).forEach((rule, i) => {
    const unknown = (role: string) => !roles.has(role);
    if (unknown(rule.grantor)) problems.push(problemAt(first.source, ['roleGrants', i, 'grantor'], `unknown role '${rule.grantor}': it is not in the ACCESSCONTROL-ROLES.roles master`));
    if (Array.isArray(rule.roles)) {
      rule.roles.forEach((role, j) => {
        if (unknown(role)) problems.push(problemAt(first.source, ['roleGrants', i, 'roles', j], `unknown role '${role}': it is not in the ACCESSCONTROL-ROLES.roles master`));
      });
    }
  });
  return { value: first.value, problems };
}
