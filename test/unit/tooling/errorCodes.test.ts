// The extension and the engine are two bundles, each with its own copy of a class: an engine error is recognised
// by its stable `code`, never by `instanceof` across the bundles or by its name.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ActivationRefused } from '../../../src/activation/activate';
import { PlanHasErrorsError, StalePlanError } from '../../../src/apply/model';
import { DiscoveryError } from '../../../src/definitions/discovery';
import { CancelledError, TransportError } from '../../../src/graph/errors';
import { filesUnder, repoRoot } from '../manifest/repoRoot';

const ERRORS: [Error & { code: string }, string][] = [
  [new StalePlanError(), 'PIM_STALE_PLAN'],
  [new PlanHasErrorsError(2), 'PIM_PLAN_HAS_ERRORS'],
  [new ActivationRefused('refused'), 'PIM_ACTIVATION_REFUSED'],
  [new CancelledError(), 'PIM_CANCELLED'],
  [new TransportError('refused host'), 'PIM_TRANSPORT'],
  [new DiscoveryError('missing', '/x', 'missing'), 'PIM_DISCOVERY'],
];

describe('engine errors across bundles', () => {
  it('carry a stable code', () => {
    for (const [error, code] of ERRORS) assert.equal(error.code, code, error.name);
  });

  it('are never matched by name in the extension', () => {
    const root = repoRoot();
    const names = ERRORS.map(([e]) => e.name);
    const offenders = filesUnder(root, 'src/extension', /\.ts$/).filter((f) => {
      const text = readFileSync(path.join(root, f), 'utf8');
      return names.some((n) => text.includes(`'${n}'`) || text.includes(`"${n}"`));
    });
    assert.deepEqual(offenders, []);
  });
});
