import type { EndpointAccess } from '../../access/index.ts';
import { parseInstant, parseSignedDuration, type MovableTime } from '../../clock/index.ts';
import { invalid } from '../../errors/index.ts';
import { answer, envelope } from '../openapi/route-doc.ts';
import type { Route } from '../route.ts';

export const CLOCK_PATHS = { 'clock.move': '/seva/clock/v1/_move' } as const;

/**
 * Reads and moves a movable clock (a server started with SEVA_CLOCK, never in production), so
 * time-dependent rules can be tried over HTTP: `{set: instant}` or `{advance: "P11D"}`, or neither
 * to read it. The answer is the clock's time after the move.
 */
export function clockRoutes(clock: MovableTime, access: EndpointAccess, tenants: () => string[]): Route[] {
  return [
    {
      path: CLOCK_PATHS['clock.move'],
      endpoint: 'clock.move',
      access,
      doc: {
        summary: 'Read or move the clock (not in production)',
        description: 'Served only by a server started with SEVA_CLOCK outside production: sets the time, advances it by a duration, or (neither) reads it.',
        body: envelope({
          set: { anyOf: [{ type: 'string', description: 'an instant with its offset, e.g. 2026-11-12T10:00:00+05:30' }, { type: 'integer', description: 'epoch milliseconds' }] },
          advance: { type: 'string', description: 'a duration such as P11D, PT2H or -P1D' },
        }),
        response: answer({ clock: { type: 'object', required: ['now', 'time'], properties: { now: { type: 'integer' }, time: { type: 'string' } } } }),
      },
      tenants,
      handle: async (req) => {
        const { set, advance } = req.body;
        if (set !== undefined && advance !== undefined) throw invalid('INVALID_CLOCK', 'give set or advance, not both', '$.advance');
        if (set !== undefined) {
          const at = typeof set === 'number' && Number.isSafeInteger(set) ? set : typeof set === 'string' ? parseInstant(set) : undefined;
          if (at === undefined) throw invalid('INVALID_CLOCK', `$.set must be an instant with its offset (2026-11-12T10:00:00+05:30) or epoch milliseconds, found ${JSON.stringify(set)}`, '$.set');
          clock.set(at);
        }
        if (advance !== undefined) {
          const by = typeof advance === 'string' ? parseSignedDuration(advance.startsWith('P') ? `+${advance}` : advance) : undefined;
          if (by === undefined) throw invalid('INVALID_CLOCK', `$.advance must be a duration such as P11D, PT2H or -P1D, found ${JSON.stringify(advance)}`, '$.advance');
          clock.advance(by);
        }
        const now = clock.now();
        return req.respond({ clock: { now, time: new Date(now).toISOString() } });
      },
    },
  ];
}
