import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ID_FORMAT_MASTER, Mdms } from '../mdms/index.ts';
import { templateProblems } from '../rules/index.ts';
import { parseIdFormat } from '../idgen/index.ts';
import { checkAccess } from './check-access.ts';
import { checkJobs } from './check-jobs.ts';
import { checkRuleSets } from './check-rule-sets.ts';
import { checkBatches } from './check-batches.ts';
import { checkAdjustments } from './check-adjustments.ts';
import { checkAggregates } from './check-aggregates.ts';
import { checkWorkflows, workflowsOfFile } from './check-workflows.ts';
import { checkMdms, masterDataOf } from './check-mdms.ts';
import { checkPersisters, checkServices, defaultEndpointPaths, storedFieldsOf } from './check-services.ts';
import { kindOfPath, reservedFolders, type KindName } from './kinds/index.ts';
import { sortProblems, type DefinitionProblem } from './problem.ts';
import type { Registry } from './registry.ts';
import { parseSource, problemAt } from './source.ts';
import type { AggregateDefinition, AccessPolicyDefinition, AdjustmentDefinition, SummaryDefinition, BatchDefinition, GatewayDefinition, JobDefinition, MasterDataFile, MasterSchemaDefinition, PersisterDefinition, RuleSetDefinition, ServiceDefinition, Sourced, WorkflowFile } from './types.ts';
import { validateKind } from './validate-kind.ts';

export interface LoadOptions {
  /** Ids of the engine's own endpoints, which access policies may grant. */
  engineEndpoints: Set<string>;
  /** Routes the engine serves itself, which services may not take. */
  engineRoutes: Set<string>;
  /** The role scheduled jobs act with. */
  systemRole: string;
  /** Fields of the engine's own data an aggregate may read, by source name. */
  engineSources: Record<string, string[]>;
}

/** `problems` stop the definitions from loading; `warnings` are worth reading but do not. */
export type LoadResult =
  | { registry: Registry; problems: []; warnings: DefinitionProblem[] }
  | { registry?: undefined; problems: DefinitionProblem[]; warnings: DefinitionProblem[] };

function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...listYamlFiles(path));
    // JSON is YAML too: a DIGIT config exported as JSON can be dropped in as it is.
    else if (/\.(ya?ml|json)$/.test(entry)) out.push(path);
  }
  return out;
}

/** Reads, checks and cross-checks every definition under `root`; reports every problem found in one go. */
export function loadDefinitions(root: string, options: LoadOptions): LoadResult {
  const problems: DefinitionProblem[] = [];
  let files: string[];
  try {
    files = listYamlFiles(root);
  } catch (err) {
    return { problems: [{ file: root, line: 1, col: 1, message: `cannot read the definitions directory: ${(err as Error).message}` }], warnings: [] };
  }
  const byKind: Record<KindName, Sourced<unknown>[]> = { service: [], persister: [], 'mdms-schema': [], 'mdms-data': [], access: [], workflow: [], job: [], gateway: [], 'rule-set': [], batch: [], adjustment: [], summary: [], aggregate: [] };
  const failed = new Set<KindName | 'unknown'>();
  for (const path of files) {
    const rel = relative(root, path).split(sep).join('/');
    const display = relative(process.cwd(), path) || path;
    const parsed = parseSource(display, readFileSync(path, 'utf8'));
    const kind = kindOfPath(rel);
    if (!parsed.source) {
      problems.push(...parsed.problems);
      failed.add(kind?.name ?? 'unknown');
      continue;
    }
    if (!kind) {
      const reserved = reservedFolders.find((f) => rel.startsWith(`${f}/`));
      problems.push({
        file: display,
        line: 1,
        col: 1,
        message: reserved
          ? `definitions under ${reserved}/ are not read by this version of the engine yet`
          : `no definition kind lives at '${rel}': put services in services/, persisters in persister/, workflows in workflows/, jobs in jobs/, payment gateways in gateways/, rule sets in rules/, bulk operations in batches/, demand adjustments in adjustments/, consumer summaries in summaries/, aggregate queries in aggregates/, master schemas in mdms/schemas/, master data in mdms/data/<tenant>/, access policies in access/`,
      });
      continue;
    }
    if (parsed.source.data === null || typeof parsed.source.data !== 'object') {
      problems.push(problemAt(parsed.source, [], `a ${kind.name} definition must be a YAML mapping`));
      failed.add(kind.name);
      continue;
    }
    const kindProblems = validateKind(kind.name, parsed.source);
    problems.push(...kindProblems);
    if (kindProblems.length === 0) byKind[kind.name].push({ value: parsed.source.data, source: parsed.source });
    else failed.add(kind.name);
  }

  const mdms = checkMdms(byKind['mdms-schema'] as Sourced<MasterSchemaDefinition>[], byKind['mdms-data'] as Sourced<MasterDataFile>[]);
  problems.push(...mdms.problems);
  const masters = masterDataOf(mdms.masters);
  const reader = new Mdms(masters);
  problems.push(...checkIdFormats(mdms.masters));

  const roles = reader.roleCodes();
  const access = checkAccess(byKind.access as Sourced<AccessPolicyDefinition>[], options.engineEndpoints, roles);
  problems.push(...access.problems);

  const workflows = (byKind.workflow as Sourced<WorkflowFile>[]).flatMap(workflowsOfFile);
  problems.push(...checkWorkflows(workflows, { roles, tenants: reader.tenantCodes() }));
  const workflowNames = failed.has('workflow') ? undefined : new Set(workflows.map((w) => w.value.businessService));

  const services = byKind.service as Sourced<ServiceDefinition>[];
  const persisters = byKind.persister as Sourced<PersisterDefinition>[];
  problems.push(...checkPersisters(persisters, services, failed.has('service')));
  problems.push(
    ...checkServices(services, persisters, { roles, idFormatNames: reader.idFormatNames(), reservedRoutes: options.engineRoutes, persistersIncomplete: failed.has('persister'), workflows: workflowNames, ruleSets: failed.has('rule-set') ? undefined : new Set((byKind['rule-set'] as Sourced<RuleSetDefinition>[]).map((r) => r.value.rules)) }),
  );
  const jobs = byKind.job as Sourced<JobDefinition>[];
  problems.push(...checkJobs(jobs, { adjustments: (byKind.adjustment as Sourced<AdjustmentDefinition>[]).map((a) => a.value), services: services.map((s) => s.value), batches: (byKind.batch as Sourced<BatchDefinition>[]).map((b) => b.value), workflows: workflows.map((w) => w.value), workflowsIncomplete: failed.has('workflow'), tenants: reader.tenantCodes(), systemRole: options.systemRole }));

  const ruleSets = byKind['rule-set'] as Sourced<RuleSetDefinition>[];
  problems.push(...checkRuleSets(ruleSets, new Set(mdms.schemas.keys())));

  const batches = byKind.batch as Sourced<BatchDefinition>[];
  const storedFields = storedFieldsOf(services, persisters);
  problems.push(
    ...checkBatches(batches, {
      roles,
      services: services.map((s) => s.value),
      storedFields,
      ruleSets: failed.has('rule-set') ? undefined : new Set(ruleSets.map((r) => r.value.rules)),
      reservedRoutes: options.engineRoutes,
    }),
  );

  const adjustments = byKind.adjustment as Sourced<AdjustmentDefinition>[];
  problems.push(...checkAdjustments(adjustments, failed.has('rule-set') ? undefined : new Set(ruleSets.map((r) => r.value.rules))));

  const summaries = byKind.summary as Sourced<SummaryDefinition>[];
  const summaryNames = new Map<string, string>();
  for (const { value, source } of summaries) {
    if (summaryNames.has(value.summary)) problems.push(problemAt(source, ['summary'], `summary '${value.summary}' is already defined in ${summaryNames.get(value.summary)}`));
    summaryNames.set(value.summary, source.file);
    if (options.engineRoutes.has(value.path) || services.some((s) => s.value.basePath === value.path)) problems.push(problemAt(source, ['path'], `route POST ${value.path} is already taken`));
    value.roles.forEach((role, i) => {
      if (!roles.has(role)) problems.push(problemAt(source, ['roles', i], `unknown role '${role}': it is not in the ACCESSCONTROL-ROLES.roles master`));
    });
    for (const p of templateProblems(value.result, ['result'])) problems.push(problemAt(source, p.path, p.message));
    if (value.rules && !failed.has('rule-set') && !ruleSets.some((r) => r.value.rules === value.rules)) {
      problems.push(problemAt(source, ['rules'], `unknown rule set '${value.rules}' (known: ${ruleSets.map((r) => r.value.rules).join(', ') || 'none'})`));
    }
  }

  const aggregates = byKind.aggregate as Sourced<AggregateDefinition>[];
  const sources = new Map<string, Set<string>>(Object.entries(options.engineSources).map(([name, fields]) => [name, new Set(fields)]));
  for (const { value } of services) {
    const fields = storedFields(value.service);
    if (fields && !sources.has(value.service)) sources.set(value.service, fields);
  }
  const serviceRoutes = services.flatMap(({ value }) => Object.entries(value.endpoints).map(([name, e]) => `${value.basePath}${e?.path ?? defaultEndpointPaths[name as keyof typeof defaultEndpointPaths]}`));
  const takenRoutes = new Set([...options.engineRoutes, ...serviceRoutes, ...summaries.map((s) => s.value.path)]);
  problems.push(...checkAggregates(aggregates, { roles, sources, takenRoutes }));

  const gateways = byKind.gateway as Sourced<GatewayDefinition>[];
  const seenGateways = new Map<string, string>();
  for (const { value, source } of gateways) {
    if (seenGateways.has(value.gateway)) problems.push(problemAt(source, ['gateway'], `gateway '${value.gateway}' is already defined in ${seenGateways.get(value.gateway)}`));
    seenGateways.set(value.gateway, source.file);
    if (!(value.callback.txnId === value.signature.param || value.signature.fields.includes(value.callback.txnId))) {
      problems.push(problemAt(source, ['signature', 'fields'], `the signed fields must include the transaction id parameter '${value.callback.txnId}', or a callback could be replayed for another transaction`));
    }
    for (const key of ['status', 'amount'] as const) {
      if (!value.signature.fields.includes(value.callback[key])) problems.push(problemAt(source, ['signature', 'fields'], `the signed fields must include the ${key} parameter '${value.callback[key]}'`));
    }
  }

  const warnings = sortProblems(problems.filter((p) => p.severity === 'warning'));
  const errors = problems.filter((p) => p.severity !== 'warning');
  if (errors.length > 0) return { problems: sortProblems(errors), warnings };
  return {
    registry: {
      root,
      services: services.map((s) => s.value),
      persisters: persisters.map((p) => p.value),
      masters,
      masterSchemas: mdms.schemas,
      access: access.grants,
      workflows: workflows.map((w) => w.value),
      jobs: jobs.map((j) => j.value),
      gateways: gateways.map((g) => g.value),
      ruleSets: ruleSets.map((r) => r.value),
      batches: batches.map((b) => b.value),
      adjustments: adjustments.map((a) => a.value),
      summaries: summaries.map((s) => s.value),
      aggregates: aggregates.map((a) => a.value),
    },
    problems: [],
    warnings,
  };
}

function checkIdFormats(masters: ReturnType<typeof checkMdms>['masters']): DefinitionProblem[] {
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

