// /_sandbox/*: control endpoints for processes that cannot call the library (clearly not Graph; no token needed).
//   GET  /_sandbox/health             → { status, url, now, seed, users, groups }
//   GET  /_sandbox/clock              → { now }
//   POST /_sandbox/clock {advanceMs} | {set: ISO} → { now }
//   GET  /_sandbox/requests[?since=SEQ] → { value: [log entries] }
//   POST /_sandbox/reset [{seed}]     → { status: 'reset' } (state back to the seed; log cleared; clock untouched)
import type { Engine } from './engine';
import { inClockRange as inRange } from './clock';
import { isSeedName, SEED_NAMES } from './seed/seeds';

export interface ControlAnswer {
  status: number;
  body: unknown;
}

export function control(
  engine: Engine,
  method: string,
  path: string,
  query: URLSearchParams,
  body: unknown,
  url: string,
  reseed: (seed?: string) => void,
): ControlAnswer {
  const b = (body ?? {}) as Record<string, unknown>;
  const route = `${method} ${path.replace(/\/$/, '')}`;
  switch (route) {
    case 'GET /_sandbox/health':
      return {
        status: 200,
        body: {
          status: 'ok',
          url,
          now: engine.clock.now().toISOString(),
          seed: engine.state.seed,
          users: Object.keys(engine.state.users).length,
          groups: Object.keys(engine.state.groups).length,
        },
      };
    case 'GET /_sandbox/clock':
      return { status: 200, body: { now: engine.clock.now().toISOString() } };
    case 'POST /_sandbox/clock':
      // Only instants Graph can write (years 1 to 9999): a clock past them would break every date on every answer.
      if (typeof b.advanceMs === 'number' && inRange(engine.clock.now().getTime() + b.advanceMs))
        engine.clock.advance(b.advanceMs);
      else if (typeof b.set === 'string' && inRange(Date.parse(b.set))) engine.clock.set(new Date(b.set));
      else
        return {
          status: 400,
          body: {
            error: {
              code: 'BadRequest',
              message: 'Send {"advanceMs": number} or {"set": "ISO date"}, landing between 0001-01-01 and 9999-12-31.',
            },
          },
        };
      return { status: 200, body: { now: engine.clock.now().toISOString() } };
    case 'GET /_sandbox/requests': {
      const since = Number(query.get('since') ?? 0);
      return { status: 200, body: { value: engine.log.filter((e) => e.seq > since) } };
    }
    case 'POST /_sandbox/reset':
      if (b.seed !== undefined && !isSeedName(b.seed))
        return {
          status: 400,
          body: { error: { code: 'BadRequest', message: `seed must be one of ${SEED_NAMES.join(', ')}.` } },
        };
      reseed(b.seed as string | undefined);
      return { status: 200, body: { status: 'reset', seed: engine.state.seed } };
    default:
      return { status: 404, body: { error: { code: 'NotFound', message: `No sandbox control endpoint ${route}.` } } };
  }
}
