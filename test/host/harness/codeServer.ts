// Starts code-server for one run and ends it with everything it spawned (extension host, pty host, watcher).
import * as cp from 'child_process';
import * as path from 'path';
import type { RunProfile } from './profile';

export interface CodeServer {
  pid: number;
  /** e.g. http://127.0.0.1:34567/ */
  url: URL;
  /** SIGTERM to the whole process group, SIGKILL 3 s later if anything is left; resolves when it is gone. */
  stop(): Promise<void>;
}

export interface CodeServerEvents {
  output(stream: 'stdout' | 'stderr', text: string): void;
  /** code-server died after it was up: the run cannot finish normally. */
  unexpectedExit(description: string): void;
}

export function startCodeServer(entry: string, profile: RunProfile, events: CodeServerEvents): Promise<CodeServer> {
  const args = [
    entry,
    '--bind-addr',
    '127.0.0.1:0', // the kernel picks a free port; code-server logs the real one
    '--auth',
    'none',
    '--config',
    profile.configFile,
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--locale',
    'en',
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_DATA_HOME: path.join(profile.tmp, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(profile.tmp, 'xdg-config'),
    XDG_CACHE_HOME: path.join(profile.tmp, 'xdg-cache'),
    // code-server's default open-vsx gallery fails offline with ENOTFOUND; '{}' turns the gallery off.
    EXTENSIONS_GALLERY: '{}',
  };
  delete env.VSCODE_IPC_HOOK_CLI; // when started from a VS Code terminal, never talk to that window
  // Node directly (not the sh wrapper), detached: code-server leads its own process group, which stop() signals.
  const child = cp.spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  const gone = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let stopping = false;

  const stop = async (): Promise<void> => {
    stopping = true;
    if (pid === undefined) return;
    signalGroup(pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 3000);
    await gone;
    // The leader can exit before its children: make sure the group is empty.
    await new Promise((r) => setTimeout(r, 300));
    signalGroup(pid, 'SIGKILL');
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    if (pid === undefined) {
      reject(new Error(`could not start ${process.execPath} ${entry}`));
      return;
    }
    let banner = '';
    let up = false;
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      events.output('stdout', text);
      if (up) return;
      banner += text;
      const m = banner.match(/HTTP server listening on (http:\/\/\S+)/);
      if (m) {
        up = true;
        resolve({ pid, url: new URL(m[1]), stop });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      events.output('stderr', text);
      if (!up) banner += text;
    });
    child.on('exit', (code, signal) => {
      if (!up) reject(new Error(`code-server exited before listening (code ${code}, signal ${signal}):\n${banner}`));
      else if (!stopping) events.unexpectedExit(`code-server exited (code ${code}, signal ${signal})`);
    });
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* the group is already gone */
  }
}
