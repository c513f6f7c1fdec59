import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Client, T0, withSandbox } from './harness';
import { compareShape } from './shapeCompare';
import { CASES } from './conformanceCases';

// Every documented request in test/fixtures/graph-examples (copied from Microsoft's docs; see its README) is sent to
// the sandbox over HTTP and must be accepted or refused as the documented response says, with the documented
// property names, casing and value types.
const EXAMPLES = path.resolve(__dirname, '../../../../test/fixtures/graph-examples');

function exampleFiles(): string[] {
  return fs
    .readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      fs
        .readdirSync(path.join(EXAMPLES, d.name))
        .filter((f) => f.endsWith('.json'))
        .map((f) => `${d.name}/${f}`),
    )
    .sort();
}

const substitute = (text: string, map: Record<string, string>) =>
  Object.entries(map).reduce((t, [from, to]) => t.split(from).join(to), text);

describe('sandbox conformance with the documented Graph examples', function () {
  it('the examples folder passes its own check.mjs', () => {
    const out = execFileSync(process.execPath, [path.join(EXAMPLES, 'check.mjs')], { encoding: 'utf8' });
    assert.match(out.trim().split('\n').pop()!, /^\d+ passed, 0 failed$/);
  });

  for (const file of exampleFiles()) {
    const doc = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
    const spec = CASES[file] ?? {};
    if (doc.bodyOnly) {
      it(`${file}: the sandbox's error body has the documented shape`, async () => {
        const { sb, admin } = await withSandbox();
        try {
          const r = await admin.get('/v1.0/groups/00000000-0000-4000-8000-000000000000');
          assert.deepEqual(compareShape(doc.response.body, r.body), []);
        } finally {
          await sb.close();
        }
      });
      continue;
    }
    const expected = spec.status ?? doc.response.status;
    it(`${file}: ${doc.request.method} → ${expected}${spec.reason ? ` (${spec.reason})` : ''}`, async () => {
      const { sb, admin } = await withSandbox({ now: spec.now ? new Date(spec.now) : T0 });
      try {
        const map = spec.map ? await spec.map({ sb, admin }) : {};
        const url = substitute(doc.request.url, map);
        const body =
          doc.request.body === null ? undefined : JSON.parse(substitute(JSON.stringify(doc.request.body), map));
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(doc.request.headers ?? {}))
          if (k.toLowerCase() !== 'content-type') headers[k] = String(v);
        const caller: Client = spec.as ? admin.as(spec.as) : admin;
        const r = await caller.call(doc.request.method, url, body, headers);
        assert.equal(r.status, expected, JSON.stringify(r.body).slice(0, 500));
        if (spec.body === 'skip' || doc.response.body === null) return;
        const documented = spec.body === 'valueOfDoc' ? doc.response.body.value[0] : doc.response.body;
        const diffs = compareShape(documented, r.body, { lenient: spec.lenient, ignore: spec.ignore });
        assert.deepEqual(diffs, [], diffs.join('\n'));
      } finally {
        await sb.close();
      }
    });
  }

  it('json-batching/1: the batch envelope has the documented shape for each inner answer', async () => {
    const doc = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'json-batching/1-batch-five-requests.json'), 'utf8'));
    const { sb, admin } = await withSandbox();
    try {
      const r = await admin.post('/v1.0/$batch', doc.request.body);
      assert.equal(r.status, 200);
      assert.equal(r.body.responses.length, 5);
      for (const inner of r.body.responses) {
        assert.deepEqual(Object.keys(inner).sort(), ['body', 'headers', 'id', 'status']);
        if (inner.status >= 400) assert.deepEqual(compareShape(doc.response.body.responses[2].body, inner.body), []);
      }
      const users = r.body.responses.find((x: { id: string }) => x.id === '5');
      assert.equal(users.status, 200, 'users?$select..&$count=true with ConsistencyLevel inside the batch');
      assert.deepEqual(
        compareShape(doc.response.body.responses.find((x: { id: string }) => x.id === '5').body, users.body, {
          lenient: ['$.value'],
        }),
        [],
      );
    } finally {
      await sb.close();
    }
  });
});
