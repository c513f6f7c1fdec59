// Seeded, reproducible faults for tests and benchmarks. Spec string (all keys optional):
//   seed=42,rate=0.1,kinds=429+503+reset,retryAfter=1,latency=20,path=/identityGovernance,methods=POST+PATCH,after=3,lag=2000
// seed: PRNG seed; rate: probability a matching request fails; kinds: which failures to draw from (429 with
// Retry-After, 503 with Retry-After, reset = socket destroyed before any response; and the faults AFTER processing,
// where the write is applied and then its answer is lost: reset-after = socket destroyed, 503-after = a 503 in
// place of the real answer; inside $batch reset-after also answers 503); retryAfter: seconds;
// latency: ms added to every response; path: only paths containing this text; methods: only these methods;
// after: the first N matching requests never fail (lets a client authenticate/warm up); lag: eventual consistency
// in ms (replication.ts), the same as the --consistency-lag option.
// The same spec and the same request sequence give the same faults: one PRNG, advanced per matching request.

export type FaultKind = '429' | '503' | 'reset' | 'reset-after' | '503-after';
const KINDS: FaultKind[] = ['429', '503', 'reset', 'reset-after', '503-after'];

/** A fault that lets the request be processed and then loses its answer. */
export const isAfterProcessing = (k: FaultKind | null | undefined): k is 'reset-after' | '503-after' =>
  k === 'reset-after' || k === '503-after';

export interface FaultSpec {
  seed?: number;
  rate?: number;
  kinds?: FaultKind[];
  retryAfter?: number;
  latencyMs?: number;
  path?: string;
  methods?: string[];
  after?: number;
  /** Eventual consistency: new objects replicate within this many ms (see replication.ts). */
  lagMs?: number;
}

export function parseFaultSpec(text: string): FaultSpec {
  const spec: FaultSpec = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new Error(`Fault spec: '${part}' is not key=value.`);
    const key = part.slice(0, eq).trim(),
      value = part.slice(eq + 1).trim();
    const num = () => {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new Error(`Fault spec: '${key}' needs a non-negative number.`);
      return n;
    };
    switch (key) {
      case 'seed':
        spec.seed = num();
        break;
      case 'rate':
        spec.rate = num();
        if (spec.rate > 1) throw new Error('Fault spec: rate is a probability between 0 and 1.');
        break;
      case 'kinds':
        spec.kinds = value.split('+').map((k) => {
          if (!KINDS.includes(k as FaultKind))
            throw new Error(`Fault spec: unknown kind '${k}' (use ${KINDS.join(', ')}).`);
          return k as FaultKind;
        });
        break;
      case 'retryAfter':
        spec.retryAfter = num();
        break;
      case 'latency':
      case 'latencyMs':
        spec.latencyMs = num();
        break;
      case 'path':
        spec.path = value;
        break;
      case 'methods':
        spec.methods = value.split('+').map((m) => m.toUpperCase());
        break;
      case 'after':
        spec.after = num();
        break;
      case 'lag':
        spec.lagMs = num();
        break;
      default:
        throw new Error(`Fault spec: unknown key '${key}'.`);
    }
  }
  return spec;
}

/** mulberry32: small, fast, good enough to spread faults; reproducible from the seed. Tests reuse it. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private readonly next: () => number;
  private matched = 0;
  constructor(readonly spec: FaultSpec) {
    this.next = prng(spec.seed ?? 1);
  }

  /** Decides the fault for one request (outer or inside $batch). */
  decide(method: string, path: string): FaultKind | null {
    const s = this.spec;
    if (!s.rate) return null;
    if (s.methods && !s.methods.includes(method.toUpperCase())) return null;
    if (s.path && !path.includes(s.path)) return null;
    this.matched += 1;
    const roll = this.next(),
      pick = this.next();
    if (this.matched <= (s.after ?? 0) || roll >= s.rate) return null;
    const kinds = s.kinds?.length ? s.kinds : (['429', '503'] as FaultKind[]);
    return kinds[Math.floor(pick * kinds.length)];
  }
}

/** Graph-like throttling: a per-caller budget of `requests` per `perMs` window (fixed windows, real time). */
export class Throttle {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(
    readonly budget: { requests: number; perMs: number },
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** null when allowed; otherwise the Retry-After in seconds (until the caller's window ends). */
  take(caller: string): number | null {
    const now = this.nowMs();
    let w = this.windows.get(caller);
    if (!w || now - w.start >= this.budget.perMs) {
      w = { start: now, count: 0 };
      this.windows.set(caller, w);
    }
    if (w.count < this.budget.requests) {
      w.count += 1;
      return null;
    }
    return Math.max(1, Math.ceil((w.start + this.budget.perMs - now) / 1000));
  }
}

export function parseThrottle(text: string): { requests: number; perMs: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
    throw new Error(`Throttle '${text}' must look like REQUESTS/MS, e.g. 100/10000.`);
  return { requests: Number(m[1]), perMs: Number(m[2]) };
}
