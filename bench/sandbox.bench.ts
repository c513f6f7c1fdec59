// Sandbox throughput: 5,000 PIM-enabled groups x 10 assignments in memory, then simple GETs over keep-alive HTTP on
// loopback from concurrent clients in a worker thread (so the load generator does not share the server's event
// loop). Prints requests per second (target ≥ 2,000/s on a 2-core machine).
import * as http from 'node:http';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { startSandbox } from '../src/sandbox';
import { mintSandboxToken } from '../src/auth/sandboxToken';

const GROUPS = 5000,
  PER_GROUP = 10,
  REQUESTS = 20_000,
  CONCURRENCY = 16;

function get(agent: http.Agent, url: URL, path: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: url.hostname, port: url.port, path, headers: { Authorization: `Bearer ${token}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

interface Load {
  url: string;
  token: string;
  groupIds: string[];
}

/** Runs in the worker: warms up, then sends REQUESTS GETs from CONCURRENCY keep-alive connections. */
async function load({ url: base, token, groupIds }: Load): Promise<{ seconds: number; failures: number }> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const paths = (i: number) => {
    const g = groupIds[(i * 7919) % groupIds.length];
    return i % 3 === 0
      ? `/v1.0/groups/${g}`
      : i % 3 === 1
        ? `/v1.0/users/admin@contoso.com`
        : `/v1.0/identityGovernance/privilegedAccess/group/eligibilitySchedules?$filter=groupId%20eq%20'${g}'`;
  };
  for (let i = 0; i < 500; i++) await get(agent, url, paths(i), token);
  let next = 0,
    failures = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const status = await get(agent, url, paths(next++), token);
        if (status !== 200) failures++;
      }
    }),
  );
  agent.destroy();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, failures };
}

async function main() {
  const t0 = process.hrtime.bigint();
  const sb = await startSandbox({
    seed: 'demo',
    now: new Date('2026-11-26T10:00:00Z'),
    scale: { groups: GROUPS, assignmentsPerGroup: PER_GROUP },
  });
  const seeded = Number(process.hrtime.bigint() - t0) / 1e6;
  const groupIds = Object.keys(sb.state.groups);
  const schedules = Object.keys(sb.state.schedules).length;
  const token = mintSandboxToken({ upn: 'admin@contoso.com' });
  const worker = new Worker(__filename, { workerData: { url: sb.url, token, groupIds } satisfies Load });
  const { seconds, failures } = await new Promise<{ seconds: number; failures: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  await sb.close();
  const rss = Math.round(process.memoryUsage().rss / 1e6);
  console.log(
    `sandbox: ${groupIds.length} groups, ${schedules} schedules seeded in ${seeded.toFixed(0)} ms, RSS ${rss} MB`,
  );
  console.log(
    `sandbox: ${REQUESTS} simple GETs (group by id, user by UPN, schedules by groupId filter), ${CONCURRENCY} keep-alive clients: ${(REQUESTS / seconds).toFixed(0)} requests/s (${failures} non-200)`,
  );
}

if (isMainThread)
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
else load(workerData as Load).then((r) => parentPort!.postMessage(r));
