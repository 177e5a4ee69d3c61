import type { Clock } from '../clock/index.ts';
import type { IdGenerator } from '../idgen/index.ts';
import type { Mdms } from '../mdms/index.ts';
import type { Db } from '../store/index.ts';
import type { User } from '../users/index.ts';
import type { WorkflowEngine } from '../workflow/index.ts';

/** What the runtime needs from the rest of the engine. */
export interface RuntimeDeps {
  db: Db;
  clock: Clock;
  mdms: () => Mdms;
  idgen: IdGenerator;
  /** Needed by services that follow a workflow. */
  workflow?: WorkflowEngine;
}

/** Who is calling: the authenticated user (the server's view, never the client's userInfo). */
export interface CallContext {
  caller: User;
}
