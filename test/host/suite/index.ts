// extensionTestsPath of the host suite: every *.test.js beside this file, in name order.
import * as path from 'path';
import { runMochaIn } from '../runMocha';
import { hostTestSetting } from './hostTestSettings';

/** out/test/host/suite/x.test.js → test/host/suite/x.test.ts */
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const sourceOf = (compiled: string): string =>
  path.join(repoRoot, path.relative(path.join(repoRoot, 'out'), compiled)).replace(/\.js$/, '.ts');

export function run(): Promise<void> {
  return runMochaIn([__dirname], hostTestSetting<string>('grep') || undefined, sourceOf);
}
