import { findRecord, insertRecord, updateRecord } from '../persister/index.ts';
import type { Db } from '../store/index.ts';
import { instanceTable, transitionTable } from './tables.ts';

/** Where an application is now. */
export interface Instance {
  id: string;
  tenantId: string;
  businessService: string;
  businessId: string;
  moduleName: string;
  state: string;
  applicationStatus: string;
  assignees: string[];
  transitions: number;
  stateSince: number;
  lastTransitionId: string;
  /** Who took the action that brought the application into its current state. */
  lastActor: string;
  createdBy: string;
  createdTime: number;
  lastModifiedTime: number;
}

/** One action taken on an application. */
export interface Transition {
  id: string;
  instanceId: string;
  seq: number;
  tenantId: string;
  businessService: string;
  businessId: string;
  moduleName: string;
  action: string;
  fromState: string | null;
  toState: string;
  applicationStatus: string;
  comment: string | null;
  documents: unknown[];
  assigner: string;
  assignees: string[];
  escalated: boolean;
  createdTime: number;
}

export function findInstance(db: Db, businessService: string, tenantId: string, businessId: string, forUpdate: boolean): Promise<Instance | undefined> {
  return findRecord(db, instanceTable, { businessService, tenantId, businessId }, forUpdate);
}

export function insertInstance(db: Db, i: Instance): Promise<void> {
  return insertRecord(db, instanceTable, i);
}

/** Moves an instance on if it has still taken `previousTransitions` actions; false when it has not. */
export function advanceInstance(db: Db, i: Instance, previousTransitions: number): Promise<boolean> {
  return updateRecord(db, instanceTable, i, { transitions: previousTransitions });
}

export function insertTransition(db: Db, t: Transition): Promise<void> {
  return insertRecord(db, transitionTable, t);
}
