// `seva openapi`: the OpenAPI 3.1 contract the server publishes at /openapi.json, printed. The
// engine starts on a throw-away in-memory database, so the answer is exactly the served document
// (the same routes, built the same way) and the configured database is never touched.
import { writeFileSync } from 'node:fs';
import { startSeva } from '../../engine/boot/index.ts';
import { createLogger } from '../../engine/log/index.ts';
import { optionsFromEnv } from '../config.ts';

export async function openapi(opts: { out?: string; definitions: string }): Promise<void> {
  const options = optionsFromEnv();
  // Logs go to stderr: stdout is the document.
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', process.stderr);
  const seva = await startSeva({ ...options, definitionsDir: opts.definitions, database: { dataDir: 'memory' }, logger });
  try {
    const res = await seva.app.request('/openapi.json');
    const text = `${JSON.stringify(await res.json(), null, 2)}\n`;
    if (opts.out) {
      writeFileSync(opts.out, text);
      console.error(`seva: wrote the OpenAPI document to ${opts.out}`);
    } else process.stdout.write(text);
  } finally {
    await seva.close();
  }
}
