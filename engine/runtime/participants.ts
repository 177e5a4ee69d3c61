import { invalid } from '../errors/index.ts';
import type { Participant, Write } from '../lifecycle/index.ts';
import { setPath } from '../persister/index.ts';
import type { ActionRequest } from '../workflow/index.ts';
import type { IdGenerator } from '../idgen/index.ts';
import type { ServiceRuntime } from './service.ts';
import type { WriteData } from './write-rules.ts';

type Entity = Record<string, unknown>;

/**
 * What the services bring to their `entity` writes, as lifecycle participants (boot registers
 * them): their rules (related records, computed fields and checks; effects after the write), ID
 * formats, and the workflow their entity follows. Each acts for the service the write is of.
 */
export function entityParticipants(runtimes: ServiceRuntime[], idgen: IdGenerator): Participant<Entity>[] {
  const byName = new Map(runtimes.map((r) => [r.name, r]));
  const of = (write: Write<Entity>) => byName.get(write.subject)!;
  const prepared = new WeakMap<Write<Entity>, WriteData>();
  const user = (write: Write<Entity>) => {
    if (!write.writer.user) throw invalid('INVALID_REQUEST', `${write.operation} of ${write.subject} needs a signed-in user`);
    return write.writer.user;
  };
  return [
    {
      name: 'rules (related, compute, checks)',
      kind: 'entity',
      phase: 'validate',
      run: async (write) => {
        const rules = of(write).rules;
        if (rules.isEmpty || write.operation === 'action') return;
        const phase = write.operation === 'create' ? 'create' : 'update';
        prepared.set(write, await rules.prepare(write.scope.db, phase, write.record, write.previous ?? null, user(write), write.path));
      },
    },
    {
      name: 'ID formats',
      kind: 'entity',
      phase: 'enrich',
      run: async (write) => {
        if (write.operation !== 'create') return;
        for (const { field, format } of of(write).definition.idFormats ?? []) {
          const [id] = await idgen.generate(write.scope.db, { tenantId: String(write.record.tenantId), idName: format });
          setPath(write.record, field.split('.'), id);
        }
      },
    },
    {
      name: 'workflow',
      kind: 'entity',
      phase: 'beforeWrite',
      run: async (write) => {
        const flow = of(write).flow;
        if (!flow || write.operation === 'action') return;
        const request = write.request.workflow as ActionRequest;
        const caller = user(write);
        const outcome =
          write.operation === 'create'
            ? await flow.onCreate(write.scope, caller, write.record, request, write.path)
            : await flow.onUpdate(write.scope, caller, write.previous!, write.record, request, write.path);
        if (outcome) write.answer.processInstance = flow.present(outcome, caller, write.scope.now);
      },
    },
    {
      name: 'rules (effects)',
      kind: 'entity',
      phase: 'afterWrite',
      run: async (write) => {
        const rules = of(write).rules;
        if (write.operation === 'action') return rules.afterAction(write.scope, write.record, write.previous!, write.writer.uuid, write.path);
        const data = prepared.get(write);
        if (data) await rules.apply(write.scope, write.operation === 'create' ? 'create' : 'update', data, write.path);
      },
    },
  ];
}
