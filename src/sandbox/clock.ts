// The sandbox's clock. Schedules start and expire against it, so tests move time instead of waiting.
// Given a start (`now` option) it is frozen and moves only when told; otherwise it follows real time plus an offset.

export interface SandboxClock {
  now(): Date;
  advance(ms: number): void;
  set(d: Date): void;
}

export function createClock(start?: Date): SandboxClock {
  if (start) {
    let t = start.getTime();
    return {
      now: () => new Date(t),
      advance: (ms) => { t += ms; },
      set: (d) => { t = d.getTime(); },
    };
  }
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => { offset += ms; },
    set: (d) => { offset = d.getTime() - Date.now(); },
  };
}
