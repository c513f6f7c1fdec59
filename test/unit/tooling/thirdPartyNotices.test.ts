// The bundles are minified without licence comments, so the licence texts of what they contain ship in
// dist/ThirdPartyNotices.txt, beside dist/cli.js and in the .vsix (.vscodeignore keeps it; the manifest test checks).
// dist/ is built by `npm test` (or `npm run build`) before the unit tier runs.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../manifest/repoRoot';

const root = repoRoot();
const notices = path.join(root, 'dist', 'ThirdPartyNotices.txt');

describe('third-party notices', () => {
  it('are written beside the bundles by the build', () => {
    assert.ok(existsSync(path.join(root, 'dist', 'cli.js')), 'dist/cli.js is missing: run npm run build first');
    assert.ok(existsSync(notices), 'dist/ThirdPartyNotices.txt is missing after a build');
  });

  it('name the packages the engine and CLI bundle, each with its version and licence text', () => {
    const text = readFileSync(notices, 'utf8');
    for (const name of ['yaml', 'ajv', '@azure/identity', '@azure/msal-node', '@microsoft/microsoft-graph-client']) {
      const version = JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
      assert.ok(text.includes(`${name}@${version}\n`), `${name}@${version} is not in dist/ThirdPartyNotices.txt`);
    }
    assert.match(text, /Permission is hereby granted, free of charge/); // the MIT text itself, not just its name
  });
});
