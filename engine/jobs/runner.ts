import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Cron } from 'croner';
import type { JobDefinition } from '../definitions/index.ts';
import { notFound } from '../errors/index.ts';
import type { Logger } from '../log/index.ts';
import { uniqueViolationOf, withExclusiveLock, type Database } from '../store/index.ts';
import { runAdjustment, runEscalation, runRequests, type ActionDeps, type ActionResult } from './actions.ts';
import { finishRun, insertRun, recentRuns, type JobRun } from './runs.ts';

export interface JobRunnerDeps extends ActionDeps {
  database: Database;
  /** Default time zone of schedules and of dates in request bodies. */
  timeZone: string;
  logger?: Logger;
}

export interface JobStatus {
  job: string;
  description?: string;
  schedule: string;
  timeZone: string;
  enabled: boolean;
  nextRun: Date | null;
  lastRun?: JobRun;
}

/**
 * Runs the jobs the definitions declare, on their schedules or by hand. One process runs a given
 * job at a time (an advisory lock on Postgres), a scheduled slot is run once across processes (a
 * unique row per slot), and every run is recorded with its counts and errors.
 */
export class JobRunner {
  private readonly schedules: Cron[] = [];
  private readonly runner = `${hostname()}:${process.pid}`;

  constructor(
    private readonly definitions: JobDefinition[],
    private readonly deps: JobRunnerDeps,
  ) {}

  jobs(): JobDefinition[] {
    return this.definitions;
  }

  private zoneOf(job: JobDefinition): string {
    return job.timeZone ?? this.deps.timeZone;
  }

  private require(name: string): JobDefinition {
    const job = this.definitions.find((j) => j.job === name);
    if (!job) throw notFound('JOB_NOT_FOUND', `no job '${name}' (jobs: ${this.definitions.map((j) => j.job).join(', ') || 'none'})`);
    return job;
  }

  private execute(job: JobDefinition): Promise<ActionResult> {
    if (job.escalate) return runEscalation(job, this.deps);
    if (job.adjust) return runAdjustment(job, this.deps);
    return runRequests(job, this.deps, this.zoneOf(job));
  }

  /** Runs a job now. `scheduledFor` names the slot of a scheduled run, which is run only once. */
  async run(name: string, options: { trigger?: JobRun['trigger']; scheduledFor?: number } = {}): Promise<JobRun> {
    const job = this.require(name);
    const db = this.deps.database.db;
    const run: JobRun = {
      id: randomUUID(),
      job: name,
      trigger: options.trigger ?? 'manual',
      scheduledFor: options.scheduledFor ?? null,
      startedAt: this.deps.clock.now(),
      finishedAt: null,
      status: 'running',
      counts: {},
      error: null,
      runner: this.runner,
    };
    const outcome = await withExclusiveLock(this.deps.database, `seva.job.${name}`, async () => {
      try {
        await insertRun(db, run);
      } catch (err) {
        if (uniqueViolationOf(err)) return { ...run, status: 'skipped' as const, error: 'this scheduled slot was already run by another process' };
        throw err;
      }
      try {
        const result = await this.execute(job);
        run.counts = result.counts;
        run.status = result.errors.length > 0 ? 'failed' : 'succeeded';
        run.error = result.errors.length > 0 ? result.errors.slice(0, 20).join('\n') : null;
      } catch (err) {
        run.status = 'failed';
        run.error = (err as Error).message;
        this.deps.logger?.error({ err, job: name }, 'job failed');
      }
      run.finishedAt = this.deps.clock.now();
      await finishRun(db, run);
      return run;
    });
    if (outcome.acquired) return outcome.result;
    // Recorded without its slot: the slot belongs to the run in progress.
    const skipped: JobRun = { ...run, scheduledFor: null, status: 'skipped', finishedAt: run.startedAt, error: 'another run of this job was in progress' };
    await insertRun(db, skipped);
    return skipped;
  }

  /** Puts every enabled job on its schedule. */
  start(): void {
    for (const job of this.definitions.filter((j) => j.enabled !== false)) {
      const cron: Cron = new Cron(job.schedule, { timezone: this.zoneOf(job), protect: true }, async () => {
        // The slot, to the second, is the same in every process that fires for it.
        const slot = Math.floor((cron.currentRun()?.getTime() ?? Date.now()) / 1000) * 1000;
        try {
          const run = await this.run(job.job, { trigger: 'schedule', scheduledFor: slot });
          this.deps.logger?.info({ job: job.job, status: run.status, counts: run.counts }, 'job ran');
        } catch (err) {
          this.deps.logger?.error({ err, job: job.job }, 'job could not run');
        }
      });
      this.schedules.push(cron);
    }
  }

  stop(): void {
    for (const cron of this.schedules.splice(0)) cron.stop();
  }

  async status(): Promise<JobStatus[]> {
    const out: JobStatus[] = [];
    for (const job of this.definitions) {
      const cron = new Cron(job.schedule, { timezone: this.zoneOf(job), paused: true });
      const nextRun = cron.nextRun(new Date(this.deps.clock.now()));
      cron.stop();
      const [lastRun] = await recentRuns(this.deps.database.db, job.job, 1);
      out.push({ job: job.job, description: job.description, schedule: job.schedule, timeZone: this.zoneOf(job), enabled: job.enabled !== false, nextRun, lastRun });
    }
    return out;
  }

  recentRuns(name: string, limit = 20): Promise<JobRun[]> {
    this.require(name);
    return recentRuns(this.deps.database.db, name, limit);
  }
}
