// A sandbox in a process of its own, for benchmarks that measure the client: the real service's CPU and memory are
// not on the admin's machine, so sharing one event loop and one heap with the sandbox would bill its work to the
// client (at 5,000 groups the sandbox spends about half of the CPU of a plan). The child seeds its tenant, starts
// the sandbox and answers a few questions over the IPC channel: how many requests it served, its peak memory.
import { fork, type ChildProcess } from 'node:child_process';

export interface SandboxProcess<Info> {
  url: string;
  /** What the child's seeding reports back (names, dates: whatever the benchmark needs to write definitions). */
  info: Info;
  /** Requests served so far, outer and inside $batch (the sandbox's request log). */
  requestCount(): Promise<number>;
  /** The child's peak resident memory in bytes. */
  peakRss(): Promise<number>;
  close(): Promise<void>;
}

type Question = 'requestCount' | 'peakRss';
interface Answer {
  id: number;
  value: number;
}

/** Forks `childModule` (a compiled .js that calls `serveSandboxChild`) with `setup` and waits for its sandbox. */
export function forkSandbox<Info>(childModule: string, setup: unknown): Promise<SandboxProcess<Info>> {
  const child: ChildProcess = fork(childModule, [JSON.stringify(setup)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (value: number) => void>();
  let next = 0;
  const ask = (question: Question) =>
    new Promise<number>((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      child.send({ id, question });
    });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the sandbox process exited (${code}) before it was ready`)));
    child.on('message', (m: { ready?: { url: string; info: Info } } & Partial<Answer>) => {
      if (m.ready) {
        child.removeAllListeners('exit');
        resolve({
          url: m.ready.url,
          info: m.ready.info,
          requestCount: () => ask('requestCount'),
          peakRss: () => ask('peakRss'),
          close: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.send({ close: true });
            }),
        });
        return;
      }
      if (m.id !== undefined) {
        waiting.get(m.id)?.(m.value ?? 0);
        waiting.delete(m.id);
      }
    });
  });
}

/** The child's side: `start` seeds and starts the sandbox; the rest answers the parent until it says close. */
export async function serveSandboxChild<Info>(
  start: (
    setup: unknown,
  ) => Promise<{ url: string; info: Info; requestCount: () => number; close: () => Promise<void> }>,
): Promise<void> {
  const sb = await start(JSON.parse(process.argv[2] ?? '{}'));
  process.on('message', async (m: { id?: number; question?: Question; close?: boolean }) => {
    if (m.close) {
      await sb.close();
      process.exit(0);
    }
    const value = m.question === 'requestCount' ? sb.requestCount() : process.resourceUsage().maxRSS * 1024;
    process.send!({ id: m.id, value });
  });
  process.send!({ ready: { url: sb.url, info: sb.info } });
}
