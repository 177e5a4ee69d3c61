// `seva jobs …`: the engine without the HTTP listener and without schedules.
import { startSeva } from '../../engine/boot/index.ts';
import { optionsFromEnv } from '../config.ts';

export async function list(): Promise<void> {
  const seva = await startSeva(optionsFromEnv());
  try {
    const statuses = await seva.jobs.status();
    if (statuses.length === 0) console.log('No jobs are defined (definitions/jobs/).');
    for (const j of statuses) {
      const last = j.lastRun ? `last run ${new Date(j.lastRun.startedAt).toISOString()} ${j.lastRun.status} ${JSON.stringify(j.lastRun.counts)}` : 'never run';
      console.log(`${j.job}  "${j.schedule}" ${j.timeZone}${j.enabled ? '' : ' (disabled)'}  next ${j.nextRun?.toISOString() ?? '-'}  ${last}`);
      if (j.description) console.log(`    ${j.description}`);
    }
  } finally {
    await seva.close();
  }
}

export async function run(name: string): Promise<void> {
  const seva = await startSeva(optionsFromEnv());
  try {
    const run = await seva.jobs.run(name);
    console.log(`${run.job}: ${run.status} in ${(run.finishedAt ?? run.startedAt) - run.startedAt} ms ${JSON.stringify(run.counts)}`);
    if (run.error) console.log(run.error);
    if (run.status !== 'succeeded') process.exitCode = 1;
  } finally {
    await seva.close();
  }
}
