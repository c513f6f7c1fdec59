// An in-process CliIo for running commands in tests: captures output, never a TTY unless asked.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';

export interface TestIo extends CliIo {
  lines: string[];
  errors: string[];
  text(): string;
}

export function testIo(cwd: string, opts: { tty?: boolean; answer?: boolean } = {}): TestIo {
  const lines: string[] = [],
    errors: string[] = [];
  return {
    lines,
    errors,
    cwd,
    env: {},
    isTty: Boolean(opts.tty),
    signal: new AbortController().signal,
    out: (l) => lines.push(l),
    err: (l) => errors.push(l),
    confirm: async () => Boolean(opts.answer),
    text: () => [...lines, ...errors].join('\n'),
  };
}

export async function run(argv: string[], io: TestIo): Promise<number> {
  return main(argv, io);
}

export function tempWorkspace(withExamples = true): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pim-groups-'));
  if (withExamples)
    fs.cpSync(path.resolve(__dirname, '../../../../examples'), path.join(dir, 'examples'), { recursive: true });
  return dir;
}

export function allFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
}
