// Persistence of the tenant to one JSON file. Writes are atomic: a temporary file in the same directory is written
// and fsync'ed, then renamed over the old file (and the directory fsync'ed), so a crash mid-write leaves either the
// old or the new state, never a torn file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SbState } from './types';

export function loadState(file: string): SbState | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const state = JSON.parse(text) as SbState;
  if (state.version !== 1 || typeof state.users !== 'object') throw new Error(`${file} is not a sandbox data file.`);
  return state;
}

export function saveState(file: string, state: SbState): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(state));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  try {
    const dfd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    /* directories cannot be fsync'ed on every platform */
  }
}
