import type { BillingEngine } from '../billing/index.ts';
import type { Clock } from '../clock/index.ts';
import type { IdGenerator } from '../idgen/index.ts';
import type { WriteLifecycle } from '../lifecycle/index.ts';
import type { Mdms } from '../mdms/index.ts';
import type { RuleSets } from '../rules/index.ts';
import type { Db } from '../store/index.ts';
import type { User } from '../users/index.ts';
import type { WorkflowEngine } from '../workflow/index.ts';
import type { ServiceRuntime } from './service.ts';

/** What the runtime needs from the rest of the engine. */
export interface RuntimeDeps {
  db: Db;
  lifecycle: WriteLifecycle;
  clock: Clock;
  mdms: () => Mdms;
  idgen: IdGenerator;
  /** Needed by services that follow a workflow. */
  workflow?: WorkflowEngine;
  /** Needed by services whose effects write or cancel demands. */
  billing?: BillingEngine;
  rules: RuleSets;
  /** Time zone of the rules' date operations. */
  timeZone: string;
  /** Another service's runtime, for related records. */
  service: (name: string) => ServiceRuntime;
}

/** Who is calling: the authenticated user (the server's view, never the client's userInfo). */
export interface CallContext {
  caller: User;
}
