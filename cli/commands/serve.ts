// `seva serve` (what `npm start` runs): the engine behind an HTTP listener, with the jobs on their
// schedules, until SIGTERM or SIGINT.
import type { Server } from 'node:http';
import { serve as listen } from '@hono/node-server';
import { startSeva, type Seva } from '../../engine/boot/index.ts';
import { optionsFromEnv } from '../config.ts';

/** How long a stop waits for requests in flight before it closes their connections. */
const DRAIN_MS = 10_000;

export async function serve(): Promise<void> {
  const options = optionsFromEnv();
  // A signal during start-up stops the server as soon as it is up (the database is then closed
  // properly and the data directory unlocked) rather than killing it half way through a
  // migration; a second one, a second or more later, does not wait.
  let startSignal: { signal: NodeJS.Signals; at: number } | undefined;
  let stop = (signal: NodeJS.Signals) => {
    if (!startSignal) {
      startSignal = { signal, at: Date.now() };
      console.error(`${signal}: stopping once start-up is done`);
    } else if (Date.now() - startSignal.at >= 1000) {
      console.error(`${signal} again: exiting during start-up`);
      process.exit(1);
    }
  };
  const onSignal = (signal: NodeJS.Signals) => stop(signal);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const seva = await startSeva({ ...options, scheduleJobs: true });
  const where = seva.database.dialect === 'pglite' ? `embedded PGlite in ${seva.database.location}` : `Postgres at ${seva.database.location}`;
  console.log(`Seva is serving ${seva.registry.services.length} service(s) and ${seva.registry.workflows.length} workflow(s) on ${where}`);
  if (seva.registry.jobs.length > 0) console.log(`Scheduled ${seva.registry.jobs.filter((j) => j.enabled !== false).length} job(s): ${seva.registry.jobs.map((j) => j.job).join(', ')}`);
  if (seva.migration.applied.length > 0) console.log(`Applied ${seva.migration.applied.length} migration step(s).`);
  if (options.clock) {
    console.log(`The clock is movable (SEVA_CLOCK=${process.env.SEVA_CLOCK}): it reads ${new Date(options.clock.now()).toISOString()}; POST /seva/clock/v1/_move sets or advances it. Never in production.`);
  }
  if (seva.admin) {
    console.log(`Created user '${seva.admin.userName}' (SUPERUSER at ${seva.admin.tenantId}).`);
    if (seva.admin.generated) console.log(`Its password, shown this once: ${seva.admin.password}`);
  }
  const server = listen({ fetch: seva.app.fetch, port: options.port }) as Server;
  const listening = await new Promise<boolean>((resolve) => {
    server.once('listening', () => resolve(true));
    server.once('error', (err) => {
      console.error(`cannot listen on port ${options.port}: ${err.message}`);
      resolve(false);
    });
  });
  if (!listening) {
    await seva.close();
    process.exit(1);
  }
  console.log(`Listening on http://localhost:${options.port}`);

  let stopping = 0;
  stop = (signal) => {
    if (stopping) {
      // Ctrl-C reaches this process twice (from the terminal, and forwarded by npm): only a signal
      // sent again later means "do not wait".
      if (Date.now() - stopping < 1000) return;
      console.error(`${signal} again: exiting without waiting for requests and jobs`);
      process.exit(1);
    }
    stopping = Date.now();
    void shutdown(server, seva, signal).then(
      (line) => {
        console.log(line);
        process.exit(0);
      },
      (err: unknown) => {
        console.error('Seva did not stop cleanly:', err);
        process.exit(1);
      },
    );
  };
  if (startSignal) stop(startSignal.signal);
}

/** Stops taking connections, lets requests in flight finish, then stops the jobs and closes the database. */
async function shutdown(server: Server, seva: Seva, signal: NodeJS.Signals): Promise<string> {
  const started = Date.now();
  let cut = 0;
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Idle keep-alive connections would hold close() open: end them now, busy ones once they finish.
    server.closeIdleConnections();
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => {
      cut = 1;
      server.closeAllConnections();
    }, DRAIN_MS);
    server.once('close', () => {
      clearInterval(idle);
      clearTimeout(deadline);
    });
  });
  await seva.close();
  const where = seva.database.dialect === 'pglite' ? `database closed, ${seva.database.location} unlocked` : 'database closed';
  return `Seva stopped on ${signal} in ${Date.now() - started} ms: ${cut ? `requests still running after ${DRAIN_MS / 1000} s were cut off` : 'requests drained'}, jobs stopped, ${where}.`;
}
