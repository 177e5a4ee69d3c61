import { invalid } from '../errors/index.ts';

/** What a caller asks of the workflow: DIGIT's ProcessInstance (or `workflow`) object. */
export interface ActionRequest {
  action?: string;
  comment?: string;
  documents: unknown[];
  /** uuids of the users to assign; undefined when the request names none. */
  assignees?: string[];
  /** The state the caller saw; if the application has moved on since, the action is refused (409). */
  expectedState?: string;
  /** The number of steps the caller saw (the engine's own reads); a different count is refused (409). */
  expectedTransitions?: number;
  /** JSON path of the object in the request, for error messages. */
  path: string;
}

const uuidOf = (a: unknown): string | undefined => (typeof a === 'string' ? a : a && typeof a === 'object' && typeof (a as { uuid?: unknown }).uuid === 'string' ? (a as { uuid: string }).uuid : undefined);

/** Reads DIGIT's process instance object (`assignes` as DIGIT spells it, or `assignees`). */
export function readActionRequest(value: unknown, path: string): ActionRequest {
  if (value === undefined || value === null) return { documents: [], path };
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid('INVALID_WORKFLOW', `${path} must be an object with an action`, path);
  const v = value as Record<string, unknown>;
  if (v.action !== undefined && v.action !== null && typeof v.action !== 'string') throw invalid('INVALID_WORKFLOW', `${path}.action must be a string`, `${path}.action`);
  if (v.comment !== undefined && v.comment !== null && typeof v.comment !== 'string') throw invalid('INVALID_WORKFLOW', `${path}.comment must be a string`, `${path}.comment`);
  const documents = v.documents ?? [];
  if (!Array.isArray(documents)) throw invalid('INVALID_WORKFLOW', `${path}.documents must be a list`, `${path}.documents`);
  const assignKey = 'assignes' in v ? 'assignes' : 'assignees';
  const rawAssignees = v[assignKey];
  let assignees: string[] | undefined;
  if (rawAssignees !== undefined && rawAssignees !== null) {
    if (!Array.isArray(rawAssignees)) throw invalid('INVALID_WORKFLOW', `${path}.${assignKey} must be a list of users ({uuid})`, `${path}.${assignKey}`);
    assignees = rawAssignees.map((a, i) => {
      const uuid = uuidOf(a);
      if (!uuid) throw invalid('INVALID_ASSIGNEE', `${path}.${assignKey}[${i}] must be a user uuid or {uuid}`, `${path}.${assignKey}[${i}]`);
      return uuid;
    });
  }
  const state = v.state;
  const expectedState = typeof state === 'string' ? state : state && typeof state === 'object' && typeof (state as { state?: unknown }).state === 'string' ? (state as { state: string }).state : undefined;
  return { action: (v.action as string | undefined) || undefined, comment: (v.comment as string | undefined) ?? undefined, documents, assignees: assignees && [...new Set(assignees)], expectedState, path };
}
