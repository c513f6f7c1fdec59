// The sandbox's clock. Schedules start and expire against it, so tests move time instead of waiting.
// Given a start (`now` option) it is frozen and moves only when told; otherwise it follows real time plus an offset.

export interface SandboxClock {
  now(): Date;
  advance(ms: number): void;
  set(d: Date): void;
}

const MIN = Date.parse('0001-01-01T00:00:00.000Z');
const MAX = Date.parse('9999-12-31T23:59:59.999Z');

/** Instants Graph can write (years 1 to 9999); the clock never leaves them, or every date it answers would break. */
export const inClockRange = (ms: number) => Number.isFinite(ms) && ms >= MIN && ms <= MAX;

function checked(ms: number): number {
  if (!inClockRange(ms)) throw new RangeError('The sandbox clock stays between 0001-01-01 and 9999-12-31.');
  return ms;
}

export function createClock(start?: Date): SandboxClock {
  if (start) {
    let t = checked(start.getTime());
    return {
      now: () => new Date(t),
      advance: (ms) => {
        t = checked(t + ms);
      },
      set: (d) => {
        t = checked(d.getTime());
      },
    };
  }
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset = checked(Date.now() + offset + ms) - Date.now();
    },
    set: (d) => {
      offset = checked(d.getTime()) - Date.now();
    },
  };
}
