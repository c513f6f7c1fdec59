// The module VS Code requires as extensionTestsPath must export run(): Promise<void>; resolve → exit code 0,
// reject → 1. Shared by every host suite, under code-server (test/host/harness) and @vscode/test-electron.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

/**
 * Adds every *.test.js in `dirs`, except compiled tests whose TypeScript source is gone (tsc never deletes its
 * old output, and a stale test in out/ would still run). `sourceOf` maps a compiled file to its source.
 */
export function runMochaIn(
  dirs: readonly string[],
  grep?: string,
  sourceOf?: (compiled: string) => string,
): Promise<void> {
  // The extension host forwards console.log's arguments to the workbench joined by spaces, WITHOUT printf
  // formatting ("%s%s  suite title"); pre-format mocha's reporter output. Harmless in desktop VS Code.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec' });
  if (grep) mocha.grep(grep);
  for (const dir of dirs) {
    for (const file of fs.readdirSync(dir).sort()) {
      if (!file.endsWith('.test.js')) continue;
      const compiled = path.join(dir, file);
      if (sourceOf && !fs.existsSync(sourceOf(compiled)))
        console.log(`[pim-host] not running ${file}: its source is gone`);
      else mocha.addFile(compiled);
    }
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} host test(s) failed.`)) : resolve()));
    } catch (err) {
      reject(err);
    }
  });
}
