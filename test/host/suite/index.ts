// extensionTestsPath of the host suite: every *.test.js beside this file, in name order.
import { runMochaIn } from '../runMocha';
import { hostTestSetting } from './hostTestSettings';

export function run(): Promise<void> {
  return runMochaIn([__dirname], hostTestSetting<string>('grep') || undefined);
}
