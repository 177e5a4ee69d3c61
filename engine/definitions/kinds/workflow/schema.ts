import type { JsonSchema } from '../../kind.ts';

const nullable = (schema: JsonSchema) => ({ anyOf: [schema, { type: 'null' }] });
const duration = {
  anyOf: [
    { type: 'integer', minimum: 0, description: 'milliseconds' },
    { type: 'string', pattern: '^P(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+S)?)?$', description: 'ISO-8601 duration in days, hours, minutes, seconds: P2D, PT12H, P1DT6H' },
  ],
};
const role = { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' };
const code = { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' };
const name = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_.-]*$' };
/** Fields a DIGIT export carries (ids, audit); accepted so an exported business service loads as it is. */
const digitCarried = { uuid: nullable({ type: 'string' }), tenantId: nullable({ type: 'string' }), auditDetails: nullable({ type: 'object' }) };

const action = {
  title: 'Workflow action definition',
  type: 'object',
  additionalProperties: false,
  required: ['action', 'nextState', 'roles'],
  properties: {
    ...digitCarried,
    currentState: nullable({ type: 'string' }),
    active: { type: 'boolean' },
    action: { ...name, description: 'Name of the action, e.g. APPROVE.' },
    nextState: { type: 'string', description: 'Name of the state the action leads to.' },
    roles: { type: 'array', items: role, minItems: 1, uniqueItems: true, description: 'Roles that may take the action (held at the tenant or above it).' },
    guard: {
      title: 'Action guard',
      type: 'object',
      additionalProperties: false,
      required: ['rule', 'code', 'message'],
      description: 'Seva: a json-logic rule over {entity, caller, instance, action}; the action is refused (400 with code and message) unless it holds.',
      properties: { rule: {}, code, message: { type: 'string' } },
    },
    assignTo: { title: 'Assign to', enum: ['request', 'creator', 'previousActor'], description: 'Seva: who is assigned after the action. request (default): the assignes the request names; creator: who started the application; previousActor: who took the action before this one.' },
    assigneeRequired: { type: 'boolean', description: 'Seva: the request must name an assignee.' },
  },
};

const state = {
  title: 'Workflow state definition',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...digitCarried,
    businessServiceId: nullable({ type: 'string' }),
    state: nullable({ ...name, description: 'Name of the state; the start state may be null.' }),
    applicationStatus: nullable({ type: 'string', description: "What the entity's status field shows in this state (default: the state's name)." }),
    sla: nullable({ ...duration, description: 'How long an application should stay in this state.' }),
    isStartState: { type: 'boolean' },
    isTerminateState: { type: 'boolean' },
    isStateUpdatable: { type: 'boolean', description: 'The entity may be edited in this state.' },
    docUploadRequired: { type: 'boolean', description: 'Actions taken in this state must carry documents.' },
    actions: nullable({ type: 'array', items: action }),
    onEnter: {
      type: 'object',
      additionalProperties: false,
      required: ['events'],
      description: 'Seva: outbox topics written when an application enters this state.',
      properties: { events: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 } },
    },
  },
};

const businessService = {
  title: 'Workflow definition',
  type: 'object',
  additionalProperties: false,
  required: ['businessService', 'states'],
  properties: {
    ...digitCarried,
    businessService: { ...name, description: 'Name of the workflow, e.g. NewWS1.' },
    business: { type: 'string', description: 'The module it belongs to (DIGIT business).' },
    businessServiceSla: nullable({ ...duration, description: 'How long a whole application should take.' }),
    description: { type: 'string' },
    getUri: nullable({ type: 'string' }),
    postUri: nullable({ type: 'string' }),
    states: { type: 'array', items: state, minItems: 1 },
    escalations: {
      type: 'array',
      description: 'Seva: actions the escalation job takes on applications past their SLA.',
      items: {
        title: 'Escalation definition',
        type: 'object',
        additionalProperties: false,
        required: ['state', 'action'],
        properties: {
          state: { type: 'string' },
          action: { type: 'string' },
          stateSla: { ...duration, description: "Time in the state after which to escalate (default: the state's sla)." },
          businessSla: { ...duration, description: 'Time since the application started after which to escalate.' },
        },
      },
    },
  },
};

export const workflowSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/workflow.schema.json',
  title: 'Workflow file',
  description: "A state machine in DIGIT's BusinessService shape: one business service, or a `BusinessServices` list as in DIGIT's _create body.",
  type: 'object',
  if: { required: ['BusinessServices'] },
  then: {
    additionalProperties: false,
    properties: { RequestInfo: {}, BusinessServices: { type: 'array', items: businessService, minItems: 1 } },
  },
  else: businessService,
};
