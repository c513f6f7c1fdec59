// extensionTestsPath of the README pictures' scene (harness --scene): every *.test.js beside this file, in name
// order, in one window opened on a copy of examples/ and connected to the demo sandbox tenant.
import * as path from 'path';
import { runMochaIn } from '../runMocha';
import { hostTestSetting } from '../suite/hostTestSettings';

/** out/test/host/scene/x.test.js → test/host/scene/x.test.ts */
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const sourceOf = (compiled: string): string =>
  path.join(repoRoot, path.relative(path.join(repoRoot, 'out'), compiled)).replace(/\.js$/, '.ts');

export function run(): Promise<void> {
  return runMochaIn([__dirname], hostTestSetting<string>('grep') || undefined, sourceOf);
}
