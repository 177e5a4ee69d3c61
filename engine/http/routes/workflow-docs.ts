import type { JsonSchema } from '../../definitions/index.ts';
import { answer, criteria, envelope, listCriterion, listOf, ref, wholeNumber, type RouteDoc } from '../openapi/route-doc.ts';
import type { WORKFLOW_PATHS } from './workflow.ts';

// The answers as engine/workflow's processInstanceJson and businessServiceJson give them.
const text = { type: 'string' };
const maybeText = { type: ['string', 'null'] };
const maybeWhole = { type: ['integer', 'null'] };

const action: JsonSchema = {
  type: 'object',
  properties: { uuid: text, tenantId: maybeText, currentState: text, action: text, nextState: maybeText, roles: listOf(text), active: { type: 'boolean' } },
  required: ['uuid', 'currentState', 'action', 'nextState', 'roles', 'active'],
};

const person: JsonSchema = {
  type: 'object',
  description: 'A user, by uuid (with their details when known).',
  properties: { id: { type: 'integer' }, uuid: text, userName: text, name: maybeText, mobileNumber: maybeText, emailId: maybeText, type: text, tenantId: text, roles: listOf({ type: 'object' }) },
  required: ['uuid'],
};

const workflowSchemas: Record<string, JsonSchema> = {
  WorkflowState: {
    type: 'object',
    properties: {
      uuid: text,
      tenantId: maybeText,
      businessServiceId: text,
      sla: { ...maybeWhole, description: 'Milliseconds an application may stay in the state.' },
      state: maybeText,
      applicationStatus: maybeText,
      docUploadRequired: { type: ['boolean', 'null'] },
      isStartState: { type: 'boolean' },
      isTerminateState: { type: 'boolean' },
      isStateUpdatable: { type: ['boolean', 'null'] },
      actions: { type: ['array', 'null'], items: action },
    },
    required: ['uuid', 'businessServiceId', 'state', 'isStartState', 'isTerminateState', 'actions'],
  },
  ProcessInstance: {
    type: 'object',
    description: "One step of an application through its workflow, as DIGIT's ProcessInstance.",
    properties: {
      id: text,
      tenantId: text,
      businessService: text,
      businessId: text,
      action: text,
      moduleName: text,
      state: ref('WorkflowState'),
      comment: maybeText,
      documents: { type: ['array', 'null'] },
      assigner: person,
      assignes: { type: ['array', 'null'], items: person },
      nextActions: { type: 'array', items: action, description: 'What the caller may do next (on the latest step).' },
      stateSla: { ...maybeWhole, description: 'Milliseconds left in the state; negative once overdue.' },
      businesssServiceSla: { ...maybeWhole, description: "Milliseconds left for the whole application (DIGIT's spelling)." },
      previousStatus: maybeText,
      escalated: { type: 'boolean' },
      auditDetails: ref('AuditDetails'),
    },
    required: ['id', 'tenantId', 'businessService', 'businessId', 'action', 'state', 'assigner', 'nextActions', 'auditDetails'],
  },
  BusinessService: {
    type: 'object',
    properties: { tenantId: maybeText, uuid: text, businessService: text, business: maybeText, businessServiceSla: maybeWhole, states: listOf(ref('WorkflowState')) },
    required: ['uuid', 'businessService', 'states'],
  },
};

const searchCriteria = criteria(
  {
    tenantId: text,
    businessIds: listCriterion(),
    businessService: listCriterion(),
    status: listCriterion(),
    assignee: { ...text, description: 'uuid of a user the applications are assigned to (the inbox).' },
    history: { anyOf: [{ type: 'boolean' }, { enum: ['true', 'false'] }], description: 'true: every step of each application, not only its latest.' },
    offset: wholeNumber(),
    limit: wholeNumber('Default 50, at most 500.'),
  },
  ['tenantId'],
  { businessIds: 'Also read as businessId; businessService also as businessServices; status also as applicationStatus.' },
);

/** The contract of each workflow route, by its endpoint id. */
export const workflowDocs: Record<keyof typeof WORKFLOW_PATHS, RouteDoc> = {
  'workflow.transition': {
    summary: 'Take workflow actions',
    description: "Each step names an application (businessService, businessId) and the action; the action's roles decide who may take it. A service entity following the workflow moves with it, in the same transaction.",
    body: envelope(
      {
        ProcessInstances: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['tenantId', 'businessService', 'businessId', 'action'],
            properties: {
              tenantId: text,
              businessService: text,
              businessId: text,
              action: text,
              moduleName: text,
              comment: maybeText,
              documents: { type: ['array', 'null'] },
              assignes: { type: ['array', 'null'], items: { anyOf: [text, { type: 'object', properties: { uuid: text } }] } },
              state: { anyOf: [text, { type: 'object' }], description: 'The state the caller saw: if the application has moved on since, 409.' },
            },
          },
        },
      },
      ['ProcessInstances'],
    ),
    response: answer({ ProcessInstances: listOf(ref('ProcessInstance')) }),
    schemas: workflowSchemas,
  },
  'workflow.search': {
    summary: 'Search applications in workflows (inbox, history)',
    ...searchCriteria,
    response: answer({ ProcessInstances: listOf(ref('ProcessInstance')), totalCount: { type: 'integer' } }),
    schemas: workflowSchemas,
  },
  'workflow.count': {
    summary: 'Count applications in workflows',
    description: 'The same criteria as the search; the answer is a bare number, as DIGIT answers it.',
    ...searchCriteria,
    response: { type: 'integer' },
  },
  'workflow.businessservice.search': {
    summary: 'Workflow definitions (business services)',
    ...criteria({ tenantId: text, businessServices: listCriterion() }, ['tenantId'], { businessServices: 'Also read as businessService; all when absent.' }),
    response: answer({ BusinessServices: listOf(ref('BusinessService')) }),
    schemas: workflowSchemas,
  },
};
