export { createHttpApp, type HttpAppOptions } from './app.ts';
export { criteriaOf, mount, requireTenant, type Authenticator, type HttpRequest, type Route } from './route.ts';
export { errorBody, responseInfo } from './envelope.ts';
export { serviceRoutes } from './routes/services.ts';
export { mdmsRoutes, MDMS_PATHS } from './routes/mdms.ts';
export { idgenRoutes, IDGEN_PATH } from './routes/idgen.ts';
export { userRoutes, USER_ENDPOINTS, SESSION_PATHS, type UserRouteDeps } from './routes/users.ts';
export { workflowRoutes, WORKFLOW_PATHS, type WorkflowRouteDeps } from './routes/workflow.ts';
export { billingRoutes, BILLING_EXTRA_ROUTES, BILLING_PATHS } from './routes/billing.ts';
