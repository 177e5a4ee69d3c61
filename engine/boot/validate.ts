import { BILLING_SOURCES } from '../billing/index.ts';
import { USER_SOURCES } from '../users/index.ts';
import { formatProblem, loadDefinitions, loadDefinitionsRemembered, type DefinitionsCache, type LoadResult } from '../definitions/index.ts';
import { SevaError } from '../errors/index.ts';
import { RuleSets, runExamples, type ExampleOutcome } from '../rules/index.ts';
import { BATCH_PATHS, BILLING_EXTRA_ROUTES, BILLING_PATHS, BOUNDARY_PATHS, CLOCK_PATHS, FILE_ENDPOINTS_DECIDING_ANONYMOUS, FILE_PATHS, HRMS_EXTRA_ROUTES, HRMS_PATHS, IDGEN_PATH, LOCALIZATION_PATHS, MDMS_PATHS, PDF_PATHS, SESSION_PATHS, SHORTENER_PATHS, SMS_PATHS, USER_ENDPOINTS, USER_FLOW_PATHS, WORKFLOW_PATHS } from '../http/index.ts';

/** The role scheduled jobs act with. */
export const SYSTEM_ROLE = 'SYSTEM';

/** The engine's endpoints by id, with their paths. */
const ENDPOINT_PATHS: Record<string, string>[] = [USER_ENDPOINTS, WORKFLOW_PATHS, BILLING_PATHS, BATCH_PATHS, CLOCK_PATHS, USER_FLOW_PATHS, SMS_PATHS, LOCALIZATION_PATHS, HRMS_PATHS, BOUNDARY_PATHS, SHORTENER_PATHS, FILE_PATHS, PDF_PATHS];
/** Engine endpoints an access policy may grant. */
export const engineEndpoints = new Set(['mdms.search', 'idgen.generate', ...ENDPOINT_PATHS.flatMap((paths) => Object.keys(paths))]);
/** Routes the engine serves itself; a service may not take them. */
export const engineRoutes = new Set([...SESSION_PATHS, ...MDMS_PATHS, IDGEN_PATH, ...BILLING_EXTRA_ROUTES, ...HRMS_EXTRA_ROUTES, ...ENDPOINT_PATHS.flatMap((paths) => Object.values(paths))]);

/** What the engine itself serves and provides, which the definitions are checked against. */
export const engineFacts = () => ({
  engineEndpoints,
  endpointsDecidingAnonymous: new Set(FILE_ENDPOINTS_DECIDING_ANONYMOUS),
  engineRoutes,
  systemRole: SYSTEM_ROLE,
  engineSources: Object.fromEntries(Object.entries({ ...BILLING_SOURCES, ...USER_SOURCES }).map(([name, s]) => [name, Object.keys(s.fields)])),
});

/** The one check of definitions, used by `seva validate` and by server start-up alike. */
export function validateDefinitions(dir: string): LoadResult {
  return loadDefinitions(dir, engineFacts());
}

/**
 * The same check for a start: definitions that passed it are remembered by content (in the
 * process, and in `cache` across restarts of one engine build), so an unchanged set is not read
 * and checked again.
 */
export function checkDefinitionsForStart(dir: string, cache?: DefinitionsCache): LoadResult {
  return loadDefinitionsRemembered(dir, engineFacts(), cache);
}

export function definitionsError(result: LoadResult): SevaError {
  const lines = result.problems.map(formatProblem);
  return new SevaError('invalid', 'INVALID_DEFINITIONS', `${lines.length} problem${lines.length === 1 ? '' : 's'} in the definitions:\n${lines.join('\n')}`);
}

/** `seva test`: the definitions' rule examples, run over their own master data. */
export function testRuleExamples(dir: string, timeZone: string): { loaded: LoadResult; outcomes: ExampleOutcome[] } {
  const loaded = validateDefinitions(dir);
  if (!loaded.registry) return { loaded, outcomes: [] };
  return { loaded, outcomes: runExamples(new RuleSets(loaded.registry.ruleSets).all, loaded.registry.masters, timeZone) };
}
