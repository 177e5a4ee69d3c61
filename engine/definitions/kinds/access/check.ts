import type { Checked } from '../../kind.ts';
import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type Sourced } from '../../source.ts';
import type { AccessPolicyDefinition, AnonymousLookUpDefinition } from './types.generated.ts';

export interface EndpointGrant {
  public: boolean;
  /** Any signed-in user. */
  authenticated: boolean;
  /** With authenticated: callers without a token reach the endpoint, which decides where they may. */
  anonymousWhereAllowed: boolean;
  roles: string[];
  /** With roles: anyone signed in may also call it about their own record. */
  self: boolean;
  /** Granted to roles, and open to anyone for a narrow look-up with a masked answer. */
  anonymous?: AnonymousLookUpDefinition;
}

/** Each engine endpoint is granted once, in exactly one way, to roles that exist. */
export function checkAccess(policies: Sourced<AccessPolicyDefinition>[], knownEndpoints: Set<string>, roles: Set<string>, decidingAnonymous: Set<string>): Checked<Map<string, EndpointGrant>> {
  const grants = new Map<string, EndpointGrant>();
  const where = new Map<string, string>();
  const problems: DefinitionProblem[] = [];
  for (const { value, source } of policies) {
    for (const [id, grant] of Object.entries(value.endpoints)) {
      const at = (path: (string | number)[], message: string, key = false) => problems.push(problemAt(source, ['endpoints', id, ...path], message, key));
      if (!knownEndpoints.has(id)) {
        at([], `unknown engine endpoint '${id}' (known: ${[...knownEndpoints].sort().join(', ')})`, true);
        continue;
      }
      if (grants.has(id)) {
        at([], `endpoint '${id}' is already granted in ${where.get(id)}`, true);
        continue;
      }
      const modes = [grant.public && 'public', grant.authenticated && 'authenticated', grant.roles && 'roles'].filter(Boolean);
      if (modes.length > 1) at([], `endpoint '${id}' is given ${modes.join(' and ')}: give exactly one of public: true, authenticated: true or a list of roles`, true);
      if (modes.length === 0) at([], `endpoint '${id}' needs one of 'public: true', 'authenticated: true' or a list of roles`, true);
      (grant.roles ?? []).forEach((role, i) => {
        if (!roles.has(role)) at(['roles', i], `unknown role '${role}': it is not in the ACCESSCONTROL-ROLES.roles master`);
      });
      if (grant.self && !grant.roles) at(['self'], `endpoint '${id}': self widens a grant to roles; give the roles too`);
      if (grant.anonymousWhereAllowed && !grant.authenticated) at(['anonymousWhereAllowed'], `endpoint '${id}': anonymousWhereAllowed widens an authenticated grant; give authenticated: true too`, true);
      if (grant.anonymousWhereAllowed && !decidingAnonymous.has(id))
        at(['anonymousWhereAllowed'], `endpoint '${id}' does not decide itself where callers without a token may go on, so it cannot be opened to them this way (those that do: ${[...decidingAnonymous].sort().join(', ') || 'none'})`, true);
      if (grant.anonymous && !grant.roles) at(['anonymous'], `endpoint '${id}': an anonymous look-up narrows a grant to roles; give the roles too`, true);
      grants.set(id, { public: grant.public === true, authenticated: grant.authenticated === true, anonymousWhereAllowed: grant.anonymousWhereAllowed === true, roles: grant.roles ?? [], self: grant.self === true, ...(grant.anonymous ? { anonymous: grant.anonymous } : {}) });
      where.set(id, source.file);
    }
  }
  return { value: grants, problems };
}
